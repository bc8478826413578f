#pragma once

#include "edgeconfig.h"
#include "edgestats.h"
#include "eventloop/workerthread.h"

#include <QList>
#include <QObject>
#include <QTimer>
#include <memory>
#include <vector>

namespace cx::edgesim {

class EdgeWorker;

/// Runs one load test: spreads the edges over worker threads, moves them through the
/// phases (connect, load, drain, close) together, prints progress and the final report.
class LoadRunner : public QObject
{
    Q_OBJECT
public:
    explicit LoadRunner(EdgeConfig config, QObject *parent = nullptr);
    ~LoadRunner() override;

    void start();
    /// Ends the run early (SIGTERM, SIGINT): stop sending, drain, close, report.
    void terminate();

Q_SIGNALS:
    /// The report is printed; 0 when the run completed, 2 when no edge got ready.
    void finished(int exitCode);

private:
    enum class Phase : quint8 { Connecting, Loading, Draining, Closing, Done };

    void onConnectPhaseDone(quint64 ready);
    void onQuotaDone();
    void onDrained();
    void onClosed();
    void stopLoad();
    void closeEdges();
    void printProgress();
    void report(const EdgeStats &stats);
    /// Runs \a call(worker) in each worker's thread.
    template<typename F> void forEachWorker(F call);

    EdgeConfig m_config;
    std::vector<std::unique_ptr<eventloop::WorkerThread>> m_threads;
    QList<EdgeWorker *> m_workers; ///< m_workers[i] lives in m_threads[i], deleted there
    Phase m_phase = Phase::Connecting;
    int m_waiting = 0; ///< workers yet to report the end of the current phase
    quint64 m_ready = 0;
    qint64 m_startNs = 0;
    qint64 m_loadStartNs = 0;
    qint64 m_loadStartEpochMs = 0; ///< the same moment, wall clock (for --record's sendUs)
    qint64 m_stopNs = 0;
    QTimer m_durationTimer;
    QTimer m_progressTimer;
    qint64 m_progressNs = 0;
    quint64 m_progressAnswered = 0;
};

} // namespace cx::edgesim
