#pragma once

#include "cxcore_global.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <utility>

namespace cx::websocket {

inline constexpr qsizetype MaxHandshakeHead = 16 * 1024; ///< longer upgrade heads are refused

/// The Sec-WebSocket-Accept value for a Sec-WebSocket-Key (RFC 6455 §4.2.2).
CXCORE_EXPORT QByteArray acceptKey(QByteArrayView key);

/// The value of header \a name in an HTTP head (request or status line first), compared
/// without regard to case, trimmed; a null view when absent.
CXCORE_EXPORT QByteArrayView headerValue(QByteArrayView head, QByteArrayView name);

/// Extra HTTP headers of an upgrade request: (name, value) pairs.
using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

/// A client's upgrade request, as a server reads it.
struct UpgradeRequest
{
    QByteArray target; ///< path and query as sent ("/Thingworx/WS?x=1"), never decoded
    QByteArray path; ///< the path alone, as sent
    QByteArray key; ///< Sec-WebSocket-Key
    /// The client's credentials as sent, for a tunnel to pass on (protocol.md §8): every
    /// `appKey`, `Cookie` and `Authorization` field, in order.
    HttpHeaders credentials;
    /// Empty when the request is a valid WebSocket upgrade; else the HTTP status line and
    /// reason to answer with ("400 Bad Request", "426 Upgrade Required").
    QByteArray refusal;
};

/// Reads the head of an HTTP upgrade request (everything before the blank line) by the rules
/// of protocol.md §1: a well-formed HTTP/1.1+ GET with a Host field, in origin-form or
/// absolute-form (http/parseRequestHead), else 400 (505 for an HTTP major version other than
/// 1); Upgrade: websocket and Connection: Upgrade, and version 13, else 426; a 16-byte key,
/// else 400. The path is not checked here: that is the server's routing.
CXCORE_EXPORT UpgradeRequest parseUpgradeRequest(QByteArrayView head);

/// The 101 response that accepts \a request.
CXCORE_EXPORT QByteArray upgradeResponse(const UpgradeRequest &request);

/// A complete HTTP response refusing an upgrade with \a status ("400 Bad Request").
CXCORE_EXPORT QByteArray refusalResponse(QByteArrayView status);

// Client side.

/// A fresh Sec-WebSocket-Key: 16 random bytes, base64.
CXCORE_EXPORT QByteArray newClientKey();

/// A client's upgrade request for \a target ("/Thingworx/WS?x=1") on \a host (the Host
/// header's value, "10.0.0.1:8443" or "[::1]:80") with Sec-WebSocket-Key \a key and the extra
/// \a headers after the standard ones. Empty when a header name is empty or holds ':',
/// white space or a control character, or a value holds CR, LF or NUL (header injection).
CXCORE_EXPORT QByteArray upgradeRequest(QByteArrayView target, QByteArrayView host,
                                        QByteArrayView key, const HttpHeaders &headers = {});

/// Checks the head of a server's answer (everything before the blank line) to an upgrade
/// request sent with \a key: status 101, Upgrade: websocket, Connection: Upgrade, the right
/// Sec-WebSocket-Accept and no extension or subprotocol (none was asked for). Returns an
/// empty string when the upgrade is accepted, else why not (for a log line).
CXCORE_EXPORT QString checkUpgradeResponse(QByteArrayView head, QByteArrayView key);

} // namespace cx::websocket
