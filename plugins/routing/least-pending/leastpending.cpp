#include "leastpending.h"

namespace cx::leastpending {

LeastPending::LeastPending(int workerIndex, QObject *parent)
    : RoutingBackend(parent)
    , m_cursor(workerIndex)
{ }

int LeastPending::pick(const plugin::RoutingCandidates &candidates, quint32 endpointId)
{
    const int count = candidates.count();
    if (count <= 0)
        return -1;
    int best = -1;
    int bestInFlight = 0;
    int index = m_cursor.start(count);
    for (int tried = 0; tried < count; ++tried) {
        if (candidates.isCandidate(index, endpointId)) {
            const int inFlight = candidates.inFlight(index);
            // Strictly fewer: of equal loads, the first after the cursor keeps its place.
            if (best < 0 || inFlight < bestInFlight) {
                best = index;
                bestInFlight = inFlight;
                if (inFlight <= 0)
                    break; // nothing can beat an idle instance
            }
        }
        index = routing::CircularCursor::following(index, count);
    }
    if (best >= 0)
        m_cursor.movePast(best, count);
    return best;
}

void LeastPending::membershipChanged(int instanceCount)
{
    m_cursor.membershipChanged(instanceCount);
}

} // namespace cx::leastpending
