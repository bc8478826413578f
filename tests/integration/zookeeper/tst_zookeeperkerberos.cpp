// ZooKeeper discovery with Kerberos (config.md §2, discovery.sasl.mechanism "GSSAPI"): a real
// MIT KDC on 127.0.0.1 with its realm, principals and keytabs made here, Debian's ZooKeeper
// with the Kerberos `Server` login, and the real cxserver logging in from a keytab named by
// a JAAS file's Client section. The service path is readable by cxserver's principal only.

#include "alwayson/codes.h"
#include "cxserverprocess.h"
#include "kdcprocess.h"
#include "platformsimprocess.h"
#include "testedge.h"
#include "znodewriter.h"
#include "zookeeperprocess.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace cx;
using alwayson::Code;
using test::CxServerProcess;
using test::KdcProcess;
using test::PlatformSimProcess;
using test::TestEdge;
using test::ZnodeWriter;
using test::ZooKeeperProcess;

namespace {

const QByteArray AppKey = "test-app-key";
constexpr quint32 EdgeId = 11;
constexpr int DiscoveryTimeoutMs = 30000;

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

QByteArray krb5Jaas(const QByteArray &section, const QString &keyTab, const QByteArray &principal)
{
    return section
        + " {\n  com.sun.security.auth.module.Krb5LoginModule required\n"
          "  useKeyTab=true\n  keyTab=\""
        + QFile::encodeName(keyTab) + "\"\n  storeKey=true\n  useTicketCache=false\n  principal=\""
        + principal + "\";\n};\n";
}

} // namespace

class tst_ZooKeeperKerberos : public QObject
{
    Q_OBJECT

private:
    /// The settings of a cxserver discovering /services/svc-krb with GSSAPI as principal,
    /// whose key a JAAS file names (cxserver's keytab); empty when it cannot be written.
    QString kerberosSettings(const QByteArray &principal);
    /// Registers instance id at port, readable by cxserver's principal only.
    bool registerInstance(const QByteArray &id, quint16 port);
    bool routes(CxServerProcess &server);

    QTemporaryDir m_dir;
    std::unique_ptr<KdcProcess> m_kdc;
    std::unique_ptr<ZooKeeperProcess> m_zooKeeper;
    std::unique_ptr<PlatformSimProcess> m_sim;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void discoversRoutesAndSurvivesRestartAndExpiry();
    void wrongPrincipalStopsStartUpClearly();
    void unknownServicePrincipalStopsClearly();
    void withoutTheLoginNothingIsRead();
};

void tst_ZooKeeperKerberos::initTestCase()
{
    zoo_set_debug_level(ZOO_LOG_LEVEL_WARN);
    m_kdc = std::make_unique<KdcProcess>();
    QVERIFY2(m_kdc->start(), m_kdc->log().constData());
    // The C client asks for <service-name>/<the address it connected to>; this krb5.conf
    // does not canonicalize it into a host name.
    const QString serverKeyTab = m_dir.filePath(QStringLiteral("zookeeper.keytab"));
    QVERIFY(m_kdc->addPrincipal(QStringLiteral("zookeeper/127.0.0.1@CX.TEST"), serverKeyTab));
    QVERIFY(m_kdc->addPrincipal(QStringLiteral("cxserver@CX.TEST"),
                                m_dir.filePath(QStringLiteral("cxserver.keytab"))));

    m_zooKeeper = std::make_unique<ZooKeeperProcess>();
    const QString serverJaas = m_zooKeeper->filePath(QStringLiteral("server-jaas.conf"));
    QVERIFY(writeFile(serverJaas, krb5Jaas("Server", serverKeyTab, "zookeeper/127.0.0.1@CX.TEST")));
    m_zooKeeper->configure(QStringLiteral("authProvider.sasl=org.apache.zookeeper.server.auth."
                                          "SASLAuthenticationProvider\n"),
                           {QStringLiteral("-Djava.security.auth.login.config=") + serverJaas,
                            QStringLiteral("-Djava.security.krb5.conf=") + m_kdc->krb5ConfPath()});
    QVERIFY2(m_zooKeeper->start(), m_zooKeeper->log().constData());

    m_sim = std::make_unique<PlatformSimProcess>(QStringLiteral("sim0"));
    QVERIFY(m_sim->start(AppKey));
    QVERIFY(registerInstance("sim0", m_sim->port()));
}

void tst_ZooKeeperKerberos::cleanupTestCase()
{
    m_sim.reset();
    m_zooKeeper.reset();
    m_kdc.reset();
}

bool tst_ZooKeeperKerberos::registerInstance(const QByteArray &id, quint16 port)
{
    // Anyone may register; only cxserver's principal may read.
    static char sasl[] = "sasl";
    static char cxserver[] = "cxserver@CX.TEST";
    static char world[] = "world";
    static char anyone[] = "anyone";
    static ACL acl[]
        = {{ZOO_PERM_READ, {sasl, cxserver}},
           {ZOO_PERM_CREATE | ZOO_PERM_DELETE | ZOO_PERM_WRITE | ZOO_PERM_ADMIN, {world, anyone}}};
    static ACL_vector aclVector = {2, acl};
    ZnodeWriter writer(m_zooKeeper->connectionString(), QByteArray(), &aclVector);
    const bool created = writer.create("/services/svc-krb/" + id, test::curatorJson(port));
    if (!created)
        qWarning("cannot register %s: %s", id.constData(), writer.lastError());
    return created;
}

