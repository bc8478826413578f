#pragma once

#include <QTcpServer>
#include <vector>

namespace cx::server {

class Worker;

/// The edge listener (protocol.md §1): accepts on the main thread and hands each socket
/// descriptor to a worker with a fresh endpointId (protocol.md §5). The worker is
/// endpointId % workers, so any thread can tell an edge's owner from its endpointId.
class EdgeAcceptor : public QTcpServer
{
    Q_OBJECT
public:
    explicit EdgeAcceptor(std::vector<Worker *> workers, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    quint32 nextEndpointId();

    std::vector<Worker *> m_workers;
    quint32 m_lastEndpointId = 0;
};

} // namespace cx::server
