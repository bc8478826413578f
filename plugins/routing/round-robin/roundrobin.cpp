#include "roundrobin.h"

namespace cx::roundrobin {

RoundRobin::RoundRobin(int workerIndex, QObject *parent)
    : RoutingBackend(parent)
    , m_cursor(workerIndex)
{ }

int RoundRobin::pick(const plugin::RoutingCandidates &candidates, quint32 endpointId)
{
    const int count = candidates.count();
    if (count <= 0)
        return -1;
    int index = m_cursor.start(count);
    for (int tried = 0; tried < count; ++tried) {
        if (candidates.isCandidate(index, endpointId)) {
            m_cursor.movePast(index, count);
            return index;
        }
        index = routing::CircularCursor::following(index, count);
    }
    return -1;
}

void RoundRobin::membershipChanged(int instanceCount)
{
    m_cursor.membershipChanged(instanceCount);
}

} // namespace cx::roundrobin
