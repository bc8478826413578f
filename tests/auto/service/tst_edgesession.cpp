// An edge session's own AUTH and BIND state (protocol.md §3), in-process: a real upgraded
// WebSocket from a Qt client, and the session's answers to what the worker tells it.

#include "alwayson/bodies.h"
#include "alwayson/codes.h"
#include "alwayson/header.h"
#include "alwayson/messages.h"
#include "inprocesspeers.h"
#include "websocket/frame.h"

#include <QTest>
#include <memory>

using namespace cx;
using namespace cx::server;
using alwayson::Code;
using alwayson::Header;

namespace {

Header request(Code code, quint32 endpointId, quint32 sessionId)
{
    return {.code = quint8(code), .requestId = 1, .endpointId = endpointId, .sessionId = sessionId};
}

/// The body of a BIND or UNBIND request naming \a names.
QByteArray bindBody(Code code, const QList<QByteArray> &names)
{
    const QByteArray message
        = alwayson::buildBindRequest(code, 1, 9, 1, std::nullopt, std::span(names));
    const alwayson::HeaderParse parsed = alwayson::parseHeader(message);
    const std::span<const char> body = alwayson::bodyOf(message, parsed.header);
    return QByteArray(body.data(), qsizetype(body.size()));
}

} // namespace

class tst_EdgeSession : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<eventloop::EventPoller> m_poller;
    std::unique_ptr<test::DescriptorServer> m_server;
    test::AcceptingEdgeListener m_listener;
    std::unique_ptr<test::InProcessEdge> m_edge;
    EdgeSession *m_session = nullptr;

private Q_SLOTS:
    void init();
    void cleanup();
    void firstMessageMustBeAuth();
    void authTakesTheEdgesEndpointId();
    void successfulAuthAuthenticatesOnce();
    void refusedAuthClosesWith1008();
    void bindsAndUnbindsChangeTheThingsBound();
};

void tst_EdgeSession::init()
{
    m_poller = std::make_unique<eventloop::EventPoller>();
    m_server = std::make_unique<test::DescriptorServer>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    m_edge = std::make_unique<test::InProcessEdge>(*m_poller, *m_server, m_listener, 5);
    QVERIFY(m_edge->isUpgraded());
    m_session = m_edge->session.get();
}

void tst_EdgeSession::cleanup()
{
    m_edge.reset();
    m_server.reset();
    m_poller.reset();
}

void tst_EdgeSession::firstMessageMustBeAuth()
{
    QVERIFY(m_session->awaitsAuth());
    QCOMPARE(m_session->admit(request(Code::Bind, 7, 1)), EdgeSession::Admission::Refused);
    QVERIFY(m_session->awaitsAuth());
    QCOMPARE(m_session->edgeEndpointId(), 0u);
    QVERIFY(!m_session->isAddressable());
}

void tst_EdgeSession::authTakesTheEdgesEndpointId()
{
    QCOMPARE(m_session->admit(request(Code::Auth, 77, 3)), EdgeSession::Admission::FirstAuth);
    QVERIFY(!m_session->awaitsAuth());
    QVERIFY(!m_session->isAuthenticated()); // not before a platform answers
    QCOMPARE(m_session->edgeEndpointId(), 77u);
    QCOMPARE(m_session->lastSessionId(), 3u);
    // Later requests are admitted without a new id; their sessionId is the latest.
    QCOMPARE(m_session->admit(request(Code::Get, 78, 4)), EdgeSession::Admission::Admitted);
    QCOMPARE(m_session->admit(request(Code::Auth, 79, 5)), EdgeSession::Admission::Admitted);
    QCOMPARE(m_session->edgeEndpointId(), 77u);
    QCOMPARE(m_session->lastSessionId(), 5u);
}

void tst_EdgeSession::successfulAuthAuthenticatesOnce()
{
    m_session->admit(request(Code::Auth, 77, 1));
    QVERIFY(m_session->answered(quint8(Code::Auth), quint8(Code::Success), {}));
    QVERIFY(m_session->isAuthenticated());
    QVERIFY(m_session->isAddressable());
    // An AUTH again, answered SUCCESS again: already counted.
    QVERIFY(!m_session->answered(quint8(Code::Auth), quint8(Code::Success), {}));
    QVERIFY(m_session->isAuthenticated());
}

void tst_EdgeSession::refusedAuthClosesWith1008()
{
    m_session->admit(request(Code::Auth, 77, 1));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("authentication failed")));
    QVERIFY(!m_session->answered(quint8(Code::Auth), quint8(Code::Unauthorized), {}));
    QVERIFY(!m_session->isAuthenticated());
    QVERIFY(m_session->isClosing());
    QVERIFY(!m_session->isAddressable());
    QWebSocket &client = m_edge->client;
    QVERIFY(QTest::qWaitFor([&] { return client.state() == QAbstractSocket::UnconnectedState; },
                            test::InProcessWaitMs));
    QCOMPARE(int(client.closeCode()), int(websocket::ClosePolicyViolation));
    QCOMPARE(client.closeReason(), QStringLiteral("authentication failed"));
}

void tst_EdgeSession::bindsAndUnbindsChangeTheThingsBound()
{
    m_session->admit(request(Code::Auth, 77, 1));
    m_session->answered(quint8(Code::Auth), quint8(Code::Success), {});
    const auto bound = [this] {
        QList<QByteArray> names = m_session->boundThings().values();
        std::sort(names.begin(), names.end());
        return names;
    };
    m_session->answered(quint8(Code::Bind), quint8(Code::Success),
                        bindBody(Code::Bind, {"a", "b"}));
    QCOMPARE(bound(), (QList<QByteArray> {"a", "b"}));
    m_session->answered(quint8(Code::Unbind), quint8(Code::Success), bindBody(Code::Unbind, {"a"}));
    QCOMPARE(bound(), QList<QByteArray> {"b"});
    // A refused BIND binds nothing, a refused UNBIND unbinds nothing.
    m_session->answered(quint8(Code::Bind), quint8(Code::Forbidden), bindBody(Code::Bind, {"c"}));
    m_session->answered(quint8(Code::Unbind), quint8(Code::NotFound),
                        bindBody(Code::Unbind, {"b"}));
    QCOMPARE(bound(), QList<QByteArray> {"b"});
    QVERIFY(m_session->isAddressable());
}

QTEST_GUILESS_MAIN(tst_EdgeSession)
#include "tst_edgesession.moc"
