#include "rendezvous.h"

#include <algorithm>
#include <numeric>

namespace cx::server {

namespace {

/// FNV-1a then a splitmix64 finaliser: a fixed, well-mixed 64-bit hash (qHash is seeded).
quint64 stableHash(QByteArrayView first, QByteArrayView second)
{
    quint64 h = 0xcbf29ce484222325ull;
    const auto mix = [&h](QByteArrayView bytes) {
        for (const char c : bytes) {
            h ^= quint8(c);
            h *= 0x100000001b3ull;
        }
    };
    mix(first);
    mix("\n");
    mix(second);
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    return h ^ (h >> 31);
}

} // namespace

std::vector<int> rendezvousOrder(QByteArrayView key, const QStringList &instanceIds)
{
    std::vector<std::pair<quint64, int>> weighted;
    weighted.reserve(size_t(instanceIds.size()));
    for (int i = 0; i < instanceIds.size(); ++i)
        weighted.emplace_back(stableHash(instanceIds.at(i).toUtf8(), key), i);
    // Heaviest first; equal weights (never in practice) by id, so the order is total.
    std::sort(weighted.begin(), weighted.end(), [&](const auto &a, const auto &b) {
        if (a.first != b.first)
            return a.first > b.first;
        return instanceIds.at(a.second) < instanceIds.at(b.second);
    });
    std::vector<int> order;
    order.reserve(weighted.size());
    for (const auto &entry : weighted)
        order.push_back(entry.second);
    return order;
}

QByteArray tunnelMeetingKey(QByteArrayView path, QByteArrayView query)
{
    if (path != "/Thingworx/VWS")
        return path.sliced(path.lastIndexOf('/') + 1).toByteArray();
    for (const QByteArrayView item :
         QByteArray::fromRawData(query.data(), query.size()).split('&')) {
        if (item.startsWith("sessionId=") && item.size() > 10)
            return item.sliced(10).toByteArray();
    }
    QByteArray whole = path.toByteArray();
    if (!query.isEmpty())
        whole += '?' + query.toByteArray();
    return whole;
}

} // namespace cx::server
