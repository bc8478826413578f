#include "pendingring.h"

namespace cx::edgesim {

PendingRing::PendingRing(quint32 firstId, quint32 capacity)
    : m_slots(capacity)
    , m_mask(capacity - 1)
    , m_oldest(firstId)
    , m_next(firstId)
{
    Q_ASSERT(capacity > 0 && (capacity & (capacity - 1)) == 0);
}

void PendingRing::add(quint32 id, qint64 sendNs)
{
    Q_ASSERT(id == m_next);
    while (m_slots[id & m_mask].state == State::Outstanding)
        grow();
    m_slots[id & m_mask] = {id, State::Outstanding, sendNs};
    m_next = id + 1;
    ++m_outstanding;
}

PendingRing::Match PendingRing::answer(quint32 id, qint64 &sendNs)
{
    Slot &slot = m_slots[id & m_mask];
    if (slot.id != id || slot.state == State::Empty)
        return Match::Unknown;
    sendNs = slot.sendNs;
    switch (slot.state) {
    case State::Outstanding:
        slot.state = State::Answered;
        --m_outstanding;
        return Match::Answered;
    case State::Expired:
        slot.state = State::LateAnswered;
        return Match::Late;
    case State::Empty:
    case State::Answered:
    case State::LateAnswered:
        break;
    }
    return Match::Duplicate;
}

void PendingRing::grow()
{
    std::vector<Slot> slots(m_slots.size() * 2);
    const quint32 mask = quint32(slots.size() - 1);
    // The ring holds the latest capacity ids, all distinct modulo twice the capacity.
    for (const Slot &slot : m_slots) {
        if (slot.state != State::Empty)
            slots[slot.id & mask] = slot;
    }
    m_slots.swap(slots);
    m_mask = mask;
}

} // namespace cx::edgesim
