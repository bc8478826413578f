// `cxctl watch` over a cluster (issue 20): its model fed by hand (rates, down since, events),
// then the real cxctl over two real cxservers sharing two platform simulators, as plain
// lines (not a terminal) and in a terminal (tmux, and util-linux `script` for the raw
// escape sequences): one cxserver killed shows down with its time while the other's rows
// stay live.

#include "alwayson/header.h"
#include "command.h"
#include "cxserverprocess.h"
#include "managedprocess.h"
#include "staticcluster.h"
#include "status/clusterwatch.h"
#include "status/socketlist.h"
#include "terminalframe.h"
#include "testedge.h"
#include "testpaths.h"
#include "watchrenderer.h"

#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace cx;
using namespace Qt::StringLiterals;
using alwayson::Code;
using status::ClusterWatch;
using test::CxServerProcess;

namespace {

const QByteArray AppKey = "watch-app-key-4711";
constexpr quint32 EdgeId = 7;
constexpr int IntervalMs = 200;

// --- the model, fed by hand -----------------------------------------------------------------

status::InstanceStatus instance(const QString &id, const QString &state, quint64 routed,
                                quint64 errors = 0)
{
    status::InstanceStatus i;
    i.id = id;
    i.address = u"10.0.0.1"_s;
    i.port = 8080;
    i.state = state;
    i.pipesConnected = state == u"connected" ? 2 : 0;
    i.pipeCount = 2;
    i.routed = routed;
    i.errors = errors;
    return i;
}

status::StatusSnapshot snapshot(qint64 uptime, const QList<status::InstanceStatus> &instances)
{
    status::StatusSnapshot s;
    s.version = u"0.1.0"_s;
    s.uptimeSeconds = uptime;
    s.discoveryPlugin = u"static"_s;
    s.discoveryState = u"static"_s;
    s.routingPlugin = u"round-robin"_s;
    s.edgesConnected = 3;
    s.edgesAuthenticated = 2;
    s.instances = instances;
    return s;
}

const status::InstanceView *find(const status::ServerView &server, const QString &id)
{
    for (const status::InstanceView &v : server.instances) {
        if (v.status.id == id)
            return &v;
    }
    return nullptr;
}

bool hasEvent(const ClusterWatch &watch, const QString &text)
{
    for (const status::WatchEvent &e : watch.events()) {
        if (e.text.contains(text))
            return true;
    }
    return false;
}

// --- the real cxctl's output -----------------------------------------------------------------

const QRegularExpression Header(uR"(^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  cxctl watch:)"_s,
                                QRegularExpression::MultilineOption);

/// The complete blocks (header to the next header) of a plain-lines watch log after from.
QList<QString> blocks(const QByteArray &log, qsizetype from = 0)
{
    const QString text = QString::fromUtf8(log.mid(from));
    QList<qsizetype> starts;
    for (auto it = Header.globalMatch(text); it.hasNext();)
        starts.append(it.next().capturedStart());
    QList<QString> out;
    for (qsizetype n = 0; n + 1 < starts.size(); ++n)
        out.append(text.sliced(starts[n], starts[n + 1] - starts[n]));
    return out;
}

/// Section number (from 1) of a block or screen: from "[n] " to the next section or EVENTS.
QString section(const QString &block, int number)
{
    const qsizetype start = block.indexOf(u"\n[%1] "_s.arg(number));
    if (start < 0)
        return {};
    qsizetype end = block.indexOf(u"\n["_s, start + 1);
    if (end < 0)
        end = block.indexOf(u"\nEVENTS"_s, start);
    return end < 0 ? block.mid(start + 1) : block.sliced(start + 1, end - start - 1);
}

/// The events part of a block or screen.
QString events(const QString &block)
{
    const qsizetype start = block.indexOf(u"\nEVENTS\n"_s);
    return start < 0 ? QString() : block.mid(start);
}

/// The routed total and rate a section's summary line gives; {-1, -1} when none.
std::pair<qint64, double> routed(const QString &section)
{
    static const QRegularExpression pattern(uR"(routed (\d+) \(([\d.]+)/s\))"_s);
    const QRegularExpressionMatch m = pattern.match(section);
    if (!m.hasMatch())
        return {-1, -1};
    return {m.captured(1).toLongLong(), m.captured(2).toDouble()};
}

bool isUp(const QString &section)
{
    return section.contains(u": up | cxserver"_s);
}

/// "down since HH:MM:SS" of a section's first line; empty when it is not down.
QString downSince(const QString &section)
{
    static const QRegularExpression pattern(uR"(^\[\d+\] \S+: down since (\d\d:\d\d:\d\d))"_s);
    return pattern.match(section).captured(1);
}

/// Sends a GET request on the edge every 20 ms while it lives (so that routed totals rise).
class Traffic
{
public:
    explicit Traffic(test::TestEdge &edge)
    {
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer,
                         [this, &edge] { edge.request(quint8(Code::Get), m_next++, EdgeId); });
        m_timer.start(20);
    }

private:
    QTimer m_timer;
    quint32 m_next = 100;
};

