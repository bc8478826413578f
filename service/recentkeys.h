#pragma once

#include <QSet>
#include <QtGlobal>
#include <vector>

namespace cx::server {

/// The last N keys remembered, oldest forgotten first: a bounded memory of what happened
/// recently (the requests that timed out, so that a response arriving after its 0xA4 is
/// counted as late, not unknown). Insertion and lookup are O(1).
class RecentKeys
{
public:
    explicit RecentKeys(qsizetype capacity)
        : m_ring(size_t(qMax<qsizetype>(1, capacity)))
    { }

    void insert(quint64 key)
    {
        if (m_keys.contains(key))
            return; // remembered already (a little older)
        if (m_count == qsizetype(m_ring.size()))
            m_keys.remove(m_ring[m_next]);
        else
            ++m_count;
        m_ring[m_next] = key;
        m_keys.insert(key);
        m_next = (m_next + 1) % m_ring.size();
    }
    bool contains(quint64 key) const { return m_keys.contains(key); }

private:
    std::vector<quint64> m_ring;
    QSet<quint64> m_keys;
    size_t m_next = 0;
    qsizetype m_count = 0;
};

} // namespace cx::server
