#include "epolleventdispatcher.h"

#include "clock.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>
#include <QTimerEvent>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace cx::eventloop {

namespace {

constexpr int MaxEvents = 256;
constexpr qint64 NsPerMs = 1000000;

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_wake(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (!isValid())
        return;
    epoll_event event {};
    event.events = EPOLLIN;
    event.data.fd = m_wake;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &event);
}

void EpollEventDispatcher::install(QThread *thread)
{
    auto *dispatcher = new EpollEventDispatcher;
    if (dispatcher->isValid()) {
        thread->setEventDispatcher(dispatcher);
        return;
    }
    qWarning("epoll dispatcher: %s; %s keeps Qt's event loop", std::strerror(errno),
             qPrintable(thread->objectName()));
    delete dispatcher;
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wake >= 0)
        ::close(m_wake);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.store(false, std::memory_order_relaxed);
    Q_EMIT awake();
    QCoreApplication::sendPostedEvents();
    if (m_interrupted.load(std::memory_order_relaxed))
        return true;

    const bool mayWait = flags.testFlag(QEventLoop::WaitForMoreEvents);
    if (mayWait)
        Q_EMIT aboutToBlock();
    epoll_event events[MaxEvents];
    int count;
    do {
        count = epoll_wait(m_epoll, events, MaxEvents, mayWait ? timeoutMs() : 0);
    } while (count < 0 && errno == EINTR);
    if (mayWait)
        Q_EMIT awake();

    bool handled = false;
    const bool notifiers = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    epoll_event raw[MaxEvents];
    int rawCount = 0;
    for (int i = 0; i < count; ++i) {
        if (events[i].data.u64 & RawTag) {
            raw[rawCount++] = events[i];
            continue;
        }
        const int fd = events[i].data.fd;
        if (fd == m_wake) {
            eventfd_t value;
            eventfd_read(m_wake, &value);
            continue;
        }
        if (notifiers) {
            activate(fd, events[i].events);
            handled = true;
        }
    }
    if (rawCount > 0 && m_rawSink && notifiers) {
        m_rawSink->epollEvents(std::span<const epoll_event>(raw, size_t(rawCount)));
        handled = true;
    }
    if (!flags.testFlag(QEventLoop::X11ExcludeTimers) && fireTimers())
        handled = true;
    return handled;
}

void EpollEventDispatcher::activate(int fd, quint32 events)
{
    // Each delivery may enable, disable or delete notifiers of this descriptor: look again
    // before the next one.
    QEvent activated(QEvent::SockAct);
    const auto deliver = [&](QSocketNotifier *Watch::*which, quint32 mask) {
        const auto watch = m_watches.constFind(fd);
        if (watch == m_watches.cend() || !((*watch).*which) || !(events & mask))
            return;
        QCoreApplication::sendEvent((*watch).*which, &activated);
    };
    deliver(&Watch::read, EPOLLIN | EPOLLHUP | EPOLLERR);
    deliver(&Watch::write, EPOLLOUT | EPOLLHUP | EPOLLERR);
    deliver(&Watch::exception, EPOLLPRI);
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    Watch &watch = m_watches[fd];
    switch (notifier->type()) {
    case QSocketNotifier::Read:
        watch.read = notifier;
        break;
    case QSocketNotifier::Write:
        watch.write = notifier;
        break;
    case QSocketNotifier::Exception:
        watch.exception = notifier;
        break;
    }
    updateEpoll(fd);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const auto watch = m_watches.find(fd);
    if (watch == m_watches.end())
        return;
    for (QSocketNotifier **slot : {&watch->read, &watch->write, &watch->exception}) {
        if (*slot == notifier)
            *slot = nullptr;
    }
    updateEpoll(fd);
}

