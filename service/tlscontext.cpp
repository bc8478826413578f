#include "tlscontext.h"

#include <QSslKey>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

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

} // namespace

TlsContext::TlsContext(SSL_CTX *context)
    : m_context(context)
{ }

TlsContext::~TlsContext()
{
    SSL_CTX_free(m_context);
}

std::unique_ptr<TlsContext> TlsContext::create(const QSslConfiguration &configuration,
                                               QString *error)
{
    SSL_CTX *context = SSL_CTX_new(TLS_server_method());
    if (!context) {
        *error = takeOpenSslError();
        return nullptr;
    }
    std::unique_ptr<TlsContext> result(new TlsContext(context));
    SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
    SSL_CTX_set_options(context, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
    SSL_CTX_set_mode(context,
                     SSL_MODE_RELEASE_BUFFERS | SSL_MODE_ENABLE_PARTIAL_WRITE
                         | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    SSL_CTX_set_session_id_context(context, reinterpret_cast<const uchar *>("cxserver"), 8);
    const QString failure = loadIdentity(context, configuration);
    if (!failure.isEmpty()) {
        *error = failure;
        return nullptr;
    }
    return result;
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
