#include "eventpoller.h"

#include <QHash>
#include <QSocketNotifier>
#include <algorithm>
#include <cerrno>
#include <cstring>

#ifdef Q_OS_LINUX
#include "epolleventdispatcher.h"

#include <QThread>
#include <sys/epoll.h>
#include <unistd.h>
#endif

namespace cx::eventloop {

namespace {
constexpr qsizetype ReadBufferSize = 256 * 1024;
} // namespace

#ifdef Q_OS_LINUX

/// On a thread whose dispatcher is an EpollEventDispatcher (cxserver's workers), the
/// sockets join the dispatcher's own epoll set and their events come in its batch: one
/// `epoll_wait` per wake-up. Elsewhere (or when that set has a sink already) an epoll set
/// of its own, watched by one QSocketNotifier.
struct EventPoller::Backend final : RawEpollSink
{
    static constexpr int MaxEvents = 256;
    explicit Backend(EventPoller *owner)
        : poller(owner)
    { }
    void epollEvents(std::span<const epoll_event> events) override { poller->deliver(events); }
    quint64 tag(PollHandler *handler) const
    {
        return quint64(reinterpret_cast<quintptr>(handler))
            | (shared ? EpollEventDispatcher::RawTag : 0);
    }

    EventPoller *poller;
    int epoll = -1;
    EpollEventDispatcher *shared = nullptr; ///< whose set this is, if any
    QSocketNotifier *notifier = nullptr; ///< child of the poller, on a set of its own
    epoll_event events[MaxEvents];
};

EventPoller::EventPoller(QObject *parent)
    : QObject(parent)
    , m_backend(std::make_unique<Backend>(this))
    , m_readBuffer(ReadBufferSize, Qt::Uninitialized)
{
    auto *dispatcher
        = qobject_cast<EpollEventDispatcher *>(QThread::currentThread()->eventDispatcher());
    if (dispatcher && !dispatcher->rawSink()) {
        m_backend->shared = dispatcher;
        m_backend->epoll = dispatcher->epollFd();
        dispatcher->setRawSink(m_backend.get());
        return;
    }
    m_backend->epoll = epoll_create1(EPOLL_CLOEXEC);
    if (m_backend->epoll < 0)
        qFatal("epoll_create1: %s", std::strerror(errno)); // out of descriptors at start-up
    m_backend->notifier = new QSocketNotifier(m_backend->epoll, QSocketNotifier::Read, this);
    connect(m_backend->notifier, &QSocketNotifier::activated, this, [this] {
        const int count = epoll_wait(m_backend->epoll, m_backend->events, Backend::MaxEvents, 0);
        deliver(std::span<const epoll_event>(m_backend->events, size_t(std::max(count, 0))));
    });
}

EventPoller::~EventPoller()
{
    // In a shared set, the sockets leave it when their owners close them: the worker's
    // children, deleted with it.
    if (m_backend->shared)
        m_backend->shared->setRawSink(nullptr);
    else
        ::close(m_backend->epoll);
}

bool EventPoller::inThreadDispatcher() const
{
    return m_backend->shared;
}

bool EventPoller::add(qintptr fd, PollHandler *handler, QString *error)
{
    epoll_event event {};
    event.events = EPOLLIN | EPOLLRDHUP;
    event.data.u64 = m_backend->tag(handler);
    if (epoll_ctl(m_backend->epoll, EPOLL_CTL_ADD, int(fd), &event) == 0)
        return true;
    *error = QString::fromLocal8Bit(std::strerror(errno));
    return false;
}

void EventPoller::setInterest(qintptr fd, PollHandler *handler, bool readable, bool writable)
{
    epoll_event event {};
    event.events
        = (readable ? quint32(EPOLLIN | EPOLLRDHUP) : 0u) | (writable ? quint32(EPOLLOUT) : 0u);
    event.data.u64 = m_backend->tag(handler);
    epoll_ctl(m_backend->epoll, EPOLL_CTL_MOD, int(fd), &event);
}

void EventPoller::remove(qintptr fd)
{
    epoll_ctl(m_backend->epoll, EPOLL_CTL_DEL, int(fd), nullptr);
}

void EventPoller::deliver(std::span<const epoll_event> events)
{
    m_inPass = true;
    for (const epoll_event &event : events) {
        const bool readable = event.events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR);
        const bool writable = event.events & EPOLLOUT;
        reinterpret_cast<PollHandler *>(quintptr(event.data.u64 & ~EpollEventDispatcher::RawTag))
            ->pollEvents(readable, writable);
    }
    m_inPass = false;
    m_passEnding.swap(m_passEnd);
    for (PassEndHandler *handler : m_passEnding)
        handler->passEnded();
    m_passEnding.clear();
}

#else // one QSocketNotifier pair per socket: portable, and the cost grows with the sockets

struct EventPoller::Backend
{
    struct Watch
    {
        std::unique_ptr<QSocketNotifier> read;
        std::unique_ptr<QSocketNotifier> write;
    };
    QHash<qintptr, Watch> watches;
};

EventPoller::EventPoller(QObject *parent)
    : QObject(parent)
    , m_backend(std::make_unique<Backend>())
    , m_readBuffer(ReadBufferSize, Qt::Uninitialized)
{ }

EventPoller::~EventPoller() = default;

bool EventPoller::inThreadDispatcher() const
{
    return false;
}

bool EventPoller::add(qintptr fd, PollHandler *handler, QString *)
{
    Backend::Watch &watch = m_backend->watches[fd];
    watch.read = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
    watch.write = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Write);
    watch.write->setEnabled(false);
    connect(watch.read.get(), &QSocketNotifier::activated, this,
            [handler] { handler->pollEvents(true, false); });
    connect(watch.write.get(), &QSocketNotifier::activated, this,
            [handler] { handler->pollEvents(false, true); });
    return true;
}

void EventPoller::setInterest(qintptr fd, PollHandler *, bool readable, bool writable)
{
    const auto it = m_backend->watches.find(fd);
    if (it == m_backend->watches.end())
        return;
    it->read->setEnabled(readable);
    it->write->setEnabled(writable);
}

void EventPoller::remove(qintptr fd)
{
    const auto it = m_backend->watches.find(fd);
    if (it == m_backend->watches.end())
        return;
    it->read->setEnabled(false);
    it->write->setEnabled(false);
    // The notifiers may be the ones emitting right now: delete them later.
    it->read.release()->deleteLater();
    it->write.release()->deleteLater();
    m_backend->watches.erase(it);
}

#endif

} // namespace cx::eventloop
