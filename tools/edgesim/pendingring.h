#pragma once

#include <QtGlobal>
#include <vector>

namespace cx::edgesim {

/// The requests one edge sent, keyed by requestId in a ring indexed by the id's low bits:
/// ids are given out in sequence, so the slot of id k is free again once request
/// k - capacity is done. No allocation per request; the ring doubles only when a request
/// that old is still outstanding. Requests that wait longer than the timeout are expired
/// from the oldest on.
class PendingRing
{
public:
    /// What a response found.
    enum class Match : quint8 {
        Answered, ///< the first response of an outstanding request
        Duplicate, ///< the request was already answered
        Late, ///< the first response of a request that had already expired
        Unknown, ///< no such request (never sent, or forgotten long ago)
    };

    /// \a firstId: the id of the first request; \a capacity: a power of two.
    PendingRing(quint32 firstId, quint32 capacity);

    /// Records request \a id (the next in sequence) sent at \a sendNs.
    void add(quint32 id, qint64 sendNs);
    /// Records a response to \a id; \a sendNs receives its send time when known.
    Match answer(quint32 id, qint64 &sendNs);
    /// Expires every outstanding request sent at or before \a deadlineNs, oldest first,
    /// calling \a onExpired(id, sendNs) for each.
    template<typename F> void expire(qint64 deadlineNs, F onExpired)
    {
        for (; m_oldest != m_next; ++m_oldest) {
            Slot &slot = m_slots[m_oldest & m_mask];
            if (slot.id != m_oldest || slot.state != State::Outstanding)
                continue;
            if (slot.sendNs > deadlineNs)
                return;
            slot.state = State::Expired;
            --m_outstanding;
            onExpired(slot.id, slot.sendNs);
        }
    }
    int outstanding() const { return m_outstanding; }

private:
    enum class State : quint8 { Empty, Outstanding, Answered, Expired, LateAnswered };
    struct Slot
    {
        quint32 id = 0;
        State state = State::Empty;
        qint64 sendNs = 0;
    };

    void grow();

    std::vector<Slot> m_slots;
    quint32 m_mask;
    quint32 m_oldest; ///< no request older than this is outstanding
    quint32 m_next; ///< the id add() expects next
    int m_outstanding = 0;
};

} // namespace cx::edgesim
