// Edge TLS policy (issue "Hostile peers"; config.md §2 protocol.ssl.*, docs/security.md
// "Edge TLS"): a real cxserver with TLS edges, probed with Debian's `openssl s_client`.
// Suites without forward secrecy or with CBC, and old protocol versions, are refused at the
// handshake; the configured policy is honoured; an invalid one stops start-up with exit 1;
// no session is ever resumed.

#include "command.h"
#include "cxserverprocess.h"
#include "pki.h"
#include "staticcluster.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace cx;
using namespace Qt::StringLiterals;
using test::CxServerProcess;

namespace {

/// The edge keystore is RSA (test::Pki), so the TLS 1.2 suites that apply are ECDHE-RSA-*.
const QString KeystorePassword = QStringLiteral("edge-pw");

/// Every run of s_client, and cxserver's exit when it refuses to start, is bounded by this.
constexpr int CommandTimeoutMs = 15000;

/// Forces the client's own security level to 0: a refusal then comes from cxserver, never
/// from the client's OpenSSL refusing to offer the old protocol or suite.
QString permissive(const QString &cipher)
{
    return cipher + QStringLiteral(":@SECLEVEL=0");
}

} // namespace

class tst_EdgeTls : public QObject
{
    Q_OBJECT

private:
    /// The cxserver settings of a TLS edge listener with the test keystore, plus policy (HOCON
    /// lines inside cx-server). Its platform is unreachable: a handshake does not need one.
    QString settings(const QString &policy) const;
    /// A cxserver running settings(policy); null (the test fails) when it did not start.
    std::unique_ptr<CxServerProcess> startServer(const QString &policy);
    /// `openssl s_client -connect 127.0.0.1:PORT` with arguments, empty stdin and a bound:
    /// it handshakes, sees end of input and closes.
    test::CommandResult sClient(quint16 port, const QStringList &arguments) const;

    QTemporaryDir m_dir;
    QString m_keystore;

private Q_SLOTS:
    void initTestCase();
    void handshake_data();
    void handshake();
    void invalidPolicyExits1_data();
    void invalidPolicyExits1();
    void noSessionIsResumed_data();
    void noSessionIsResumed();
    void reloadRenewsTheCertificateForNewEdgesOnly();
};

QString tst_EdgeTls::settings(const QString &policy) const
{
    return QStringLiteral("  transport.websockets.app-key = \"k\"\n"
                          "  transport.websockets.platforms = [\"ws://127.0.0.1:1/Thingworx/WS\"]\n"
                          "%1%2\n")
        .arg(test::CxServerProcess::edgeTlsSettings(m_keystore, KeystorePassword), policy);
}

std::unique_ptr<CxServerProcess> tst_EdgeTls::startServer(const QString &policy)
{
    auto server = std::make_unique<CxServerProcess>();
    if (!server->start(settings(policy)))
        return nullptr;
    return server;
}

test::CommandResult tst_EdgeTls::sClient(quint16 port, const QStringList &arguments) const
{
    test::RunOptions options;
    options.timeoutMs = CommandTimeoutMs;
    return test::runCommand(QStringLiteral("openssl"),
                            QStringList {QStringLiteral("s_client"), QStringLiteral("-connect"),
                                         QStringLiteral("127.0.0.1:%1").arg(port)}
                                + arguments,
                            options);
}

void tst_EdgeTls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::Pki pki(m_dir.path());
    QVERIFY2(pki.makeEdgeKeystore(KeystorePassword), qPrintable(pki.error()));
    m_keystore = pki.path(QStringLiteral("edge.p12"));
    const test::CommandResult version
        = test::runCommand(QStringLiteral("openssl"), {QStringLiteral("version")});
    QVERIFY2(version.exitCode == 0, version.describe().constData());
}

