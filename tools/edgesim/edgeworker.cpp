#include "edgeworker.h"

#include "clock.h"

#include <QtEndian>
#include <algorithm>
#include <alwayson/messages.h>
#include <bit>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace cx::edgesim {

namespace {

using namespace cx::alwayson;

constexpr int CloseBoundMs = 3000; ///< how long closeEdges() waits for close handshakes
constexpr quint16 NormalClose = 1000;
constexpr int ReconnectFirstMs = 50; ///< --reconnect: delay before the first attempt
constexpr int ReconnectMaxMs = 1000; ///< ... doubling up to this

/// Sets the code and requestId of a prebuilt request in place.
void patch(QByteArray &message, quint8 code, quint32 requestId)
{
    char *data = message.data();
    data[CodeOffset] = char(code);
    qToBigEndian(requestId, data + RequestIdOffset);
}

} // namespace

EdgeWorker::EdgeWorker(const EdgeConfig &config, int firstEdge, int edgeCount, quint64 quota,
                       double rate, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_record(config.recordPath)
    , m_connectTimer(this)
    , m_rateTimer(this)
    , m_sweepTimer(this)
    , m_closeTimer(this)
    , m_quota(quota)
    , m_rate(rate)
{
    const quint32 ringCapacity = std::bit_ceil(quint32(std::max(16, 2 * config.window)));
    m_edges.reserve(size_t(edgeCount));
    for (int i = firstEdge; i < firstEdge + edgeCount; ++i)
        m_edges.push_back(
            std::make_unique<Edge>(*this, i, config.endpointBase + quint32(i), ringCapacity));
    m_connectTimer.setTimerType(Qt::PreciseTimer);
    m_rateTimer.setTimerType(Qt::PreciseTimer);
    m_closeTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, &EdgeWorker::openDue);
    connect(&m_rateTimer, &QTimer::timeout, this, &EdgeWorker::sendDue);
    connect(&m_sweepTimer, &QTimer::timeout, this, &EdgeWorker::sweep);
    connect(&m_closeTimer, &QTimer::timeout, this, [this] {
        for (const std::unique_ptr<Edge> &edge : m_edges)
            dropSocket(*edge);
        m_record.flush();
        Q_EMIT closed();
    });
}

EdgeWorker::~EdgeWorker() = default;

void EdgeWorker::connectEdges()
{
    m_poller = std::make_unique<eventloop::EventPoller>(); // in this thread: joins its dispatcher
    m_connectStartNs = nowNs();
    m_sweepTimer.start(std::clamp(m_config.timeoutMs / 10, 10, 200));
    if (m_config.connectRate > 0)
        m_connectTimer.start(1);
    openDue();
}

void EdgeWorker::openDue()
{
    size_t due = m_edges.size();
    if (m_config.connectRate > 0) {
        const double elapsedSec = double(nowNs() - m_connectStartNs) / 1e9;
        due = std::min(due, size_t(elapsedSec * m_config.connectRate) + 1);
    }
    while (m_nextToOpen < due && !m_closing)
        open(*m_edges[m_nextToOpen++]);
    if (m_nextToOpen == m_edges.size())
        m_connectTimer.stop();
}

void EdgeWorker::open(Edge &edge)
{
    auto *socket = new websocket::ClientSocket(*m_poller, edge, this);
    edge.socket = socket;
    edge.state = Edge::State::Connecting;
    edge.connectStartNs = nowNs();
    ++m_openSockets;
    if (m_config.tls)
        socket->setTls(m_config.tls, true);
    socket->open(m_config.url);
}

void Edge::socketOpened()
{
    worker.onConnected(*this);
}

void Edge::socketMessage(std::span<char> message)
{
    worker.onMessage(*this, QByteArrayView(message.data(), qsizetype(message.size())));
}

void Edge::socketClosed()
{
    worker.onDisconnected(*this);
}

void EdgeWorker::onConnected(Edge &edge)
{
    ++m_stats.connected;
    edge.state = Edge::State::Authenticating;
    edge.socket->send(buildAuthRequest(Edge::AuthRequestId, m_config.appKey, edge.endpointId));
}

void EdgeWorker::onMessage(Edge &edge, QByteArrayView message)
{
    const qint64 now = nowNs();
    m_stats.bytesReceived += quint64(message.size());
    const HeaderParse parsed = parseHeader(message);
    if (!parsed.ok()) {
        ++m_stats.unmatched;
        return;
    }
    const Header &header = parsed.header;
    if (header.multipart && header.chunkId < header.chunkCount)
        return; // a message counts when its last chunk arrives
    if (!header.isResponse())
        onEgressRequest(edge, header);
    else if (edge.state == Edge::State::Authenticating || edge.state == Edge::State::Binding)
        onHandshakeResponse(edge, header);
    else
        onLoadResponse(edge, header, now);
}