QString tst_ZooKeeperKerberos::kerberosSettings(const QByteArray &principal)
{
    const QString jaas = m_dir.filePath(QString::fromUtf8("client-" + principal.left(8) + ".conf"));
    if (!writeFile(
            jaas, krb5Jaas("Client", m_dir.filePath(QStringLiteral("cxserver.keytab")), principal)))
        return {};
    return QStringLiteral("  transport.websockets.app-key = \"%1\"\n"
                          "  transport.websockets.service-discovery.enabled = true\n"
                          "  transport.websockets.service-discovery.tls-enabled = false\n"
                          "  transport.websockets.service-discovery.service-name = \"svc-krb\"\n"
                          "  discovery.connectionString = \"%2\"\n"
                          "  discovery.session-timeout = 2s\n"
                          "  discovery.sasl-enabled = true\n"
                          "  discovery.sasl.krb5-conf.file = \"%3\"\n"
                          "  discovery.sasl-jaas-file = \"%4\"\n")
        .arg(QString::fromUtf8(AppKey), m_zooKeeper->connectionString(), m_kdc->krb5ConfPath(),
             jaas);
}

bool tst_ZooKeeperKerberos::routes(CxServerProcess &server)
{
    TestEdge edge;
    return edge.open(server.edgeUrl()) && edge.authenticate(AppKey, EdgeId) == int(Code::Success);
}

void tst_ZooKeeperKerberos::discoversRoutesAndSurvivesRestartAndExpiry()
{
    const QString settings = kerberosSettings("cxserver@CX.TEST");
    QVERIFY(!settings.isEmpty());
    auto server = std::make_unique<CxServerProcess>();
    QVERIFY(server->start(settings));
    QVERIFY2(server->waitForInstances(1, DiscoveryTimeoutMs), server->log().constData());
    QVERIFY(routes(*server));
    QVERIFY(m_zooKeeper->log().contains("Successfully authenticated client: "
                                        "authenticationID=cxserver@CX.TEST"));

    // A restart: the session survives, the new connection logs in again.
    m_zooKeeper->stop();
    QVERIFY(!m_zooKeeper->isRunning());
    QVERIFY2(m_zooKeeper->start(), m_zooKeeper->log().constData());
    PlatformSimProcess sim1(QStringLiteral("sim1"));
    QVERIFY(sim1.start(AppKey));
    QVERIFY(registerInstance("sim1", sim1.port()));
    QVERIFY2(server->waitForInstances(2, DiscoveryTimeoutMs), server->log().constData());

    // An expiry: cxserver stopped longer than its 2 s session opens a new session, which
    // logs in again (from the ticket in memory, or the keytab) and lists again.
    server->pause();
    QVERIFY(m_zooKeeper
                ->waitForLine(QRegularExpression(QStringLiteral("Expiring session 0x[0-9a-f]+, "
                                                                "timeout of 2000ms exceeded")),
                              15000)
                .hasMatch());
    server->resume();
    QVERIFY2(server
                 ->waitForLine(QRegularExpression(QStringLiteral("ZooKeeper session expired")),
                               DiscoveryTimeoutMs)
                 .hasMatch(),
             server->log().constData());
    PlatformSimProcess sim2(QStringLiteral("sim2"));
    QVERIFY(sim2.start(AppKey));
    QVERIFY(registerInstance("sim2", sim2.port()));
    QVERIFY2(server->waitForInstances(3, DiscoveryTimeoutMs), server->log().constData());
    QVERIFY(routes(*server));
}

void tst_ZooKeeperKerberos::wrongPrincipalStopsStartUpClearly()
{
    // The keytab holds cxserver@CX.TEST only.
    const QString settings = kerberosSettings("someone-else@CX.TEST");
    QVERIFY(!settings.isEmpty());
    auto server = std::make_unique<CxServerProcess>();
    QVERIFY(!server->start(settings));
    QVERIFY(server->waitForExit(20000));
    QCOMPARE(server->exitCode(), 1);
    QVERIFY2(server->log().contains("Kerberos login of someone-else@CX.TEST from "),
             server->log().constData());
}

void tst_ZooKeeperKerberos::unknownServicePrincipalStopsClearly()
{
    // The login itself works; the ticket for nosuch/127.0.0.1 does not exist.
    const QString settings = kerberosSettings("cxserver@CX.TEST")
        + QStringLiteral("  discovery.sasl.service-name = \"nosuch\"\n");
    auto server = std::make_unique<CxServerProcess>();
    QVERIFY(server->start(settings));
    QVERIFY2(server->waitForExit(20000), server->log().constData());
    QCOMPARE(server->exitCode(), 1);
    QVERIFY2(server->log().contains("ZooKeeper refused the SASL GSSAPI login: check the principal "
                                    "and keytab of the Client section of "
                                    "discovery.sasl-jaas-file, and discovery.sasl.service-name"),
             server->log().constData());
}

void tst_ZooKeeperKerberos::withoutTheLoginNothingIsRead()
{
    auto server = std::make_unique<CxServerProcess>();
    QVERIFY(server->start(
        QStringLiteral("  transport.websockets.app-key = \"%1\"\n"
                       "  transport.websockets.service-discovery.enabled = true\n"
                       "  transport.websockets.service-discovery.tls-enabled = false\n"
                       "  transport.websockets.service-discovery.service-name = \"svc-krb\"\n"
                       "  discovery.connectionString = \"%2\"\n")
            .arg(QString::fromUtf8(AppKey), m_zooKeeper->connectionString())));
    QVERIFY(server
                ->waitForLine(QRegularExpression(QStringLiteral("ZooKeeper denies reading "
                                                                "/services/svc-krb \\(NOAUTH\\)")),
                              DiscoveryTimeoutMs)
                .hasMatch());
    QCOMPARE(server->health(), 503);
}

QTEST_GUILESS_MAIN(tst_ZooKeeperKerberos)
#include "tst_zookeeperkerberos.moc"