void EpollEventDispatcher::updateEpoll(int fd)
{
    const auto watch = m_watches.find(fd);
    epoll_event event {};
    event.data.fd = fd;
    event.events = (watch->read ? EPOLLIN : 0u) | (watch->write ? EPOLLOUT : 0u)
        | (watch->exception ? EPOLLPRI : 0u);
    if (event.events == 0) {
        // A descriptor already closed has left the set by itself: EBADF/ENOENT do not matter.
        if (watch->added)
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        m_watches.erase(watch);
        return;
    }
    if (watch->added) {
        if (epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event) == 0 || errno != ENOENT)
            return;
        // Closed and reused without its notifiers unregistered: add the new file.
    }
    watch->added = epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) == 0;
    if (!watch->added)
        qWarning("epoll dispatcher: cannot watch descriptor %d (errno %d)", fd, errno);
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object)
{
    Timer &timer = m_timers[timerId];
    timer = {interval, timerType, object, nowNs() + interval * NsPerMs, m_nextSerial++};
    schedule(timerId, timer);
}

void EpollEventDispatcher::schedule(int timerId, Timer &timer)
{
    m_deadlines.push_back({timer.deadlineNs, timerId, timer.serial});
    std::push_heap(m_deadlines.begin(), m_deadlines.end(), std::greater<>());
}

bool EpollEventDispatcher::isCurrent(const Deadline &deadline) const
{
    const auto timer = m_timers.constFind(deadline.timerId);
    return timer != m_timers.cend() && timer->serial == deadline.serial;
}

void EpollEventDispatcher::pruneDeadlines()
{
    // Each stop leaves its entry behind; more than twice the live timers (and a few): rebuild.
    if (m_deadlines.size() > 2 * size_t(m_timers.size()) + 64) {
        std::erase_if(m_deadlines, [this](const Deadline &d) { return !isCurrent(d); });
        std::make_heap(m_deadlines.begin(), m_deadlines.end(), std::greater<>());
        return;
    }
    while (!m_deadlines.empty() && !isCurrent(m_deadlines.front())) {
        std::pop_heap(m_deadlines.begin(), m_deadlines.end(), std::greater<>());
        m_deadlines.pop_back();
    }
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    return m_timers.remove(timerId);
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    return m_timers.removeIf([object](const auto &timer) { return timer->object == object; }) > 0;
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> timers;
    for (auto timer = m_timers.cbegin(); timer != m_timers.cend(); ++timer) {
        if (timer->object == object)
            timers.append(TimerInfo(timer.key(), int(timer->intervalMs), timer->type));
    }
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto timer = m_timers.constFind(timerId);
    if (timer == m_timers.cend())
        return -1;
    return int(std::max<qint64>(0, (timer->deadlineNs - nowNs() + NsPerMs - 1) / NsPerMs));
}

int EpollEventDispatcher::timeoutMs()
{
    if (m_interrupted.load(std::memory_order_relaxed))
        return 0;
    pruneDeadlines();
    if (m_deadlines.empty())
        return -1;
    // Rounded up: waking before the deadline would only wait again.
    const qint64 next = m_deadlines.front().ns;
    return int(std::clamp<qint64>((next - nowNs() + NsPerMs - 1) / NsPerMs, 0, 24 * 3600 * 1000));
}

bool EpollEventDispatcher::fireTimers()
{
    const qint64 now = nowNs();
    std::vector<Deadline> due;
    for (pruneDeadlines(); !m_deadlines.empty() && m_deadlines.front().ns <= now;
         pruneDeadlines()) {
        std::pop_heap(m_deadlines.begin(), m_deadlines.end(), std::greater<>());
        due.push_back(m_deadlines.back());
        m_deadlines.pop_back(); // out of the heap until it is delivered: no nested delivery
    }
    for (const Deadline &deadline : due) {
        // A timer event may stop or restart any timer: look each up again.
        auto timer = m_timers.find(deadline.timerId);
        if (timer == m_timers.end() || timer->serial != deadline.serial)
            continue;
        // The next deadline follows the previous one, without a burst after a stall.
        timer->deadlineNs += timer->intervalMs * NsPerMs;
        if (timer->deadlineNs <= now)
            timer->deadlineNs = now + timer->intervalMs * NsPerMs;
        QTimerEvent event(deadline.timerId);
        QCoreApplication::sendEvent(timer->object, &event);
        timer = m_timers.find(deadline.timerId);
        if (timer != m_timers.end() && timer->serial == deadline.serial)
            schedule(deadline.timerId, *timer);
    }
    return !due.empty();
}

void EpollEventDispatcher::wakeUp()
{
    eventfd_write(m_wake, 1);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.store(true, std::memory_order_relaxed);
    wakeUp();
}

} // namespace cx::eventloop
