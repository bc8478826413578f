#pragma once

#include <QObject>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QString>
#include <QTcpSocket>
#include <QTimer>

namespace cx::zookeeperdiscovery {

/// One connection of the ZooKeeper C client through the TLS bridge (tlsbridge.h): the
/// client's clear-text socket on 127.0.0.1 and cxserver's own TLS connection to the
/// ZooKeeper server, bytes relayed both ways once the handshake is done. Each direction
/// holds at most BufferLimit bytes (then it stops reading, and the sender's TCP window
/// closes); the handshake has a deadline. Deletes itself when either side ends.
class TlsRelay : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 BufferLimit = 1024 * 1024;

    /// Takes \a client (its parent becomes this) and connects to \a host : \a port, whose
    /// certificate must name host.
    TlsRelay(QTcpSocket *client, const QString &host, quint16 port,
             const QSslConfiguration &configuration, int handshakeTimeoutMs,
             QObject *parent = nullptr);
    /// Its sockets close while they are destroyed: nothing of theirs reaches this any more.
    ~TlsRelay() override;

Q_SIGNALS:
    /// The server could not be authenticated, or refused this side's certificate: a
    /// configuration error, which retrying does not mend. \a reason is for the log.
    void refused(const QString &reason);

private:
    void relay(QAbstractSocket *from, QAbstractSocket *to);
    void end();

    QTcpSocket *m_client;
    QSslSocket m_server;
    QTimer m_handshakeDeadline;
    bool m_ended = false;
};

} // namespace cx::zookeeperdiscovery
