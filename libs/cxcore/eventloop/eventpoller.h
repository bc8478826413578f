#pragma once

#include "cxcore_global.h"

#include <QByteArray>
#include <QObject>
#include <memory>
#include <span>
#include <vector>

class QSocketNotifier;
struct epoll_event;

namespace cx::eventloop {

/// Something that owns a socket registered with an EventPoller.
class CXCORE_EXPORT PollHandler
{
public:
    virtual ~PollHandler() = default;
    /// The socket is readable (or hung up, or in error) and/or writable.
    virtual void pollEvents(bool readable, bool writable) = 0;
};

/// Something that wants a call once the current poller pass has delivered all its events.
class CXCORE_EXPORT PassEndHandler
{
public:
    virtual ~PassEndHandler() = default;
    virtual void passEnded() = 0;
};

/// One worker's readiness poller for its sockets (architecture.md "Threading"). On Linux one
/// epoll set, so the cost of a pass grows with the sockets that have something to do, not
/// with the sockets open (Qt's own dispatchers poll every notifier on every pass): the set
/// of the thread's EpollEventDispatcher when it runs one (cxserver's workers do: one wait
/// per wake-up for sockets, timers and posted events), else a set of its own watched by a
/// QSocketNotifier. Elsewhere one QSocketNotifier per socket. Level-triggered: a handler
/// that leaves bytes unread is called again.
///
/// It also lends its handlers one read buffer: what a socket delivers is read into it and
/// parsed in place, so an idle connection keeps no buffer of its own. And it tells who asks
/// when a pass ends, so that what a pass writes to one socket can leave in one write.
class CXCORE_EXPORT EventPoller : public QObject
{
    Q_OBJECT
public:
    explicit EventPoller(QObject *parent = nullptr);
    ~EventPoller() override;

    /// Starts watching \a fd for reading. False (with
    /// errno's message in *error) when the descriptor cannot be watched.
    bool add(qintptr fd, PollHandler *handler, QString *error);
    /// Watches \a fd for reading (\a readable) and for writing (\a writable). Hang-ups and
    /// errors are reported as readable even while reading is not watched.
    void setInterest(qintptr fd, PollHandler *handler, bool readable, bool writable);
    /// Stops watching \a fd. Events of the current pass already collected for it are still
    /// delivered: a handler must stay alive until the pass ends (owners delete handlers
    /// with deleteLater() or from a timer, never from inside a callback).
    void remove(qintptr fd);

    /// The shared read buffer (valid until the handler returns).
    std::span<char> readBuffer() { return {m_readBuffer.data(), size_t(m_readBuffer.size())}; }

    /// Whether its sockets are in the thread's EpollEventDispatcher's set (one wait per
    /// wake-up) rather than a set of its own.
    bool inThreadDispatcher() const;

    /// Whether a pass is delivering events right now (never without epoll).
    bool inPass() const { return m_inPass; }
    /// Calls \a handler's passEnded() once, after the current pass has delivered all its
    /// events; only during a pass. The handler must stay alive until then, as a PollHandler
    /// must.
    void callAtPassEnd(PassEndHandler *handler) { m_passEnd.push_back(handler); }

private:
#ifdef Q_OS_LINUX
    /// Delivers one pass: a batch of epoll events, then the pass-end calls.
    void deliver(std::span<const epoll_event> events);
#endif

    struct Backend;
    std::unique_ptr<Backend> m_backend;
    QByteArray m_readBuffer;
    std::vector<PassEndHandler *> m_passEnd; ///< to call when this pass ends
    std::vector<PassEndHandler *> m_passEnding; ///< being called (keeps both capacities)
    bool m_inPass = false;
};

} // namespace cx::eventloop
