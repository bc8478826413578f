#include "simulator.h"

#include "codetext.h"
#include "simstats.h"
#include "simworker.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <alwayson/codes.h>

using namespace Qt::StringLiterals;

namespace cx::platformsim {

namespace {
constexpr int ListenBacklog = 4096; ///< the kernel caps it at net.core.somaxconn
}

Simulator::Simulator(SimConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_acceptor(this)
    , m_paused(m_config.startPaused)
{
    connect(&m_acceptor, &Acceptor::accepted, this, [this](qintptr descriptor) {
        SimWorker *worker = m_workers.at(m_nextWorker);
        m_nextWorker = (m_nextWorker + 1) % m_workers.size();
        QMetaObject::invokeMethod(worker, [worker, descriptor] { worker->adopt(descriptor); });
    });
}

Simulator::~Simulator()
{
    m_acceptor.close();
    for (qsizetype i = 0; i < m_workers.size(); ++i) {
        eventloop::deleteInItsThread(m_workers.at(i));
        m_threads[size_t(i)]->stop();
    }
}

Result<void> Simulator::start()
{
    for (int i = 0; i < m_config.threads; ++i) {
        auto thread = std::make_unique<eventloop::WorkerThread>();
        auto *worker = new SimWorker(m_config, i);
        worker->moveToThread(thread->start(u"platformsim-worker-"_s + QString::number(i),
                                           m_config.epoll
                                               ? eventloop::WorkerThread::Dispatcher::Epoll
                                               : eventloop::WorkerThread::Dispatcher::Qt));
        connect(worker, &SimWorker::controlCommand, this,
                [this, worker](quint64 connectionId, const QByteArray &line) {
                    const QByteArray reply = execute(line);
                    if (!reply.isEmpty())
                        QMetaObject::invokeMethod(worker, [worker, connectionId, reply] {
                            worker->sendControlReply(connectionId, reply);
                        });
                });
        m_threads.push_back(std::move(thread));
        m_workers.append(worker);
    }
    // Qt's default backlog (50) drops SYNs when hundreds of pipes or edges connect at once,
    // which costs them a one-second retransmission.
    m_acceptor.setListenBacklogSize(ListenBacklog);
    if (!m_acceptor.listen(m_config.host, m_config.port)) {
        return Error(u"cannot listen on "_s + m_config.host.toString() + u':'
                     + QString::number(m_config.port) + u": "_s + m_acceptor.errorString());
    }
    // ZooKeeper registration (--zookeeper, ZooKeeperRegistration) follows in main(), once
    // the listening address is known.
    return {};
}

QByteArray Simulator::execute(const QByteArray &line)
{
    const QList<QByteArray> words = line.simplified().split(' ');
    const QByteArray command = words.value(0);
    if (command.isEmpty())
        return {};
    if (command == "stats")
        return statsLine();
    if (command == "egress")
        return egress(words);
    if (command == "pause" || command == "resume") {
        m_paused = command == "pause";
        for (SimWorker *worker : std::as_const(m_workers)) {
            const bool paused = m_paused;
            QMetaObject::invokeMethod(
                worker, [worker, paused] { worker->setPaused(paused); },
                Qt::BlockingQueuedConnection);
        }
        return m_paused ? "paused" : "resumed";
    }
    if (command == "quit") {
        Q_EMIT quitRequested();
        return "bye";
    }
    if (command == "help")
        return "commands: stats | egress <endpointId> <code> [count] | pause | resume | quit";
    return "error: unknown command \"" + command + "\"; try help";
}

QByteArray Simulator::statsLine() const
{
    SimStats total;
    for (SimWorker *worker : m_workers) {
        SimStats stats;
        QMetaObject::invokeMethod(
            worker, [worker, &stats] { stats = worker->stats(); }, Qt::BlockingQueuedConnection);
        total.merge(stats);
    }
    QJsonObject json = total.toJson();
    json.insert(u"id"_s, m_config.id);
    json.insert(u"paused"_s, m_paused);
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QByteArray Simulator::egress(const QList<QByteArray> &words)
{
    const QByteArray usage = "error: usage: egress <endpointId> <code> [count]";
    if (words.size() < 3 || words.size() > 4)
        return usage;
    bool ok = false;
    const quint32 endpointId = words.at(1).toUInt(&ok);
    const std::optional<quint8> code = tools::parseCode(QString::fromLatin1(words.at(2)));
    const int count = words.size() == 4 ? words.at(3).toInt() : 1;
    if (!ok || !code || alwayson::isResponse(*code) || count < 1)
        return usage + " (a request code, a count of at least 1)";
    for (SimWorker *worker : std::as_const(m_workers)) {
        int sent = -1;
        QMetaObject::invokeMethod(
            worker,
            [worker, endpointId, code, count, &sent] {
                sent = worker->sendEgress(endpointId, *code, count);
            },
            Qt::BlockingQueuedConnection);
        if (sent >= 0)
            return "egress sent " + QByteArray::number(sent) + " to endpoint "
                + QByteArray::number(endpointId);
    }
    return "error: endpoint " + QByteArray::number(endpointId) + " is not known";
}

} // namespace cx::platformsim