void tst_EdgeTls::handshake_data()
{
    QTest::addColumn<QString>("policy"); // protocol.ssl.* lines; empty: the defaults
    QTest::addColumn<QStringList>("arguments"); // for s_client
    QTest::addColumn<QString>("negotiated"); // "Ciphersuite: …"; empty: refused

    const QString tls12 = QStringLiteral("-tls1_2");
    const QString tls13 = QStringLiteral("-tls1_3");
    const QString cipher = QStringLiteral("-cipher");
    const QString suites = QStringLiteral("-ciphersuites");

    // The defaults: ECDHE with AEAD on TLS 1.2, OpenSSL's TLS 1.3 suites.
    QTest::addRow("default: RSA key exchange, CBC refused")
        << QString() << QStringList {tls12, cipher, permissive(u"AES128-SHA"_s)} << QString();
    QTest::addRow("default: RSA key exchange, GCM refused")
        << QString() << QStringList {tls12, cipher, permissive(u"AES128-GCM-SHA256"_s)}
        << QString();
    QTest::addRow("default: ECDHE, CBC with SHA-1 refused")
        << QString() << QStringList {tls12, cipher, permissive(u"ECDHE-RSA-AES128-SHA"_s)}
        << QString();
    QTest::addRow("default: ECDHE, CBC with SHA-256 refused")
        << QString() << QStringList {tls12, cipher, permissive(u"ECDHE-RSA-AES128-SHA256"_s)}
        << QString();
    QTest::addRow("default: ECDHE, AES-GCM accepted")
        << QString() << QStringList {tls12, cipher, u"ECDHE-RSA-AES128-GCM-SHA256"_s}
        << u"ECDHE-RSA-AES128-GCM-SHA256"_s;
    QTest::addRow("default: ECDHE, ChaCha20 accepted")
        << QString() << QStringList {tls12, cipher, u"ECDHE-RSA-CHACHA20-POLY1305"_s}
        << u"ECDHE-RSA-CHACHA20-POLY1305"_s;
    QTest::addRow("default: TLS 1.3 accepted")
        << QString() << QStringList {tls13} << u"TLS_AES_256_GCM_SHA384"_s;
    QTest::addRow("default: TLS 1.1 refused")
        << QString() << QStringList {u"-tls1_1"_s, cipher, permissive(u"ECDHE-RSA-AES128-SHA"_s)}
        << QString();
    QTest::addRow("default: TLS 1.0 refused")
        << QString() << QStringList {u"-tls1"_s, cipher, permissive(u"ECDHE-RSA-AES128-SHA"_s)}
        << QString();

    const QString only13 = u"  protocol.ssl.min-version = \"TLSv1.3\""_s;
    QTest::addRow("min-version TLSv1.3: TLS 1.2 refused")
        << only13 << QStringList {tls12, cipher, u"ECDHE-RSA-AES128-GCM-SHA256"_s} << QString();
    QTest::addRow("min-version TLSv1.3: TLS 1.3 accepted")
        << only13 << QStringList {tls13} << u"TLS_AES_256_GCM_SHA384"_s;

    const QString aes256 = u"  protocol.ssl.ciphers = \"ECDHE-RSA-AES256-GCM-SHA384\""_s;
    QTest::addRow("custom ciphers: the configured suite chosen")
        << aes256 << QStringList {tls12} << u"ECDHE-RSA-AES256-GCM-SHA384"_s;
    QTest::addRow("custom ciphers: a default suite refused")
        << aes256 << QStringList {tls12, cipher, u"ECDHE-RSA-AES128-GCM-SHA256"_s} << QString();
    QTest::addRow("custom ciphers: TLS 1.3 unaffected")
        << aes256 << QStringList {tls13} << u"TLS_AES_256_GCM_SHA384"_s;

    const QString chacha = u"  protocol.ssl.ciphersuites = \"TLS_CHACHA20_POLY1305_SHA256\""_s;
    QTest::addRow("custom ciphersuites: the configured suite chosen")
        << chacha << QStringList {tls13} << u"TLS_CHACHA20_POLY1305_SHA256"_s;
    QTest::addRow("custom ciphersuites: another suite refused")
        << chacha << QStringList {tls13, suites, u"TLS_AES_128_GCM_SHA256"_s} << QString();
}

