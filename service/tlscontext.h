#pragma once

#include <QSslConfiguration>
#include <QString>
#include <memory>

struct ssl_st;
struct ssl_ctx_st;

namespace cx::server {

/// One OpenSSL server context for all TLS edges of a worker. Qt's QSslSocket builds a new
/// SSL_CTX for every connection (38 % of the CPU of a TLS set-up and much of its memory,
/// docs/performance.md); here every connection shares this one, and OpenSSL releases a
/// connection's read and write buffers while it is idle (SSL_MODE_RELEASE_BUFFERS).
class TlsContext
{
public:
    /// From the keystore's configuration (certificate, its chain, private key; TLS 1.2+).
    /// nullptr and *error when OpenSSL refuses them.
    static std::unique_ptr<TlsContext> create(const QSslConfiguration &configuration,
                                              QString *error);
    ~TlsContext();

    /// A server-side session on socket \a fd, or nullptr (out of memory).
    ssl_st *newSession(qintptr fd) const;

private:
    explicit TlsContext(ssl_ctx_st *context);

    ssl_ctx_st *m_context;
};

} // namespace cx::server
