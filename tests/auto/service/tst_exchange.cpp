// A worker's requests in flight (the exchange), in-process: real edge sessions from Qt
// clients, real pipes to in-process platforms, a routing backend that takes the first
// candidate, and a listener that records what the worker would do.

#include "alwayson/bodies.h"
#include "alwayson/codes.h"
#include "clock.h"
#include "dataplanesettings.h"
#include "exchange.h"
#include "inprocesspeers.h"
#include "platformpipe.h"
#include "plugin/routing.h"
#include "upstreamset.h"
#include "workerstats.h"

#include <QTest>
#include <memory>
#include <numeric>

using namespace cx;
using namespace cx::server;
using alwayson::Code;
using alwayson::Header;

namespace {

constexpr quint32 EdgeId = 40; ///< the id the edge uses in its AUTH

/// Routes to the first candidate, as a backend that knows nothing else would.
class FirstCandidate : public plugin::RoutingBackend
{
public:
    int pick(const plugin::RoutingCandidates &candidates, quint32 endpointId) override
    {
        for (int i = 0; i < candidates.count(); ++i) {
            if (candidates.isCandidate(i, endpointId))
                return i;
        }
        return -1;
    }
    void membershipChanged(int) override { }
};

/// Hands pipe news to the set and the exchange, and records what the exchange asks of the
/// worker, as the worker does.
class Recorder : public PipeListener, public ExchangeListener
{
public:
    void pipeConnected(PlatformPipe &pipe) override { upstreams->pipeConnected(pipe); }
    void pipeLost(PlatformPipe &pipe) override
    {
        upstreams->pipeLost(pipe);
        exchange->pipeLost(pipe);
    }
    void pipeFailed(PlatformPipe &pipe, const QString &reason) override
    {
        upstreams->pipeFailed(pipe, reason);
    }
    void pipeMessage(PlatformPipe &pipe, std::span<char> message) override
    {
        const alwayson::HeaderParse parsed = alwayson::parseHeader(message);
        if (parsed.ok() && parsed.header.isResponse())
            exchange->platformResponse(pipe, message, parsed.header);
    }
    void edgeAuthenticated(EdgeSession &) override { ++authenticated; }
    void sendOnPipeOf(int pipeWorker, quint32 pipeSerial, QByteArrayView message) override
    {
        sentOnPipes.append({pipeWorker, pipeSerial, message.toByteArray()});
    }

    struct Sent
    {
        int worker;
        quint32 serial;
        QByteArray message;
    };
    UpstreamSet *upstreams = nullptr;
    Exchange *exchange = nullptr;
    int authenticated = 0;
    QList<Sent> sentOnPipes;
};

/// The code of response \a message.
quint8 codeOf(const QByteArray &message)
{
    return alwayson::parseHeader(message).header.code;
}

/// The reason an error response \a message gives.
QByteArray reasonOf(const QByteArray &message)
{
    const alwayson::HeaderParse parsed = alwayson::parseHeader(message);
    const auto body = alwayson::parseResponseBody(alwayson::bodyOf(message, parsed.header));
    return body.body.reason ? body.body.reason->toByteArray() : QByteArray();
}

} // namespace

class tst_Exchange : public QObject
{
    Q_OBJECT

private:
    /// Sends request \a message from the edge, as the worker does once the session admitted it.
    void fromEdge(QByteArray message);
    /// A GET from the edge with \a requestId.
    void getFromEdge(quint32 requestId);
    /// The edge's AUTH, answered SUCCESS by the platform.
    bool authenticate();
    bool waitForReceived(qsizetype count)
    {
        return QTest::qWaitFor([&] { return m_edge->received.size() >= count; },
                               test::InProcessWaitMs);
    }

