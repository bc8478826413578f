#pragma once

#include "codecounts.h"
#include "latencyhistogram.h"

#include <QMap>

namespace cx::edgesim {

/// Counters of one worker thread; the runner merges those of all threads for the report.
struct EdgeStats
{
    quint64 connected = 0; ///< WebSockets that opened
    quint64 ready = 0; ///< edges whose AUTH succeeded
    quint64 connectFailures = 0; ///< never opened, or not ready within the connect timeout
    quint64 authFailed = 0; ///< AUTH answered with anything but SUCCESS
    quint64 bindOk = 0;
    quint64 bindFailed = 0;
    quint64 sent = 0; ///< load requests (a multi-part one counts once)
    quint64 chunksSent = 0;
    quint64 answered = 0; ///< requests whose first response came within the timeout
    quint64 missing = 0; ///< requests with no response within the timeout
    quint64 late = 0; ///< ... of which answered later
    quint64 duplicates = 0; ///< responses to requests already answered
    quint64 unmatched = 0; ///< responses to requests this edge did not send
    quint64 bytesSent = 0; ///< AlwaysOn bytes (WebSocket payload) of load requests
    quint64 bytesReceived = 0; ///< AlwaysOn bytes of all messages received
    quint64 egressReceived = 0; ///< platform requests that reached an edge
    quint64 egressAnswered = 0;
    quint64 disconnects = 0; ///< ready edges whose socket closed before the end
    quint64 closedOutstanding = 0; ///< requests outstanding when their socket closed
    quint64 reconnects = 0; ///< --reconnect: edges ready again after a disconnect
    quint64 reconnectAttempts = 0; ///< --reconnect: connection attempts that failed
    qint64 reconnectMaxNs = 0; ///< --reconnect: longest disconnect to ready again
    cx::tools::CodeCounts byCode; ///< first responses (answered or late) by status
    QMap<int, quint64> closeCodes; ///< close codes of those disconnects
    LatencyHistogram latency; ///< of answered requests, send to last response byte
    qint64 scheduleLagMaxNs = 0; ///< fixed rate: how far sending fell behind the schedule
    qint64 lastSendNs = 0;
    qint64 lastResponseNs = 0;

    void merge(const EdgeStats &other);
};

} // namespace cx::edgesim
