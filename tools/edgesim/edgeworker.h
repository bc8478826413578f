#pragma once

#include "edge.h"
#include "edgeconfig.h"
#include "edgestats.h"
#include "recordwriter.h"

#include <QObject>
#include <QTimer>
#include <alwayson/header.h>
#include <atomic>
#include <eventloop/eventpoller.h>
#include <memory>
#include <vector>

namespace cx::edgesim {

/// One thread's share of the edges: connects them, paces their requests, matches the
/// responses and keeps the counters. Lives in its own thread; the runner drives it through
/// queued invocations, phase by phase, and it reports each phase's end with a signal.
class EdgeWorker : public QObject
{
    Q_OBJECT
public:
    /// Edges \a firstEdge .. firstEdge + edgeCount - 1; \a quota requests at most (0: no
    /// bound); \a rate requests per second for this thread in fixed-rate mode.
    EdgeWorker(const EdgeConfig &config, int firstEdge, int edgeCount, quint64 quota, double rate,
               QObject *parent = nullptr);
    ~EdgeWorker() override;

    /// Opens the edges (at the configured connect rate); connectPhaseDone() follows once
    /// every edge is ready or has failed.
    void connectEdges();
    /// Starts sending; \a startNs is the common start of the load (for --record).
    void startLoad(qint64 startNs);
    /// Stops sending; drained() follows once nothing is outstanding (answered or expired).
    void stopLoad();
    /// Closes every socket (1000); closed() follows, within a bound.
    void closeEdges();

    /// Counters; read them through a blocking queued call.
    EdgeStats stats() const { return m_stats; }
    /// For progress lines: readable from any thread.
    quint64 sentSoFar() const { return m_sentSoFar.load(std::memory_order_relaxed); }
    quint64 answeredSoFar() const { return m_answeredSoFar.load(std::memory_order_relaxed); }

Q_SIGNALS:
    void connectPhaseDone(quint64 ready);
    /// Every request of the quota was answered or expired, or no edge is left to send.
    void quotaDone();
    void drained();
    void closed();

private:
    friend struct Edge; // passes its socket's calls on

    void openDue();
    void open(Edge &edge);
    void onConnected(Edge &edge);
    void onMessage(Edge &edge, QByteArrayView message);
    void onHandshakeResponse(Edge &edge, const alwayson::Header &header);
    void onLoadResponse(Edge &edge, const alwayson::Header &header, qint64 nowNs);
    void onEgressRequest(Edge &edge, const alwayson::Header &header);
    void onDisconnected(Edge &edge);
    void setReady(Edge &edge);
    void fail(Edge &edge);
    void settle();
    void dropSocket(Edge &edge);
    void buildTemplates(Edge &edge);
    void send(Edge &edge, const QByteArray &message);
    void sendRequest(Edge &edge);
    void sendDue();
    void sweep();
    void expired(Edge &edge, quint32 requestId, qint64 sendNs, int why = RecordWriter::NoResponse);
    void scheduleReconnect(Edge &edge);
    void checkDone();
    bool maySend() const;
    Edge *nextReadyEdge();

    EdgeConfig m_config;
    /// The edges' sockets' poller, made in the worker's thread (connectEdges()).
    std::unique_ptr<eventloop::EventPoller> m_poller;
    std::vector<std::unique_ptr<Edge>> m_edges;
    EdgeStats m_stats;
    RecordWriter m_record;
    QTimer m_connectTimer; ///< connect ramp
    QTimer m_rateTimer; ///< fixed-rate ticks
    QTimer m_sweepTimer; ///< connect timeouts and request timeouts
    QTimer m_closeTimer; ///< bounds closeEdges()
    quint64 m_quota;
    double m_rate;
    qint64 m_connectStartNs = 0;
    qint64 m_loadStartNs = 0;
    size_t m_nextToOpen = 0;
    size_t m_settled = 0; ///< edges ready or failed
    size_t m_cursor = 0; ///< fixed rate: the next edge to send on
    quint64 m_scheduled = 0; ///< fixed rate: requests due so far
    int m_readyEdges = 0;
    int m_openSockets = 0;
    quint64 m_outstanding = 0;
    bool m_sending = false;
    bool m_stopping = false;
    bool m_closing = false;
    bool m_quotaReported = false;
    bool m_drainReported = false;
    std::atomic<quint64> m_sentSoFar = 0;
    std::atomic<quint64> m_answeredSoFar = 0;
};

} // namespace cx::edgesim
