#pragma once

#include "clienttls.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace cx::edgesim {

/// How requests are paced.
enum class LoadMode : quint8 {
    ClosedLoop, ///< each edge keeps `window` requests outstanding
    FixedRate, ///< `rate` requests per second in total, open loop, spread over the edges
    Idle, ///< connect, AUTH, BIND, then hold the connections until the duration ends
};

/// What the command line asked for; each worker thread keeps its own copy.
struct EdgeConfig
{
    QUrl url;
    QByteArray appKey; ///< sent in each edge's AUTH; never printed
    std::shared_ptr<const net::ClientTlsContext> tls; ///< wss: --insecure, --ca
    int edges = 1;
    int threads = 1;
    bool epoll = false; ///< worker threads run an EpollEventDispatcher (--epoll)
    quint32 endpointBase = 1; ///< edge i uses endpointId endpointBase + i
    int things = 0; ///< names each edge BINDs after AUTH
    LoadMode mode = LoadMode::ClosedLoop;
    int window = 1; ///< closed loop: requests each edge keeps outstanding
    double rate = 0; ///< fixed rate: requests per second over all edges
    double durationSec = 0; ///< 0: no time bound
    quint64 requests = 0; ///< 0: no count bound
    int bodySize = 200;
    int multipartEvery = 0; ///< every K-th request of an edge goes as multi-part; 0: never
    int chunkSize = 8192; ///< body bytes per multi-part chunk
    QList<quint8> mix; ///< request codes cycled through, each repeated by its weight
    double connectRate = 0; ///< new connections per second over all threads; 0: all at once
    int connectTimeoutMs = 10000; ///< from connect to AUTH (and BIND) answered
    int timeoutMs = 15000; ///< a request unanswered this long counts as missing
    int pingIntervalMs = 0; ///< a ready edge pings this often (a device's keep-alive); 0: never
    bool progress = false;
    /// --reconnect: a ready edge whose socket closes during the load connects again (after
    /// 50 ms, doubling to 1 s between failed attempts), AUTHs and BINDs again, and goes on.
    bool reconnect = false;
    QString recordPath; ///< --record: one line per request
};

} // namespace cx::edgesim