/// A private tmux server (its own socket), ended with kill-server when this goes.
class Tmux
{
public:
    explicit Tmux(const QString &socket)
        : m_socket(socket)
    { }
    ~Tmux() { run({u"kill-server"_s}); }

    test::CommandResult run(const QStringList &args) const
    {
        test::RunOptions options;
        options.timeoutMs = 10000;
        options.environment.insert(u"TERM"_s, u"xterm-256color"_s);
        return test::runCommand(u"tmux"_s, QStringList {u"-S"_s, m_socket} + args, options);
    }
    /// The visible screen; with history, every line the pane ever scrolled away too.
    QString capture(bool history = false) const
    {
        QStringList args {u"capture-pane"_s, u"-p"_s, u"-t"_s, u"watch"_s};
        if (history)
            args << u"-S"_s << u"-"_s;
        return QString::fromUtf8(run(args).out);
    }

private:
    QString m_socket;
};

} // namespace

class tst_CxctlWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelRatesFromSuccessiveSnapshots();
    void modelDownSinceAndEvents();
    void modelForgetsGoneInstancesAndBoundsEvents();
    void rendererShowsDownWithTime();
    void terminalFrameNeverScrolls();
    void socketsFileSkipsComments();
    void plainLinesShowKilledServerDownAndOtherLive();
    void stoppedServerIsDownAfterSilence();
    void tmuxRedrawsInPlaceAndShowsKilledServerDown();
    void scriptSeesRedrawEscapes();

    void cleanup();

private:
    /// Two simulators and two cxservers on them, each connected to both.
    bool startCluster();
    QString settings() const;
    QStringList watchArguments() const;

    test::Sims m_sims;
    std::unique_ptr<CxServerProcess> m_a;
    std::unique_ptr<CxServerProcess> m_b;
};

void tst_CxctlWatch::cleanup()
{
    m_a.reset();
    m_b.reset();
    m_sims.clear();
}

QString tst_CxctlWatch::settings() const
{
    QStringList urls;
    for (const auto &sim : m_sims)
        urls << u'"' + sim->url() + u'"';
    return u"  transport.websockets.app-key = \"%1\"\n"
           "  transport.websockets.platforms = [%2]\n"_s.arg(QString::fromUtf8(AppKey),
                                                             urls.join(u", "_s));
}

bool tst_CxctlWatch::startCluster()
{
    m_sims = test::startSims(2, AppKey);
    if (m_sims.size() != 2)
        return false;
    m_a = std::make_unique<CxServerProcess>(u"cxserver-a"_s);
    m_b = std::make_unique<CxServerProcess>(u"cxserver-b"_s);
    return m_a->start(settings()) && m_b->start(settings()) && m_a->waitForInstances(2)
        && m_b->waitForInstances(2);
}

QStringList tst_CxctlWatch::watchArguments() const
{
    return {u"--socket"_s,      m_a->statusSocket(),         u"--socket"_s, m_b->statusSocket(),
            u"--interval-ms"_s, QString::number(IntervalMs), u"watch"_s};
}

