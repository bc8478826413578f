#include "handshake.h"

#include "http/requesthead.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cx::websocket {

namespace {
constexpr char AcceptGuid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/// Whether the comma-separated header value \a list holds \a token (any case).
bool hasToken(QByteArrayView list, QByteArrayView token)
{
    while (!list.isEmpty()) {
        qsizetype comma = list.indexOf(',');
        if (comma < 0)
            comma = list.size();
        if (list.first(comma).trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
        list = list.sliced(std::min(comma + 1, list.size()));
    }
    return false;
}
} // namespace

QByteArray acceptKey(QByteArrayView key)
{
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(key);
    sha1.addData(QByteArrayView(AcceptGuid));
    return sha1.result().toBase64();
}

QByteArrayView headerValue(QByteArrayView head, QByteArrayView name)
{
    qsizetype start = head.indexOf("\r\n");
    while (start >= 0 && start < head.size()) {
        start += 2;
        qsizetype end = head.indexOf("\r\n", start);
        if (end < 0)
            end = head.size();
        const QByteArrayView line = head.sliced(start, end - start);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.sliced(colon + 1).trimmed();
        start = end;
    }
    return {};
}

UpgradeRequest parseUpgradeRequest(QByteArrayView bytes)
{
    UpgradeRequest request;
    const http::RequestParse parse = http::parseRequestHead(bytes);
    if (!parse.ok()) {
        request.refusal = parse.refusal;
        return request;
    }
    const http::RequestHead &head = parse.head;
    // protocol.md §1: GET, HTTP/1.1 or later, a Host field (checked by the parser for 1.1).
    if (head.method != "GET" || !head.atLeast11()) {
        request.refusal = "400 Bad Request";
        return request;
    }
    request.path = head.path.toByteArray();
    request.target
        = head.query.isNull() ? request.path : request.path + '?' + head.query.toByteArray();
    if (!hasToken(head.field("upgrade"), "websocket")
        || !hasToken(head.field("connection"), "upgrade")) {
        request.refusal = "426 Upgrade Required";
        return request;
    }
    if (head.field("sec-websocket-version") != "13") {
        request.refusal = "426 Upgrade Required";
        return request;
    }
    const QByteArrayView key = head.field("sec-websocket-key");
    const auto decoded = QByteArray::fromBase64Encoding(key.toByteArray(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 16) {
        request.refusal = "400 Bad Request";
        return request;
    }
    request.key = key.toByteArray();
    for (const char *name : {"appKey", "Cookie", "Authorization"}) {
        for (const QByteArrayView value : head.fieldValues(name))
            request.credentials.append({QByteArray(name), value.toByteArray()});
    }
    return request;
}

QByteArray upgradeResponse(const UpgradeRequest &request)
{
    return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Accept: "
        + acceptKey(request.key) + "\r\n\r\n";
}

QByteArray refusalResponse(QByteArrayView status)
{
    QByteArray response = "HTTP/1.1 " + status.toByteArray()
        + "\r\nSec-WebSocket-Version: 13\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    return response;
}

QByteArray newClientKey()
{
    quint32 nonce[4];
    QRandomGenerator::global()->fillRange(nonce);
    return QByteArray(reinterpret_cast<const char *>(nonce), sizeof nonce).toBase64();
}

QByteArray upgradeRequest(QByteArrayView target, QByteArrayView host, QByteArrayView key,
                          const HttpHeaders &headers)
{
    QByteArray request = "GET " + target.toByteArray() + " HTTP/1.1\r\nHost: " + host.toByteArray()
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key.toByteArray()
        + "\r\nSec-WebSocket-Version: 13\r\n";
    for (const auto &[name, value] : headers) {
        const bool nameOk = !name.isEmpty() && std::all_of(name.begin(), name.end(), [](char c) {
            return uchar(c) > 0x20 && uchar(c) < 0x7F && c != ':';
        });
        const bool valueOk = std::none_of(
            value.begin(), value.end(), [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
        if (!nameOk || !valueOk)
            return {};
        request += name + ": " + value + "\r\n";
    }
    request += "\r\n";
    return request;
}

QString checkUpgradeResponse(QByteArrayView head, QByteArrayView key)
{
    const qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArrayView statusLine = lineEnd < 0 ? head : head.first(lineEnd);
    // "HTTP/1.1 101 Switching Protocols"
    const qsizetype space = statusLine.indexOf(' ');
    if (space < 0 || !statusLine.startsWith("HTTP/1.")
        || !statusLine.sliced(space + 1).startsWith("101")
        || (statusLine.size() > space + 4 && statusLine.at(space + 4) != ' '))
        return u"upgrade refused: "_s
            + QString::fromUtf8(statusLine.first(
                qMin(statusLine.size(), qsizetype(200)))); // a long or binary answer: cut
    if (!hasToken(headerValue(head, "upgrade"), "websocket")
        || !hasToken(headerValue(head, "connection"), "upgrade"))
        return u"upgrade response without Upgrade: websocket and Connection: Upgrade"_s;
    if (headerValue(head, "sec-websocket-accept") != QByteArrayView(acceptKey(key)))
        return u"upgrade response without the right Sec-WebSocket-Accept"_s;
    if (!headerValue(head, "sec-websocket-extensions").isEmpty()
        || !headerValue(head, "sec-websocket-protocol").isEmpty())
        return u"upgrade response with an extension or subprotocol that was not asked for"_s;
    return {};
}

} // namespace cx::websocket
