#include "clock.h"
#include "eventloop/epolleventdispatcher.h"

#include <QSet>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using cx::nowNs;
using cx::eventloop::EpollEventDispatcher;

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 NsPerMs = 1000000;

/// Counts \a notifier's activations in \a count, disabling it at the first (a write
/// notifier on a writable socket would fire on every pass otherwise).
void countOnceThenDisable(QSocketNotifier &notifier, int &count)
{
    QObject::connect(&notifier, &QSocketNotifier::activated, &notifier, [&notifier, &count] {
        ++count;
        notifier.setEnabled(false);
    });
}

} // namespace

/// Runs on the dispatcher under test: main() installs it before the application exists, so
/// every QTRY_* wait and every Qt object here uses it.
class tst_EpollEventDispatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void isTheMainThreadsDispatcher();
    void singleShotFiresOnce();
    void repeatingTimerKeepsItsInterval();
    void timerStoppedInItsOwnEventStops();
    void remainingTimeAndRegisteredTimers();
    void timersFireInDeadlineOrder();
    void stoppedTimersDoNotFire();
    void timerRestartedManyTimesFiresOnce();
    void rawEventsComeInOneBatch();
    void readNotifierFiresWhileDataWaits();
    void writeNotifierFiresAndCanBeDisabled();
    void notifierDeletedInItsOwnActivation();
    void readAndWriteNotifiersShareADescriptor();
    void postFromAnotherThreadWakesTheLoop();
    void threadWithTheDispatcherQuits();
    void tcpEchoRoundTrip();

private:
    int m_pair[2] = {-1, -1};
};

void tst_EpollEventDispatcher::init()
{
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, m_pair), 0);
}

