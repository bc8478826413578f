#include "loadrunner.h"

#include "clock.h"
#include "console.h"
#include "edgeworker.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cx::edgesim {

namespace {

QByteArray modeName(LoadMode mode)
{
    switch (mode) {
    case LoadMode::ClosedLoop:
        return "closed-loop";
    case LoadMode::FixedRate:
        return "fixed-rate";
    case LoadMode::Idle:
        return "idle";
    }
    return {};
}

QByteArray fixed(double value, int decimals)
{
    return QByteArray::number(value, 'f', decimals);
}

} // namespace

LoadRunner::LoadRunner(EdgeConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_durationTimer(this)
    , m_progressTimer(this)
{
    m_durationTimer.setSingleShot(true);
    m_durationTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_durationTimer, &QTimer::timeout, this, [this] {
        if (m_phase == Phase::Loading)
            m_config.mode == LoadMode::Idle ? closeEdges() : stopLoad();
    });
    connect(&m_progressTimer, &QTimer::timeout, this, &LoadRunner::printProgress);
}

LoadRunner::~LoadRunner()
{
    for (qsizetype i = 0; i < m_workers.size(); ++i) {
        eventloop::deleteInItsThread(m_workers.at(i));
        m_threads[size_t(i)]->stop();
    }
}

template<typename F> void LoadRunner::forEachWorker(F call)
{
    for (EdgeWorker *worker : std::as_const(m_workers))
        QMetaObject::invokeMethod(worker, [worker, call] { call(worker); });
}

void LoadRunner::start()
{
    m_startNs = nowNs();
    const int threads = m_config.threads;
    int firstEdge = 0;
    quint64 quotaGiven = 0;
    for (int i = 0; i < threads; ++i) {
        const int edges = m_config.edges / threads + (i < m_config.edges % threads ? 1 : 0);
        // Quotas and rates in proportion to the edges; the last thread takes the remainder.
        const quint64 quota = i == threads - 1
            ? m_config.requests - quotaGiven
            : m_config.requests * quint64(edges) / quint64(m_config.edges);
        quotaGiven += quota;
        const double rate = m_config.rate * edges / m_config.edges;
        auto thread = std::make_unique<eventloop::WorkerThread>();
        auto *worker = new EdgeWorker(m_config, firstEdge, edges, quota, rate);
        worker->moveToThread(thread->start(u"edgesim-worker-"_s + QString::number(i),
                                           m_config.epoll
                                               ? eventloop::WorkerThread::Dispatcher::Epoll
                                               : eventloop::WorkerThread::Dispatcher::Qt));
        connect(worker, &EdgeWorker::connectPhaseDone, this, &LoadRunner::onConnectPhaseDone);
        connect(worker, &EdgeWorker::quotaDone, this, &LoadRunner::onQuotaDone);
        connect(worker, &EdgeWorker::drained, this, &LoadRunner::onDrained);
        connect(worker, &EdgeWorker::closed, this, &LoadRunner::onClosed);
        m_threads.push_back(std::move(thread));
        m_workers.append(worker);
        firstEdge += edges;
    }
    m_waiting = int(m_workers.size());
    forEachWorker([](EdgeWorker *worker) { worker->connectEdges(); });
}

void LoadRunner::onConnectPhaseDone(quint64 ready)
{
    if (m_phase != Phase::Connecting)
        return;
    m_ready += ready;
    if (--m_waiting > 0)
        return;
    const qint64 now = nowNs();
    tools::printLine("edgesim ready " + QByteArray::number(m_ready) + '/'
                     + QByteArray::number(m_config.edges) + " edges in "
                     + QByteArray::number((now - m_startNs) / 1000000) + " ms");
    if (m_ready == 0) {
        closeEdges();
        return;
    }
    m_phase = Phase::Loading;
    m_loadStartNs = now;
    m_loadStartEpochMs = QDateTime::currentMSecsSinceEpoch();
    m_progressNs = now;
    m_waiting = int(m_workers.size());
    if (m_config.durationSec > 0)
        m_durationTimer.start(int(m_config.durationSec * 1000));
    if (m_config.progress)
        m_progressTimer.start(1000);
    if (m_config.mode == LoadMode::Idle) {
        tools::printLine("edgesim idle: holding the connections");
        return;
    }
    tools::printLine("edgesim load started (" + modeName(m_config.mode) + ')');
    forEachWorker([now](EdgeWorker *worker) { worker->startLoad(now); });
}