    std::unique_ptr<QObject> m_pipeParent;
    std::unique_ptr<eventloop::EventPoller> m_poller;
    std::unique_ptr<test::DescriptorServer> m_server;
    DataPlaneSettings m_settings;
    TrafficCounters m_traffic;
    QHash<quint32, EdgeSession *> m_edges;
    Recorder m_recorder;
    FirstCandidate m_router;
    test::AcceptingEdgeListener m_edgeListener;
    std::unique_ptr<UpstreamSet> m_upstreams;
    std::unique_ptr<Exchange> m_exchange;
    std::unique_ptr<test::InProcessEdge> m_edge;
    std::unique_ptr<test::InProcessPlatform> m_platform;

private Q_SLOTS:
    void init();
    void cleanup();
    void requestIsRoutedAndAnsweredOnce();
    void noCandidateIsAnswered0xA0();
    void requestIdInFlightTwiceIsAnswered0x80();
    void tooManyInFlightIsAnswered0xA0();
    void deadlinePassedIsAnswered0xA4AndItsResponseCountedLate();
    void lostPipeIsAnswered0xA0();
    void platformRequestIsAnsweredOnItsPipe();
    void thingsOfAClosedEdgeAreUnbound();
};

void tst_Exchange::init()
{
    m_settings = {};
    m_settings.appKey = "app-key";
    m_settings.maxRequestsPerEdge = 2;
    m_traffic = {};
    m_recorder = {};
    m_pipeParent = std::make_unique<QObject>();
    m_poller = std::make_unique<eventloop::EventPoller>();
    m_server = std::make_unique<test::DescriptorServer>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    m_platform = std::make_unique<test::InProcessPlatform>();
    QVERIFY(m_platform->listen());
    m_upstreams = std::make_unique<UpstreamSet>(
        0, 1,
        [this](InstanceLink &link, quint32 serial) {
            return new PlatformPipe(m_recorder, *m_poller, m_settings, link.instance.url(), link,
                                    serial, m_pipeParent.get());
        },
        [] {});
    m_exchange
        = std::make_unique<Exchange>(m_settings, *m_upstreams, m_edges, m_traffic, m_recorder);
    m_exchange->setRouter(&m_router);
    m_recorder.upstreams = m_upstreams.get();
    m_recorder.exchange = m_exchange.get();
    m_edge = std::make_unique<test::InProcessEdge>(*m_poller, *m_server, m_edgeListener, 7);
    QVERIFY(m_edge->isUpgraded());
    m_edges.insert(7, m_edge->session.get());
}

void tst_Exchange::cleanup()
{
    m_edges.clear();
    m_upstreams->closeAll();
    m_pipeParent.reset();
    m_exchange.reset();
    m_upstreams.reset();
    m_edge.reset();
    m_platform.reset();
    m_server.reset();
    m_poller.reset();
}

void tst_Exchange::fromEdge(QByteArray message)
{
    const alwayson::HeaderParse parsed = alwayson::parseHeader(message);
    QCOMPARE(m_edge->session->admit(parsed.header) == EdgeSession::Admission::Refused, false);
    m_exchange->edgeRequest(*m_edge->session, std::span(message.data(), size_t(message.size())),
                            parsed.header);
}

void tst_Exchange::getFromEdge(quint32 requestId)
{
    fromEdge(alwayson::buildMessage(
        {.code = quint8(Code::Get), .requestId = requestId, .endpointId = EdgeId, .sessionId = 1},
        "get"));
}

bool tst_Exchange::authenticate()
{
    m_upstreams->setMembership({m_platform->instance(QStringLiteral("p"))});
    if (!QTest::qWaitFor([this] { return m_upstreams->connectedInstances() == 1; },
                         test::InProcessWaitMs))
        return false;
    fromEdge(alwayson::buildAuthRequest(1, "app-key", EdgeId));
    return waitForReceived(1) && codeOf(m_edge->received.takeFirst()) == quint8(Code::Success);
}