void tst_EpollEventDispatcher::cleanup()
{
    for (int &fd : m_pair) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

void tst_EpollEventDispatcher::isTheMainThreadsDispatcher()
{
    QVERIFY(qobject_cast<EpollEventDispatcher *>(QThread::currentThread()->eventDispatcher()));
}

void tst_EpollEventDispatcher::singleShotFiresOnce()
{
    int fired = 0;
    QTimer::singleShot(20, this, [&] { ++fired; });
    QTRY_COMPARE_WITH_TIMEOUT(fired, 1, 5000);
    QTest::qWait(100);
    QCOMPARE(fired, 1);
}

void tst_EpollEventDispatcher::repeatingTimerKeepsItsInterval()
{
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    int fired = 0;
    connect(&timer, &QTimer::timeout, this, [&] { ++fired; });
    QElapsedTimer clock;
    clock.start();
    timer.start(10);
    QTRY_VERIFY_WITH_TIMEOUT(fired >= 5, 5000);
    // Never early: five ticks of 10 ms take at least 50 ms.
    QVERIFY2(clock.elapsed() >= 50, qPrintable(QString::number(clock.elapsed())));
}

void tst_EpollEventDispatcher::timerStoppedInItsOwnEventStops()
{
    QTimer timer;
    int fired = 0;
    connect(&timer, &QTimer::timeout, this, [&] {
        ++fired;
        timer.stop();
    });
    timer.start(0);
    QTRY_COMPARE_WITH_TIMEOUT(fired, 1, 5000);
    QTest::qWait(50);
    QCOMPARE(fired, 1);
    QVERIFY(!timer.isActive());
}

void tst_EpollEventDispatcher::remainingTimeAndRegisteredTimers()
{
    QTimer timer;
    timer.start(10000);
    QVERIFY(timer.remainingTime() > 9000 && timer.remainingTime() <= 10000);
    auto *dispatcher = QThread::currentThread()->eventDispatcher();
    const auto timers = dispatcher->registeredTimers(&timer);
    QCOMPARE(timers.size(), 1);
    QCOMPARE(timers[0].interval, 10000);
    timer.stop();
    QVERIFY(dispatcher->registeredTimers(&timer).isEmpty());
    QCOMPARE(dispatcher->remainingTime(timers[0].timerId), -1);
}

void tst_EpollEventDispatcher::timersFireInDeadlineOrder()
{
    // Started in a shuffled order, then all due at once: they fire in the order of their
    // deadlines, not of their starts. A deadline is known to lie within the clock readings
    // around its start() (starting takes time, more so under a sanitizer).
    constexpr int Count = 40;
    constexpr int LongestMs = 10 + 2 * (Count - 1);
    struct Window
    {
        qint64 earliestNs;
        qint64 latestNs;
    };
    std::vector<Window> deadlines(Count);
    std::vector<int> fired;
    std::vector<std::unique_ptr<QTimer>> timers;
    for (int i = 0; i < Count; ++i) {
        const int interval = 10 + 2 * ((i * 17) % Count); // a permutation of 10, 12, ... 88
        auto timer = std::make_unique<QTimer>();
        timer->setSingleShot(true);
        connect(timer.get(), &QTimer::timeout, this, [&fired, i] { fired.push_back(i); });
        const qint64 before = nowNs();
        timer->start(interval);
        deadlines[size_t(i)] = {before + interval * NsPerMs, nowNs() + interval * NsPerMs};
        timers.push_back(std::move(timer));
    }
    // The thread blocks past the last deadline, so that one wake-up finds every timer due
    // (a list in start order would then fire them in start order).
    std::this_thread::sleep_for(std::chrono::milliseconds(LongestMs + 20));
    QTRY_COMPARE_WITH_TIMEOUT(fired.size(), size_t(Count), 5000);
    for (size_t a = 0; a < fired.size(); ++a) {
        for (size_t b = a + 1; b < fired.size(); ++b) {
            const Window &first = deadlines[size_t(fired[a])];
            const Window &later = deadlines[size_t(fired[b])];
            QVERIFY2(first.earliestNs <= later.latestNs,
                     qPrintable(u"timer %1 fired before timer %2, whose deadline is earlier"_s
                                    .arg(fired[a])
                                    .arg(fired[b])));
        }
    }
}

void tst_EpollEventDispatcher::stoppedTimersDoNotFire()
{
    constexpr int Count = 100;
    std::vector<std::unique_ptr<QTimer>> timers;
    std::vector<int> fired;
    for (int i = 0; i < Count; ++i) {
        auto timer = std::make_unique<QTimer>();
        timer->setSingleShot(true);
        connect(timer.get(), &QTimer::timeout, this, [&fired, i] { fired.push_back(i); });
        timer->start(5 + i % 7);
        timers.push_back(std::move(timer));
    }
    for (int i = 1; i < Count; i += 2)
        timers[size_t(i)]->stop();
    QTRY_COMPARE_WITH_TIMEOUT(fired.size(), size_t(Count / 2), 5000);
    QTest::qWait(50); // the stopped ones are past their deadlines by now
    QCOMPARE(fired.size(), size_t(Count / 2));
    QVERIFY(std::all_of(fired.begin(), fired.end(), [](int i) { return i % 2 == 0; }));
}

void tst_EpollEventDispatcher::timerRestartedManyTimesFiresOnce()
{
    // Each restart leaves a stale deadline behind (and, past a bound, a rebuilt heap).
    QTimer timer;
    timer.setSingleShot(true);
    int fired = 0;
    connect(&timer, &QTimer::timeout, this, [&] { ++fired; });
    for (int i = 0; i < 1000; ++i)
        timer.start(i % 2 ? 10 : 20);
    QCOMPARE(QThread::currentThread()->eventDispatcher()->registeredTimers(&timer).size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(fired, 1, 5000);
    QTest::qWait(50);
    QCOMPARE(fired, 1);
}

void tst_EpollEventDispatcher::rawEventsComeInOneBatch()
{
    // Two descriptors that are not Qt's, in the dispatcher's set with RawTag: readable
    // together, they come to the sink in one batch, with their own data; a Qt notifier on
    // a third works beside them.
    struct Sink : cx::eventloop::RawEpollSink
    {
        void epollEvents(std::span<const epoll_event> events) override
        {
            batches.push_back({events.begin(), events.end()});
            for (const epoll_event &event : events) {
                char byte;
                const int fd = int(event.data.u64 & ~EpollEventDispatcher::RawTag);
                while (::read(fd, &byte, 1) == 1) { }
            }
        }
        std::vector<std::vector<epoll_event>> batches;
    } sink;
    auto *dispatcher
        = qobject_cast<EpollEventDispatcher *>(QThread::currentThread()->eventDispatcher());
    QVERIFY(dispatcher);
    QVERIFY(!dispatcher->rawSink());
    dispatcher->setRawSink(&sink);
    int other[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, other), 0);
    for (const int fd : {m_pair[0], other[0]}) {
        epoll_event event {};
        event.events = EPOLLIN;
        event.data.u64 = quint64(fd) | EpollEventDispatcher::RawTag;
        QCOMPARE(epoll_ctl(dispatcher->epollFd(), EPOLL_CTL_ADD, fd, &event), 0);
    }
    int third[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, third), 0);
    QSocketNotifier notifier(third[0], QSocketNotifier::Read);
    int notified = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        char byte;
        while (::read(third[0], &byte, 1) == 1) { }
        ++notified;
    });

    QCOMPARE(::write(m_pair[1], "a", 1), 1);
    QCOMPARE(::write(other[1], "b", 1), 1);
    QCOMPARE(::write(third[1], "c", 1), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!sink.batches.empty() && notified == 1, 5000);
    dispatcher->setRawSink(nullptr);
    QCOMPARE(sink.batches.size(), size_t(1));
    QCOMPARE(sink.batches[0].size(), size_t(2));
    QSet<quint64> tags;
    for (const epoll_event &event : sink.batches[0])
        tags.insert(event.data.u64);
    QCOMPARE(tags,
             (QSet<quint64> {quint64(m_pair[0]) | EpollEventDispatcher::RawTag,
                             quint64(other[0]) | EpollEventDispatcher::RawTag}));
    epoll_ctl(dispatcher->epollFd(), EPOLL_CTL_DEL, m_pair[0], nullptr);
    for (const int fd : {other[0], other[1], third[0], third[1]})
        ::close(fd);
}

