#pragma once

#include "cxcore_global.h"

#include <QSslConfiguration>
#include <QString>
#include <memory>

struct ssl_st;
struct ssl_ctx_st;

namespace cx::net {

/// One OpenSSL client context for TLS WebSockets (wss://): cxserver's pipes to platform
/// instances, cxedgesim's edges. The trust store of protocol.http-client.ssl (its CA
/// certificates, or the system's), TLS 1.2 at least, no renegotiation, and OpenSSL releasing
/// a connection's buffers while it is idle. Made once, shared by every socket (of every
/// thread: OpenSSL makes sessions from one context on any thread).
class CXCORE_EXPORT ClientTlsContext
{
public:
    /// From the trust configuration: its CA certificates, peer verification on, unless its
    /// peer verify mode is QSslSocket::VerifyNone (no check at all, host names included:
    /// cxedgesim's --insecure; cxserver's configuration has no such setting). nullptr and *error
    /// when OpenSSL refuses them.
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