void tst_CxctlWatch::modelRatesFromSuccessiveSnapshots()
{
    ClusterWatch watch({u"a"_s});
    const QDateTime t0(QDate(2024, 5, 1), QTime(12, 0, 0));
    watch.addSnapshot(0, snapshot(10, {instance(u"i1"_s, u"connected"_s, 100)}), t0);
    QVERIFY(!find(watch.servers()[0], u"i1"_s)->ratesKnown);
    watch.addSnapshot(0, snapshot(12, {instance(u"i1"_s, u"connected"_s, 300, 2)}), t0.addSecs(2));
    const status::InstanceView *i1 = find(watch.servers()[0], u"i1"_s);
    QVERIFY(i1->ratesKnown);
    QCOMPARE(i1->routedPerSecond, 100.0);
    QCOMPARE(i1->errorsPerSecond, 1.0);
    const status::WatchTotals totals = watch.totals();
    QCOMPARE(totals.routed, 300u);
    QCOMPARE(totals.routedPerSecond, 100.0);
    QCOMPARE(totals.edgesConnected, 3);

    // Lost and back: no rate across the gap; a restart (uptime back) says so.
    watch.markDown(0, u"gone"_s, t0.addSecs(3));
    QCOMPARE(watch.totals().routed, 0u); // a down server is not in the sums
    watch.addSnapshot(0, snapshot(1, {instance(u"i1"_s, u"connected"_s, 5)}), t0.addSecs(9));
    QVERIFY(!find(watch.servers()[0], u"i1"_s)->ratesKnown);
    QVERIFY(hasEvent(watch, u"a up again (restarted)"_s));
    watch.addSnapshot(0, snapshot(2, {instance(u"i1"_s, u"connected"_s, 5)}), t0.addSecs(10));
    QVERIFY(find(watch.servers()[0], u"i1"_s)->ratesKnown);
    QCOMPARE(find(watch.servers()[0], u"i1"_s)->routedPerSecond, 0.0);
}

void tst_CxctlWatch::modelDownSinceAndEvents()
{
    ClusterWatch watch({u"a"_s, u"b"_s});
    const QDateTime t0(QDate(2024, 5, 1), QTime(12, 0, 0));
    watch.addSnapshot(
        0,
        snapshot(10, {instance(u"i1"_s, u"connected"_s, 1), instance(u"i2"_s, u"connected"_s, 1)}),
        t0);
    QCOMPARE(watch.events().size(), 1);
    QVERIFY(hasEvent(watch, u"a up: cxserver 0.1.0, 2 instance(s)"_s));

    // A cxserver that cannot be reached: down since the first failure, one event.
    watch.markDown(1, u"not running"_s, t0.addSecs(1));
    watch.markDown(1, u"still not running"_s, t0.addSecs(2));
    const status::ServerView &b = watch.servers()[1];
    QVERIFY(!b.up);
    QCOMPARE(b.downSince, t0.addSecs(1));
    QCOMPARE(b.downReason, u"still not running"_s);
    QCOMPARE(watch.events().size(), 2);
    QVERIFY(hasEvent(watch, u"b down: not running"_s));

    // An instance leaves the reply, another goes down, a third comes.
    auto down = instance(u"i1"_s, u"down"_s, 1);
    down.lastError = u"connection refused"_s;
    watch.addSnapshot(0, snapshot(13, {down, instance(u"i3"_s, u"connecting"_s, 0)}),
                      t0.addSecs(3));
    const status::ServerView &a = watch.servers()[0];
    QCOMPARE(a.instances.size(), 3);
    const status::InstanceView *i2 = find(a, u"i2"_s);
    QVERIFY(i2 && i2->isGone());
    QCOMPARE(i2->goneSince, t0.addSecs(3));
    QCOMPARE(find(a, u"i1"_s)->stateSince, t0.addSecs(3));
    QVERIFY(!find(a, u"i3"_s)->isGone());
    QVERIFY(hasEvent(watch, u"a: instance i2 removed"_s));
    QVERIFY(hasEvent(watch, u"a: instance i1 connected -> down: connection refused"_s));
    QVERIFY(hasEvent(watch, u"a: instance i3 added (connecting)"_s));
    // Still gone a snapshot later: down since the same time, no second event.
    const auto eventCount = watch.events().size();
    watch.addSnapshot(0, snapshot(14, {down, instance(u"i3"_s, u"connecting"_s, 0)}),
                      t0.addSecs(4));
    QCOMPARE(find(watch.servers()[0], u"i2"_s)->goneSince, t0.addSecs(3));
    QCOMPARE(watch.events().size(), eventCount);
    // Back in the reply.
    watch.addSnapshot(0, snapshot(15, {down, instance(u"i2"_s, u"connected"_s, 1)}), t0.addSecs(5));
    QVERIFY(!find(watch.servers()[0], u"i2"_s)->isGone());
    QVERIFY(hasEvent(watch, u"a: instance i2 back (connected)"_s));
}

