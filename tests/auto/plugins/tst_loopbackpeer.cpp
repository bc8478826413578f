// The TLS bridge's check of who connects to its loopback ports (loopbackpeer.h): a socket
// of this process's user is let in, one of another user is not.

#include "loopbackpeer.h"

#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <unistd.h>

using namespace cx::zookeeperdiscovery;

class tst_LoopbackPeer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameUserIsLetIn();
    void anotherUserIsNot();
};

void tst_LoopbackPeer::sameUserIsLetIn()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(server.waitForNewConnection(5000));
    QTcpSocket *accepted = server.nextPendingConnection();
    QVERIFY(accepted);
    QVERIFY(peerIsSameUser(accepted->socketDescriptor()));
}

void tst_LoopbackPeer::anotherUserIsNot()
{
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    if (::geteuid() != 0 || setpriv.isEmpty())
        QSKIP("needs root and setpriv to connect as another user");
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    // bash as nobody holds its connection open until this side closes it.
    QProcess stranger;
    stranger.start(setpriv,
                   {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                    QStringLiteral("--clear-groups"), QStringLiteral("--"), QStringLiteral("bash"),
                    QStringLiteral("-c"),
                    QStringLiteral("exec 3<>/dev/tcp/127.0.0.1/%1 && read -t 30 -u 3 line")
                        .arg(server.serverPort())});
    QVERIFY(server.waitForNewConnection(10000));
    QTcpSocket *accepted = server.nextPendingConnection();
    QVERIFY(accepted);
    QVERIFY(!peerIsSameUser(accepted->socketDescriptor()));
    accepted->close();
    QVERIFY(stranger.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(tst_LoopbackPeer)
#include "tst_loopbackpeer.moc"
