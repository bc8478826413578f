// The opening handshake of protocol.md §1, rule by rule, against a real cxserver on a plain
// and on a TLS edge listener: each request gets exactly the status the contract names.

#include "cxserverprocess.h"
#include "pki.h"
#include "platformsimprocess.h"
#include "rawedge.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace cx;
using test::CxServerProcess;
using test::PlatformSimProcess;
using test::RawEdge;

namespace {

const QByteArray AppKey = "handshake-rules-key";

/// The valid upgrade request for \a target, with header lines \a extra added.
QByteArray upgrade(const QByteArray &target = "/Thingworx/WS", const QByteArray &extra = {})
{
    return RawEdge::handshakeHead(target) + extra + "\r\n";
}

} // namespace

class tst_HandshakeRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rule_data();
    void rule();

private:
    /// Sends \a request (in pieces of \a piece bytes when > 0) and returns what the server
    /// answers up to the end of its response head, or until it closes.
    QByteArray exchange(bool tls, const QByteArray &request, int piece);

    QTemporaryDir m_dir;
    std::unique_ptr<PlatformSimProcess> m_sim;
    std::unique_ptr<CxServerProcess> m_plain;
    std::unique_ptr<CxServerProcess> m_tls;
    QSslConfiguration m_ssl;
};

void tst_HandshakeRules::initTestCase()
{
    test::Pki pki(m_dir.path());
    QVERIFY2(pki.makeEdgeKeystore(QStringLiteral("pw")), qPrintable(pki.error()));
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setCaCertificates(QSslCertificate::fromPath(pki.path(QStringLiteral("ca.pem"))));
    m_sim = std::make_unique<PlatformSimProcess>(QStringLiteral("sim"));
    QVERIFY2(m_sim->start(AppKey), m_sim->log().constData());
    const QString settings = QStringLiteral("  transport.websockets.app-key = \"%1\"\n"
                                            "  transport.websockets.platforms = [\"%2\"]\n")
                                 .arg(QString::fromUtf8(AppKey), m_sim->url());
    m_plain = std::make_unique<CxServerProcess>(QStringLiteral("cxserver-plain"));
    QVERIFY2(m_plain->start(settings), m_plain->log().constData());
    m_tls = std::make_unique<CxServerProcess>(QStringLiteral("cxserver-tls"));
    QVERIFY2(m_tls->start(settings
                          + CxServerProcess::edgeTlsSettings(pki.path(QStringLiteral("edge.p12")),
                                                             QStringLiteral("pw"))),
             m_tls->log().constData());
}

void tst_HandshakeRules::cleanupTestCase()
{
    if (m_plain)
        QCOMPARE(m_plain->stop(), 0);
    if (m_tls)
        QCOMPARE(m_tls->stop(), 0);
    m_sim.reset();
}

QByteArray tst_HandshakeRules::exchange(bool tls, const QByteArray &request, int piece)
{
    QSslSocket socket;
    socket.setSslConfiguration(m_ssl);
    const quint16 port = tls ? m_tls->edgePort() : m_plain->edgePort();
    if (tls)
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    else
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!(tls ? socket.waitForEncrypted(5000) : socket.waitForConnected(5000)))
        return "no connection: " + socket.errorString().toUtf8();
    for (qsizetype at = 0; at < request.size();) {
        const qsizetype size
            = piece > 0 ? qMin<qsizetype>(piece, request.size() - at) : request.size() - at;
        socket.write(request.mid(at, size));
        at += size;
        if (!socket.waitForBytesWritten(5000))
            break; // the server may have answered and closed already
    }
    QByteArray answer;
    [[maybe_unused]] const bool complete = QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return answer.contains("\r\n\r\n") || socket.state() != QAbstractSocket::ConnectedState;
        },
        5000);
    return answer + socket.readAll();
}

void tst_HandshakeRules::rule_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("piece"); ///< sent in pieces of this many bytes; 0: one write
    QTest::addColumn<QByteArray>("status");

    for (const char *listener : {"plain", "TLS"}) {
        const auto row = [listener](const char *name, const QByteArray &request,
                                    const QByteArray &status, int piece = 0) {
            QTest::addRow("%s: %s", listener, name) << request << piece << status;
        };
        row("valid", upgrade(), "101");
        row("absolute form", upgrade("wss://127.0.0.1/Thingworx/WS?x=1"), "101");
        QByteArray post = upgrade();
        post.replace("GET ", "POST ");
        row("POST", post, "400");
        QByteArray http10 = upgrade();
        http10.replace("HTTP/1.1", "HTTP/1.0");
        row("HTTP/1.0", http10, "400");
        QByteArray noHost = upgrade();
        noHost.replace("Host: 127.0.0.1\r\n", "");
        row("no Host", noHost, "400");
        QByteArray version8 = upgrade();
        version8.replace("Version: 13", "Version: 8");
        row("version 8", version8, "426");
        row("unknown path", upgrade("/Thingworx/Other"), "404");
        row("percent-encoded path", upgrade("/Thingworx/%57S"), "404");
        row("dot-segment tunnel path", upgrade("/Thingworx/WSTunnelServer/a/../../WS"), "404");
        const QByteArray large
            = upgrade("/Thingworx/WS", "X-Padding: " + QByteArray(17000, 'p') + "\r\n");
        row("17 KiB head in one write", large, "431");
        row("17 KiB head in pieces", large, "431", 1000);
        row("endless head", QByteArray(40000, 'x'), "431", 4000);
    }
}

void tst_HandshakeRules::rule()
{
    QFETCH(QByteArray, request);
    QFETCH(int, piece);
    QFETCH(QByteArray, status);
    const bool tls = QByteArray(QTest::currentDataTag()).startsWith("TLS");
    const QByteArray answer = exchange(tls, request, piece);
    const QByteArray statusLine = "HTTP/1.1 " + status + ' ';
    QVERIFY2(answer.startsWith(statusLine), answer.left(200).constData());
    if (status == "426")
        QVERIFY(answer.contains("\r\nSec-WebSocket-Version: 13\r\n"));
}

QTEST_GUILESS_MAIN(tst_HandshakeRules)
#include "tst_handshakerules.moc"