void tst_CxctlWatch::modelForgetsGoneInstancesAndBoundsEvents()
{
    ClusterWatch watch({u"a"_s}, 3, 60 * 1000);
    const QDateTime t0(QDate(2024, 5, 1), QTime(12, 0, 0));
    watch.addSnapshot(0, snapshot(1, {instance(u"i1"_s, u"connected"_s, 0)}), t0);
    watch.addSnapshot(0, snapshot(2, {}), t0.addSecs(1));
    QCOMPARE(watch.servers()[0].instances.size(), 1);
    watch.addSnapshot(0, snapshot(30, {}), t0.addSecs(30));
    QCOMPARE(watch.servers()[0].instances.size(), 1);
    watch.addSnapshot(0, snapshot(61, {}), t0.addSecs(61));
    QCOMPARE(watch.servers()[0].instances.size(), 0);

    for (int n = 0; n < 5; ++n) {
        watch.markDown(0, u"reason %1"_s.arg(n), t0.addSecs(100 + 2 * n));
        watch.addSnapshot(0, snapshot(1, {}), t0.addSecs(101 + 2 * n));
    }
    QCOMPARE(watch.events().size(), 3);
    QVERIFY(watch.events().last().text.contains(u"up again"_s));
    QVERIFY(watch.events().first().at <= watch.events().last().at);
}

void tst_CxctlWatch::rendererShowsDownWithTime()
{
    ClusterWatch watch({u"/run/a.sock"_s, u"/run/b.sock"_s});
    const QDateTime t0(QDate(2024, 5, 1), QTime(12, 0, 0));
    watch.addSnapshot(
        0,
        snapshot(10,
                 {instance(u"i1"_s, u"connected"_s, 10), instance(u"i2"_s, u"connected"_s, 10)}),
        t0);
    auto i1 = instance(u"i1"_s, u"connected"_s, 30);
    i1.lastError = u"TLS handshake failed"_s;
    i1.lastErrorAt = t0.toUTC().toString(Qt::ISODate);
    watch.addSnapshot(0, snapshot(12, {i1}), t0.addSecs(2));
    watch.markDown(1, u"not running"_s, t0.addSecs(2));
    const QString text = ctl::renderWatch(watch, t0.addSecs(3), 1000);
    QVERIFY2(!text.contains(u'\x1b'), qPrintable(text));
    QVERIFY2(text.startsWith(u"2024-05-01 12:00:03  cxctl watch: 2 cxserver(s), 1 up, 1 down"_s),
             qPrintable(text));
    QVERIFY2(text.contains(u"[2] /run/b.sock: down since 12:00:02"_s), qPrintable(text));
    QVERIFY2(text.contains(u"down since 12:00:02 (removed)"_s), qPrintable(text));
    QVERIFY2(text.contains(u"routed 30 (10.0/s)"_s), qPrintable(text));
    QVERIFY2(text.contains(u"12:00:00 TLS handshake failed"_s), qPrintable(text));
    QVERIFY2(text.contains(u"ws://10.0.0.1:8080"_s), qPrintable(text));
    QVERIFY2(text.contains(u"\nEVENTS\n12:00:00  /run/a.sock up"_s), qPrintable(text));
    const QString row = text.split(u'\n').filter(u"i1 "_s).value(0);
    QVERIFY2(row.contains(QRegularExpression(u"connected +2/2 +0 +30 +10\\.0 +0 +0\\.0"_s)),
             qPrintable(row));
}

