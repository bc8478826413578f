#pragma once

namespace cx::routing {

/// The cursor of a routing backend that rotates over the circular list of instances
/// (protocol.md §4 rule 2): where the next search starts. One per backend, so one per worker.
/// Header-only and allocation-free, for use inside pick().
class CircularCursor
{
public:
    /// Starts at the worker's index (0 on the main thread, index -1), so that workers do not
    /// all begin on the same instance.
    explicit CircularCursor(int workerIndex)
        : m_next(workerIndex > 0 ? workerIndex : 0)
    { }

    /// The instance to look at first among count (> 0) instances; a cursor left out of range
    /// by a shrinking membership is first taken modulo count.
    int start(int count)
    {
        if (m_next >= count)
            m_next %= count;
        return m_next;
    }

    /// The next search starts just after the instance chosen among count.
    void movePast(int chosen, int count) { m_next = following(chosen, count); }

    /// Keeps the cursor where it is when it is still in range, else takes it modulo the new
    /// count. Indices are not stable across a change, so no choice is exact; this one keeps
    /// the cursor in range and each worker's staggered start.
    void membershipChanged(int count)
    {
        if (count > 0 && m_next >= count)
            m_next %= count;
    }

    /// The instance after index in circular order among count.
    static int following(int index, int count) { return index + 1 == count ? 0 : index + 1; }

private:
    int m_next; ///< the instance to look at first; may be out of range until start()
};

} // namespace cx::routing
