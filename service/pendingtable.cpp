#include "pendingtable.h"

namespace cx::server {

namespace {
constexpr int InitialBits = 10;
constexpr qsizetype BlockSize = 512;
} // namespace

PendingTable::PendingTable()
    : m_slots(qsizetype(1) << InitialBits, nullptr)
    , m_shift(64 - InitialBits)
{ }

PendingTable::~PendingTable() = default;

qsizetype PendingTable::slotOf(quint64 key) const
{
    return qsizetype((key * 0x9E3779B97F4A7C15ull) >> m_shift); // Fibonacci hashing
}

PendingRequest *PendingTable::find(quint64 key) const
{
    const qsizetype mask = qsizetype(m_slots.size()) - 1;
    for (qsizetype i = slotOf(key);; i = (i + 1) & mask) {
        PendingRequest *slot = m_slots[size_t(i)];
        if (!slot || slot->key == key)
            return slot;
    }
}

PendingRequest *PendingTable::insert(quint64 key)
{
    if ((m_count + 1) * 2 > qsizetype(m_slots.size()))
        grow();
    const qsizetype mask = qsizetype(m_slots.size()) - 1;
    qsizetype i = slotOf(key);
    for (; m_slots[size_t(i)]; i = (i + 1) & mask) {
        if (m_slots[size_t(i)]->key == key)
            return nullptr;
    }
    PendingRequest *request = allocate();
    request->key = key;
    m_slots[size_t(i)] = request;
    ++m_count;
    return request;
}

void PendingTable::release(PendingRequest *request)
{
    Q_ASSERT(!request->pipeHook.linked && !request->timeoutHook.linked);
    const qsizetype mask = qsizetype(m_slots.size()) - 1;
    qsizetype hole = slotOf(request->key);
    while (m_slots[size_t(hole)] != request)
        hole = (hole + 1) & mask;
    // Backward-shift deletion keeps every probe chain unbroken without tombstones.
    for (qsizetype j = (hole + 1) & mask; m_slots[size_t(j)]; j = (j + 1) & mask) {
        const qsizetype home = slotOf(m_slots[size_t(j)]->key);
        const bool movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
        if (movable) {
            m_slots[size_t(hole)] = m_slots[size_t(j)];
            hole = j;
        }
    }
    m_slots[size_t(hole)] = nullptr;
    --m_count;

    QList<QByteArray> names = std::move(request->names);
    names.clear(); // keeps its capacity for the next BIND
    *request = PendingRequest {};
    request->names = std::move(names);
    m_free.push_back(request);
}

void PendingTable::grow()
{
    std::vector<PendingRequest *> old(m_slots.size() * 2, nullptr);
    old.swap(m_slots);
    --m_shift;
    const qsizetype mask = qsizetype(m_slots.size()) - 1;
    for (PendingRequest *request : old) {
        if (!request)
            continue;
        qsizetype i = slotOf(request->key);
        while (m_slots[size_t(i)])
            i = (i + 1) & mask;
        m_slots[size_t(i)] = request;
    }
}

PendingRequest *PendingTable::allocate()
{
    if (m_free.empty()) {
        m_blocks.push_back(std::make_unique<PendingRequest[]>(BlockSize));
        PendingRequest *block = m_blocks.back().get();
        for (qsizetype i = BlockSize - 1; i >= 0; --i)
            m_free.push_back(block + i);
    }
    PendingRequest *request = m_free.back();
    m_free.pop_back();
    return request;
}

} // namespace cx::server