void tst_EpollEventDispatcher::readNotifierFiresWhileDataWaits()
{
    QSocketNotifier notifier(m_pair[0], QSocketNotifier::Read);
    int activations = 0;
    QByteArray received;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        ++activations;
        char byte;
        // One byte per activation: level-triggered, it comes again while data waits.
        if (::read(m_pair[0], &byte, 1) == 1)
            received += byte;
    });
    QTest::qWait(30);
    QCOMPARE(activations, 0);
    QCOMPARE(::write(m_pair[1], "abc", 3), 3);
    QTRY_COMPARE_WITH_TIMEOUT(received, QByteArray("abc"), 5000);
    notifier.setEnabled(false);
    QCOMPARE(::write(m_pair[1], "d", 1), 1);
    QTest::qWait(50);
    QCOMPARE(received, QByteArray("abc"));
    notifier.setEnabled(true);
    QTRY_COMPARE_WITH_TIMEOUT(received, QByteArray("abcd"), 5000);
}

void tst_EpollEventDispatcher::writeNotifierFiresAndCanBeDisabled()
{
    QSocketNotifier notifier(m_pair[0], QSocketNotifier::Write);
    int activations = 0;
    countOnceThenDisable(notifier, activations);
    QTRY_COMPARE_WITH_TIMEOUT(activations, 1, 5000);
    QTest::qWait(50);
    QCOMPARE(activations, 1);
}

void tst_EpollEventDispatcher::notifierDeletedInItsOwnActivation()
{
    auto *notifier = new QSocketNotifier(m_pair[0], QSocketNotifier::Read);
    auto *writes = new QSocketNotifier(m_pair[0], QSocketNotifier::Write);
    writes->setEnabled(false);
    bool deleted = false;
    connect(notifier, &QSocketNotifier::activated, this, [&] {
        delete notifier;
        delete writes;
        deleted = true;
    });
    QCOMPARE(::write(m_pair[1], "x", 1), 1);
    QTRY_VERIFY_WITH_TIMEOUT(deleted, 5000);
    // The byte is still unread: a stale registration would deliver to freed notifiers.
    QTest::qWait(50);
    QSocketNotifier again(m_pair[0], QSocketNotifier::Read);
    int activations = 0;
    countOnceThenDisable(again, activations);
    QTRY_COMPARE_WITH_TIMEOUT(activations, 1, 5000);
}

void tst_EpollEventDispatcher::readAndWriteNotifiersShareADescriptor()
{
    QSocketNotifier reads(m_pair[0], QSocketNotifier::Read);
    QSocketNotifier writes(m_pair[0], QSocketNotifier::Write);
    int readActivations = 0;
    int writeActivations = 0;
    countOnceThenDisable(writes, writeActivations);
    connect(&reads, &QSocketNotifier::activated, this, [&] {
        char byte;
        if (::read(m_pair[0], &byte, 1) == 1)
            ++readActivations;
    });
    QTRY_COMPARE_WITH_TIMEOUT(writeActivations, 1, 5000);
    // Disabling the writes left the reads registered.
    QCOMPARE(::write(m_pair[1], "y", 1), 1);
    QTRY_COMPARE_WITH_TIMEOUT(readActivations, 1, 5000);
    QCOMPARE(writeActivations, 1);
}

void tst_EpollEventDispatcher::postFromAnotherThreadWakesTheLoop()
{
    // A timer far away: only the post can wake the loop in time.
    QTimer idle;
    idle.start(60000);
    std::atomic<bool> done = false;
    std::unique_ptr<QThread> poster(QThread::create([&] {
        QMetaObject::invokeMethod(
            this, [&] { done = true; }, Qt::QueuedConnection);
    }));
    poster->start();
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QVERIFY(poster->wait(5000));
}

void tst_EpollEventDispatcher::threadWithTheDispatcherQuits()
{
    QThread thread;
    EpollEventDispatcher::install(&thread);
    QVERIFY(qobject_cast<EpollEventDispatcher *>(thread.eventDispatcher()));
    QObject context;
    context.moveToThread(&thread);
    std::atomic<int> ran = 0;
    thread.start();
    QMetaObject::invokeMethod(
        &context, [&] { ++ran; }, Qt::QueuedConnection);
    QTRY_COMPARE_WITH_TIMEOUT(ran.load(), 1, 5000);
    thread.quit();
    QVERIFY(thread.wait(5000));
}

void tst_EpollEventDispatcher::tcpEchoRoundTrip()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QTcpSocket *accepted = nullptr;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        accepted = server.nextPendingConnection();
        connect(accepted, &QTcpSocket::readyRead, accepted,
                [accepted] { accepted->write(accepted->readAll()); });
    });
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 5000);
    // More than the socket buffers hold: the writes wait for the write notifier.
    const QByteArray payload(4 * 1024 * 1024, 'z');
    client.write(payload);
    QByteArray echoed;
    connect(&client, &QTcpSocket::readyRead, this, [&] { echoed += client.readAll(); });
    QTRY_COMPARE_WITH_TIMEOUT(echoed.size(), payload.size(), 15000);
    QCOMPARE(echoed, payload);
}

int main(int argc, char **argv)
{
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    tst_EpollEventDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolleventdispatcher.moc"
