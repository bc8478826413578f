#pragma once

#include "result.h"

#include <QByteArray>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <memory>

class QTcpServer;

namespace cx::zookeeperdiscovery {

/// TLS to ZooKeeper's secureClientPort (discovery.tls.*, config.md §2) for the C client.
///
/// The 3.8 C client's own TLS validates no server name, cannot go without a client
/// certificate, blocks its I/O thread in a handshake without a deadline and cannot be
/// combined with SASL. So the client is given a connection string of 127.0.0.1 ports, one
/// per server of the real one; each connection it makes there is carried over a TLS
/// connection cxserver makes itself (TlsRelay): trust store, optional client certificate,
/// the server's name as written in discovery.connectionString validated, a handshake
/// deadline. Only sockets of this process's user may use those ports (loopbackpeer.h).
class ZooKeeperTlsBridge : public QObject
{
    Q_OBJECT
public:
    ZooKeeperTlsBridge(QSslConfiguration configuration, int handshakeTimeoutMs,
                       QObject *parent = nullptr);
    ~ZooKeeperTlsBridge() override;

    /// Listens for each server of \a connectionString ("host:port,...[/chroot]"); returns
    /// the connection string to give the C client instead, or why it cannot.
    Result<QByteArray> start(const QByteArray &connectionString);

Q_SIGNALS:
    /// The TLS handshake with \a server ("host:port") failed in a way retrying does not mend.
    void refused(const QString &server, const QString &reason);

private:
    struct Target
    {
        QString host;
        quint16 port = 0;
    };
    void accept(QTcpServer *listener, const Target &target);

    QSslConfiguration m_configuration;
    int m_handshakeTimeoutMs;
    bool m_strangerReported = false;
};

} // namespace cx::zookeeperdiscovery
