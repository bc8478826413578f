#pragma once

#include "tcplistener.h"

#include <vector>

namespace cx::server {

class Worker;

/// The edge listener (protocol.md §1): accepts on the main thread (TcpListener) and hands
/// each socket descriptor to a worker with a fresh endpointId (protocol.md §5). The worker
/// is endpointId % workers, so any thread can tell an edge's owner from its endpointId.
class EdgeAcceptor : public TcpListener
{
    Q_OBJECT
public:
    explicit EdgeAcceptor(std::vector<Worker *> workers, QObject *parent = nullptr);

    /// Listens on \a address and \a port; false with errorString() when it cannot.
    bool listen(const QHostAddress &address, quint16 port);

private:
    void dispatch(qintptr descriptor);
    quint32 nextEndpointId();

    std::vector<Worker *> m_workers;
    quint32 m_lastEndpointId = 0;
};

} // namespace cx::server
