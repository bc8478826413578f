#pragma once

#include "pendingrequest.h"

#include <memory>
#include <vector>

namespace cx::server {

/// The requests in flight of one worker, by key: an open-addressing hash table of pooled
/// records. Lookups, inserts and removals allocate nothing once warm; memory goes back
/// after a burst (the pool keeps at most MaxPooled spare records and the table shrinks when
/// mostly empty). Not thread-safe (each worker owns its own).
class PendingTable
{
public:
    PendingTable();
    ~PendingTable();
    PendingTable(const PendingTable &) = delete;
    PendingTable &operator=(const PendingTable &) = delete;

    PendingRequest *find(quint64 key) const;
    /// A fresh record for key, or nullptr when the key is already present.
    PendingRequest *insert(quint64 key);
    /// Removes the record from the table and returns it to the pool. The caller must have
    /// unlinked it from its lists.
    void release(PendingRequest *request);
    qsizetype size() const { return m_count; }
    /// Slots of the hash table (for tests of its shrinking).
    qsizetype capacity() const { return qsizetype(m_slots.size()); }
    /// Spare records kept for reuse at most.
    static constexpr qsizetype MaxPooled = 1024;

private:
    qsizetype slotOf(quint64 key) const;
    /// Rehashes every record into a table of 2^bits slots.
    void resize(int bits);
    PendingRequest *allocate();

    std::vector<PendingRequest *> m_slots; ///< nullptr = empty; size is a power of two
    qsizetype m_count = 0;
    int m_shift = 0;
    std::vector<std::unique_ptr<PendingRequest>> m_free;
};

} // namespace cx::server