void LoadRunner::onQuotaDone()
{
    if (m_phase == Phase::Loading && --m_waiting == 0)
        stopLoad();
}

void LoadRunner::stopLoad()
{
    m_phase = Phase::Draining;
    m_stopNs = nowNs();
    m_waiting = int(m_workers.size());
    forEachWorker([](EdgeWorker *worker) { worker->stopLoad(); });
}

void LoadRunner::onDrained()
{
    if (m_phase == Phase::Draining && --m_waiting == 0)
        closeEdges();
}

void LoadRunner::closeEdges()
{
    if (m_stopNs == 0)
        m_stopNs = nowNs();
    m_phase = Phase::Closing;
    m_durationTimer.stop();
    m_waiting = int(m_workers.size());
    forEachWorker([](EdgeWorker *worker) { worker->closeEdges(); });
}

void LoadRunner::onClosed()
{
    if (m_phase != Phase::Closing || --m_waiting > 0)
        return;
    m_phase = Phase::Done;
    m_progressTimer.stop();
    EdgeStats total;
    for (EdgeWorker *worker : std::as_const(m_workers)) {
        EdgeStats stats;
        QMetaObject::invokeMethod(
            worker, [worker, &stats] { stats = worker->stats(); }, Qt::BlockingQueuedConnection);
        total.merge(stats);
    }
    report(total);
    Q_EMIT finished(total.ready == 0 ? 2 : 0);
}

void LoadRunner::terminate()
{
    switch (m_phase) {
    case Phase::Connecting:
        closeEdges();
        break;
    case Phase::Loading:
        m_config.mode == LoadMode::Idle ? closeEdges() : stopLoad();
        break;
    case Phase::Draining:
    case Phase::Closing:
    case Phase::Done:
        break;
    }
}

void LoadRunner::printProgress()
{
    quint64 sent = 0;
    quint64 answered = 0;
    for (const EdgeWorker *worker : std::as_const(m_workers)) {
        sent += worker->sentSoFar();
        answered += worker->answeredSoFar();
    }
    const qint64 now = nowNs();
    const double rate = double(answered - m_progressAnswered) * 1e9 / double(now - m_progressNs);
    m_progressNs = now;
    m_progressAnswered = answered;
    tools::printLine("edgesim progress t=" + fixed(double(now - m_loadStartNs) / 1e9, 1) + "s sent="
                     + QByteArray::number(sent) + " answered=" + QByteArray::number(answered)
                     + " outstanding=" + QByteArray::number(sent - answered)
                     + " rate=" + fixed(rate, 0) + "/s");
}

