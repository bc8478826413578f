#pragma once

#include <QByteArrayView>
#include <QStringList>
#include <vector>

namespace cx::server {

/// Rendezvous (highest random weight) hashing, protocol.md §8: the order in which the
/// instances \a instanceIds are tried for \a key, best first. The weights are a fixed hash of
/// the instance id and the key, the same in every process and version, so every cxserver of
/// a cluster that sees the same membership ranks the instances alike; an instance that joins
/// or leaves changes the first choice only for the keys it wins or held.
std::vector<int> rendezvousOrder(QByteArrayView key, const QStringList &instanceIds);

/// The key both ends of a tunnel meet by (protocol.md §8), from the request target's path
/// and query: the tunnel id (the last path segment) for the tunnel paths; for /Thingworx/VWS
/// the value of its `sessionId` query item where there is one, else the whole target.
QByteArray tunnelMeetingKey(QByteArrayView path, QByteArrayView query);

} // namespace cx::server
