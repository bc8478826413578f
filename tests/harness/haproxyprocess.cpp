#include "haproxyprocess.h"

#include "command.h"
#include "freeport.h"
#include "testpaths.h"

#include <QFile>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

namespace cx::test {

HAProxyProcess::HAProxyProcess(QString name, QObject *parent)
    : ManagedProcess(std::move(name), parent)
{ }

QString HAProxyProcess::serverName(int index) const
{
    // tools/dev/haproxy-local.sh numbers the servers from 1.
    return QStringLiteral("cx%1").arg(m_shipped ? index + 1 : index);
}

bool HAProxyProcess::start(const QList<Backend> &backends, int timeoutMs)
{
    m_shipped = false;
    m_port = freePort();
    // Checks every 200 ms, two failures mark a server DOWN: a dead cxserver is out in
    // about 0.5 s. A refused connection is retried on another server at once (redispatch).
    QString config = QStringLiteral("global\n"
                                    "    maxconn 4000\n"
                                    "defaults\n"
                                    "    mode http\n"
                                    "    timeout connect 1s\n"
                                    "    timeout client 60s\n"
                                    "    timeout server 60s\n"
                                    "    timeout http-request 10s\n"
                                    "    timeout tunnel 1h\n"
                                    "    retries 3\n"
                                    "    option redispatch 1\n"
                                    "frontend edges\n"
                                    "    bind 127.0.0.1:%1\n"
                                    "    default_backend cxservers\n"
                                    "backend cxservers\n"
                                    "    balance roundrobin\n"
                                    "    option httpchk GET /health\n"
                                    "    default-server inter 200ms fastinter 200ms downinter "
                                    "200ms fall 2 rise 2\n")
                         .arg(m_port);
    for (int i = 0; i < backends.size(); ++i)
        config += QStringLiteral("    server %1 127.0.0.1:%2 check port %3\n")
                      .arg(serverName(i))
                      .arg(backends.at(i).edgePort)
                      .arg(backends.at(i).healthPort);
    return run(config, timeoutMs);
}

bool HAProxyProcess::startShipped(const QList<Backend> &backends, int timeoutMs)
{
    m_shipped = true;
    m_port = freePort();
    QStringList arguments {QString::number(m_port)};
    for (const Backend &backend : backends)
        arguments << QStringLiteral("%1:%2").arg(backend.edgePort).arg(backend.healthPort);
    const CommandResult rewritten
        = runCommand(sourcePath(QStringLiteral("tools/dev/haproxy-local.sh")), arguments);
    if (rewritten.exitCode != 0) {
        qWarning("haproxy-local.sh: %s", rewritten.describe().constData());
        return false;
    }
    return run(QString::fromUtf8(rewritten.out), timeoutMs);
}

bool HAProxyProcess::run(const QString &config, int timeoutMs)
{
    const QString program = QStandardPaths::findExecutable(
        QStringLiteral("haproxy"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
    if (program.isEmpty() || !m_dir.isValid())
        return false;
    const QString configPath = m_dir.filePath(QStringLiteral("haproxy.cfg"));
    QFile file(configPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0)
        return false;
    file.close();
    if (!ManagedProcess::start(program, {QStringLiteral("-db"), QStringLiteral("-f"), configPath}))
        return false;
    return QTest::qWaitFor(
               [this] {
                   if (!isRunning())
                       return true;
                   QTcpSocket probe;
                   probe.connectToHost(QStringLiteral("127.0.0.1"), m_port);
                   return probe.waitForConnected(200);
               },
               timeoutMs)
        && isRunning();
}

QUrl HAProxyProcess::edgeUrl(const QString &path) const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_port).arg(path));
}

bool HAProxyProcess::waitForServer(int index, bool up, int timeoutMs)
{
    const QString pattern
        = QStringLiteral("Server cxservers/%1 is %2").arg(serverName(index), up ? u"UP" : u"DOWN");
    return waitForLine(QRegularExpression(pattern), timeoutMs).hasMatch();
}

} // namespace cx::test