void LoadRunner::report(const EdgeStats &stats)
{
    const qint64 endNs = std::max({stats.lastResponseNs, stats.lastSendNs, m_loadStartNs});
    const double elapsedSec = m_config.mode == LoadMode::Idle || m_loadStartNs == 0
        ? double(m_stopNs - std::max(m_loadStartNs, m_startNs)) / 1e9
        : double(endNs - m_loadStartNs) / 1e9;
    const double msgPerSec = elapsedSec > 0 ? double(stats.answered) / elapsedSec : 0;
    const double mbPerSec
        = elapsedSec > 0 ? double(stats.bytesSent + stats.bytesReceived) / elapsedSec / 1e6 : 0;
    const LatencyHistogram &latency = stats.latency;

    QByteArray closeText;
    QJsonObject closeCodes;
    for (auto it = stats.closeCodes.cbegin(); it != stats.closeCodes.cend(); ++it) {
        closeText += (closeText.isEmpty() ? "" : ", ") + QByteArray::number(it.key()) + '='
            + QByteArray::number(it.value());
        closeCodes.insert(QString::number(it.key()), qint64(it.value()));
    }

    tools::printLine("edgesim: " + QByteArray::number(stats.ready) + '/'
                     + QByteArray::number(m_config.edges) + " edges ready, "
                     + QByteArray::number(stats.connectFailures) + " connect failures, "
                     + QByteArray::number(stats.authFailed) + " AUTH failures, "
                     + QByteArray::number(stats.bindFailed) + " BIND failures");
    tools::printLine("edgesim: sent " + QByteArray::number(stats.sent) + ", answered "
                     + QByteArray::number(stats.answered) + ", missing "
                     + QByteArray::number(stats.missing) + " (late "
                     + QByteArray::number(stats.late) + "), duplicates "
                     + QByteArray::number(stats.duplicates) + ", unmatched "
                     + QByteArray::number(stats.unmatched) + " in " + fixed(elapsedSec, 2) + " s");
    tools::printLine("edgesim: " + fixed(msgPerSec, 0) + " msg/s, " + fixed(mbPerSec, 2) + " MB/s");
    tools::printLine("edgesim: latency us p50=" + QByteArray::number(latency.percentile(0.5))
                     + " p90=" + QByteArray::number(latency.percentile(0.9))
                     + " p99=" + QByteArray::number(latency.percentile(0.99))
                     + " p99.9=" + QByteArray::number(latency.percentile(0.999))
                     + " max=" + QByteArray::number(latency.max()));
    tools::printLine("edgesim: responses " + stats.byCode.toText());
    tools::printLine("edgesim: close codes " + (closeText.isEmpty() ? "none" : closeText)
                     + ", egress requests answered " + QByteArray::number(stats.egressAnswered));
    if (m_config.reconnect)
        tools::printLine("edgesim: reconnects " + QByteArray::number(stats.reconnects)
                         + " (longest outage " + QByteArray::number(stats.reconnectMaxNs / 1000000)
                         + " ms, failed attempts " + QByteArray::number(stats.reconnectAttempts)
                         + "), requests lost with their connection "
                         + QByteArray::number(stats.closedOutstanding));

    const QJsonObject json {
        {u"mode"_s, QString::fromLatin1(modeName(m_config.mode))},
        {u"edges"_s, m_config.edges},
        {u"threads"_s, m_config.threads},
        {u"connected"_s, qint64(stats.connected)},
        {u"ready"_s, qint64(stats.ready)},
        {u"connectFailures"_s, qint64(stats.connectFailures)},
        {u"authFailed"_s, qint64(stats.authFailed)},
        {u"bindOk"_s, qint64(stats.bindOk)},
        {u"bindFailed"_s, qint64(stats.bindFailed)},
        {u"sent"_s, qint64(stats.sent)},
        {u"chunksSent"_s, qint64(stats.chunksSent)},
        {u"answered"_s, qint64(stats.answered)},
        {u"missing"_s, qint64(stats.missing)},
        {u"late"_s, qint64(stats.late)},
        {u"duplicates"_s, qint64(stats.duplicates)},
        {u"unmatched"_s, qint64(stats.unmatched)},
        {u"byCode"_s, stats.byCode.toJson()},
        {u"elapsedSec"_s, elapsedSec},
        {u"msgPerSec"_s, msgPerSec},
        {u"mbPerSec"_s, mbPerSec},
        {u"bytesSent"_s, qint64(stats.bytesSent)},
        {u"bytesReceived"_s, qint64(stats.bytesReceived)},
        {u"latencyUs"_s,
         QJsonObject {{u"count"_s, qint64(latency.count())},
                      {u"min"_s, latency.min()},
                      {u"mean"_s, latency.mean()},
                      {u"p50"_s, latency.percentile(0.5)},
                      {u"p90"_s, latency.percentile(0.9)},
                      {u"p99"_s, latency.percentile(0.99)},
                      {u"p999"_s, latency.percentile(0.999)},
                      {u"max"_s, latency.max()}}},
        {u"closeCodes"_s, closeCodes},
        {u"disconnects"_s, qint64(stats.disconnects)},
        {u"egress"_s,
         QJsonObject {{u"received"_s, qint64(stats.egressReceived)},
                      {u"answered"_s, qint64(stats.egressAnswered)}}},
        {u"scheduleLagMaxUs"_s, stats.scheduleLagMaxNs / 1000},
        {u"closedOutstanding"_s, qint64(stats.closedOutstanding)},
        {u"reconnects"_s, qint64(stats.reconnects)},
        {u"reconnectAttempts"_s, qint64(stats.reconnectAttempts)},
        {u"reconnectMaxMs"_s, stats.reconnectMaxNs / 1000000},
        {u"loadStartEpochMs"_s, m_loadStartEpochMs},
    };
    tools::printLine(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

} // namespace cx::edgesim
