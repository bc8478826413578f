#pragma once

#include <QString>
#include <thread>

class QEventLoop;
class QThread;

namespace cx::server {

/// A joinable thread that runs a Qt event loop, for one worker.
///
/// QThread starts its threads detached: QThread::wait() returns when run() has finished,
/// before the thread's own clean-up (Qt's per-thread data, freed by a thread-local
/// destructor) has run, so a process that exits right after stopping its workers may end
/// with that clean-up undone (LeakSanitizer reports it). This thread is joined: after
/// stop() the thread is gone entirely. Qt adopts it (QThread::currentThread()).
class WorkerThread
{
public:
    WorkerThread() = default;
    ~WorkerThread(); ///< stops the thread if it runs
    WorkerThread(const WorkerThread &) = delete;
    WorkerThread &operator=(const WorkerThread &) = delete;

    /// Starts the thread and its event loop; returns the thread's QThread (to move objects
    /// to) once the loop can take events.
    QThread *start(const QString &name);
    /// Quits the event loop and joins the thread. Objects still living in it must be gone.
    void stop();

private:
    std::thread m_thread;
    QEventLoop *m_loop = nullptr; ///< lives on the thread's stack while it runs
};

} // namespace cx::server