void tst_Exchange::requestIsRoutedAndAnsweredOnce()
{
    QVERIFY(authenticate());
    QCOMPARE(m_recorder.authenticated, 1);
    QVERIFY(m_edge->session->isAuthenticated());
    // The platform saw cxserver's endpointId; the edge gets its own back.
    QCOMPARE(alwayson::parseHeader(m_platform->requests.at(0)).header.endpointId, 7u);
    getFromEdge(2);
    QVERIFY(waitForReceived(1));
    const Header answer = alwayson::parseHeader(m_edge->received.at(0)).header;
    QCOMPARE(answer.code, quint8(Code::Success));
    QCOMPARE(answer.requestId, 2u);
    QCOMPARE(answer.endpointId, EdgeId);
    QCOMPARE(m_edge->session->inFlight, 0);
    QCOMPARE(m_upstreams->inFlight(0), 0);
    QCOMPARE(m_upstreams->link(0).routed, quint64(2));
    const auto &buckets = m_traffic.latency.counts;
    QCOMPARE(std::accumulate(buckets.begin(), buckets.end(), quint64(0)), quint64(2));
}

void tst_Exchange::noCandidateIsAnswered0xA0()
{
    // No instance at all: the edge's AUTH is answered 0xA0, and an AUTH that failed closes.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("authentication failed")));
    fromEdge(alwayson::buildAuthRequest(1, "app-key", EdgeId));
    QVERIFY(waitForReceived(1));
    QCOMPARE(codeOf(m_edge->received.at(0)), quint8(Code::InternalServerError));
    QCOMPARE(reasonOf(m_edge->received.at(0)), QByteArray("no platform instance available"));
    QCOMPARE(m_edge->session->inFlight, 0);
    QCOMPARE(m_traffic.errorsToEdges[quint8(Code::InternalServerError)], quint64(1));
    QVERIFY(m_edge->session->isClosing());
    QCOMPARE(m_recorder.authenticated, 0);
}

void tst_Exchange::requestIdInFlightTwiceIsAnswered0x80()
{
    QVERIFY(authenticate());
    m_platform->setAnswering(false);
    getFromEdge(5);
    getFromEdge(5);
    QVERIFY(waitForReceived(1));
    QCOMPARE(codeOf(m_edge->received.at(0)), quint8(Code::BadRequest));
    QCOMPARE(reasonOf(m_edge->received.at(0)), QByteArray("requestId already in flight"));
    QCOMPARE(m_edge->session->inFlight, 1);
}

void tst_Exchange::tooManyInFlightIsAnswered0xA0()
{
    QVERIFY(authenticate());
    m_platform->setAnswering(false);
    getFromEdge(5);
    getFromEdge(6);
    getFromEdge(7); // over limits.max-requests-per-edge (2 here)
    QVERIFY(waitForReceived(1));
    QCOMPARE(codeOf(m_edge->received.at(0)), quint8(Code::InternalServerError));
    QCOMPARE(reasonOf(m_edge->received.at(0)), QByteArray("too many requests in flight"));
    QCOMPARE(alwayson::parseHeader(m_edge->received.at(0)).header.requestId, 7u);
    QCOMPARE(m_upstreams->inFlight(0), 2);
}

void tst_Exchange::deadlinePassedIsAnswered0xA4AndItsResponseCountedLate()
{
    QVERIFY(authenticate());
    m_platform->setAnswering(false);
    getFromEdge(8);
    QVERIFY(QTest::qWaitFor([this] { return m_platform->requests.size() == 2; },
                            test::InProcessWaitMs));
    m_exchange->expire(nowMs() + m_settings.requestTimeoutMs + 1);
    QVERIFY(waitForReceived(1));
    QCOMPARE(codeOf(m_edge->received.at(0)), quint8(Code::GatewayTimeout));
    QCOMPARE(m_traffic.timeouts, quint64(1));
    QCOMPARE(m_upstreams->inFlight(0), 0);
    m_platform->answer(1); // too late
    QVERIFY(QTest::qWaitFor([this] { return m_traffic.droppedLate == 1; }, test::InProcessWaitMs));
    QCOMPARE(m_edge->received.size(), 1); // answered once
}