void tst_EdgeTls::handshake()
{
    QFETCH(QString, policy);
    QFETCH(QStringList, arguments);
    QFETCH(QString, negotiated);

    const auto server = startServer(policy);
    QVERIFY(server);
    const test::CommandResult client
        = sClient(server->edgePort(), arguments + QStringList {u"-brief"_s});
    QVERIFY2(!client.timedOut && !client.startFailed && !client.crashed,
             client.describe().constData());
    const QByteArray output = client.out + client.err;
    if (negotiated.isEmpty()) {
        QVERIFY2(client.exitCode != 0, client.describe().constData());
        QVERIFY2(!output.contains("CONNECTION ESTABLISHED"), client.describe().constData());
        // cxserver's alert, not the client giving up before it sent anything.
        QVERIFY2(output.contains("alert"), client.describe().constData());
    } else {
        QVERIFY2(client.exitCode == 0, client.describe().constData());
        QVERIFY2(output.contains("CONNECTION ESTABLISHED"), client.describe().constData());
        QVERIFY2(output.contains(QByteArray("Ciphersuite: " + negotiated.toLatin1() + '\n')),
                 client.describe().constData());
    }
    QVERIFY(server->isRunning());
}

void tst_EdgeTls::invalidPolicyExits1_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("message");

    QTest::addRow("ciphers") << u"  protocol.ssl.ciphers = \"NO-SUCH-CIPHER:ALSO-NOT\""_s
                             << u"protocol.ssl.ciphers: OpenSSL accepts no cipher in "
                                "\"NO-SUCH-CIPHER:ALSO-NOT\""_s;
    QTest::addRow("ciphers: TLS 1.3 names only")
        << u"  protocol.ssl.ciphers = \"TLS_AES_128_GCM_SHA256\""_s
        << u"protocol.ssl.ciphers: OpenSSL accepts no cipher in \"TLS_AES_128_GCM_SHA256\""_s;
    QTest::addRow("ciphersuites")
        << u"  protocol.ssl.ciphersuites = \"ECDHE-RSA-AES128-GCM-SHA256\""_s
        << u"protocol.ssl.ciphersuites: OpenSSL accepts no cipher suite in "
           "\"ECDHE-RSA-AES128-GCM-SHA256\""_s;
}

void tst_EdgeTls::invalidPolicyExits1()
{
    QFETCH(QString, policy);
    QFETCH(QString, message);

    CxServerProcess server;
    QVERIFY(!server.start(settings(policy), CommandTimeoutMs));
    QVERIFY(server.waitForExit(CommandTimeoutMs));
    QCOMPARE(server.exitCode(), 1);
    QVERIFY2(server.log().contains(message.toUtf8()), server.log().constData());
    QVERIFY(!server.log().contains("ready:"));

    // --check-config finds it too, at the key's line of the file start() wrote.
    test::RunOptions options;
    options.timeoutMs = CommandTimeoutMs;
    const test::CommandResult check
        = test::runCommand(test::binaryPath(u"cxserver"_s),
                           {u"--config"_s, server.configPath(), u"--check-config"_s}, options);
    QCOMPARE(check.exitCode, 1);
    const QByteArray located = server.configPath().toUtf8() + ':';
    QVERIFY2(check.err.contains(located)
                 && check.err.contains(QByteArray(": error: " + message.toUtf8())),
             check.describe().constData());
    QVERIFY2(!check.out.contains("configuration OK"), check.describe().constData());
}

void tst_EdgeTls::noSessionIsResumed_data()
{
    QTest::addColumn<QString>("version");
    QTest::addRow("TLS 1.2") << u"-tls1_2"_s;
    QTest::addRow("TLS 1.3") << u"-tls1_3"_s;
}

void tst_EdgeTls::noSessionIsResumed()
{
    QFETCH(QString, version);

    const auto server = startServer({});
    QVERIFY(server);
    // Six handshakes, each offering the previous session: every one is new, and none
    // carries a session ticket (s_client prints "TLS session ticket:" for one).
    const test::CommandResult client = sClient(server->edgePort(), {version, u"-reconnect"_s});
    QVERIFY2(client.exitCode == 0 && !client.timedOut, client.describe().constData());
    const QByteArray output = client.out + client.err;
    QCOMPARE(output.count("\nNew, TLSv1."), 6);
    QVERIFY2(!output.contains("Reused,"), output.constData());
    QVERIFY2(!output.contains("TLS session ticket"), output.constData());
}

