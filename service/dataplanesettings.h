#pragma once

#include <QByteArray>
#include <QSslConfiguration>
#include <QString>
#include <memory>

namespace cx::config {
struct ServerConfig;
}
namespace cx::net {
class ClientTlsContext;
}

namespace cx::server {

/// What the message path needs from the configuration, converted once (config.md §2), so
/// that workers read plain fields. Copied into each worker; replaced whole on reload.
struct DataPlaneSettings
{
    QByteArray appKey; ///< a secret: never logged
    int pipeCount = 5;
    int workerCount = 1;
    qint64 authTimeoutMs = 10000;
    qint64 requestTimeoutMs = 10000;
    qint64 connectTimeoutMs = 10000;
    qint64 pingIntervalMs = 30000;
    qint64 idleReadTimeoutMs = 60000;
    qint64 highWaterMark = 64 * 1024;
    qint64 lowWaterMark = 32 * 1024;
    qint64 maxMessageSize = 1048576;
    bool hostNameValidation = true;
    // Limits (protocol.md §3.4): for the whole process; a worker takes its share.
    int maxEdges = 100000;
    int maxHandshakes = 4096;
    int maxRequestsPerEdge = 256;
    qint64 edgeSendBuffer = 2 * 1024 * 1024;
    int maxTunnels = 1000;
    qint64 tunnelIdleTimeoutMs = 5 * 60 * 1000;
    // Edge TLS policy (config.md §2 protocol.ssl.*)
    QString tlsMinVersion = QStringLiteral("TLSv1.2");
    QString tlsCiphers; ///< TLS 1.2 cipher list; empty: the schema's default applies upstream
    QString tlsCipherSuites; ///< TLS 1.3; empty: OpenSSL's default
    bool edgeTls = true;
    QSslConfiguration edgeSsl; ///< server side: keystore certificate, key and chain
    /// The pipes' and tunnels' OpenSSL context, made from the trust store (client side, peer
    /// verification), shared by every worker.
    std::shared_ptr<const net::ClientTlsContext> platformTls;

    /// What may be queued toward one edge before it is dropped: the configured buffer, but
    /// never less than one largest message above the high watermark.
    qint64 edgeSendLimit() const { return qMax(edgeSendBuffer, maxMessageSize + highWaterMark); }

    /// A worker's share of a process-wide cap: cap divided among the workers, at least one.
    int shareOf(int cap) const { return qMax(1, cap / qMax(1, workerCount)); }

    /// The pipes one worker opens to each instance: pipe-count divided among the workers,
    /// each at least one (protocol.md §1).
    int pipesForWorker(int workerIndex) const
    {
        const int base = pipeCount / workerCount;
        const int extra = workerIndex < pipeCount % workerCount ? 1 : 0;
        return qMax(1, base + extra);
    }
};

} // namespace cx::server
