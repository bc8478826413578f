#pragma once

#include "codes.h"
#include "cxcore_global.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QtEndian>
#include <span>

namespace cx::alwayson {

inline constexpr int HeaderSize = 15; ///< the fixed header, protocol.md §2
inline constexpr int MultipartHeaderSize = 6; ///< follows the header when multipart = 1
inline constexpr quint8 Version = 1; ///< the only protocol version

/// Byte offsets of the header fields within a message.
inline constexpr int VersionOffset = 0;
inline constexpr int CodeOffset = 1;
inline constexpr int RequestIdOffset = 2;
inline constexpr int EndpointIdOffset = 6;
inline constexpr int SessionIdOffset = 10;
inline constexpr int MultipartOffset = 14;
inline constexpr int ChunkIdOffset = 15;
inline constexpr int ChunkCountOffset = 17;
inline constexpr int ChunkSizeOffset = 19;

/// The decoded header of one AlwaysOn message, multi-part header included. An aggregate:
/// build one with designated initializers, e.g. `Header{.code = 0x01, .requestId = 7}`.
struct Header
{
    quint8 version = Version;
    quint8 code = 0; ///< a Code value, or a code cxserver does not know (forwarded as is)
    quint32 requestId = 0;
    quint32 endpointId = 0;
    quint32 sessionId = 0;
    bool multipart = false;
    quint16 chunkId = 0; ///< 1-based; only meaningful when multipart
    quint16 chunkCount = 0; ///< >= 2; only meaningful when multipart
    quint16 chunkSize = 0; ///< the sender's chunk size; only meaningful when multipart

    /// Bytes the headers take on the wire: 15, or 21 for a multi-part chunk.
    int size() const { return multipart ? HeaderSize + MultipartHeaderSize : HeaderSize; }
    /// True for a response (code >= 0x40), false for a request.
    bool isResponse() const { return alwayson::isResponse(code); }

    friend bool operator==(const Header &, const Header &) = default;
};

/// Why a message's headers are malformed.
enum class ParseError : quint8 {
    None,
    TruncatedHeader, ///< shorter than the 15-byte header
    BadVersion, ///< version byte is not 1
    BadMultipartFlag, ///< multipart byte is neither 0 nor 1
    TruncatedMultipartHeader, ///< multipart = 1 but the 6-byte multi-part header is cut
    ChunkIdZero, ///< chunkId = 0 (chunk ids are 1-based)
    ChunkCountTooSmall, ///< chunkCount < 2
    ChunkIdPastCount, ///< chunkId > chunkCount
};

/// A short English reason for \a error, for log lines and error responses. Static storage.
CXCORE_EXPORT const char *reason(ParseError error);

/// The outcome of parseHeader().
struct HeaderParse
{
    /// The headers when ok(). Otherwise the fields lying wholly within the message and read
    /// before the error; the others are 0 (so is version for an empty message). Nothing past
    /// the version byte is read when the version is bad.
    Header header;
    ParseError error = ParseError::None;
    /// The message is a request (code < 0x40) with a good version whose requestId lies within
    /// it, so a malformed one can be answered.
    bool requestIdReadable = false;

    bool ok() const { return error == ParseError::None; }
    /// protocol.md §2: a malformed request whose requestId can be read is answered with a
    /// 0x80 BAD_REQUEST error response; any other malformed message (a bad version always)
    /// closes the WebSocket with 1002.
    bool answerWithBadRequest() const { return !ok() && requestIdReadable; }
};

/// Parses and checks the headers of \a message. Never allocates and never reads outside
/// \a message. The body starts at header.size().
CXCORE_EXPORT HeaderParse parseHeader(QByteArrayView message);

/// The body of \a message whose headers parsed as \a header: everything after the headers.
inline QByteArrayView bodyOf(QByteArrayView message, const Header &header)
{
    return message.sliced(header.size());
}

/// Writes \a header (header.size() bytes, the multi-part header when header.multipart) to
/// \a out, which must have room for them.
CXCORE_EXPORT void writeHeader(const Header &header, char *out);

/// Replaces the endpointId of \a message in place: 4 bytes at offset 6, no other byte
/// touched, no reallocation unless \a message is shared (Qt's detach). \a message must hold
/// at least a full header.
inline void setEndpointId(QByteArray &message, quint32 endpointId)
{
    Q_ASSERT(message.size() >= HeaderSize);
    qToBigEndian(endpointId, message.data() + EndpointIdOffset);
}

/// The same for a message in a borrowed buffer.
inline void setEndpointId(std::span<char> message, quint32 endpointId)
{
    Q_ASSERT(message.size() >= size_t(HeaderSize));
    qToBigEndian(endpointId, message.data() + EndpointIdOffset);
}

} // namespace cx::alwayson