void EdgeWorker::onHandshakeResponse(Edge &edge, const Header &header)
{
    const bool success = header.code == quint8(Code::Success);
    if (edge.state == Edge::State::Authenticating && header.requestId == Edge::AuthRequestId) {
        if (!success) {
            ++m_stats.authFailed;
            if (edge.disconnectNs != 0) { // reconnecting: try again
                dropSocket(edge);
                scheduleReconnect(edge);
                return;
            }
            fail(edge);
            return;
        }
        if (edge.disconnectNs == 0)
            ++m_stats.ready;
        edge.sessionId = header.sessionId;
        if (m_config.mode != LoadMode::Idle)
            buildTemplates(edge);
        if (m_config.things == 0) {
            setReady(edge);
            return;
        }
        QList<QByteArray> names;
        names.reserve(m_config.things);
        for (int i = 0; i < m_config.things; ++i)
            names.append("edgesim-" + QByteArray::number(edge.endpointId) + '-'
                         + QByteArray::number(i));
        edge.state = Edge::State::Binding;
        edge.socket->send(buildBindRequest(Code::Bind, Edge::BindRequestId, edge.endpointId,
                                           edge.sessionId, std::nullopt, names));
    } else if (edge.state == Edge::State::Binding && header.requestId == Edge::BindRequestId) {
        ++(success ? m_stats.bindOk : m_stats.bindFailed);
        setReady(edge);
    } else {
        ++m_stats.unmatched;
    }
}

void EdgeWorker::onLoadResponse(Edge &edge, const Header &header, qint64 nowNs)
{
    qint64 sendNs = 0;
    switch (edge.pending.answer(header.requestId, sendNs)) {
    case PendingRing::Match::Answered: {
        ++m_stats.answered;
        m_stats.byCode.add(header.code);
        const qint64 latencyUs = (nowNs - sendNs) / 1000;
        m_stats.latency.record(latencyUs);
        m_stats.lastResponseNs = nowNs;
        --m_outstanding;
        m_answeredSoFar.store(m_stats.answered, std::memory_order_relaxed);
        m_record.write(edge.index, header.requestId, (sendNs - m_loadStartNs) / 1000, header.code,
                       latencyUs);
        if (m_config.mode == LoadMode::ClosedLoop && edge.state == Edge::State::Ready && maySend())
            sendRequest(edge);
        checkDone();
        break;
    }
    case PendingRing::Match::Late:
        ++m_stats.late;
        m_stats.byCode.add(header.code);
        break;
    case PendingRing::Match::Duplicate:
        ++m_stats.duplicates;
        break;
    case PendingRing::Match::Unknown:
        ++m_stats.unmatched;
        break;
    }
}

void EdgeWorker::onEgressRequest(Edge &edge, const Header &header)
{
    ++m_stats.egressReceived;
    if (!edge.socket)
        return;
    edge.socket->send(buildSuccessResponse(header, header.endpointId));
    ++m_stats.egressAnswered;
}

void EdgeWorker::onDisconnected(Edge &edge)
{
    switch (edge.state) {
    case Edge::State::Connecting:
    case Edge::State::Authenticating:
    case Edge::State::Binding:
        if (edge.disconnectNs != 0) { // a reconnect attempt failed: try again
            dropSocket(edge);
            scheduleReconnect(edge);
            checkDone();
            return;
        }
        if (m_stats.connectFailures++ == 0) { // the first one says why; the report counts
            const QString why = edge.socket ? edge.socket->errorString() : QString();
            qWarning("edgesim: edge %d did not get ready: %s", edge.index,
                     why.isEmpty() ? "no answer within --connect-timeout-ms" : qPrintable(why));
        }
        fail(edge);
        break;
    case Edge::State::Ready:
        --m_readyEdges;
        edge.state = Edge::State::Closed;
        if (!m_closing) {
            ++m_stats.disconnects;
            ++m_stats.closeCodes[int(edge.socket->closeCode())];
        }
        // Nothing will answer this socket's requests any more.
        edge.pending.expire(std::numeric_limits<qint64>::max(),
                            [this, &edge](quint32 id, qint64 sendNs) {
                                ++m_stats.closedOutstanding;
                                expired(edge, id, sendNs, RecordWriter::Closed);
                            });
        if (m_config.reconnect && !m_closing && !m_stopping) {
            edge.disconnectNs = nowNs();
            edge.reconnectAttempts = 0;
            dropSocket(edge);
            scheduleReconnect(edge);
            checkDone();
            return;
        }
        break;
    case Edge::State::Waiting:
    case Edge::State::Failed:
    case Edge::State::Closed:
        break;
    }
    dropSocket(edge);
    checkDone();
}

