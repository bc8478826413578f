#include "upstreamset.h"

#include "platformpipe.h"
#include "rendezvous.h"
#include "tunnelrelay.h"
#include "workerlog.h"

#include <QDateTime>
#include <QStringList>
#include <algorithm>

namespace cx::server {

UpstreamSet::UpstreamSet(int workerIndex, int pipesPerInstance, PipeFactory makePipe,
                         std::function<void()> connectivityChanged)
    : m_workerIndex(workerIndex)
    , m_pipesPerInstance(pipesPerInstance)
    , m_makePipe(std::move(makePipe))
    , m_connectivityChanged(std::move(connectivityChanged))
{ }

UpstreamSet::~UpstreamSet() = default; // the pipes belong to their parent, not to the links

std::unique_ptr<InstanceLink> UpstreamSet::makeLink(const plugin::PlatformInstance &instance)
{
    auto link = std::make_unique<InstanceLink>();
    link->instance = instance;
    for (int i = 0; i < m_pipesPerInstance; ++i) {
        const quint32 serial = m_nextPipeSerial++;
        PlatformPipe *pipe = m_makePipe(*link, serial);
        link->pipes.push_back(pipe);
        m_pipesBySerial.insert(serial, pipe);
        pipe->open();
    }
    return link;
}

void UpstreamSet::setMembership(const plugin::Membership &membership)
{
    std::vector<std::unique_ptr<InstanceLink>> next;
    next.reserve(size_t(membership.size()));
    for (const plugin::PlatformInstance &instance : membership) {
        auto same = std::find_if(m_links.begin(), m_links.end(), [&](const auto &link) {
            return link && link->instance == instance;
        });
        if (same != m_links.end())
            next.push_back(std::move(*same));
        else
            next.push_back(makeLink(instance));
    }
    // Install the new list first: draining below reaches code that walks m_links.
    std::vector<std::unique_ptr<InstanceLink>> removed;
    for (auto &gone : m_links) {
        if (gone)
            removed.push_back(std::move(gone));
    }
    m_links = std::move(next);
    for (auto &gone : removed) {
        qCInfo(lcWorker) << "worker" << m_workerIndex << "drains removed instance"
                         << gone->instance.id;
        gone->draining = true;
        for (const QPointer<TunnelRelay> &tunnel : gone->tunnels) {
            if (tunnel)
                tunnel->instanceLost();
        }
        gone->tunnels.clear();
        InstanceLink *link = gone.get();
        m_removedLinks.push_back(std::move(gone));
        for (PlatformPipe *pipe : std::vector<PlatformPipe *>(link->pipes))
            closePipeIfIdle(*pipe); // may delete the link once its last pipe is gone
    }
    updateConnectivity();
}

bool UpstreamSet::isCandidate(int instance, quint32 endpointId) const
{
    const InstanceLink &link = *m_links[size_t(instance)];
    return link.isConnected() && link.pipeFor(endpointId)->isWritable();
}

void UpstreamSet::pipeConnected(PlatformPipe &pipe)
{
    InstanceLink &link = pipe.link();
    link.connected.push_back(&pipe);
    if (link.connected.size() > 1)
        return;
    if (link.failureLogged) // the recovery is said once too
        qCInfo(lcWorker).noquote()
            << "worker" << m_workerIndex << "reached instance" << link.instance.id << "again";
    else
        qCInfo(lcWorker) << "worker" << m_workerIndex << "connected to instance"
                         << link.instance.id;
    link.failureLogged = false;
    updateConnectivity();
}

void UpstreamSet::pipeLost(PlatformPipe &pipe)
{
    InstanceLink &link = pipe.link();
    std::erase(link.connected, &pipe);
    if (link.isConnected())
        return;
    qCWarning(lcWorker) << "worker" << m_workerIndex << "lost instance" << link.instance.id;
    for (const QPointer<TunnelRelay> &tunnel : link.tunnels) {
        if (tunnel)
            tunnel->instanceLost();
    }
    link.tunnels.clear();
    updateConnectivity();
}

void UpstreamSet::pipeFailed(PlatformPipe &pipe, const QString &reason)
{
    InstanceLink &link = pipe.link();
    link.lastError = reason;
    link.lastErrorAtMs = QDateTime::currentMSecsSinceEpoch();
    // Once per change of state (docs/operations.md "Logs"): the first failure of an
    // instance this worker cannot reach, and again only after it was reached.
    if (link.isConnected() || link.failureLogged)
        return;
    link.failureLogged = true;
    qCWarning(lcWorker).noquote() << "worker" << m_workerIndex << "cannot reach instance"
                                  << link.instance.id << u'(' + pipe.url().toDisplayString() + u"):"
                                  << reason + u"; retrying";
}

void UpstreamSet::updateConnectivity()
{
    int connected = 0;
    for (const auto &link : m_links)
        connected += link->isConnected() ? 1 : 0;
    const int before = m_connectedInstances.exchange(connected, std::memory_order_relaxed);
    if ((before == 0) != (connected == 0))
        m_connectivityChanged();
}

void UpstreamSet::closePipeIfIdle(PlatformPipe &pipe)
{
    InstanceLink *link = &pipe.link();
    if (!link->draining || !pipe.outstanding.isEmpty()
        || pipe.state() == PlatformPipe::State::Closed)
        return;
    pipe.close();
    m_pipesBySerial.remove(pipe.serial());
    std::erase(link->pipes, &pipe);
    pipe.deleteLater();
    if (link->pipes.empty())
        std::erase_if(m_removedLinks,
                      [link](const auto &candidate) { return candidate.get() == link; });
}

void UpstreamSet::closeAll()
{
    for (auto *links : {&m_links, &m_removedLinks}) {
        for (auto &link : *links) {
            for (PlatformPipe *pipe : link->pipes)
                pipe->close();
        }
    }
}

InstanceLink *UpstreamSet::tunnelLink(QByteArrayView target) const
{
    // Rendezvous over the membership discovery reports, the same list in every cxserver of
    // the cluster, skipping instances this worker has no pipe to, in weight order
    // (protocol.md §8). The path was checked raw (edgepath.h).
    const qsizetype question = target.indexOf('?');
    const QByteArray key
        = tunnelMeetingKey(question < 0 ? target : target.first(question),
                           question < 0 ? QByteArrayView() : target.sliced(question + 1));
    QStringList ids;
    for (const auto &link : m_links)
        ids << link->instance.id;
    for (const int index : rendezvousOrder(key, ids)) {
        InstanceLink *link = m_links[size_t(index)].get();
        if (link->isConnected())
            return link;
    }
    return nullptr;
}

int UpstreamSet::liveTunnels() const
{
    int live = 0;
    for (const auto *links : {&m_links, &m_removedLinks}) {
        for (const auto &link : *links)
            live += int(std::count_if(link->tunnels.begin(), link->tunnels.end(),
                                      [](const QPointer<TunnelRelay> &t) { return !t.isNull(); }));
    }
    return live;
}

} // namespace cx::server
