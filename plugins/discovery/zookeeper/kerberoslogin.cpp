#include "kerberoslogin.h"

#include <QString>
#include <krb5.h>
#include <memory>

using namespace Qt::StringLiterals;

namespace cx::zookeeperdiscovery {

namespace {

constexpr char CacheName[] = "MEMORY:cxserver-zookeeper";

/// One Kerberos library context, with the objects made in it freed in order.
class Context
{
public:
    Context() { m_status = krb5_init_context(&m_context); }
    ~Context()
    {
        if (m_creds)
            krb5_free_cred_contents(m_context, &m_credsStorage);
        if (m_cache)
            krb5_cc_close(m_context, m_cache); // a MEMORY cache lives on in the process
        if (m_keyTab)
            krb5_kt_close(m_context, m_keyTab);
        if (m_client)
            krb5_free_principal(m_context, m_client);
        if (m_context)
            krb5_free_context(m_context);
    }
    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;

    /// Logs principal in from keyTab into the memory cache; 0 or a Kerberos error code.
    krb5_error_code login(const QByteArray &principal, const QByteArray &keyTab)
    {
        if (m_status != 0)
            return m_status;
        krb5_error_code code = krb5_parse_name(m_context, principal.constData(), &m_client);
        if (code == 0)
            code = krb5_kt_resolve(m_context, keyTab.constData(), &m_keyTab);
        if (code == 0)
            code = krb5_get_init_creds_keytab(m_context, &m_credsStorage, m_client, m_keyTab, 0,
                                              nullptr, nullptr);
        if (code == 0)
            m_creds = true;
        if (code == 0)
            code = krb5_cc_resolve(m_context, CacheName, &m_cache);
        if (code == 0)
            code = krb5_cc_initialize(m_context, m_cache, m_client);
        if (code == 0)
            code = krb5_cc_store_cred(m_context, m_cache, &m_credsStorage);
        return code;
    }

    QString message(krb5_error_code code) const
    {
        if (!m_context)
            return u"cannot initialize Kerberos (error %1)"_s.arg(code);
        const char *text = krb5_get_error_message(m_context, code);
        const QString result = QString::fromUtf8(text);
        krb5_free_error_message(m_context, text);
        return result;
    }

private:
    krb5_context m_context = nullptr;
    krb5_error_code m_status = 0;
    krb5_principal m_client = nullptr;
    krb5_keytab m_keyTab = nullptr;
    krb5_ccache m_cache = nullptr;
    krb5_creds m_credsStorage {};
    bool m_creds = false;
};

} // namespace

Result<void> KerberosLogin::login(const QByteArray &principal, const QByteArray &keyTab,
                                  const QByteArray &krb5Conf, QString *warning)
{
    // Before the first Kerberos context of the process reads them.
    if (!krb5Conf.isEmpty())
        qputenv("KRB5_CONFIG", krb5Conf);
    const QByteArray keyTabName = keyTab.contains(':') ? keyTab : "FILE:" + keyTab;
    qputenv("KRB5_CLIENT_KTNAME", keyTabName);
    qputenv("KRB5CCNAME", CacheName);

    Context context;
    const krb5_error_code code = context.login(principal, keyTabName);
    if (code == 0)
        return {};
    const QString what = u"Kerberos login of "_s + QString::fromUtf8(principal) + u" from "_s
        + QString::fromUtf8(keyTab) + u" (the Client section of discovery.sasl-jaas-file"_s
        + (krb5Conf.isEmpty() ? QString() : u", discovery.sasl.krb5-conf.file"_s) + u"): "_s
        + context.message(code);
    if (code == KRB5_KDC_UNREACH) {
        if (warning)
            *warning = what + u"; trying again at each login to ZooKeeper"_s;
        return {};
    }
    return Error(what);
}

} // namespace cx::zookeeperdiscovery
