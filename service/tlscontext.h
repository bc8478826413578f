#pragma once

#include <QSslConfiguration>
#include <QString>
#include <memory>

struct ssl_st;
struct ssl_ctx_st;

namespace cx::server {

/// The edge listener's TLS policy (config.md §2 protocol.ssl.*).
struct TlsPolicy
{
    QString minVersion = QStringLiteral("TLSv1.2"); ///< "TLSv1.2" or "TLSv1.3"
    QString ciphers; ///< OpenSSL cipher list for TLS 1.2; empty: OpenSSL's default
    QString cipherSuites; ///< OpenSSL cipher suites for TLS 1.3; empty: OpenSSL's default
};

/// One OpenSSL server context for all TLS edges of a worker. Qt's QSslSocket builds a new
/// SSL_CTX for every connection (38 % of the CPU of a TLS set-up and much of its memory,
/// docs/performance.md); here every connection shares this one, and OpenSSL releases a
/// connection's read and write buffers while it is idle (SSL_MODE_RELEASE_BUFFERS).
/// Sessions are never resumed: no session tickets, no session cache (docs/security.md,
/// Edge TLS), so every edge makes a full handshake with a fresh ECDHE key.
class TlsContext
{
public:
    /// From the keystore's configuration (certificate, its chain, private key) and the
    /// policy. nullptr and *error when OpenSSL refuses them; an invalid policy's error
    /// names its key, as checkPolicy() does.
    static std::unique_ptr<TlsContext> create(const QSslConfiguration &configuration,
                                              const TlsPolicy &policy, QString *error);

    /// Why OpenSSL refuses policy, naming the key (`protocol.ssl.ciphers: OpenSSL accepts
    /// no cipher in "..."`); empty when it is valid. Needs no keystore: start-up and
    /// --check-config call it before any worker builds its context.
    static QString checkPolicy(const TlsPolicy &policy);
    ~TlsContext();

    /// A server-side session on socket \a fd, or nullptr (out of memory).
    ssl_st *newSession(qintptr fd) const;

private:
    explicit TlsContext(ssl_ctx_st *context);

    ssl_ctx_st *m_context;
};

} // namespace cx::server
