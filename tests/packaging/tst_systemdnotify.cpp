// cx::service::systemd::notify: the sd_notify datagram reaches a socket named by
// NOTIFY_SOCKET, as a path or as an abstract name; nothing happens without NOTIFY_SOCKET.
// And the real cxserver, run as systemd runs a Type=notify service, says READY=1 once it
// listens and STOPPING=1 when SIGTERM starts its drain.

#include "cxserverprocess.h"
#include "systemdnotify.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <cstddef>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

/// A bound AF_UNIX datagram socket standing in for systemd's notification socket.
class NotifyListener
{
public:
    /// \a name: a path, or an abstract name starting with '@'.
    explicit NotifyListener(const QByteArray &name)
        : m_fd(::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0))
    {
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, name.constData(), size_t(name.size()));
        if (name.startsWith('@'))
            address.sun_path[0] = '\0';
        const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(name.size())
                                      + (name.startsWith('@') ? 0 : 1));
        m_bound = m_fd >= 0 && ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), length) == 0;
    }
    ~NotifyListener()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool isBound() const { return m_bound; }

    /// The next datagram, waiting at most \a timeoutMs; empty on timeout.
    QByteArray receive(int timeoutMs = 5000)
    {
        pollfd descriptor {m_fd, POLLIN, 0};
        if (::poll(&descriptor, 1, timeoutMs) != 1)
            return {};
        char buffer[512];
        const ssize_t got = ::recv(m_fd, buffer, sizeof buffer, 0);
        return got > 0 ? QByteArray(buffer, int(got)) : QByteArray();
    }

private:
    int m_fd;
    bool m_bound = false;
};

} // namespace

class tst_SystemdNotify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { qunsetenv("NOTIFY_SOCKET"); }

    void withoutNotifySocketDoesNothing()
    {
        qunsetenv("NOTIFY_SOCKET");
        QVERIFY(!cx::service::systemd::isEnabled());
        QVERIFY(cx::service::systemd::notify("READY=1"));
    }

    void sendsToASocketPath()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("notify")));
        NotifyListener listener(path);
        QVERIFY(listener.isBound());
        qputenv("NOTIFY_SOCKET", path);
        QVERIFY(cx::service::systemd::isEnabled());
        QVERIFY(cx::service::systemd::notify("READY=1"));
        QCOMPARE(listener.receive(), QByteArray("READY=1"));
        QVERIFY(cx::service::systemd::notify("STOPPING=1\nSTATUS=draining"));
        QCOMPARE(listener.receive(), QByteArray("STOPPING=1\nSTATUS=draining"));
    }

    void sendsToAnAbstractName()
    {
        const QByteArray name = "@cx-tst-notify-" + QByteArray::number(::getpid());
        NotifyListener listener(name);
        QVERIFY(listener.isBound());
        qputenv("NOTIFY_SOCKET", name);
        QVERIFY(cx::service::systemd::notify("RELOADING=1"));
        QCOMPARE(listener.receive(), QByteArray("RELOADING=1"));
    }

    void reportsAnUnreachableSocket()
    {
        qputenv("NOTIFY_SOCKET", "/nonexistent/cx-notify");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot notify")));
        QVERIFY(!cx::service::systemd::notify("READY=1"));
        qputenv("NOTIFY_SOCKET", "vsock:2:1");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("NOTIFY_SOCKET")));
        QVERIFY(!cx::service::systemd::notify("READY=1"));
    }

    void cxserverSaysReadyThenStopping()
    {
        const QByteArray name = "@cx-tst-notify-cxserver-" + QByteArray::number(::getpid());
        NotifyListener listener(name);
        QVERIFY(listener.isBound());
        cx::test::CxServerProcess cxserver;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("NOTIFY_SOCKET"), QString::fromLatin1(name));
        cxserver.setEnvironment(environment);
        QVERIFY(cxserver.start(QStringLiteral(
            "transport.websockets.app-key = \"tst-notify\"\n"
            "transport.websockets.platforms = [\"ws://127.0.0.1:9/Thingworx/WS\"]")));
        // start() returned on the "ready:" line: READY=1 was sent with it.
        QCOMPARE(listener.receive(), QByteArray("READY=1"));
        QCOMPARE(cxserver.stop(), 0);
        QCOMPARE(listener.receive(), QByteArray("STOPPING=1"));
    }
};

QTEST_GUILESS_MAIN(tst_SystemdNotify)
#include "tst_systemdnotify.moc"
