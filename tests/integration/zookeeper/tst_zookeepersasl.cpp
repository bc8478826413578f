// ZooKeeper discovery against a ZooKeeper that requires SASL (config.md §2): Debian's
// ZooKeeper with the DIGEST-MD5 `Server` login, `enforce.auth.enabled` and the service path
// ACL'd `sasl:cxserver:r`; the real cxserver logging in from a JAAS file's Client section.

#include "alwayson/codes.h"
#include "cxserverprocess.h"
#include "platformsimprocess.h"
#include "testedge.h"
#include "znodewriter.h"
#include "zookeeperprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace cx;
using alwayson::Code;
using test::CxServerProcess;
using test::PlatformSimProcess;
using test::TestEdge;
using test::ZnodeWriter;
using test::ZooKeeperProcess;

namespace {

const QByteArray AppKey = "test-app-key";
const QByteArray CxPassword = "cx-sasl-pass-7";
const QByteArray WriterPassword = "writer-sasl-pass-3";
constexpr quint32 EdgeId = 9;
/// config.md §2: wrong credentials stop cxserver within 20 s.
constexpr int CredentialFailureMs = 20000;

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

QByteArray digestJaas(const QByteArray &section, const QByteArray &options)
{
    return section + " {\n  org.apache.zookeeper.server.auth.DigestLoginModule required\n  "
        + options + ";\n};\n";
}

} // namespace

class tst_ZooKeeperSasl : public QObject
{
    Q_OBJECT

private:
    /// A cxserver discovering /services/svc-sasl with SASL DIGEST-MD5 as cxserver.
    std::unique_ptr<CxServerProcess> startServer(const QByteArray &password);
    /// Registers instance id at port as the SASL user writer, readable by cxserver only.
    bool registerInstance(const QByteArray &id, quint16 port);
    /// The server's JAAS file, with cxserver's password; read at ZooKeeper's next start.
    bool writeServerJaas(const QByteArray &cxPassword);
    /// Restarts ZooKeeper (same port, same data).
    bool restartZooKeeper();
    /// A cxserver that discovered sim0, then ZooKeeper restarted with cxserver's password
    /// changed on the server (cleanup() changes it back); nullptr when a step failed.
    std::unique_ptr<CxServerProcess> startThenChangePasswordOnServer();
    /// Gives the server cxserver's password back and restarts ZooKeeper.
    bool restorePasswordOnServer();

    bool m_passwordChanged = false;

    QTemporaryDir m_dir;
    std::unique_ptr<ZooKeeperProcess> m_zooKeeper;
    std::unique_ptr<PlatformSimProcess> m_sim;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void discoversAndRoutesWithDigestMd5();
    void logsInAgainAfterAZooKeeperRestart();
    void wrongPasswordStopsStartUpClearly();
    void unauthenticatedClientCannotRead();
    void loginRefusedAfterAcceptedIsRetried();
    void loginRefusedForGoodStopsAfterRetries();
};

void tst_ZooKeeperSasl::initTestCase()
{
    zoo_set_debug_level(ZOO_LOG_LEVEL_WARN);
    QVERIFY(zookeeperdiscovery::SaslCallbacks::initializeLibrary()); // the writer's login
    m_zooKeeper = std::make_unique<ZooKeeperProcess>();
    const QString serverJaas = m_zooKeeper->filePath(QStringLiteral("server-jaas.conf"));
    QVERIFY(writeServerJaas(CxPassword));
    m_zooKeeper->configure(QStringLiteral("authProvider.sasl=org.apache.zookeeper.server.auth."
                                          "SASLAuthenticationProvider\n"
                                          "enforce.auth.enabled=true\n"
                                          "enforce.auth.schemes=sasl\n"),
                           {QStringLiteral("-Djava.security.auth.login.config=") + serverJaas});
    QVERIFY2(m_zooKeeper->start(), m_zooKeeper->log().constData());

    m_sim = std::make_unique<PlatformSimProcess>(QStringLiteral("sim0"));
    QVERIFY(m_sim->start(AppKey));
    QVERIFY(registerInstance("sim0", m_sim->port()));
}

