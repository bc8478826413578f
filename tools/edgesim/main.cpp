// cxedgesim: edge simulator and load generator. See --help.

#include "codetext.h"
#include "loadrunner.h"
#include "options.h"
#include "recordwriter.h"
#include "signalwatcher.h"
#include "tunnelendpoint.h"
#include "tunneloptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <alwayson/codes.h>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace cx;

namespace {

/// "post", "get:1,post:3": request codes with weights, expanded into the cycle edges use.
QList<quint8> parseMix(const QString &spec, tools::OptionReader &options)
{
    QList<quint8> cycle;
    for (const QString &item : spec.split(u',', Qt::SkipEmptyParts)) {
        const QStringList parts = item.split(u':');
        const std::optional<quint8> code = tools::parseCode(parts.first());
        bool weightOk = true;
        const int weight = parts.size() > 1 ? parts.at(1).toInt(&weightOk) : 1;
        if (!code || alwayson::isResponse(*code) || *code == quint8(alwayson::Code::Auth)
            || parts.size() > 2 || !weightOk || weight < 1 || weight > 100) {
            options.fail(u"--mix: \""_s + item
                         + u"\" is not CODE[:WEIGHT] with a request code other than AUTH and a "
                           "weight from 1 to 100"_s);
            return {};
        }
        for (int i = 0; i < weight; ++i)
            cycle.append(*code);
    }
    if (cycle.isEmpty())
        options.fail(u"--mix names no request code"_s);
    return cycle;
}

/// Tunnel mode (--tunnel-device, --tunnel-client): runs until the endpoint finishes.
int runTunnels(QCoreApplication &app, const QCommandLineParser &parser)
{
    tools::OptionReader options(parser);
    const edgesim::TunnelConfig config = edgesim::readTunnelConfig(parser, options);
    if (!options.ok())
        return tools::usageError("cxedgesim", options.error());
    edgesim::TunnelEndpoint endpoint(config);
    tools::SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &tools::SignalWatcher::terminationRequested, &endpoint,
                     &edgesim::TunnelEndpoint::terminate);
    QObject::connect(&endpoint, &edgesim::TunnelEndpoint::finished, &app, &QCoreApplication::exit,
                     Qt::QueuedConnection);
    if (!endpoint.start())
        return 1;
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"cxedgesim"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Edge simulator and load generator: opens N edge WebSockets, AUTHs (and BINDs) "
        "each, sends a request load, answers platform requests, and reports throughput, "
        "latency and errors: human-readable lines, then one JSON line.\n"
        "Exit status: 0 the run completed (error responses included), 1 usage error, "
        "2 no edge could connect and authenticate.\n"
        "Tunnel mode (--tunnel-device or --tunnel-client, with --url, --app-key, --header, "
        "--insecure, --ca; the load options do not apply): one end of remote-access tunnels, "
        "relaying local TCP connections over tunnel WebSockets. It prints \"listening "
        "ADDRESS:PORT\" (client end), \"tunnel TID open\" and \"tunnel TID closed CODE\"."_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"url"_s, u"ws[s]://host:port/Thingworx/WS to connect to. Required."_s, u"url"_s},
        {u"app-key"_s,
         u"App key sent in each edge's AUTH. Required (tunnel mode: optional, sent as the "
         "appKey header of each upgrade request)."_s,
         u"key"_s},
        {u"insecure"_s, u"wss: do not verify the server certificate."_s},
        {u"ca"_s, u"wss: trust the CA certificates in this PEM file only."_s, u"file"_s},
        {u"edges"_s, u"Number of edge WebSockets (default 1)."_s, u"count"_s},
        {u"epoll"_s, u"Worker threads wait with epoll (for thousands of edges; Linux)."_s},
        {u"threads"_s, u"Worker threads, each with its share of the edges (default 1)."_s,
         u"count"_s},
        {u"endpoint-base"_s, u"Edge i uses endpointId BASE + i (default 1)."_s, u"base"_s},
        {u"things"_s, u"Thing names each edge BINDs after AUTH (default 0)."_s, u"count"_s},
        {u"rate"_s,
         u"Fixed rate, open loop: requests per second over all edges (rate x duration in all)."_s,
         u"per-second"_s},
        {u"closed-loop"_s, u"Each edge keeps W requests outstanding (default mode, W=1)."_s,
         u"W"_s},
        {u"idle"_s, u"Connect, AUTH, BIND, then hold the connections until --duration."_s},
        {u"duration"_s, u"Seconds of load (default 10 unless --requests is given)."_s,
         u"seconds"_s},
        {u"requests"_s, u"Total requests to send, then stop."_s, u"count"_s},
        {u"body-size"_s, u"Request body bytes (default 200)."_s, u"bytes"_s},
        {u"multipart-every"_s, u"Every K-th request of an edge goes as multi-part chunks."_s,
         u"K"_s},
        {u"chunk-size"_s, u"Body bytes per multi-part chunk (default 8192)."_s, u"bytes"_s},
        {u"mix"_s, u"Request codes and weights, e.g. get:1,post:3 (default post)."_s, u"spec"_s},
        {u"connect-rate"_s, u"New connections per second (default: all at once)."_s,
         u"per-second"_s},
        {u"connect-timeout-ms"_s, u"Connect + AUTH (+ BIND) bound per edge (default 10000)."_s,
         u"ms"_s},
        {u"timeout-ms"_s, u"A request unanswered this long is missing (default 15000)."_s, u"ms"_s},
        {u"ping-interval-ms"_s,
         u"Each ready edge sends a WebSocket ping this often, as a device keeps its connection "
         "alive (cxserver closes edges silent for idleReadTimeout, 60 s by default)."_s,
         u"ms"_s},
        {u"progress"_s, u"Print a progress line every second."_s},
        {u"record"_s, u"Write one line per request to this file."_s, u"file"_s},
        {u"reconnect"_s,
         u"A ready edge whose socket closes during the load connects, AUTHs and BINDs again."_s},
    });
    parser.addOptions(edgesim::tunnelOptions());
    if (const int exitCode = tools::parseToolArguments(parser, "cxedgesim"); exitCode != 0)
        return exitCode;
    if (edgesim::isTunnelMode(parser))
        return runTunnels(app, parser);

    edgesim::EdgeConfig config;
    tools::OptionReader options(parser);
    config.edges = int(options.integer(u"edges"_s, 1, 1, 1000000));
    config.threads = int(options.integer(u"threads"_s, 1, 1, 256));
    config.epoll = parser.isSet(u"epoll"_s);
    config.endpointBase = quint32(options.integer(u"endpoint-base"_s, 1, 1, 0xFFFFFFFFLL));
    config.things = int(options.integer(u"things"_s, 0, 0, 65535));
    config.window = int(options.integer(u"closed-loop"_s, 1, 1, 1000000));
    config.rate = options.real(u"rate"_s, 0, 0.001, 1e9);
    config.durationSec = options.real(u"duration"_s, 0, 0.001, 1e6);
    config.requests = quint64(options.integer(u"requests"_s, 0, 1, qint64(1) << 40));
    config.bodySize = int(options.integer(u"body-size"_s, 200, 0, 64 * 1024 * 1024));
    config.multipartEvery = int(options.integer(u"multipart-every"_s, 0, 1, 1000000));
    config.chunkSize = int(options.integer(u"chunk-size"_s, 8192, 1, 65535));
    config.connectRate = options.real(u"connect-rate"_s, 0, 0.001, 1e9);
    config.connectTimeoutMs = int(options.integer(u"connect-timeout-ms"_s, 10000, 1, 3600000));
    config.timeoutMs = int(options.integer(u"timeout-ms"_s, 15000, 1, 3600000));
    config.pingIntervalMs = int(options.integer(u"ping-interval-ms"_s, 0, 1, 3600000));
    config.mix = parseMix(parser.isSet(u"mix"_s) ? parser.value(u"mix"_s) : u"post"_s, options);
    config.progress = parser.isSet(u"progress"_s);
    config.reconnect = parser.isSet(u"reconnect"_s);
    config.recordPath = parser.value(u"record"_s);
    config.appKey = parser.value(u"app-key"_s).toUtf8();
    config.url = QUrl(parser.value(u"url"_s), QUrl::StrictMode);

    const int modes = int(parser.isSet(u"rate"_s)) + int(parser.isSet(u"closed-loop"_s))
        + int(parser.isSet(u"idle"_s));
    if (modes > 1)
        options.fail(u"--rate, --closed-loop and --idle exclude each other"_s);
    for (const QString &tunnelOnly : {u"connect"_s, u"listen"_s, u"tunnel-count"_s, u"header"_s})
        if (parser.isSet(tunnelOnly))
            options.fail(u"--"_s + tunnelOnly + u" needs --tunnel-device or --tunnel-client"_s);
    config.mode = parser.isSet(u"rate"_s) ? edgesim::LoadMode::FixedRate
        : parser.isSet(u"idle"_s)         ? edgesim::LoadMode::Idle
                                          : edgesim::LoadMode::ClosedLoop;
    if (!parser.isSet(u"url"_s) || !config.url.isValid()
        || (config.url.scheme() != u"ws"_s && config.url.scheme() != u"wss"_s))
        options.fail(u"--url wants a ws:// or wss:// URL"_s);
    if (config.appKey.isEmpty())
        options.fail(u"--app-key is required"_s);
    if (config.multipartEvery > 0 && config.chunkSize >= config.bodySize)
        options.fail(u"--multipart-every needs a --chunk-size smaller than --body-size"_s);
    if (config.mode == edgesim::LoadMode::Idle && parser.isSet(u"requests"_s))
        options.fail(u"--idle sends no requests: use --duration"_s);
    config.tls = edgesim::readClientTls(config.url, parser, options);
    if (!options.ok())
        return tools::usageError("cxedgesim", options.error());
    if (config.durationSec == 0 && (config.requests == 0 || config.mode == edgesim::LoadMode::Idle))
        config.durationSec = 10;
    config.threads = std::min(config.threads, config.edges);
    if (!config.recordPath.isEmpty()) {
        QFile record(config.recordPath);
        if (!record.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "cxedgesim: cannot write %s: %s\n", qPrintable(config.recordPath),
                         qPrintable(record.errorString()));
            return 1;
        }
        record.write(QByteArray(edgesim::RecordWriter::Header) + '\n');
    }

    edgesim::LoadRunner runner(config);
    tools::SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &tools::SignalWatcher::terminationRequested, &runner,
                     &edgesim::LoadRunner::terminate);
    QObject::connect(&runner, &edgesim::LoadRunner::finished, &app, &QCoreApplication::exit);
    runner.start();
    return app.exec();
}
