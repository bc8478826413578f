#include "roundrobin.h"

namespace cx::roundrobin {

RoundRobin::RoundRobin(int workerIndex, QObject *parent)
    : RoutingBackend(parent)
    , m_next(workerIndex > 0 ? workerIndex : 0)
{ }

int RoundRobin::pick(const plugin::RoutingCandidates &candidates, quint32 endpointId)
{
    const int count = candidates.count();
    if (count <= 0)
        return -1;
    if (m_next >= count)
        m_next %= count;
    int index = m_next;
    for (int tried = 0; tried < count; ++tried) {
        const int following = index + 1 == count ? 0 : index + 1;
        if (candidates.isCandidate(index, endpointId)) {
            m_next = following;
            return index;
        }
        index = following;
    }
    return -1;
}

void RoundRobin::membershipChanged(int instanceCount)
{
    if (instanceCount > 0 && m_next >= instanceCount)
        m_next %= instanceCount;
}

} // namespace cx::roundrobin
