#pragma once

#include "cxcore_global.h"

#include <QAbstractEventDispatcher>
#include <QHash>
#include <atomic>
#include <span>
#include <sys/epoll.h>
#include <vector>

class QSocketNotifier;
class QThread;

namespace cx::eventloop {

/// Takes the events of descriptors that are not Qt's but sit in the dispatcher's epoll set
/// (see EpollEventDispatcher::RawTag), one batch per wake-up.
class CXCORE_EXPORT RawEpollSink
{
public:
    virtual ~RawEpollSink() = default;
    virtual void epollEvents(std::span<const epoll_event> events) = 0;
};

/// A Qt event dispatcher on one epoll set (Linux). Qt's own dispatchers (glib, poll) hand
/// every socket to the kernel and scan every notifier at each wake-up; here a wake-up costs
/// the same whatever the number of sockets. cxserver's worker threads and the simulators'
/// run it.
///
/// A thread's own poller may put its descriptors in the same set (epollFd(), with RawTag in
/// `data.u64`) and take their events through a RawEpollSink: the thread then waits in one
/// `epoll_wait` per wake-up for Qt's notifiers, its timers, posted events and the poller.
///
/// Timers are a binary heap of deadlines (millisecond resolution, every type precise): a
/// wake-up looks at the earliest only, and starting or stopping a timer is O(log n).
class CXCORE_EXPORT EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    /// Set in `epoll_event::data.u64` of a descriptor a RawEpollSink takes; the other bits
    /// are the sink's.
    static constexpr quint64 RawTag = quint64(1) << 63;

    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    /// Installs one on \a thread, which has not started yet. When the epoll set or its
    /// eventfd cannot be made (out of descriptors), warns and leaves Qt's own dispatcher.
    static void install(QThread *thread);

    /// The epoll set, for a RawEpollSink's descriptors.
    int epollFd() const { return m_epoll; }
    /// The sink of RawTag events (one per dispatcher; nullptr: none). Events of a wake-up
    /// arrive after Qt's notifiers of that wake-up; level-triggered events not delivered
    /// (no sink, or a pass excluding socket notifiers) come again at the next. A sink's
    /// descriptors must leave the set (closed, or deleted from it) by the time it is unset:
    /// else their events would wake the loop for nobody.
    void setRawSink(RawEpollSink *sink) { m_rawSink = sink; }
    RawEpollSink *rawSink() const { return m_rawSink; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;
    void interrupt() override;

private:
    /// The notifiers of one descriptor, and whether it is in the epoll set.
    struct Watch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        bool added = false;
    };
    struct Timer
    {
        qint64 intervalMs;
        Qt::TimerType type;
        QObject *object;
        qint64 deadlineNs;
        quint64 serial; ///< its entry in the heap; a new registration gets a new one
    };
    /// A deadline in the heap; stale once its timer is gone or has another serial.
    struct Deadline
    {
        qint64 ns;
        int timerId;
        quint64 serial;
        bool operator>(const Deadline &other) const { return ns > other.ns; }
    };

    bool isValid() const { return m_epoll >= 0 && m_wake >= 0; }
    void updateEpoll(int fd);
    void activate(int fd, quint32 events);
    int timeoutMs();
    bool fireTimers();
    void schedule(int timerId, Timer &timer);
    bool isCurrent(const Deadline &deadline) const;
    /// Drops stale entries from the top of the heap, and rebuilds it when most are stale.
    void pruneDeadlines();

    int m_epoll = -1;
    int m_wake = -1; ///< eventfd: wakeUp() from any thread
    std::atomic<bool> m_interrupted = false;
    QHash<int, Watch> m_watches;
    QHash<int, Timer> m_timers;
    std::vector<Deadline> m_deadlines; ///< a min-heap on ns
    quint64 m_nextSerial = 0;
    RawEpollSink *m_rawSink = nullptr;
};

} // namespace cx::eventloop
