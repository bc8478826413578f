#pragma once

#include "pendingrequest.h"

#include <memory>
#include <vector>

namespace cx::server {

/// The requests in flight of one worker, by key: an open-addressing hash table of pooled
/// records. Lookups, inserts and removals allocate nothing once warm; not thread-safe
/// (each worker owns its own).
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

private:
    qsizetype slotOf(quint64 key) const;
    void grow();
    PendingRequest *allocate();

    std::vector<PendingRequest *> m_slots; ///< nullptr = empty; size is a power of two
    qsizetype m_count = 0;
    int m_shift = 0;
    std::vector<std::unique_ptr<PendingRequest[]>> m_blocks;
    std::vector<PendingRequest *> m_free;
};

} // namespace cx::server
