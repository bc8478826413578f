#pragma once

#include "circularcursor.h"
#include "plugin/routing.h"

namespace cx::leastpending {

/// The `least-pending` routing backend: the candidate (protocol.md §4 rules 1, 3, 4) with
/// the fewest requests this worker has outstanding on it. Each worker owns one and counts
/// only its own requests, so no state is shared between workers. pick() allocates nothing
/// and makes no virtual call besides the candidates'.
class LeastPending final : public plugin::RoutingBackend
{
    Q_OBJECT
public:
    /// The tie-breaking cursor starts at the worker's index (0 on the main thread), so that
    /// idle workers do not all send their first requests to the same instance.
    explicit LeastPending(int workerIndex, QObject *parent = nullptr);

    /// The candidate with the fewest requests in flight; among equal loads, the first at or
    /// after the cursor in circular order, and the cursor then moves just past it, so that
    /// ties are served round robin. -1 when no instance is a candidate (the cursor stays).
    int pick(const plugin::RoutingCandidates &candidates, quint32 endpointId) override;
    /// Keeps the cursor in range (CircularCursor::membershipChanged()).
    void membershipChanged(int instanceCount) override;

private:
    routing::CircularCursor m_cursor; ///< where the search for the least loaded starts
};

} // namespace cx::leastpending