bool tst_ZooKeeperSasl::registerInstance(const QByteArray &id, quint16 port)
{
    // The writer registers; cxserver may read, nobody else.
    static char sasl[] = "sasl";
    static char writer[] = "writer";
    static char cxserver[] = "cxserver";
    static ACL acl[] = {{ZOO_PERM_ALL, {sasl, writer}}, {ZOO_PERM_READ, {sasl, cxserver}}};
    static ACL_vector aclVector = {2, acl};
    ZnodeWriter registrar(m_zooKeeper->connectionString(), "writer", WriterPassword, &aclVector);
    const bool created = registrar.create("/services/svc-sasl/" + id, test::curatorJson(port));
    if (!created)
        qWarning("cannot register %s: %s", id.constData(), registrar.lastError());
    return created;
}

bool tst_ZooKeeperSasl::writeServerJaas(const QByteArray &cxPassword)
{
    return writeFile(m_zooKeeper->filePath(QStringLiteral("server-jaas.conf")),
                     digestJaas("Server",
                                "user_cxserver=\"" + cxPassword + "\"\n  user_writer=\""
                                    + WriterPassword + '"'));
}

bool tst_ZooKeeperSasl::restartZooKeeper()
{
    m_zooKeeper->stop();
    if (m_zooKeeper->start())
        return true;
    qWarning("%s", m_zooKeeper->log().constData());
    return false;
}

std::unique_ptr<CxServerProcess> tst_ZooKeeperSasl::startThenChangePasswordOnServer()
{
    auto server = startServer(CxPassword);
    if (!server || !server->waitForInstances(1, 20000))
        return nullptr;
    m_passwordChanged = true;
    if (!writeServerJaas("rotated-on-the-server") || !restartZooKeeper())
        return nullptr;
    return server;
}

bool tst_ZooKeeperSasl::restorePasswordOnServer()
{
    m_passwordChanged = false;
    return writeServerJaas(CxPassword) && restartZooKeeper();
}

void tst_ZooKeeperSasl::cleanup()
{
    m_zooKeeper->printLogIfTestFailed();
    if (m_passwordChanged)
        QVERIFY(restorePasswordOnServer());
}

void tst_ZooKeeperSasl::cleanupTestCase()
{
    m_sim.reset();
    m_zooKeeper.reset();
}

std::unique_ptr<CxServerProcess> tst_ZooKeeperSasl::startServer(const QByteArray &password)
{
    const QString jaas = m_dir.filePath(QStringLiteral("client-%1.conf").arg(password.size()));
    if (!writeFile(jaas,
                   digestJaas("Client", "username=\"cxserver\"\n  password=\"" + password + '"')))
        return nullptr;
    auto server = std::make_unique<CxServerProcess>();
    const QString config
        = QStringLiteral("  transport.websockets.app-key = \"%1\"\n"
                         "  transport.websockets.service-discovery.enabled = true\n"
                         "  transport.websockets.service-discovery.tls-enabled = false\n"
                         "  transport.websockets.service-discovery.service-name = \"svc-sasl\"\n"
                         "  discovery.connectionString = \"%2\"\n"
                         "  discovery.session-timeout = 5s\n"
                         "  discovery.sasl-enabled = true\n"
                         "  discovery.sasl.mechanism = \"DIGEST-MD5\"\n"
                         "  discovery.sasl-jaas-file = \"%3\"")
              .arg(QString::fromUtf8(AppKey), m_zooKeeper->connectionString(), jaas);
    if (!server->start(config))
        return nullptr;
    return server;
}

void tst_ZooKeeperSasl::discoversAndRoutesWithDigestMd5()
{
    auto server = startServer(CxPassword);
    QVERIFY(server);
    QVERIFY2(server->waitForInstances(1, 20000), server->log().constData());
    TestEdge edge;
    QVERIFY(edge.open(server->edgeUrl()));
    QCOMPARE(edge.authenticate(AppKey, EdgeId), int(Code::Success));
    QCOMPARE(server->health(), 200);
    QVERIFY(!server->log().contains(CxPassword));
}

