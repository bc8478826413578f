#include "clienttlscontext.h"

#include <QHostAddress>
#include <QSslCertificate>
#include <QSslSocket>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

namespace cx::net {

ClientTlsContext::ClientTlsContext(SSL_CTX *context)
    : m_context(context)
{ }

ClientTlsContext::~ClientTlsContext()
{
    SSL_CTX_free(m_context);
}

std::shared_ptr<const ClientTlsContext> ClientTlsContext::create(const QSslConfiguration &trust,
                                                                 QString *error)
{
    SSL_CTX *context = SSL_CTX_new(TLS_client_method());
    if (!context) {
        *error = QString::fromLatin1(ERR_reason_error_string(ERR_get_error()));
        ERR_clear_error();
        return nullptr;
    }
    std::shared_ptr<const ClientTlsContext> result(new ClientTlsContext(context));
    SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
    SSL_CTX_set_options(context, SSL_OP_NO_RENEGOTIATION);
    SSL_CTX_set_mode(context,
                     SSL_MODE_RELEASE_BUFFERS | SSL_MODE_ENABLE_PARTIAL_WRITE
                         | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    if (trust.peerVerifyMode() == QSslSocket::VerifyNone) { // a test tool's --insecure only
        SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nullptr);
        return result;
    }
    SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nullptr);
    // The trust configuration's CA certificates: the trust store's, or (without one) the
    // system's, as Qt found them.
    X509_STORE *store = SSL_CTX_get_cert_store(context);
    int added = 0;
    for (const QSslCertificate &certificate : trust.caCertificates()) {
        const QByteArray der = certificate.toDer();
        const auto *bytes = reinterpret_cast<const unsigned char *>(der.constData());
        X509 *x509 = d2i_X509(nullptr, &bytes, long(der.size()));
        if (!x509)
            continue;
        if (X509_STORE_add_cert(store, x509) == 1)
            ++added;
        X509_free(x509);
    }
    ERR_clear_error(); // a certificate listed twice is refused, and harmless
    if (added == 0 && SSL_CTX_set_default_verify_paths(context) != 1) {
        *error = QStringLiteral("no CA certificate to verify platform instances with");
        ERR_clear_error();
        return nullptr;
    }
    return result;
}

SSL *ClientTlsContext::newSession(qintptr fd, const QString &host, bool validateHostName) const
{
    SSL *session = SSL_new(m_context);
    if (!session)
        return nullptr;
    SSL_set_fd(session, int(fd));
    SSL_set_connect_state(session);
    const bool isAddress = !QHostAddress(host).isNull();
    const QByteArray name = host.toUtf8();
    if (!isAddress) // SNI takes a name only (RFC 6066 §3)
        SSL_set_tlsext_host_name(session, name.constData());
    if (validateHostName) {
        X509_VERIFY_PARAM *param = SSL_get0_param(session);
        X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
        const int set = isAddress ? X509_VERIFY_PARAM_set1_ip_asc(param, name.constData())
                                  : X509_VERIFY_PARAM_set1_host(param, name.constData(), 0);
        if (set != 1) {
            SSL_free(session);
            ERR_clear_error();
            return nullptr;
        }
    }
    return session;
}

} // namespace cx::net
