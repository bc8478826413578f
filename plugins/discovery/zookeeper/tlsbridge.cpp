#include "tlsbridge.h"

#include "loopbackpeer.h"
#include "tlsrelay.h"
#include "zookeeperlog.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace cx::zookeeperdiscovery {

ZooKeeperTlsBridge::ZooKeeperTlsBridge(QSslConfiguration configuration, int handshakeTimeoutMs,
                                       QObject *parent)
    : QObject(parent)
    , m_configuration(std::move(configuration))
    , m_handshakeTimeoutMs(handshakeTimeoutMs)
{ }

ZooKeeperTlsBridge::~ZooKeeperTlsBridge() = default;

Result<QByteArray> ZooKeeperTlsBridge::start(const QByteArray &connectionString)
{
    const qsizetype slash = connectionString.indexOf('/');
    const QByteArray servers = slash < 0 ? connectionString : connectionString.left(slash);
    const QByteArray chroot = slash < 0 ? QByteArray() : connectionString.mid(slash);
    QByteArrayList local;
    for (const QByteArray &server : servers.split(',')) {
        const QByteArray entry = server.trimmed();
        const qsizetype colon = entry.lastIndexOf(':');
        bool portOk = false;
        const uint port = colon > 0 ? entry.mid(colon + 1).toUInt(&portOk) : 0;
        if (!portOk || port == 0 || port > 65535)
            return Error(u"discovery.connectionString: \""_s + QString::fromUtf8(entry)
                         + u"\" is not HOST:PORT, which TLS to ZooKeeper needs"_s);
        QByteArray host = entry.left(colon);
        if (host.startsWith('[') && host.endsWith(']'))
            host = host.mid(1, host.size() - 2);
        auto *listener = new QTcpServer(this);
        if (!listener->listen(QHostAddress::LocalHost, 0))
            return Error(u"cannot listen on 127.0.0.1 for TLS to ZooKeeper: "_s
                         + listener->errorString());
        const Target target {QString::fromUtf8(host), quint16(port)};
        connect(listener, &QTcpServer::newConnection, this,
                [this, listener, target] { accept(listener, target); });
        local.append("127.0.0.1:" + QByteArray::number(listener->serverPort()));
    }
    return QByteArray(local.join(',') + chroot);
}

void ZooKeeperTlsBridge::accept(QTcpServer *listener, const Target &target)
{
    while (QTcpSocket *client = listener->nextPendingConnection()) {
        if (!peerIsSameUser(client->socketDescriptor())) {
            if (!m_strangerReported)
                qCWarning(lcZooKeeper)
                    << "refused a connection to the ZooKeeper TLS bridge on"
                    << listener->serverPort() << "from a process of another user";
            m_strangerReported = true;
            client->abort();
            client->deleteLater();
            continue;
        }
        const QString server = target.host + u':' + QString::number(target.port);
        auto *relay = new TlsRelay(client, target.host, target.port, m_configuration,
                                   m_handshakeTimeoutMs, this);
        connect(relay, &TlsRelay::refused, this,
                [this, server](const QString &reason) { Q_EMIT refused(server, reason); });
    }
}

} // namespace cx::zookeeperdiscovery
