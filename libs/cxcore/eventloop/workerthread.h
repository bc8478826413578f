#pragma once

#include "cxcore_global.h"

#include <QString>
#include <thread>

class QEventLoop;
class QObject;
class QThread;

namespace cx::eventloop {

/// A joinable thread that runs a Qt event loop, for one worker (cxserver's and the
/// simulators').
///
/// QThread starts its threads detached: QThread::wait() returns when run() has finished,
/// before the thread's own clean-up (thread-local destructors: Qt's per-thread data,
/// OpenSSL's per-thread state) has run. A process that exits right after stopping such a
/// thread races that clean-up: LeakSanitizer reports Qt's, and OpenSSL's exit handler frees
/// the thread's state while the thread frees it too (a double free). This thread is
/// joined: after stop() it is gone entirely. Qt adopts it (QThread::currentThread()).
class CXCORE_EXPORT WorkerThread
{
public:
    /// What waits for events in the thread.
    enum class Dispatcher : quint8 {
        Qt, ///< Qt's own event dispatcher
        Epoll, ///< EpollEventDispatcher: one epoll set for Qt and the poller (Linux; Qt's
               ///< elsewhere)
    };

    WorkerThread() = default;
    ~WorkerThread(); ///< stops the thread if it runs
    WorkerThread(const WorkerThread &) = delete;
    WorkerThread &operator=(const WorkerThread &) = delete;

    /// Starts the thread and its event loop; returns the thread's QThread (to move objects
    /// to) once the loop can take events.
    QThread *start(const QString &name, Dispatcher dispatcher);
    /// Quits the event loop and joins the thread. Objects still living in it must be gone
    /// (deleteInItsThread()).
    void stop();

private:
    std::thread m_thread;
    QEventLoop *m_loop = nullptr; ///< lives on the thread's stack while it runs
};

/// Deletes \a object in the thread it lives in (where its sockets and timers are) and
/// returns once it is gone. That thread's event loop must be running.
CXCORE_EXPORT void deleteInItsThread(QObject *object);

} // namespace cx::eventloop