void tst_ZooKeeperSasl::logsInAgainAfterAZooKeeperRestart()
{
    auto server = startServer(CxPassword);
    QVERIFY(server);
    QVERIFY(server->waitForInstances(1, 20000));
    // Same port, same data: the session survives the restart, and the new connection must
    // log in again before cxserver reads the new registration.
    m_zooKeeper->stop();
    QVERIFY(!m_zooKeeper->isRunning());
    QVERIFY2(m_zooKeeper->start(), m_zooKeeper->log().constData());
    PlatformSimProcess sim1(QStringLiteral("sim1"));
    QVERIFY(sim1.start(AppKey));
    QVERIFY(registerInstance("sim1", sim1.port()));
    QVERIFY2(server->waitForInstances(2, 20000), server->log().constData());
    QVERIFY(server->isRunning());
}

void tst_ZooKeeperSasl::wrongPasswordStopsStartUpClearly()
{
    auto server = startServer("not-the-password");
    QVERIFY(server);
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY2(server->waitForExit(CredentialFailureMs), server->log().constData());
    QCOMPARE(server->exitCode(), 1);
    QVERIFY2(elapsed.elapsed() < CredentialFailureMs,
             QByteArray::number(elapsed.elapsed()).constData());
    const QByteArray log = server->log();
    // A first refusal is tried once more (ZooKeeper may refuse a correct login at the moment
    // another user logs in), then cxserver stops.
    QVERIFY2(log.contains("ZooKeeper refused the login (wrong credentials, or a server just "
                          "started?); trying again in 1000 ms, attempt 1 of 1"),
             log.constData());
    QVERIFY2(log.contains("ZooKeeper refused the SASL DIGEST-MD5 login: check the username and "
                          "password of the Client section of discovery.sasl-jaas-file"),
             log.constData());
    QVERIFY(!log.contains("not-the-password"));
}

void tst_ZooKeeperSasl::unauthenticatedClientCannotRead()
{
    // Neither a client without a login nor one with the digest scheme gets the service path.
    ZnodeWriter anonymous(m_zooKeeper->connectionString());
    QVERIFY(!anonymous.create("/services/svc-sasl/intruder", test::curatorJson(1)));

    auto server = std::make_unique<CxServerProcess>();
    QVERIFY(server->start(
        QStringLiteral("  transport.websockets.app-key = \"%1\"\n"
                       "  transport.websockets.service-discovery.enabled = true\n"
                       "  transport.websockets.service-discovery.tls-enabled = false\n"
                       "  transport.websockets.service-discovery.service-name = \"svc-sasl\"\n"
                       "  discovery.connectionString = \"%2\"\n")
            .arg(QString::fromUtf8(AppKey), m_zooKeeper->connectionString())));
    QVERIFY(!server->waitForInstances(1, 5000));
    QCOMPARE(server->health(), 503);
}

void tst_ZooKeeperSasl::loginRefusedAfterAcceptedIsRetried()
{
    // ZooKeeper refuses for a while a login it accepted before (here: it restarts with
    // cxserver's password changed, then again with the old one): cxserver tries again with
    // backoff instead of stopping, and discovers again once the login is accepted.
    auto server = startThenChangePasswordOnServer();
    QVERIFY(server);
    QVERIFY2(
        server
            ->waitForLine(QRegularExpression(QStringLiteral(
                              "ZooKeeper refused the login it accepted before .*attempt 1 of 3")),
                          20000)
            .hasMatch(),
        server->log().constData());
    QVERIFY(restorePasswordOnServer());
    PlatformSimProcess sim2(QStringLiteral("sim2"));
    QVERIFY(sim2.start(AppKey));
    QVERIFY(registerInstance("sim2", sim2.port()));
    QVERIFY2(server->waitForInstances(2, 20000), server->log().constData());
    QVERIFY(server->isRunning());
    QVERIFY(!server->log().contains(CxPassword));
}

void tst_ZooKeeperSasl::loginRefusedForGoodStopsAfterRetries()
{
    // The same refusal that does not go away: cxserver stops with exit 1 once its retries
    // (1 + 2 + 4 s) are spent, naming the JAAS file.
    auto server = startThenChangePasswordOnServer();
    QVERIFY(server);
    QVERIFY2(server->waitForExit(30000), server->log().constData());
    QCOMPARE(server->exitCode(), 1);
    QVERIFY(server->log().contains("attempt 3 of 3"));
    QVERIFY(server->log().contains("ZooKeeper refused the SASL DIGEST-MD5 login"));
    QVERIFY(!server->log().contains(CxPassword));
}

QTEST_GUILESS_MAIN(tst_ZooKeeperSasl)
#include "tst_zookeepersasl.moc"
