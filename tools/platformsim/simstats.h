#pragma once

#include "codecounts.h"

#include <QJsonObject>
#include <QList>

namespace cx::platformsim {

/// What the upgrade request of the latest /Thingworx/WS connection carried. Only whether
/// the app key matched is kept, never its value.
enum class AppKeyHeader : quint8 { None, Matched, Wrong, Absent };

/// Counters of one worker thread; the simulator merges those of all workers for `stats`.
/// Fields named "open..." are current values, the others totals since the start.
struct SimStats
{
    quint64 accepted = 0; ///< /Thingworx/WS upgrades accepted
    quint64 rejected = 0; ///< upgrades closed 1008 (wrong appKey header, unknown path)
    quint64 openConnections = 0; ///< open /Thingworx/WS sockets
    quint64 openPipes = 0; ///< ... whose AUTH with endpointId 0 succeeded
    quint64 openEdges = 0; ///< ... whose AUTH with endpointId != 0 succeeded (direct edges)
    quint64 authOk = 0; ///< pipe AUTHs (endpointId 0) answered SUCCESS
    quint64 authFailed = 0; ///< pipe AUTHs answered 0x81
    quint64 edgeAuthOk = 0; ///< edge AUTHs (endpointId != 0) answered SUCCESS
    quint64 edgeAuthFailed = 0; ///< edge AUTHs answered 0x81
    quint64 messages = 0; ///< binary messages received on /Thingworx/WS
    quint64 chunks = 0; ///< multi-part chunks among them
    quint64 requests = 0; ///< complete requests (a multi-part one counts once)
    quint64 responses = 0; ///< responses sent or queued (AUTH included, errors included)
    quint64 failed = 0; ///< requests answered 0xA0 because of --fail-rate
    quint64 dropped = 0; ///< requests never answered because of --drop-rate
    quint64 malformed = 0; ///< messages whose headers did not parse
    quint64 requestsBeforeAuth = 0; ///< requests other than AUTH on a not yet authenticated socket
    quint64 bindNames = 0; ///< thing names in BIND requests
    quint64 unbindNames = 0; ///< thing names in UNBIND requests
    quint64 openTunnels = 0;
    quint64 tunnels = 0; ///< tunnel sockets accepted
    quint64 tunnelMessages = 0; ///< messages echoed on tunnels
    quint64 tunnelsWithPipeKey = 0; ///< tunnels whose appKey header is the pipes' app key
    quint64 tunnelsPaired = 0; ///< --tunnel-mode pair: device and client ends paired
    quint64 tunnelsRefused = 0; ///< ends refused: credential, or a duplicate end
    quint64 tunnelsUnpaired = 0; ///< ends closed because no peer came in time
    quint64 tunnelBytesRelayed = 0; ///< bytes relayed between paired ends
    qint64 lastTunnelNs = 0;
    QByteArray lastTunnelAppKey; ///< the appKey header of the latest tunnel (empty: none)
    QByteArray lastTunnelAuthorization; ///< its Authorization header
    quint64 egressSent = 0; ///< requests sent by the `egress` command
    quint64 egressAnswered = 0; ///< responses matching one of them
    quint64 unmatchedResponses = 0; ///< responses matching no egress request
    cx::tools::CodeCounts byCode; ///< complete requests by code
    cx::tools::CodeCounts egressByCode; ///< egress responses by status
    QList<quint32> endpoints; ///< known endpointIds, sorted after merge()
    qint64 lastHeaderNs = 0;
    AppKeyHeader lastHeader = AppKeyHeader::None;

    void merge(const SimStats &other);
    /// The `stats` line: one compact JSON object.
    QJsonObject toJson() const;
};

} // namespace cx::platformsim
