#include "edgestats.h"

#include <algorithm>

namespace cx::edgesim {

void EdgeStats::merge(const EdgeStats &other)
{
    connected += other.connected;
    ready += other.ready;
    connectFailures += other.connectFailures;
    authFailed += other.authFailed;
    bindOk += other.bindOk;
    bindFailed += other.bindFailed;
    sent += other.sent;
    chunksSent += other.chunksSent;
    answered += other.answered;
    missing += other.missing;
    late += other.late;
    duplicates += other.duplicates;
    unmatched += other.unmatched;
    bytesSent += other.bytesSent;
    bytesReceived += other.bytesReceived;
    egressReceived += other.egressReceived;
    egressAnswered += other.egressAnswered;
    disconnects += other.disconnects;
    closedOutstanding += other.closedOutstanding;
    reconnects += other.reconnects;
    reconnectAttempts += other.reconnectAttempts;
    reconnectMaxNs = std::max(reconnectMaxNs, other.reconnectMaxNs);
    byCode.merge(other.byCode);
    for (auto it = other.closeCodes.cbegin(); it != other.closeCodes.cend(); ++it)
        closeCodes[it.key()] += it.value();
    latency.merge(other.latency);
    scheduleLagMaxNs = std::max(scheduleLagMaxNs, other.scheduleLagMaxNs);
    lastSendNs = std::max(lastSendNs, other.lastSendNs);
    lastResponseNs = std::max(lastResponseNs, other.lastResponseNs);
}

} // namespace cx::edgesim