void tst_CxctlWatch::terminalFrameNeverScrolls()
{
    QStringList lines;
    for (int n = 0; n < 30; ++n)
        lines << u"line %1 "_s.arg(n) + QString(40, u'x');
    const QString frame = ctl::terminalFrame(lines.join(u'\n') + u'\n', ctl::TerminalSize {10, 20});
    QVERIFY(frame.startsWith(u"\x1b[H"_s));
    QVERIFY(frame.endsWith(u"\x1b[K\x1b[J"_s));
    QCOMPARE(frame.count(u'\n'), 9); // 10 rows, no newline after the last
    QVERIFY(frame.contains(u"21 more line(s)"_s));
    for (QString line : frame.split(u'\n')) {
        line.remove(u"\x1b[H"_s).remove(u"\x1b[K"_s).remove(u"\x1b[J"_s);
        QVERIFY2(line.size() <= 20, qPrintable(line));
    }
    const QString small = ctl::terminalFrame(u"a\nb\n"_s, std::nullopt);
    QCOMPARE(small, u"\x1b[Ha\x1b[K\nb\x1b[K\x1b[J"_s);
}

void tst_CxctlWatch::socketsFileSkipsComments()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"sockets"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# the demo's cxservers\n/run/a.sock\n\n  /run/b.sock  # second\n#/run/c.sock\n");
    file.close();
    const auto sockets = status::readSocketsFile(file.fileName());
    QVERIFY(sockets.ok());
    QCOMPARE(sockets.value(), (QStringList {u"/run/a.sock"_s, u"/run/b.sock"_s}));
    QVERIFY(!status::readSocketsFile(dir.filePath(u"missing"_s)).ok());
    QCOMPARE(status::uniqueSockets({u"a"_s, u"b"_s, u"a"_s}), (QStringList {u"a"_s, u"b"_s}));

    // Through cxctl: a file naming none is a usage error (exit 1).
    QFile empty(dir.filePath(u"empty"_s));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.write("# nothing\n");
    empty.close();
    const test::CommandResult r = test::runCommand(
        test::binaryPath(u"cxctl"_s), {u"--sockets-file"_s, empty.fileName(), u"watch"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("names no socket"), r.err.constData());
    const test::CommandResult two = test::runCommand(
        test::binaryPath(u"cxctl"_s), {u"--socket"_s, u"a"_s, u"--socket"_s, u"b"_s, u"status"_s});
    QCOMPARE(two.exitCode, 1);
}

