#pragma once

#include "instancelink.h"
#include "plugin/routing.h"

#include <QByteArrayView>
#include <QHash>
#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace cx::server {

class PlatformPipe;

/// The platform instances as one worker reaches them, the first of a worker's three parts
/// (the others: the requests in flight and the edge sessions). It holds one InstanceLink
/// per instance of the membership with the worker's own pipes to it, in membership order;
/// tells the routing backend which instances are candidates (connected, and the pipe for
/// the endpoint writable); keeps the links of removed instances until their last request is
/// answered; and finds the instance a tunnel meets. It makes no request and reads no
/// message: the worker does, and tells it what happens to the pipes.
class UpstreamSet final : public plugin::RoutingCandidates
{
public:
    /// Makes the pipe with \a serial to \a link's instance (the set opens it).
    using PipeFactory = std::function<PlatformPipe *(InstanceLink &link, quint32 serial)>;

    /// \a workerIndex names the worker in log lines; each instance gets \a pipesPerInstance
    /// pipes from \a makePipe; \a connectivityChanged is called when connectedInstances()
    /// goes to or from zero.
    UpstreamSet(int workerIndex, int pipesPerInstance, PipeFactory makePipe,
                std::function<void()> connectivityChanged);
    ~UpstreamSet() override;

    /// Takes a new membership: instances that stay keep their link and pipes, new ones get
    /// new pipes, removed ones drain (no new request, tunnels told, pipes closed once idle).
    /// Link indices change; the caller tells its routing backend.
    void setMembership(const plugin::Membership &membership);

    /// The link of routable instance \a index (0 .. count()-1).
    InstanceLink &link(int index) const { return *m_links[size_t(index)]; }
    /// The routable links, in membership order.
    const std::vector<std::unique_ptr<InstanceLink>> &links() const { return m_links; }
    /// The pipe with \a serial, while it is not closed for good; else nullptr.
    PlatformPipe *pipe(quint32 serial) const { return m_pipesBySerial.value(serial); }
    /// Instances with at least one connected pipe. Any thread.
    int connectedInstances() const { return m_connectedInstances.load(std::memory_order_relaxed); }
    /// The instance a tunnel to \a target (path and query) runs through: the first connected
    /// one in rendezvous order over the membership (protocol.md §8); nullptr when none is.
    InstanceLink *tunnelLink(QByteArrayView target) const;
    /// Tunnels open through any instance, removed ones included.
    int liveTunnels() const;

    /// \a pipe passed its AUTH.
    void pipeConnected(PlatformPipe &pipe);
    /// \a pipe was connected and is not any more. When it was its instance's last, the
    /// instance's tunnels are told. The pipe's outstanding requests are the caller's.
    void pipeLost(PlatformPipe &pipe);
    /// An attempt of \a pipe to connect failed: kept for the status, logged once per outage.
    void pipeFailed(PlatformPipe &pipe, const QString &reason);
    /// When \a pipe belongs to a removed instance and carries no request, closes it for good
    /// (deleted later) and forgets the instance with its last pipe.
    void closePipeIfIdle(PlatformPipe &pipe);
    /// Closes every pipe for good (shutdown).
    void closeAll();

    // plugin::RoutingCandidates
    int count() const override { return int(m_links.size()); }
    bool isCandidate(int instance, quint32 endpointId) const override;
    int inFlight(int instance) const override { return m_links[size_t(instance)]->inFlight; }

private:
    std::unique_ptr<InstanceLink> makeLink(const plugin::PlatformInstance &instance);
    void updateConnectivity();

    const int m_workerIndex;
    const int m_pipesPerInstance;
    PipeFactory m_makePipe;
    std::function<void()> m_connectivityChanged;
    std::vector<std::unique_ptr<InstanceLink>> m_links; ///< routable, in membership order
    std::vector<std::unique_ptr<InstanceLink>> m_removedLinks; ///< finishing their requests
    QHash<quint32, PlatformPipe *> m_pipesBySerial;
    quint32 m_nextPipeSerial = 1;
    std::atomic<int> m_connectedInstances {0};
};

} // namespace cx::server
