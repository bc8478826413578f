#pragma once

#include "bodyreader.h"

#include <QByteArrayView>
#include <QtEndian>
#include <cstring>

namespace cx::alwayson {

/// Writes big-endian fields and strings into a buffer the caller has sized, or, when
/// default-constructed, only counts the bytes they take. Running the same body encoder
/// first on a counting writer then on a real one builds a message in one exact allocation.
class BodyWriter
{
public:
    BodyWriter() = default; ///< counts only
    /// Writes at \a out, which must have room for everything written.
    explicit BodyWriter(char *out)
        : m_out(out)
    { }

    void u8(quint8 value) { fixed(value); }
    void u16(quint16 value) { fixed(value); }
    void u32(quint32 value) { fixed(value); }
    /// A length-prefixed string (1-byte length up to 127, else 4 bytes with the top bit set).
    /// \a bytes must not exceed MaxStringLength.
    void string(QByteArrayView bytes)
    {
        Q_ASSERT(bytes.size() <= MaxStringLength);
        if (bytes.size() <= MaxShortStringLength)
            u8(quint8(bytes.size()));
        else
            u32(quint32(bytes.size()) | LongStringFlag);
        raw(bytes);
    }
    /// \a bytes as they are, with no length.
    void raw(QByteArrayView bytes)
    {
        if (m_out && !bytes.isEmpty())
            std::memcpy(m_out + m_size, bytes.data(), size_t(bytes.size()));
        m_size += bytes.size();
    }

    /// Bytes written (or counted) so far.
    qsizetype size() const { return m_size; }

private:
    template<typename T> void fixed(T value)
    {
        if (m_out)
            qToBigEndian(value, m_out + m_size);
        m_size += sizeof(T);
    }

    char *m_out = nullptr;
    qsizetype m_size = 0;
};

} // namespace cx::alwayson