void tst_CxctlWatch::plainLinesShowKilledServerDownAndOtherLive()
{
    QVERIFY(startCluster());
    // Both sockets from a sockets file plus one repeated --socket (counted once).
    QTemporaryDir dir;
    QFile list(dir.filePath(u"sockets"_s));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write("# two cxservers\n" + m_a->statusSocket().toUtf8() + '\n'
               + m_b->statusSocket().toUtf8() + " # b\n");
    list.close();
    test::ManagedProcess watch(u"cxctl-watch"_s);
    QVERIFY(watch.start(test::binaryPath(u"cxctl"_s),
                        {u"--socket"_s, m_a->statusSocket(), u"--sockets-file"_s, list.fileName(),
                         u"--interval-ms"_s, QString::number(IntervalMs), u"watch"_s}));

    const auto latest = [&](qsizetype from = 0) {
        const QList<QString> all = blocks(watch.log(), from);
        return all.isEmpty() ? QString() : all.last();
    };
    // Workers publish their statistics on their tick: a server is up before its first snapshot
    // names the instances it has connected to.
    const auto bothUpWithInstances = [&] {
        const QString now = latest();
        if (!isUp(section(now, 1)) || !isUp(section(now, 2)))
            return false;
        for (const auto &sim : m_sims)
            if (!section(now, 2).contains(sim->url()))
                return false;
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(bothUpWithInstances(), 10000);
    QString block = latest();
    QVERIFY2(!block.contains(u'\x1b'), qPrintable(block)); // not a terminal: no escapes
    QVERIFY2(block.contains(u"2 cxserver(s), 2 up, 0 down  (every 200 ms"_s), qPrintable(block));
    QVERIFY(section(block, 1).contains(m_a->statusSocket()));
    QVERIFY(section(block, 2).contains(m_b->statusSocket()));

    // Traffic on b all along, so that its totals rise.
    test::TestEdge edge;
    QVERIFY(edge.open(m_b->edgeUrl()));
    QCOMPARE(edge.authenticate(AppKey, EdgeId), int(Code::Success));
    Traffic traffic(edge);
    QTRY_VERIFY_WITH_TIMEOUT(routed(section(latest(), 2)).first >= 10, 10000);

    const QTime killedAt = QTime::currentTime();
    const qsizetype killedFrom = watch.log().size();
    m_a->kill();
    QTRY_VERIFY_WITH_TIMEOUT(!downSince(section(latest(killedFrom), 1)).isEmpty(), 5000);
    block = latest(killedFrom);
    const QString a = section(block, 1);
    const QTime since = QTime::fromString(downSince(a), u"HH:mm:ss"_s);
    QVERIFY2(since.isValid() && qAbs(killedAt.secsTo(since)) <= 3, qPrintable(a));
    QVERIFY2(a.contains(u"retrying"_s), qPrintable(a));
    QVERIFY2(block.contains(u"1 up, 1 down"_s), qPrintable(block));
    // The down is an event, with its time.
    const QRegularExpression downEvent(
        u"^\\d\\d:\\d\\d:\\d\\d  %1 down: "_s.arg(QRegularExpression::escape(m_a->statusSocket())),
        QRegularExpression::MultilineOption);
    QVERIFY2(events(block).contains(downEvent), qPrintable(block));

    // b stays live: up, its instances connected, its routed total rising at a rate.
    const qint64 before = routed(section(block, 2)).first;
    QVERIFY(before >= 10);
    const qsizetype liveFrom = watch.log().size();
    QTRY_VERIFY_WITH_TIMEOUT(routed(section(latest(liveFrom), 2)).first >= before + 20, 10000);
    block = latest(liveFrom);
    QVERIFY2(isUp(section(block, 2)), qPrintable(block));
    QVERIFY2(routed(section(block, 2)).second > 0, qPrintable(block));
    QVERIFY2(!downSince(section(block, 1)).isEmpty(), qPrintable(block)); // still down
    for (const auto &sim : m_sims) {
        const QString row = section(block, 2).split(u'\n').filter(sim->url()).value(0);
        QVERIFY2(row.contains(u" connected "_s), qPrintable(block));
    }

    // a back on the same socket: up again, said in the events.
    QVERIFY(m_a->start(settings()));
    QTRY_VERIFY_WITH_TIMEOUT(isUp(section(latest(liveFrom), 1)), 10000);
    QVERIFY2(events(latest(liveFrom)).contains(m_a->statusSocket() + u" up again"_s),
             qPrintable(latest(liveFrom)));
    QVERIFY(watch.isRunning());
    QCOMPARE(watch.stop(), 0);
}

void tst_CxctlWatch::stoppedServerIsDownAfterSilence()
{
    // A cxserver stopped with SIGSTOP keeps its socket open but answers nothing.
    QVERIFY(startCluster());
    test::ManagedProcess watch(u"cxctl-watch"_s);
    QVERIFY(watch.start(test::binaryPath(u"cxctl"_s), watchArguments()));
    const auto latest = [&](qsizetype from) {
        const QList<QString> all = blocks(watch.log(), from);
        return all.isEmpty() ? QString() : all.last();
    };
    QTRY_VERIFY_WITH_TIMEOUT(isUp(section(latest(0), 1)) && isUp(section(latest(0), 2)), 10000);
    const qsizetype pausedFrom = watch.log().size();
    m_a->pause();
    auto resume = qScopeGuard([&] { m_a->resume(); });
    QTRY_VERIFY_WITH_TIMEOUT(!downSince(section(latest(pausedFrom), 1)).isEmpty(), 8000);
    QVERIFY2(section(latest(pausedFrom), 1).contains(u"no status for"_s),
             qPrintable(latest(pausedFrom)));
    QVERIFY(isUp(section(latest(pausedFrom), 2)));
    resume.dismiss();
    m_a->resume();
    const qsizetype resumedFrom = watch.log().size();
    QTRY_VERIFY_WITH_TIMEOUT(isUp(section(latest(resumedFrom), 1)), 10000);
    QCOMPARE(watch.stop(), 0);
}

void tst_CxctlWatch::tmuxRedrawsInPlaceAndShowsKilledServerDown()
{
    if (QStandardPaths::findExecutable(u"tmux"_s).isEmpty())
        QSKIP("tmux is not installed (Debian package tmux)");
    QVERIFY(startCluster());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Tmux tmux(dir.filePath(u"tmux.sock"_s));
    QStringList command {test::binaryPath(u"cxctl"_s)};
    for (const QString &arg : watchArguments())
        command << u'\'' + arg + u'\'';
    const test::CommandResult started
        = tmux.run({u"new-session"_s, u"-d"_s, u"-s"_s, u"watch"_s, u"-x"_s, u"200"_s, u"-y"_s,
                    u"50"_s, command.join(u' ')});
    QVERIFY2(started.exitCode == 0, started.describe().constData());

    QTRY_VERIFY_WITH_TIMEOUT(isUp(section(tmux.capture(), 1)) && isUp(section(tmux.capture(), 2)),
                             10000);
    test::TestEdge edge;
    QVERIFY(edge.open(m_b->edgeUrl()));
    QCOMPARE(edge.authenticate(AppKey, EdgeId), int(Code::Success));
    Traffic traffic(edge);
    QTRY_VERIFY_WITH_TIMEOUT(routed(section(tmux.capture(), 2)).first >= 10, 10000);
    // Drawn in place: the header on the first line, once on the screen and in the history.
    QString screen = tmux.capture();
    QVERIFY2(screen.contains(Header) && Header.match(screen).capturedStart() == 0,
             qPrintable(screen));
    QCOMPARE(tmux.capture(true).count(Header), 1);

    m_a->kill();
    QTRY_VERIFY_WITH_TIMEOUT(!downSince(section(tmux.capture(), 1)).isEmpty(), 5000);
    screen = tmux.capture();
    QVERIFY2(events(screen).contains(m_a->statusSocket() + u" down: "_s), qPrintable(screen));
    const qint64 before = routed(section(screen, 2)).first;
    QVERIFY2(isUp(section(screen, 2)) && before > 0, qPrintable(screen));
    QTRY_VERIFY_WITH_TIMEOUT(routed(section(tmux.capture(), 2)).first >= before + 20, 10000);
    screen = tmux.capture();
    QVERIFY2(!downSince(section(screen, 1)).isEmpty(), qPrintable(screen));
    QVERIFY2(routed(section(screen, 2)).second > 0, qPrintable(screen));
    for (const auto &sim : m_sims)
        QVERIFY2(section(screen, 2).contains(sim->url()), qPrintable(screen));
    // CX_SHOW_SCREEN=1 prints the pane: what an operator sees after the kill.
    if (qEnvironmentVariableIsSet("CX_SHOW_SCREEN"))
        qInfo("%s", qPrintable(tmux.capture()));
    // Many redraws later still one header: nothing scrolled.
    QCOMPARE(tmux.capture(true).count(Header), 1);
}

void tst_CxctlWatch::scriptSeesRedrawEscapes()
{
    if (QStandardPaths::findExecutable(u"script"_s).isEmpty())
        QSKIP("script is not installed (Debian package bsdutils)");
    QVERIFY(startCluster());
    QStringList command {test::binaryPath(u"cxctl"_s)};
    for (const QString &arg : watchArguments())
        command << u'\'' + arg + u'\'';
    test::ManagedProcess script(u"script-cxctl-watch"_s);
    QVERIFY(script.start(u"script"_s, {u"-qfc"_s, command.join(u' '), u"/dev/null"_s}));
    QTRY_VERIFY_WITH_TIMEOUT(script.log().count("cxctl watch:") >= 4, 10000);
    // Every header is drawn from the top of the screen: cursor home right before it.
    const QByteArray log = script.log();
    const QRegularExpression stamp(uR"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  cxctl watch:)"_s);
    int headers = 0;
    for (auto it = stamp.globalMatch(QString::fromUtf8(log)); it.hasNext(); ++headers) {
        const QRegularExpressionMatch m = it.next();
        QVERIFY2(QString::fromUtf8(log).mid(m.capturedStart() - 3, 3) == u"\x1b[H"_s,
                 log.constData());
    }
    QVERIFY(headers >= 4);
    QVERIFY(log.contains("\x1b[K"));
    QVERIFY(log.contains("\x1b[J"));
    script.stop(3000);
}

QTEST_MAIN(tst_CxctlWatch)
#include "tst_cxctlwatch.moc"