void tst_EdgeTls::reloadRenewsTheCertificateForNewEdgesOnly()
{
    // A renewed keystore (new certificate, new password) is taken at a reload: new
    // handshakes see it while 100 established edges keep their connections and are served;
    // a bad keystore is refused whole and the running certificate stays (docs/operations.md).
    const QByteArray appKey = "renewal-app-key";
    test::Pki pki(m_dir.path());
    QVERIFY2(pki.makeServer(u"renewed"_s, {u"IP:127.0.0.1"_s})
                 && pki.makePkcs12(u"renewed"_s, u"renewed-pw"_s),
             qPrintable(pki.error()));
    const QString live = m_dir.filePath(u"live.p12"_s);
    QFile::remove(live);
    QVERIFY(QFile::copy(m_keystore, live));
    const test::Sims sims = test::startSims(1, appKey);
    QVERIFY(!sims.empty());
    const auto server = test::startStaticServer(
        sims, appKey, test::CxServerProcess::edgeTlsSettings(live, KeystorePassword));
    QVERIFY(server);
    const auto subjectOf = [&] {
        const test::CommandResult client = sClient(server->edgePort(), {});
        const QRegularExpressionMatch match
            = QRegularExpression(u"subject=CN ?= ?(\\S+)"_s).match(QString::fromUtf8(client.out));
        return match.hasMatch() ? match.captured(1) : QString::fromUtf8(client.describe());
    };
    QCOMPARE(subjectOf(), u"edge"_s);

    test::ManagedProcess load(u"cxedgesim"_s);
    QUrl url = server->edgeUrl();
    url.setScheme(u"wss"_s);
    QVERIFY(load.start(test::binaryPath(u"cxedgesim"_s),
                       {u"--url"_s, url.toString(), u"--ca"_s, pki.path(u"ca.pem"_s),
                        u"--app-key"_s, QString::fromUtf8(appKey), u"--edges"_s, u"100"_s,
                        u"--rate"_s, u"100"_s, u"--duration"_s, u"8"_s}));
    const QRegularExpressionMatch ready
        = load.waitForLine(QRegularExpression(u"edgesim ready (\\d+)/"_s), 20000);
    QVERIFY2(ready.hasMatch() && ready.captured(1).toInt() == 100, load.log().constData());

    // The renewed keystore replaces the file in place; its password changes in the config.
    const auto reload = [&] {
        return test::runCommand(test::binaryPath(u"cxctl"_s),
                                {u"--socket"_s, server->statusSocket(), u"reload"_s});
    };
    QVERIFY(QFile::remove(live) && QFile::copy(pki.path(u"renewed.p12"_s), live));
    QFile config(server->configPath());
    QVERIFY(config.open(QIODevice::Append));
    config.write("cx-server.protocol.http-server.ssl.key-store.password = \"renewed-pw\"\n");
    config.close();
    const test::CommandResult renewed = reload();
    QVERIFY2(renewed.exitCode == 0, renewed.describe().constData());
    QVERIFY(server
                ->waitForLine(QRegularExpression(u"edge certificate for new connections: "
                                                 "CN=renewed, valid until "_s))
                .hasMatch());
    QCOMPARE(subjectOf(), u"renewed"_s);

    // A broken keystore: the reload is refused, saying why; the renewed certificate stays.
    QFile broken(live);
    QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
    broken.write("not a PKCS#12 file");
    broken.close();
    const test::CommandResult refused = reload();
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("cannot open keystore") && refused.err.contains("stays"),
             refused.describe().constData());
    QCOMPARE(subjectOf(), u"renewed"_s);

    // The 100 edges of before never dropped and every request was answered.
    QVERIFY(load.waitForExit(30000));
    const QJsonObject report
        = QJsonDocument::fromJson(load.log().trimmed().split('\n').last()).object();
    QCOMPARE(load.exitCode(), 0);
    QCOMPARE(report.value(u"disconnects"_s).toInteger(), 0);
    QCOMPARE(report.value(u"missing"_s).toInteger(), 0);
    QVERIFY(report.value(u"sent"_s).toInteger() > 0);
    QCOMPARE(report.value(u"byCode"_s).toObject().value(u"0x40"_s).toInteger(),
             report.value(u"sent"_s).toInteger());
}

QTEST_GUILESS_MAIN(tst_EdgeTls)
#include "tst_edgetls.moc"