void EdgeWorker::setReady(Edge &edge)
{
    edge.state = Edge::State::Ready;
    edge.pingDueNs = nowNs() + qint64(m_config.pingIntervalMs) * 1000000;
    ++m_readyEdges;
    if (edge.disconnectNs != 0) {
        ++m_stats.reconnects;
        m_stats.reconnectMaxNs = std::max(m_stats.reconnectMaxNs, nowNs() - edge.disconnectNs);
        edge.disconnectNs = 0;
    } else {
        settle();
    }
    if (m_sending && m_config.mode == LoadMode::ClosedLoop) {
        for (int i = 0; i < m_config.window && maySend(); ++i)
            sendRequest(edge);
    }
}

void EdgeWorker::scheduleReconnect(Edge &edge)
{
    edge.state = Edge::State::Waiting;
    if (edge.reconnectAttempts > 0)
        ++m_stats.reconnectAttempts;
    const int delayMs
        = std::min(ReconnectMaxMs, ReconnectFirstMs << std::min(edge.reconnectAttempts, 5));
    ++edge.reconnectAttempts;
    QTimer::singleShot(delayMs, this, [this, &edge] {
        if (edge.state == Edge::State::Waiting && edge.disconnectNs != 0 && !m_closing
            && !m_stopping)
            open(edge);
    });
}

void EdgeWorker::fail(Edge &edge)
{
    edge.state = Edge::State::Failed;
    settle();
    if (edge.socket && edge.socket->isOpen())
        edge.socket->close(NormalClose);
    else
        dropSocket(edge);
}

void EdgeWorker::settle()
{
    if (++m_settled == m_edges.size())
        Q_EMIT connectPhaseDone(m_stats.ready);
}

void EdgeWorker::dropSocket(Edge &edge)
{
    if (!edge.socket)
        return;
    edge.socket->abort(); // no handler call follows
    edge.socket->deleteLater();
    edge.socket = nullptr;
    if (--m_openSockets == 0 && m_closing && m_closeTimer.isActive()) {
        m_closeTimer.stop();
        m_record.flush();
        Q_EMIT closed();
    }
}

void EdgeWorker::buildTemplates(Edge &edge)
{
    const Header header {.code = m_config.mix.first(),
                         .requestId = 0,
                         .endpointId = edge.endpointId,
                         .sessionId = edge.sessionId};
    QByteArray body(m_config.bodySize, Qt::Uninitialized);
    for (qsizetype i = 0; i < body.size(); ++i)
        body[i] = char('a' + i % 26);
    edge.request = buildMessage(header, body);
    if (m_config.multipartEvery > 0)
        edge.chunks = buildChunks(header, body, quint16(m_config.chunkSize));
}

void EdgeWorker::send(Edge &edge, const QByteArray &message)
{
    edge.socket->send(message);
    m_stats.bytesSent += quint64(message.size());
}

void EdgeWorker::sendRequest(Edge &edge)
{
    const quint32 requestId = edge.nextRequestId++;
    const quint8 code
        = m_config.mix.at(qsizetype(edge.requestCount % quint64(m_config.mix.size())));
    ++edge.requestCount;
    const bool multipart
        = m_config.multipartEvery > 0 && edge.requestCount % quint64(m_config.multipartEvery) == 0;
    const qint64 now = nowNs();
    edge.pending.add(requestId, now);
    if (multipart) {
        for (QByteArray &chunk : edge.chunks) {
            patch(chunk, code, requestId);
            send(edge, chunk);
        }
        m_stats.chunksSent += quint64(edge.chunks.size());
    } else {
        patch(edge.request, code, requestId);
        send(edge, edge.request);
    }
    ++m_stats.sent;
    ++m_outstanding;
    m_stats.lastSendNs = now;
    m_sentSoFar.store(m_stats.sent, std::memory_order_relaxed);
}

void EdgeWorker::startLoad(qint64 startNs)
{
    m_loadStartNs = startNs;
    m_sending = true;
    if (m_config.mode == LoadMode::FixedRate) {
        m_rateTimer.start(1);
        sendDue();
    } else {
        for (const std::unique_ptr<Edge> &edge : m_edges) {
            for (int i = 0; i < m_config.window && edge->state == Edge::State::Ready && maySend();
                 ++i)
                sendRequest(*edge);
        }
    }
    checkDone();
}

