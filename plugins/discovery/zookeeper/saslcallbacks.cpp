#include "saslcallbacks.h"

#include <cstring>
#include <mutex>
#include <openssl/crypto.h>

namespace cx::zookeeperdiscovery {

namespace {

/// Cyrus SASL keeps every callback as int (*)(void) and calls it with its real type; the
/// detour through void (*)(void), which GCC treats as matching any function type, says so.
template<typename Function> int (*asCallback(Function *function))()
{
    return reinterpret_cast<int (*)()>(reinterpret_cast<void (*)()>(function));
}

} // namespace

SaslCallbacks::SaslCallbacks(QByteArray username, QByteArray password)
    : m_username(std::move(username))
{
    if (!m_username.isEmpty()) {
        m_secret.resize(sizeof(sasl_secret_t) + size_t(password.size()));
        auto *secretValue = reinterpret_cast<sasl_secret_t *>(m_secret.data());
        secretValue->len = static_cast<unsigned long>(password.size());
        std::memcpy(secretValue->data, password.constData(), size_t(password.size()));
        OPENSSL_cleanse(password.data(), size_t(password.size()));
        m_callbacks.push_back({SASL_CB_USER, asCallback(&simple), this});
        m_callbacks.push_back({SASL_CB_AUTHNAME, asCallback(&simple), this});
        m_callbacks.push_back({SASL_CB_PASS, asCallback(&secret), this});
        m_callbacks.push_back({SASL_CB_GETREALM, asCallback(&realm), this});
    }
    m_callbacks.push_back({SASL_CB_LIST_END, nullptr, nullptr});
}

SaslCallbacks::~SaslCallbacks()
{
    if (!m_secret.empty())
        OPENSSL_cleanse(m_secret.data(), m_secret.size());
}

bool SaslCallbacks::initializeLibrary()
{
    static std::once_flag once;
    static int result = SASL_FAIL;
    std::call_once(once, [] { result = sasl_client_init(nullptr); });
    return result == SASL_OK;
}

int SaslCallbacks::simple(void *context, int id, const char **result, unsigned *length)
{
    const auto *self = static_cast<const SaslCallbacks *>(context);
    if (!result || (id != SASL_CB_USER && id != SASL_CB_AUTHNAME))
        return SASL_BADPARAM;
    *result = self->m_username.constData();
    if (length)
        *length = unsigned(self->m_username.size());
    return SASL_OK;
}

int SaslCallbacks::secret(sasl_conn_t *, void *context, int id, sasl_secret_t **result)
{
    auto *self = static_cast<SaslCallbacks *>(context);
    if (!result || id != SASL_CB_PASS || self->m_secret.empty())
        return SASL_BADPARAM;
    *result = reinterpret_cast<sasl_secret_t *>(self->m_secret.data());
    return SASL_OK;
}

int SaslCallbacks::realm(void *, int id, const char **available, const char **result)
{
    if (!result || id != SASL_CB_GETREALM)
        return SASL_BADPARAM;
    // The realm the server offers (ZooKeeper's is "zk-sasl-md5"), else none.
    *result = available && *available ? *available : "";
    return SASL_OK;
}

} // namespace cx::zookeeperdiscovery
