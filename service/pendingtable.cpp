#include "pendingtable.h"

namespace cx::server {

namespace {
constexpr int InitialBits = 10;
} // namespace

PendingTable::PendingTable()
    : m_slots(qsizetype(1) << InitialBits, nullptr)
    , m_shift(64 - InitialBits)
{ }

PendingTable::~PendingTable()
{
    for (PendingRequest *request : m_slots)
        delete request;
}

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
        resize(64 - m_shift + 1);
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

    std::unique_ptr<PendingRequest> record(request);
    if (qsizetype(m_free.size()) < MaxPooled) {
        *record = PendingRequest {}; // frees a BIND's body
        m_free.push_back(std::move(record));
    }
    // Shrink once an eighth full (growth happens at half): a burst's table goes back.
    if (m_shift < 64 - InitialBits && m_count * 8 < qsizetype(m_slots.size()))
        resize(64 - m_shift - 1);
}

void PendingTable::resize(int bits)
{
    std::vector<PendingRequest *> old(qsizetype(1) << bits, nullptr);
    old.swap(m_slots);
    m_shift = 64 - bits;
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
    if (m_free.empty())
        return new PendingRequest;
    PendingRequest *request = m_free.back().release();
    m_free.pop_back();
    return request;
}

} // namespace cx::server