void EdgeWorker::sendDue()
{
    const qint64 now = nowNs();
    const double periodNs = 1e9 / m_rate;
    quint64 due = quint64(double(now - m_loadStartNs) / periodNs) + 1;
    // The schedule ends with the duration even when the stop order comes late (a stalled host).
    const quint64 last = m_config.durationSec > 0
        ? quint64(std::llround(m_rate * m_config.durationSec))
        : std::numeric_limits<quint64>::max();
    due = std::min(due, last);
    while (m_scheduled < due && maySend()) {
        Edge *edge = nextReadyEdge();
        if (!edge) {
            m_scheduled = due; // no edge to send on: these requests are skipped
            break;
        }
        const qint64 lag = now - m_loadStartNs - qint64(double(m_scheduled) * periodNs);
        m_stats.scheduleLagMaxNs = std::max(m_stats.scheduleLagMaxNs, lag);
        sendRequest(*edge);
        ++m_scheduled;
    }
    if (!maySend() || m_scheduled >= last)
        m_rateTimer.stop();
}

Edge *EdgeWorker::nextReadyEdge()
{
    for (size_t tried = 0; tried < m_edges.size(); ++tried) {
        Edge &edge = *m_edges[m_cursor];
        m_cursor = (m_cursor + 1) % m_edges.size();
        if (edge.state == Edge::State::Ready)
            return &edge;
    }
    return nullptr;
}

void EdgeWorker::sweep()
{
    const qint64 now = nowNs();
    const qint64 connectDeadline = now - qint64(m_config.connectTimeoutMs) * 1000000;
    const qint64 requestDeadline = now - qint64(m_config.timeoutMs) * 1000000;
    for (const std::unique_ptr<Edge> &edge : m_edges) {
        switch (edge->state) {
        case Edge::State::Connecting:
        case Edge::State::Authenticating:
        case Edge::State::Binding:
            if (edge->connectStartNs < connectDeadline)
                onDisconnected(*edge);
            break;
        case Edge::State::Ready: {
            if (m_config.pingIntervalMs > 0 && now >= edge->pingDueNs) {
                edge->socket->ping();
                edge->pingDueNs = now + qint64(m_config.pingIntervalMs) * 1000000;
            }
            int replacements = 0;
            edge->pending.expire(requestDeadline, [&](quint32 id, qint64 sendNs) {
                expired(*edge, id, sendNs);
                ++replacements;
            });
            if (m_config.mode == LoadMode::ClosedLoop) {
                for (; replacements > 0 && maySend(); --replacements)
                    sendRequest(*edge);
            }
            break;
        }
        case Edge::State::Waiting:
        case Edge::State::Failed:
        case Edge::State::Closed:
            break;
        }
    }
    checkDone();
}

void EdgeWorker::expired(Edge &edge, quint32 requestId, qint64 sendNs, int why)
{
    ++m_stats.missing;
    --m_outstanding;
    const qint64 latencyUs = why == RecordWriter::Closed ? (nowNs() - sendNs) / 1000 : -1;
    m_record.write(edge.index, requestId, (sendNs - m_loadStartNs) / 1000, why, latencyUs);
}

bool EdgeWorker::maySend() const
{
    return m_sending && (m_quota == 0 || m_stats.sent < m_quota);
}

void EdgeWorker::checkDone()
{
    if (m_outstanding != 0)
        return;
    const bool quotaSpent = m_quota != 0 && m_stats.sent >= m_quota;
    const bool noEdgeLeft = m_readyEdges == 0 && !m_config.reconnect;
    if (m_sending && !m_quotaReported && (quotaSpent || noEdgeLeft)) {
        m_quotaReported = true;
        Q_EMIT quotaDone();
    }
    if (m_stopping && !m_drainReported) {
        m_drainReported = true;
        Q_EMIT drained();
    }
}

void EdgeWorker::stopLoad()
{
    m_sending = false;
    m_stopping = true;
    m_rateTimer.stop();
    checkDone();
}

void EdgeWorker::closeEdges()
{
    m_closing = true;
    m_sending = false;
    m_connectTimer.stop();
    m_rateTimer.stop();
    m_sweepTimer.stop();
    if (m_openSockets == 0) {
        m_record.flush();
        Q_EMIT closed();
        return;
    }
    m_closeTimer.start(CloseBoundMs);
    for (const std::unique_ptr<Edge> &edge : m_edges) {
        if (!edge->socket)
            continue;
        if (edge->socket->isOpen())
            edge->socket->close(NormalClose);
        else
            dropSocket(*edge);
    }
}

} // namespace cx::edgesim
