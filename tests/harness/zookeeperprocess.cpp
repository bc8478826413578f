#include "zookeeperprocess.h"

#include "freeport.h"

#include <QFile>
#include <QStandardPaths>

namespace cx::test {

namespace {

// zookeeper.jar names its dependencies in its manifest; slf4j-simple makes it log (to
// stderr) the line start() waits for.
constexpr QLatin1StringView ClassPath("/usr/share/java/zookeeper.jar:/usr/share/java/"
                                      "slf4j-simple.jar");
// The Netty server connection factory that secureClientPort needs (Debian's libnetty-java).
constexpr QLatin1StringView
    NettyClassPath(":/usr/share/java/netty-buffer.jar:/usr/share/java/netty-codec.jar:"
                   "/usr/share/java/netty-common.jar:/usr/share/java/netty-handler.jar:"
                   "/usr/share/java/netty-resolver.jar:/usr/share/java/netty-transport.jar");
constexpr QLatin1StringView MainClass("org.apache.zookeeper.server.quorum.QuorumPeerMain");

} // namespace

ZooKeeperProcess::ZooKeeperProcess(QString name, QObject *parent)
    : ManagedProcess(std::move(name), parent)
{ }

QString ZooKeeperProcess::connectionString() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

void ZooKeeperProcess::configure(const QString &configLines, const QStringList &jvmOptions)
{
    m_configLines = configLines;
    m_jvmOptions = jvmOptions;
}

void ZooKeeperProcess::enableSecureClientPort(const QString &keyStore, const QString &password,
                                              const QString &trustStore)
{
    m_securePort = freePort();
    m_configLines += QStringLiteral("secureClientPort=%1\n"
                                    "secureClientPortAddress=127.0.0.1\n"
                                    "serverCnxnFactory=org.apache.zookeeper.server."
                                    "NettyServerCnxnFactory\n"
                                    "ssl.keyStore.location=%2\n"
                                    "ssl.keyStore.password=%3\n"
                                    "ssl.keyStore.type=PKCS12\n"
                                    "ssl.trustStore.location=%4\n"
                                    "ssl.trustStore.type=PEM\n")
                         .arg(m_securePort)
                         .arg(keyStore, password, trustStore);
}

QString ZooKeeperProcess::secureConnectionString() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_securePort);
}

bool ZooKeeperProcess::start(int timeoutMs)
{
    const QString configPath = m_dir.filePath(QStringLiteral("zoo.cfg"));
    if (m_port == 0) {
        m_port = freePort();
        const QString config = QStringLiteral("tickTime=500\n"
                                              "dataDir=%1\n"
                                              "clientPort=%2\n"
                                              "clientPortAddress=127.0.0.1\n"
                                              "admin.enableServer=false\n"
                                              "4lw.commands.whitelist=\n")
                                   .arg(m_dir.filePath(QStringLiteral("data")))
                                   .arg(m_port)
            + m_configLines;
        QFile file(configPath);
        if (!m_dir.isValid() || !file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0)
            return false;
    }
    const QString java = QStandardPaths::findExecutable(QStringLiteral("java"));
    if (java.isEmpty())
        return false;
    if (!ManagedProcess::start(
            java,
            QStringList {QStringLiteral("-Xmx256m")} + m_jvmOptions
                + QStringList {QStringLiteral("-cp"),
                               m_securePort != 0 ? ClassPath + NettyClassPath : QString(ClassPath),
                               MainClass, configPath}))
        return false;
    // The audit line comes after every connection factory has started and the server runs:
    // until then it accepts connections and closes them ("ZooKeeperServer not running"),
    // which made a client that connected right after "PrepRequestProcessor started" lose
    // its first connections.
    return waitForLine(QRegularExpression(QStringLiteral("ZooKeeper audit is (disabled|enabled)")),
                       timeoutMs)
        .hasMatch();
}

} // namespace cx::test
