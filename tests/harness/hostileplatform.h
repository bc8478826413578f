#pragma once

#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>

namespace cx::test {

/// A platform instance on 127.0.0.1 that attacks the cxserver pipes connecting to it
/// (docs/security.md, "Hostile platform instances"). It never answers a pipe's AUTH, so
/// cxserver never routes a request to it. Until attack() is called it accepts pipes and
/// holds them without an answer.
class HostilePlatform : public QObject
{
public:
    enum class Attack : quint8 {
        /// "101 Switching Protocols", then header lines without end.
        EndlessUpgradeHead,
        /// A valid upgrade, then one binary message in 64 KiB fragments without end.
        EndlessMessage,
        /// A valid upgrade, then pings without end; nothing cxserver sends is read again.
        PingsNeverRead,
    };

    explicit HostilePlatform(Attack attack);
    ~HostilePlatform() override;

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    /// ws://127.0.0.1:PORT/Thingworx/WS
    QString url() const;
    /// Starts the attack on the pipes held and on every pipe that connects from now on.
    void attack();
    /// Stops listening and closes every connection.
    void stop();

    /// Bytes of the attack the kernel took.
    qint64 bytesSent() const { return m_bytesSent; }
    /// Connections cxserver closed (or reset).
    int closedByPeer() const { return m_closedByPeer; }
    /// The close codes cxserver sent (EndlessMessage, the one attack that reads).
    const QList<int> &closeCodes() const { return m_closeCodes; }

private:
    struct Pipe
    {
        QTcpSocket *socket = nullptr;
        QByteArray received; ///< the upgrade request; after it, cxserver's frames
        bool attacking = false;
        bool closeSeen = false;
        bool closed = false; ///< by cxserver
    };

    void onConnection();
    void onReadyRead(Pipe &pipe);
    /// Sends the answer to the upgrade request and the attack's first chunk, once both the
    /// attack is on and the request is whole.
    void begin(Pipe &pipe);
    /// Keeps up to one chunk queued in the socket while the kernel takes them.
    void topUp(Pipe &pipe);
    QByteArray chunk(bool first) const;

    Attack m_attack;
    QTcpServer m_server;
    QList<Pipe *> m_pipes; ///< every pipe accepted, until stop()
    bool m_attacking = false;
    qint64 m_bytesSent = 0;
    int m_closedByPeer = 0;
    QList<int> m_closeCodes;
};

} // namespace cx::test
