#pragma once

#include "cxcore_global.h"

#include <QSslConfiguration>
#include <QString>
#include <memory>

struct ssl_st;
struct ssl_ctx_st;

namespace cx::net {

/// One OpenSSL client context for a worker's TLS pipes to platform instances (wss://): the
/// trust store of protocol.http-client.ssl (its CA certificates, or the system's), peer
/// verification always on, TLS 1.2 at least, no renegotiation, and OpenSSL releasing a
/// connection's buffers while it is idle. Made once, shared by every pipe of the worker.
class CXCORE_EXPORT ClientTlsContext
{
public:
    /// From the trust configuration (its CA certificates). nullptr and *error when OpenSSL
    /// refuses them.
    static std::shared_ptr<const ClientTlsContext> create(const QSslConfiguration &trust,
                                                          QString *error);
    ~ClientTlsContext();

    /// A client session on socket \a fd for \a host (a name or an address): SNI for a name,
    /// and, with \a validateHostName, the certificate must name \a host (protocol.md §7).
    /// nullptr when OpenSSL cannot make one.
    ssl_st *newSession(qintptr fd, const QString &host, bool validateHostName) const;

private:
    explicit ClientTlsContext(ssl_ctx_st *context);

    ssl_ctx_st *m_context;
};

} // namespace cx::net
