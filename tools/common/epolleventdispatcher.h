#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>
#include <atomic>
#include <vector>

class QSocketNotifier;
class QThread;

namespace cx::tools {

/// A Qt event dispatcher on one epoll set (Linux), for the simulators' worker threads when
/// they hold thousands of connections (`--epoll`). Qt's own dispatchers (glib, poll) hand
/// every socket to the kernel and scan every notifier at each wake-up, so a load generator
/// with 2,000 edges spent most of its CPU there and became the bottleneck it was meant to
/// measure; here a wake-up costs the same whatever the number of sockets. Timers are a
/// plain list (the tools run a handful).
class EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    /// Installs one on \a thread, which has not started yet. When the epoll set or its
    /// eventfd cannot be made (out of descriptors), warns and leaves Qt's own dispatcher.
    static void install(QThread *thread);

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
        int id;
        qint64 intervalMs;
        Qt::TimerType type;
        QObject *object;
        qint64 deadlineNs;
        bool firing = false; ///< its event is being delivered (no nested delivery)
    };

    bool isValid() const { return m_epoll >= 0 && m_wake >= 0; }
    void updateEpoll(int fd);
    void activate(int fd, quint32 events);
    int timeoutMs() const;
    bool fireTimers();
    Timer *findTimer(int timerId);

    int m_epoll = -1;
    int m_wake = -1; ///< eventfd: wakeUp() from any thread
    std::atomic<bool> m_interrupted = false;
    QHash<int, Watch> m_watches;
    std::vector<Timer> m_timers;
};

} // namespace cx::tools
