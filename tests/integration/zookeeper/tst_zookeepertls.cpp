// TLS to ZooKeeper (config.md §2, discovery.tls.*): Debian's ZooKeeper serving a
// secureClientPort (Netty) with its own test CA and asking for a client certificate, and
// the real cxserver connecting through its TLS bridge (validated server name, its client
// certificate from a PKCS#12 key store). Anything it cannot authenticate stops it clearly.

#include "alwayson/codes.h"
#include "cxserverprocess.h"
#include "pki.h"
#include "platformsimprocess.h"
#include "testedge.h"
#include "znodewriter.h"
#include "zookeeperprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace cx;
using alwayson::Code;
using test::CxServerProcess;
using test::Pki;
using test::PlatformSimProcess;
using test::TestEdge;
using test::ZnodeWriter;
using test::ZooKeeperProcess;

namespace {

const QByteArray AppKey = "test-app-key";
constexpr quint32 EdgeId = 13;
/// config.md §2: an untrusted server or a refused key store stops cxserver within 20 s.
constexpr int RefusalMs = 20000;

} // namespace

class tst_ZooKeeperTls : public QObject
{
    Q_OBJECT

private:
    /// cxserver settings for TLS to ZooKeeper at \a connectionString, trusting \a trustStore,
    /// with the client key store unless \a withClientCertificate is false.
    QString tlsSettings(const QString &connectionString, const QString &trustStore,
                        bool withClientCertificate = true) const;
    /// Starts a cxserver that must stop with exit 1 within RefusalMs, its log naming \a reason.
    void expectRefusal(const QString &settings, const QByteArray &reason);

    QTemporaryDir m_dir;
    std::unique_ptr<Pki> m_pki;
    std::unique_ptr<Pki> m_otherPki;
    std::unique_ptr<ZooKeeperProcess> m_zooKeeper;
    std::unique_ptr<PlatformSimProcess> m_sim;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void discoversAndRoutesOverTls();
    void serverOfAnotherCaIsRefused();
    void serverNameIsValidated();
    void missingClientCertificateIsRefused();
};

void tst_ZooKeeperTls::initTestCase()
{
    zoo_set_debug_level(ZOO_LOG_LEVEL_WARN);
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("ca")));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("other")));
    m_pki = std::make_unique<Pki>(m_dir.filePath(QStringLiteral("ca")));
    QVERIFY2(m_pki->makeCa()
                 && m_pki->makeServer(QStringLiteral("zookeeper"), {QStringLiteral("IP:127.0.0.1")})
                 && m_pki->makePkcs12(QStringLiteral("zookeeper"), QStringLiteral("zk-pw"))
                 && m_pki->makeServer(QStringLiteral("cxserver"), {})
                 && m_pki->makePkcs12(QStringLiteral("cxserver"), QStringLiteral("cx-pw")),
             qPrintable(m_pki->error()));
    m_otherPki = std::make_unique<Pki>(m_dir.filePath(QStringLiteral("other")));
    QVERIFY2(m_otherPki->makeCa(), qPrintable(m_otherPki->error()));

    m_zooKeeper = std::make_unique<ZooKeeperProcess>();
    m_zooKeeper->enableSecureClientPort(m_pki->path(QStringLiteral("zookeeper.p12")),
                                        QStringLiteral("zk-pw"),
                                        m_pki->path(QStringLiteral("ca.pem")));
    QVERIFY2(m_zooKeeper->start(), m_zooKeeper->log().constData());
    m_sim = std::make_unique<PlatformSimProcess>(QStringLiteral("sim0"));
    QVERIFY(m_sim->start(AppKey));
    // Registered over the plain port; cxserver reads over the secure one only.
    ZnodeWriter writer(m_zooKeeper->connectionString());
    QVERIFY2(writer.create("/services/svc-tls/sim0", test::curatorJson(m_sim->port())),
             writer.lastError());
}

void tst_ZooKeeperTls::cleanupTestCase()
{
    m_sim.reset();
    m_zooKeeper.reset();
}

QString tst_ZooKeeperTls::tlsSettings(const QString &connectionString, const QString &trustStore,
                                      bool withClientCertificate) const
{
    QString settings
        = QStringLiteral("  transport.websockets.app-key = \"%1\"\n"
                         "  transport.websockets.service-discovery.enabled = true\n"
                         "  transport.websockets.service-discovery.tls-enabled = false\n"
                         "  transport.websockets.service-discovery.service-name = \"svc-tls\"\n"
                         "  discovery.connectionString = \"%2\"\n"
                         "  discovery.session-timeout = 5s\n"
                         "  discovery.tls.enabled = true\n"
                         "  discovery.tls.trust-store.file = \"%3\"\n")
              .arg(QString::fromUtf8(AppKey), connectionString, trustStore);
    if (withClientCertificate)
        settings += QStringLiteral("  discovery.tls.key-store.file = \"%1\"\n"
                                   "  discovery.tls.key-store.password = \"cx-pw\"\n")
                        .arg(m_pki->path(QStringLiteral("cxserver.p12")));
    return settings;
}

void tst_ZooKeeperTls::expectRefusal(const QString &settings, const QByteArray &reason)
{
    CxServerProcess server;
    QVERIFY(server.start(settings));
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY2(server.waitForExit(RefusalMs), server.log().constData());
    QCOMPARE(server.exitCode(), 1);
    QVERIFY2(server.log().contains(reason), server.log().constData());
    QVERIFY(server.log().contains("check discovery.tls.trust-store.file, "
                                  "discovery.tls.key-store.file and the server's name"));
    QVERIFY(!server.log().contains("cx-pw"));
}

void tst_ZooKeeperTls::discoversAndRoutesOverTls()
{
    CxServerProcess server;
    QVERIFY(server.start(
        tlsSettings(m_zooKeeper->secureConnectionString(), m_pki->path(QStringLiteral("ca.pem")))));
    QVERIFY2(server.waitForInstances(1, 20000), server.log().constData());
    TestEdge edge;
    QVERIFY(edge.open(server.edgeUrl()));
    QCOMPARE(edge.authenticate(AppKey, EdgeId), int(Code::Success));
    QVERIFY(server.log().contains("over TLS"));
}

void tst_ZooKeeperTls::serverOfAnotherCaIsRefused()
{
    expectRefusal(tlsSettings(m_zooKeeper->secureConnectionString(),
                              m_otherPki->path(QStringLiteral("ca.pem"))),
                  "TLS to ZooKeeper " + m_zooKeeper->secureConnectionString().toUtf8()
                      + " failed: ");
}

void tst_ZooKeeperTls::serverNameIsValidated()
{
    // The certificate names IP 127.0.0.1 only; "localhost" is that address, not that name.
    const QString byName = QStringLiteral("localhost:%1")
                               .arg(m_zooKeeper->secureConnectionString().section(u':', 1));
    expectRefusal(tlsSettings(byName, m_pki->path(QStringLiteral("ca.pem"))),
                  "TLS to ZooKeeper " + byName.toUtf8()
                      + " failed: The host name did not match any of the valid hosts for this "
                        "certificate");
}

void tst_ZooKeeperTls::missingClientCertificateIsRefused()
{
    expectRefusal(tlsSettings(m_zooKeeper->secureConnectionString(),
                              m_pki->path(QStringLiteral("ca.pem")), false),
                  "TLS to ZooKeeper " + m_zooKeeper->secureConnectionString().toUtf8()
                      + " failed: ");
}

QTEST_GUILESS_MAIN(tst_ZooKeeperTls)
#include "tst_zookeepertls.moc"
