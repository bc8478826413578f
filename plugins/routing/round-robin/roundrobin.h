#pragma once

#include "circularcursor.h"
#include "plugin/routing.h"

namespace cx::roundrobin {

/// The `round-robin` routing backend (protocol.md §4 rules 2–4). Each worker owns one, so
/// each worker keeps its own cursor; with one worker the order is strictly cyclic over all
/// requests. pick() allocates nothing and makes no virtual call besides the candidates'.
class RoundRobin final : public plugin::RoutingBackend
{
    Q_OBJECT
public:
    /// The cursor starts at the worker's index (0 on the main thread), so that workers do
    /// not all send their first requests to the same instance.
    explicit RoundRobin(int workerIndex, QObject *parent = nullptr);

    /// The first candidate at or after the cursor in circular order, non-candidates
    /// skipped; the cursor then moves just past it. -1 when no instance is a candidate (the
    /// cursor stays).
    int pick(const plugin::RoutingCandidates &candidates, quint32 endpointId) override;
    /// Keeps the cursor in range (CircularCursor::membershipChanged()).
    void membershipChanged(int instanceCount) override;

private:
    routing::CircularCursor m_cursor; ///< the instance to try first
};

} // namespace cx::roundrobin
