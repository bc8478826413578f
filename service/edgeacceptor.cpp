#include "edgeacceptor.h"

#include "worker.h"

namespace cx::server {

namespace {
constexpr int Backlog = 4096; ///< many devices reconnect at once after an outage
} // namespace

EdgeAcceptor::EdgeAcceptor(std::vector<Worker *> workers, QObject *parent)
    : TcpListener(
        QStringLiteral("edge"), [this](qintptr descriptor) { dispatch(descriptor); }, parent)
    , m_workers(std::move(workers))
{ }

bool EdgeAcceptor::listen(const QHostAddress &address, quint16 port)
{
    return TcpListener::listen(address, port, Backlog);
}

quint32 EdgeAcceptor::nextEndpointId()
{
    // Sequential, never 0: an id comes back only after 2^32 - 1 allocations.
    if (++m_lastEndpointId == 0)
        m_lastEndpointId = 1;
    return m_lastEndpointId;
}

void EdgeAcceptor::dispatch(qintptr descriptor)
{
    const quint32 endpointId = nextEndpointId();
    Worker *worker = m_workers[endpointId % m_workers.size()];
    QMetaObject::invokeMethod(
        worker,
        [worker, descriptor, endpointId] { worker->adoptConnection(descriptor, endpointId); },
        Qt::QueuedConnection);
}

} // namespace cx::server
