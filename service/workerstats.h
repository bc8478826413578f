#pragma once

#include "plugin/platforminstance.h"

#include <QList>
#include <array>

namespace cx::server {

/// Request latency (edge request to its platform response, as cxserver sees it) in fixed
/// buckets, for the Prometheus histogram of /metrics. Plain counters: one per worker, only
/// ever touched on that worker's thread, summed on the main thread from copies.
struct LatencyHistogram
{
    /// Upper bounds of the buckets in microseconds; a last, implicit bucket is +Inf.
    static constexpr std::array<qint64, 14> BoundsUs {250,    500,     1000,    2500,    5000,
                                                      10000,  25000,   50000,   100000,  250000,
                                                      500000, 1000000, 2500000, 10000000};

    std::array<quint64, BoundsUs.size() + 1> counts {}; ///< per bucket, not cumulative
    quint64 sumUs = 0;

    void record(qint64 us)
    {
        size_t bucket = 0;
        while (bucket < BoundsUs.size() && us > BoundsUs[bucket])
            ++bucket;
        ++counts[bucket];
        sumUs += quint64(qMax<qint64>(0, us));
    }
    void add(const LatencyHistogram &other)
    {
        for (size_t i = 0; i < counts.size(); ++i)
            counts[i] += other.counts[i];
        sumUs += other.sumUs;
    }
};

/// What one worker counted since it started (config.md §6). Only the worker writes it.
struct TrafficCounters
{
    quint64 edgeMessagesIn = 0; ///< messages read from edges
    quint64 edgeMessagesOut = 0; ///< messages sent to edges
    quint64 platformMessagesIn = 0; ///< messages read from platform pipes
    quint64 platformMessagesOut = 0; ///< messages sent on platform pipes
    quint64 timeouts = 0; ///< requests answered 0xA4 by cxserver
    quint64 refusedByEdgeCap = 0; ///< connections closed at once: limits.max-edges
    quint64 refusedByHandshakeCap = 0; ///< connections closed at once: limits.max-handshakes
    quint64 refusedByTunnelCap = 0; ///< tunnel upgrades refused 503: limits.max-tunnels
    quint64 edgesOverSendLimit = 0; ///< edges aborted: more than their send limit queued
    quint64 droppedLate = 0; ///< platform responses to requests already answered 0xA4
    quint64 droppedUnknown = 0; ///< platform responses to no request cxserver knows
    quint64 droppedWrongInstance = 0; ///< platform responses from another instance
    quint64 droppedUnknownFromEdges = 0; ///< edge responses to no platform request known
    quint64 tunnelsOpened = 0; ///< tunnels accepted (protocol.md §8)
    quint64 tunnelBytesToPlatforms = 0; ///< tunnel payload bytes relayed edge → platform
    quint64 tunnelBytesToEdges = 0; ///< tunnel payload bytes relayed platform → edge
    std::array<quint64, 256> errorsToEdges {}; ///< error responses cxserver made, by code
    std::array<quint64, 256> errorsToPlatforms {}; ///< same, to platform requests
    LatencyHistogram latency;

    void add(const TrafficCounters &other)
    {
        edgeMessagesIn += other.edgeMessagesIn;
        edgeMessagesOut += other.edgeMessagesOut;
        platformMessagesIn += other.platformMessagesIn;
        platformMessagesOut += other.platformMessagesOut;
        timeouts += other.timeouts;
        refusedByEdgeCap += other.refusedByEdgeCap;
        refusedByHandshakeCap += other.refusedByHandshakeCap;
        refusedByTunnelCap += other.refusedByTunnelCap;
        edgesOverSendLimit += other.edgesOverSendLimit;
        droppedLate += other.droppedLate;
        droppedUnknown += other.droppedUnknown;
        droppedWrongInstance += other.droppedWrongInstance;
        droppedUnknownFromEdges += other.droppedUnknownFromEdges;
        tunnelsOpened += other.tunnelsOpened;
        tunnelBytesToPlatforms += other.tunnelBytesToPlatforms;
        tunnelBytesToEdges += other.tunnelBytesToEdges;
        for (size_t i = 0; i < errorsToEdges.size(); ++i) {
            errorsToEdges[i] += other.errorsToEdges[i];
            errorsToPlatforms[i] += other.errorsToPlatforms[i];
        }
        latency.add(other.latency);
    }
};

/// One platform instance as one worker (or, summed, the whole process) sees it.
struct InstanceStats
{
    plugin::PlatformInstance instance;
    int pipesConnected = 0;
    int pipeCount = 0;
    bool writable = false;
    bool failing = false; ///< no pipe connected and an attempt failed since the last one was
    qint64 pendingBytes = 0;
    qint64 inFlight = 0;
    quint64 routed = 0;
    quint64 errors = 0;
    QString lastError; ///< why the last attempt to connect failed (the latest of any worker)
    qint64 lastErrorAtMs = 0; ///< when, ms since the epoch; 0: never

    void add(const InstanceStats &other)
    {
        if (other.lastErrorAtMs > lastErrorAtMs) {
            lastError = other.lastError;
            lastErrorAtMs = other.lastErrorAtMs;
        }
        pipesConnected += other.pipesConnected;
        pipeCount += other.pipeCount;
        writable = writable || other.writable;
        failing = failing || other.failing;
        pendingBytes += other.pendingBytes;
        inFlight += other.inFlight;
        routed += other.routed;
        errors += other.errors;
    }
};

/// A copy of one worker's state for the status socket and /metrics, taken on its thread.
struct WorkerStats
{
    TrafficCounters traffic;
    qint64 edgesConnected = 0;
    qint64 edgesAuthenticated = 0;
    qint64 tunnelsOpen = 0;
    QList<InstanceStats> instances; ///< in membership order

    /// Sums other into this one; instances are matched by their discovery id.
    void add(const WorkerStats &other)
    {
        traffic.add(other.traffic);
        edgesConnected += other.edgesConnected;
        edgesAuthenticated += other.edgesAuthenticated;
        tunnelsOpen += other.tunnelsOpen;
        for (const InstanceStats &theirs : other.instances) {
            auto mine = std::find_if(instances.begin(), instances.end(), [&](const auto &s) {
                return s.instance.id == theirs.instance.id;
            });
            if (mine == instances.end())
                instances.append(theirs);
            else
                mine->add(theirs);
        }
    }
};

} // namespace cx::server
