#pragma once

#include "cxcore_global.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QtEndian>

namespace cx::alwayson {

/// Strings (protocol.md §2): a length of at most 127 takes 1 byte; a longer one takes 4
/// big-endian bytes with the top bit set, the length being their low 31 bits.
inline constexpr qsizetype MaxShortStringLength = 0x7F;
inline constexpr quint32 LongStringFlag = 0x80000000u;
inline constexpr qsizetype MaxStringLength = 0x7FFFFFFF;

/// Why a body is malformed.
enum class BodyError : quint8 {
    None,
    TruncatedBody, ///< a fixed-size field, or a string's length, runs past the end
    StringPastEnd, ///< a string's bytes run past the end
    AuthCountNotOne, ///< an AUTH body whose count is not 1
    BadGatewayFlag, ///< a BIND/UNBIND gatewayFlag that is neither 0 nor 1
    BadReasonMarker, ///< a response reasonMarker that is neither 0 nor 1
};

/// A short English reason for \a error, for log lines and error responses. Static storage.
CXCORE_EXPORT const char *reason(BodyError error);

/// A bounds-checked cursor reading big-endian fields and strings from a body, without
/// allocating. Errors are sticky: the first read that does not fit records the error and
/// leaves the position where that field starts; it and every later read return 0 or a null
/// view. Lengths from the wire are untrusted and only ever compared with what is left.
class CXCORE_EXPORT BodyReader
{
public:
    /// Reads \a data, which must outlive the reader and the views it returns.
    explicit BodyReader(QByteArrayView data)
        : m_data(data)
    { }
    explicit BodyReader(QByteArray &&) = delete; ///< would read a destroyed temporary

    quint8 u8() { return fixed<quint8>(); }
    quint16 u16() { return fixed<quint16>(); }
    quint32 u32() { return fixed<quint32>(); }
    /// A length-prefixed string: a view into the body (not validated as UTF-8).
    QByteArrayView string();

    BodyError error() const { return m_error; }
    bool ok() const { return m_error == BodyError::None; }
    /// Bytes read so far.
    qsizetype position() const { return m_pos; }
    /// The bytes not read yet.
    QByteArrayView rest() const { return m_data.sliced(m_pos); }

private:
    template<typename T> T fixed()
    {
        if (!ok())
            return 0;
        if (m_data.size() - m_pos < qsizetype(sizeof(T))) {
            m_error = BodyError::TruncatedBody;
            return 0;
        }
        const T value = qFromBigEndian<T>(m_data.data() + m_pos);
        m_pos += sizeof(T);
        return value;
    }

    QByteArrayView m_data;
    qsizetype m_pos = 0;
    BodyError m_error = BodyError::None;
};

} // namespace cx::alwayson