void tst_Exchange::lostPipeIsAnswered0xA0()
{
    QVERIFY(authenticate());
    m_platform->setAnswering(false);
    getFromEdge(9);
    QVERIFY(QTest::qWaitFor([this] { return m_platform->requests.size() == 2; },
                            test::InProcessWaitMs));
    m_platform->dropPipes();
    QVERIFY(waitForReceived(1));
    QCOMPARE(codeOf(m_edge->received.at(0)), quint8(Code::InternalServerError));
    QCOMPARE(reasonOf(m_edge->received.at(0)), QByteArray("platform connection lost"));
    QCOMPARE(m_edge->session->inFlight, 0);
    QCOMPARE(m_upstreams->link(0).errors, quint64(1));
}

void tst_Exchange::platformRequestIsAnsweredOnItsPipe()
{
    QVERIFY(authenticate());
    const Header request {.code = quint8(Code::Post), .requestId = 77, .endpointId = 7};
    QByteArray message = alwayson::buildMessage(request, "post");
    m_exchange->platformRequest(*m_edge->session, std::span(message.data(), size_t(message.size())),
                                request, 3, 42);
    QVERIFY(waitForReceived(1));
    QCOMPARE(alwayson::parseHeader(m_edge->received.at(0)).header.endpointId, EdgeId);

    // The edge answers: back on pipe 42 of worker 3, with cxserver's endpointId again.
    QByteArray answer = alwayson::buildSuccessResponse(
        {.code = quint8(Code::Post), .requestId = 77, .endpointId = EdgeId}, EdgeId);
    const Header answerHeader = alwayson::parseHeader(answer).header;
    m_exchange->edgeResponse(*m_edge->session, std::span(answer.data(), size_t(answer.size())),
                             answerHeader);
    QCOMPARE(m_recorder.sentOnPipes.size(), 1);
    QCOMPARE(m_recorder.sentOnPipes.at(0).worker, 3);
    QCOMPARE(m_recorder.sentOnPipes.at(0).serial, 42u);
    QCOMPARE(alwayson::parseHeader(m_recorder.sentOnPipes.at(0).message).header.endpointId, 7u);

    // Answered once: the same answer again is unknown.
    answer = alwayson::buildSuccessResponse({.code = quint8(Code::Post), .requestId = 77}, EdgeId);
    m_exchange->edgeResponse(*m_edge->session, std::span(answer.data(), size_t(answer.size())),
                             answerHeader);
    QCOMPARE(m_recorder.sentOnPipes.size(), 1);
    QCOMPARE(m_traffic.droppedUnknownFromEdges, quint64(1));
}

void tst_Exchange::thingsOfAClosedEdgeAreUnbound()
{
    QVERIFY(authenticate());
    const QList<QByteArray> names {"thing-a", "thing-b"};
    fromEdge(alwayson::buildBindRequest(Code::Bind, 2, EdgeId, 1, std::nullopt, names));
    QVERIFY(waitForReceived(1));
    QCOMPARE(m_edge->session->boundThings().size(), 2);
    m_edge->received.clear();

    m_exchange->unbindThings(*m_edge->session);
    QVERIFY(QTest::qWaitFor([this] { return m_platform->requests.size() == 3; },
                            test::InProcessWaitMs));
    const QByteArray unbind = m_platform->requests.at(2);
    const Header header = alwayson::parseHeader(unbind).header;
    QCOMPARE(header.code, quint8(Code::Unbind));
    QCOMPARE(header.endpointId, 7u);
    const auto body = alwayson::parseBindBody(alwayson::bodyOf(unbind, header));
    QCOMPARE(body.body.names.size(), 2);
    // The platform's answer is cxserver's own: the edge hears nothing of it.
    QVERIFY(
        QTest::qWaitFor([this] { return m_upstreams->inFlight(0) == 0; }, test::InProcessWaitMs));
    QVERIFY(m_edge->received.isEmpty());
}

QTEST_GUILESS_MAIN(tst_Exchange)
#include "tst_exchange.moc"
