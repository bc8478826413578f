#include "tunneloptions.h"

#include "options.h"

#include <QCommandLineParser>
#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace cx::edgesim {

namespace {

constexpr int MaxTidLength = 128;

/// protocol.md §8: one path segment of 1–128 characters from A–Z a–z 0–9 . _ ~ -, not "."
/// or "..".
bool isValidTid(const QString &tid)
{
    if (tid.isEmpty() || tid.size() > MaxTidLength || tid == u"."_s || tid == u".."_s)
        return false;
    return std::all_of(tid.begin(), tid.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'.' || c == u'_' || c == u'~' || c == u'-';
    });
}

/// "HOST:PORT" or "[V6]:PORT" into config.host and config.port; false when malformed.
bool parseHostPort(const QString &text, quint16 minPort, TunnelConfig &config)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString host = text.first(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.sliced(1, host.size() - 2);
    bool portOk = false;
    const uint port = text.sliced(colon + 1).toUInt(&portOk);
    if (host.isEmpty() || !portOk || port < minPort || port > 65535)
        return false;
    config.host = host;
    config.port = quint16(port);
    return true;
}

/// "Name: value" into a header; false when the name is empty or not an HTTP token.
bool parseHeader(const QString &text, websocket::HttpHeaders &headers)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon <= 0)
        return false;
    const QByteArray name = text.first(colon).trimmed().toUtf8();
    const QByteArray value = text.sliced(colon + 1).trimmed().toUtf8();
    const bool nameOk = !name.isEmpty() && std::all_of(name.begin(), name.end(), [](char c) {
        return uchar(c) > 0x20 && uchar(c) < 0x7F;
    });
    if (!nameOk || value.contains('\r') || value.contains('\n') || value.contains('\0'))
        return false;
    headers.append({name, value});
    return true;
}

} // namespace

QList<QCommandLineOption> tunnelOptions()
{
    return {
        {u"tunnel-device"_s,
         u"Tunnel mode, device end: open the WebSocket /Thingworx/WSTunnelServer/TID on the "
         "--url server (its path is ignored, its query kept), then connect to --connect and "
         "relay both ways. Exits when all tunnels are closed (0; 2 when one never opened)."_s,
         u"tid"_s},
        {u"tunnel-client"_s,
         u"Tunnel mode, client end: listen on --listen; the k-th accepted connection opens "
         "/Thingworx/WSTunnelClient/TID-k and is relayed both ways. Runs until SIGTERM."_s,
         u"tid"_s},
        {u"connect"_s, u"Tunnel device end: the local TCP service, HOST:PORT."_s, u"host:port"_s},
        {u"listen"_s,
         u"Tunnel client end: the local address to listen on, ADDRESS:PORT (port 0: "
         "any free one; printed as \"listening ADDRESS:PORT\")."_s,
         u"address:port"_s},
        {u"tunnel-count"_s,
         u"Tunnel device end: open N tunnels TID-1 ... TID-N at once (default: one, TID)."_s,
         u"N"_s},
        {u"header"_s,
         u"Tunnel mode: an extra HTTP header on each upgrade request, \"Name: value\" "
         "(repeatable; e.g. Authorization). --app-key adds the appKey header."_s,
         u"header"_s},
    };
}

bool isTunnelMode(const QCommandLineParser &parser)
{
    return parser.isSet(u"tunnel-device"_s) || parser.isSet(u"tunnel-client"_s);
}

TunnelConfig readTunnelConfig(const QCommandLineParser &parser, tools::OptionReader &options)
{
    TunnelConfig config;
    const bool device = parser.isSet(u"tunnel-device"_s);
    if (device && parser.isSet(u"tunnel-client"_s))
        options.fail(u"--tunnel-device and --tunnel-client exclude each other"_s);
    config.role = device ? TunnelRole::Device : TunnelRole::Client;
    config.tid = parser.value(device ? u"tunnel-device"_s : u"tunnel-client"_s);
    config.count = int(options.integer(u"tunnel-count"_s, 0, 1, 100000));
    const QString longestTid
        = config.tid + u'-' + QString::number(device ? std::max(config.count, 1) : 999999);
    if (!isValidTid(config.tid) || !isValidTid(longestTid))
        options.fail(
            u"a tunnel id (with its -k suffix) wants 1 to 128 characters from A-Z a-z 0-9 . _ ~ -"_s);
    if (!device && parser.isSet(u"tunnel-count"_s))
        options.fail(u"--tunnel-count is for --tunnel-device"_s);

    config.url = QUrl(parser.value(u"url"_s), QUrl::StrictMode);
    if (!parser.isSet(u"url"_s) || !config.url.isValid() || config.url.host().isEmpty()
        || (config.url.scheme() != u"ws"_s && config.url.scheme() != u"wss"_s))
        options.fail(u"--url wants a ws:// or wss:// URL"_s);

    const QString endpointOption = device ? u"connect"_s : u"listen"_s;
    const QString otherOption = device ? u"listen"_s : u"connect"_s;
    if (parser.isSet(otherOption))
        options.fail(u"--"_s + otherOption + u" does not go with this tunnel end"_s);
    if (!parseHostPort(parser.value(endpointOption), device ? 1 : 0, config))
        options.fail(u"--"_s + endpointOption + u" wants HOST:PORT"_s);
    else if (!device && QHostAddress(config.host).isNull())
        options.fail(u"--listen wants an IP address"_s);

    if (parser.isSet(u"app-key"_s))
        config.headers.append({"appKey", parser.value(u"app-key"_s).toUtf8()});
    for (const QString &header : parser.values(u"header"_s)) {
        if (!parseHeader(header, config.headers))
            options.fail(u"--header wants \"Name: value\", not \""_s + header + u'"');
    }

    config.tls = readClientTls(config.url, parser, options);
    return config;
}

} // namespace cx::edgesim
