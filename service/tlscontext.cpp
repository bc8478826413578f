#include "tlscontext.h"

#include <QSslKey>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

using namespace Qt::StringLiterals;

namespace cx::server {

namespace {

/// The first OpenSSL error on this thread's queue as text, and an empty queue.
QString takeOpenSslError()
{
    char text[256] = "unknown error";
    const unsigned long code = ERR_get_error();
    if (code != 0)
        ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    return QString::fromLatin1(text);
}

struct BioDeleter
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

/// A read-only BIO over \a pem: it does not copy the bytes, so \a pem must outlive it (never
/// pass a temporary).
BioPtr memoryBio(const QByteArray &pem)
{
    return BioPtr(BIO_new_mem_buf(pem.constData(), int(pem.size())));
}
BioPtr memoryBio(QByteArray &&) = delete;

/// Loads certificate (and chain) and key into \a context; an empty string when done.
QString loadIdentity(SSL_CTX *context, const QSslConfiguration &configuration)
{
    const QList<QSslCertificate> chain = configuration.localCertificateChain();
    const QSslCertificate leaf = configuration.localCertificate();
    if (leaf.isNull())
        return QStringLiteral("the keystore has no certificate");
    {
        const QByteArray pem = leaf.toPem();
        const BioPtr bio = memoryBio(pem);
        X509 *certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
        if (!certificate || SSL_CTX_use_certificate(context, certificate) != 1) {
            X509_free(certificate);
            return takeOpenSslError();
        }
        X509_free(certificate);
    }
    for (const QSslCertificate &certificate : chain) {
        if (certificate == leaf)
            continue;
        const QByteArray pem = certificate.toPem();
        const BioPtr bio = memoryBio(pem);
        X509 *extra = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
        if (!extra || SSL_CTX_add0_chain_cert(context, extra) != 1) { // takes ownership
            X509_free(extra);
            return takeOpenSslError();
        }
    }
    const QByteArray keyPem = configuration.privateKey().toPem();
    const BioPtr bio = memoryBio(keyPem);
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
    if (!key || SSL_CTX_use_PrivateKey(context, key) != 1) {
        EVP_PKEY_free(key);
        return takeOpenSslError();
    }
    EVP_PKEY_free(key);
    if (SSL_CTX_check_private_key(context) != 1) {
        ERR_clear_error(); // leaves no stale error for this thread's next OpenSSL call
        return QStringLiteral("the keystore's private key does not match its certificate");
    }
    return {};
}

/// Applies the policy (config.md §2 protocol.ssl.*) and turns resumption off: no session
/// tickets (their key would never change while the process runs, so whoever read it could
/// decrypt every recorded session) and no session cache. An error naming the key, or empty.
QString applyPolicy(SSL_CTX *context, const TlsPolicy &policy)
{
    int minVersion = 0;
    if (policy.minVersion == u"TLSv1.2")
        minVersion = TLS1_2_VERSION;
    else if (policy.minVersion == u"TLSv1.3")
        minVersion = TLS1_3_VERSION;
    else
        return u"protocol.ssl.min-version: \""_s + policy.minVersion
            + u"\" is neither TLSv1.2 nor TLSv1.3"_s;
    SSL_CTX_set_min_proto_version(context, minVersion);
    if (!policy.ciphers.isEmpty()
        && SSL_CTX_set_cipher_list(context, policy.ciphers.toUtf8().constData()) != 1) {
        ERR_clear_error();
        return u"protocol.ssl.ciphers: OpenSSL accepts no cipher in \""_s + policy.ciphers + u'"';
    }
    // OpenSSL skips names it does not know and fails only when it knows none.
    if (!policy.cipherSuites.isEmpty()
        && SSL_CTX_set_ciphersuites(context, policy.cipherSuites.toUtf8().constData()) != 1) {
        ERR_clear_error();
        return u"protocol.ssl.ciphersuites: OpenSSL accepts no cipher suite in \""_s
            + policy.cipherSuites + u'"';
    }
    SSL_CTX_set_options(
        context, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_TICKET);
    SSL_CTX_set_num_tickets(context, 0); // TLS 1.3 sends none, not even stateful ones
    SSL_CTX_set_session_cache_mode(context, SSL_SESS_CACHE_OFF);
    return {};
}

} // namespace

TlsContext::TlsContext(SSL_CTX *context)
    : m_context(context)
{ }

TlsContext::~TlsContext()
{
    SSL_CTX_free(m_context);
}

std::unique_ptr<TlsContext> TlsContext::create(const QSslConfiguration &configuration,
                                               const TlsPolicy &policy, QString *error)
{
    SSL_CTX *context = SSL_CTX_new(TLS_server_method());
    if (!context) {
        *error = takeOpenSslError();
        return nullptr;
    }
    std::unique_ptr<TlsContext> result(new TlsContext(context));
    if (const QString failure = applyPolicy(context, policy); !failure.isEmpty()) {
        *error = failure;
        return nullptr;
    }
    SSL_CTX_set_mode(context,
                     SSL_MODE_RELEASE_BUFFERS | SSL_MODE_ENABLE_PARTIAL_WRITE
                         | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    if (const QString failure = loadIdentity(context, configuration); !failure.isEmpty()) {
        *error = failure;
        return nullptr;
    }
    return result;
}

QString TlsContext::checkPolicy(const TlsPolicy &policy)
{
    const std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> context(
        SSL_CTX_new(TLS_server_method()), &SSL_CTX_free);
    if (!context)
        return takeOpenSslError();
    return applyPolicy(context.get(), policy);
}

SSL *TlsContext::newSession(qintptr fd) const
{
    SSL *session = SSL_new(m_context);
    if (!session)
        return nullptr;
    if (SSL_set_fd(session, int(fd)) != 1) {
        SSL_free(session);
        ERR_clear_error();
        return nullptr;
    }
    SSL_set_accept_state(session);
    return session;
}

} // namespace cx::server
