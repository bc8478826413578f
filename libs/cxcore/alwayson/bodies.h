#pragma once

#include "bodyreader.h"
#include "bodywriter.h"
#include "cxcore_global.h"

#include <QByteArrayView>
#include <QList>
#include <optional>
#include <span>

namespace cx::alwayson {

// The bodies cxserver reads or writes (protocol.md §2). Parsers return views into the body
// they were given, which must outlive the result. Strings are NOT validated as UTF-8 while
// parsing: cxserver never interprets them, it keeps and re-sends their bytes unchanged and
// the platform judges their content; isValidUtf8() is there for a caller that needs text.
// Bytes after the last field a parser reads are ignored.

inline constexpr char AppKeyName[] = "appKey"; ///< the AUTH name cxserver sends
inline constexpr quint8 BaseTypeNothing = 0xFF; ///< response baseType: no content
inline constexpr quint8 BaseTypeInfoTable = 0x05; ///< response baseType: an INFOTABLE follows
inline constexpr qsizetype MaxBindNames = 0xFFFF; ///< names one BIND/UNBIND body can carry

/// A parsed body, or why it is malformed (body is then partly filled and not to be used).
template<typename T> struct BodyParse
{
    T body = {};
    BodyError error = BodyError::None;

    bool ok() const { return error == BodyError::None; }
};

/// AUTH body: `u8 count (= 1)`, string name, string value.
struct AuthBody
{
    QByteArrayView name = {};
    QByteArrayView value = {};
};

/// The optional gateway part of a BIND/UNBIND body.
struct Gateway
{
    QByteArrayView name = {};
    QByteArrayView type = {};

    friend bool operator==(const Gateway &, const Gateway &) = default;
};

/// BIND/UNBIND body: `u8 gatewayFlag`; if 1 string gatewayName, string gatewayType; then
/// `u16 count` and count strings (thing names).
struct BindBody
{
    std::optional<Gateway> gateway = {};
    QList<QByteArrayView> names = {};
};

/// Response body: `u8 reasonMarker`; if 1 string reason; `u8 baseType`; opaque content.
struct ResponseBody
{
    std::optional<QByteArrayView> reason = {};
    quint8 baseType = BaseTypeNothing;
    QByteArrayView content = {}; ///< everything after baseType, opaque to cxserver
};

CXCORE_EXPORT BodyParse<AuthBody> parseAuthBody(QByteArrayView body);
/// Allocates the names list, never more entries than \a body has bytes left for.
CXCORE_EXPORT BodyParse<BindBody> parseBindBody(QByteArrayView body);
CXCORE_EXPORT BodyParse<ResponseBody> parseResponseBody(QByteArrayView body);
// The results view the body: parsing a temporary would leave them dangling.
BodyParse<AuthBody> parseAuthBody(QByteArray &&) = delete;
BodyParse<BindBody> parseBindBody(QByteArray &&) = delete;
BodyParse<ResponseBody> parseResponseBody(QByteArray &&) = delete;

/// AUTH body with one name/value pair.
CXCORE_EXPORT void writeAuthBody(BodyWriter &out, QByteArrayView name, QByteArrayView value);
/// BIND/UNBIND body; \a names holds at most MaxBindNames names.
CXCORE_EXPORT void writeBindBody(BodyWriter &out, const std::optional<Gateway> &gateway,
                                 std::span<const QByteArray> names);
CXCORE_EXPORT void writeResponseBody(BodyWriter &out, const ResponseBody &body);

/// True when \a bytes is well-formed UTF-8 (no overlong forms, surrogates or code points
/// past U+10FFFF). Does not allocate.
CXCORE_EXPORT bool isValidUtf8(QByteArrayView bytes);

} // namespace cx::alwayson
