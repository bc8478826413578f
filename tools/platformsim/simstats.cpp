#include "simstats.h"

#include <QJsonArray>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cx::platformsim {

namespace {

constexpr qsizetype MaxListedEndpoints = 1000; ///< keeps the stats line bounded

QString headerText(AppKeyHeader header)
{
    switch (header) {
    case AppKeyHeader::None:
        return u"none"_s;
    case AppKeyHeader::Matched:
        return u"matched"_s;
    case AppKeyHeader::Wrong:
        return u"wrong"_s;
    case AppKeyHeader::Absent:
        return u"absent"_s;
    }
    return {};
}

} // namespace

void SimStats::merge(const SimStats &other)
{
    accepted += other.accepted;
    rejected += other.rejected;
    openConnections += other.openConnections;
    openPipes += other.openPipes;
    openEdges += other.openEdges;
    authOk += other.authOk;
    authFailed += other.authFailed;
    edgeAuthOk += other.edgeAuthOk;
    edgeAuthFailed += other.edgeAuthFailed;
    messages += other.messages;
    chunks += other.chunks;
    requests += other.requests;
    responses += other.responses;
    failed += other.failed;
    dropped += other.dropped;
    malformed += other.malformed;
    requestsBeforeAuth += other.requestsBeforeAuth;
    bindNames += other.bindNames;
    unbindNames += other.unbindNames;
    openTunnels += other.openTunnels;
    tunnels += other.tunnels;
    tunnelMessages += other.tunnelMessages;
    egressSent += other.egressSent;
    egressAnswered += other.egressAnswered;
    unmatchedResponses += other.unmatchedResponses;
    byCode.merge(other.byCode);
    egressByCode.merge(other.egressByCode);
    endpoints += other.endpoints;
    std::sort(endpoints.begin(), endpoints.end());
    endpoints.erase(std::unique(endpoints.begin(), endpoints.end()), endpoints.end());
    tunnelsWithPipeKey += other.tunnelsWithPipeKey;
    tunnelsPaired += other.tunnelsPaired;
    tunnelsRefused += other.tunnelsRefused;
    tunnelsUnpaired += other.tunnelsUnpaired;
    tunnelBytesRelayed += other.tunnelBytesRelayed;
    if (other.lastTunnelNs > lastTunnelNs) {
        lastTunnelNs = other.lastTunnelNs;
        lastTunnelAppKey = other.lastTunnelAppKey;
        lastTunnelAuthorization = other.lastTunnelAuthorization;
    }
    if (other.lastHeaderNs > lastHeaderNs) {
        lastHeaderNs = other.lastHeaderNs;
        lastHeader = other.lastHeader;
    }
}

QJsonObject SimStats::toJson() const
{
    QJsonArray listed;
    for (qsizetype i = 0; i < endpoints.size() && i < MaxListedEndpoints; ++i)
        listed.append(qint64(endpoints.at(i)));
    return {
        {u"connections"_s, qint64(openConnections)},
        {u"pipes"_s, qint64(openPipes)},
        {u"edges"_s, qint64(openEdges)},
        {u"accepted"_s, qint64(accepted)},
        {u"rejected"_s, qint64(rejected)},
        {u"authOk"_s, qint64(authOk)},
        {u"authFailed"_s, qint64(authFailed)},
        {u"edgeAuthOk"_s, qint64(edgeAuthOk)},
        {u"edgeAuthFailed"_s, qint64(edgeAuthFailed)},
        {u"messages"_s, qint64(messages)},
        {u"chunks"_s, qint64(chunks)},
        {u"requests"_s, qint64(requests)},
        {u"byCode"_s, byCode.toJson()},
        {u"responses"_s, qint64(responses)},
        {u"failed"_s, qint64(failed)},
        {u"dropped"_s, qint64(dropped)},
        {u"malformed"_s, qint64(malformed)},
        {u"requestsBeforeAuth"_s, qint64(requestsBeforeAuth)},
        {u"bindNames"_s, qint64(bindNames)},
        {u"unbindNames"_s, qint64(unbindNames)},
        {u"endpointCount"_s, endpoints.size()},
        {u"endpoints"_s, listed},
        {u"tunnels"_s, qint64(openTunnels)},
        {u"tunnelsTotal"_s, qint64(tunnels)},
        {u"tunnelMessages"_s, qint64(tunnelMessages)},
        {u"tunnelsWithPipeKey"_s, qint64(tunnelsWithPipeKey)},
        {u"tunnelsPaired"_s, qint64(tunnelsPaired)},
        {u"tunnelsRefused"_s, qint64(tunnelsRefused)},
        {u"tunnelsUnpaired"_s, qint64(tunnelsUnpaired)},
        {u"tunnelBytesRelayed"_s, qint64(tunnelBytesRelayed)},
        {u"lastTunnelAppKey"_s, QString::fromUtf8(lastTunnelAppKey)},
        {u"lastTunnelAuthorization"_s, QString::fromUtf8(lastTunnelAuthorization)},
        {u"egress"_s,
         QJsonObject {{u"sent"_s, qint64(egressSent)},
                      {u"answered"_s, qint64(egressAnswered)},
                      {u"byCode"_s, egressByCode.toJson()}}},
        {u"unmatchedResponses"_s, qint64(unmatchedResponses)},
        {u"lastAppKeyHeader"_s, headerText(lastHeader)},
    };
}

} // namespace cx::platformsim
