#pragma once

#include "acceptor.h"
#include "eventloop/workerthread.h"
#include "simconfig.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <memory>
#include <result.h>
#include <vector>

namespace cx::platformsim {

class SimWorker;

/// The platform simulator: listens, spreads accepted sockets over its worker threads
/// round robin, and runs control commands (from stdin or a control WebSocket) against the
/// workers.
class Simulator : public QObject
{
    Q_OBJECT
public:
    explicit Simulator(SimConfig config, QObject *parent = nullptr);
    ~Simulator() override;

    /// Starts the workers and listens. The error names the address when it is taken.
    Result<void> start();
    quint16 port() const { return m_acceptor.serverPort(); }
    QString host() const { return m_acceptor.serverAddress().toString(); }

    /// Runs one control command and returns its one-line reply (empty for an empty line):
    /// `stats`, `egress <endpointId> <code> [count]`, `pause`, `resume`, `quit`, `help`.
    QByteArray execute(const QByteArray &line);

Q_SIGNALS:
    /// The `quit` command was given.
    void quitRequested();

private:
    QByteArray statsLine() const;
    QByteArray egress(const QList<QByteArray> &words);

    SimConfig m_config;
    Acceptor m_acceptor;
    std::vector<std::unique_ptr<eventloop::WorkerThread>> m_threads;
    QList<SimWorker *> m_workers; ///< m_workers[i] lives in m_threads[i], deleted there
    qsizetype m_nextWorker = 0;
    bool m_paused = false;
};

} // namespace cx::platformsim
