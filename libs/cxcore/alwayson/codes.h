#pragma once

#include <QtGlobal>

namespace cx::alwayson {

/// AlwaysOn request methods (< 0x40) and response statuses (>= 0x40), protocol.md §2.
/// A message may carry a code not listed here; cxserver forwards it unchanged, so code
/// fields are kept as quint8 and compared against these values.
enum class Code : quint8 {
    Get = 0x01,
    Put = 0x02,
    Post = 0x03,
    Delete = 0x04,
    Bind = 0x0A,
    Unbind = 0x0B,
    Auth = 0x14,
    KeepAlive = 0x1F,

    Success = 0x40,
    BadRequest = 0x80,
    Unauthorized = 0x81,
    Forbidden = 0x83,
    NotFound = 0x84,
    EntityTooLarge = 0x8D,
    InternalServerError = 0xA0,
    BadGateway = 0xA2,
    ServiceUnavailable = 0xA3,
    GatewayTimeout = 0xA4,
};

/// Smallest response code: every code at or above it is a response, below it a request.
inline constexpr quint8 FirstResponseCode = 0x40;

/// True when \a code is a response status (>= 0x40), known or not.
constexpr bool isResponse(quint8 code)
{
    return code >= FirstResponseCode;
}

/// True when \a code is a response status.
constexpr bool isResponse(Code code)
{
    return isResponse(quint8(code));
}

/// The code's protocol name ("GET", "BAD_GATEWAY", ...) for log lines, or "UNKNOWN" for a
/// code this table does not list. Static storage, never null.
constexpr const char *codeName(quint8 code)
{
    switch (Code(code)) {
    case Code::Get:
        return "GET";
    case Code::Put:
        return "PUT";
    case Code::Post:
        return "POST";
    case Code::Delete:
        return "DEL";
    case Code::Bind:
        return "BIND";
    case Code::Unbind:
        return "UNBIND";
    case Code::Auth:
        return "AUTH";
    case Code::KeepAlive:
        return "KEEP_ALIVE";
    case Code::Success:
        return "SUCCESS";
    case Code::BadRequest:
        return "BAD_REQUEST";
    case Code::Unauthorized:
        return "UNAUTHORIZED";
    case Code::Forbidden:
        return "FORBIDDEN";
    case Code::NotFound:
        return "NOT_FOUND";
    case Code::EntityTooLarge:
        return "ENTITY_TOO_LARGE";
    case Code::InternalServerError:
        return "INTERNAL_SERVER_ERROR";
    case Code::BadGateway:
        return "BAD_GATEWAY";
    case Code::ServiceUnavailable:
        return "SERVICE_UNAVAILABLE";
    case Code::GatewayTimeout:
        return "GATEWAY_TIMEOUT";
    }
    return "UNKNOWN";
}

/// The code's protocol name, see codeName(quint8).
constexpr const char *codeName(Code code)
{
    return codeName(quint8(code));
}

} // namespace cx::alwayson
