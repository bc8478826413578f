#pragma once

#include "alwayson/bodywriter.h"
#include "alwayson/header.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <initializer_list>

// Helpers shared by the codec's tests.

namespace cx::alwayson {

/// Lets QCOMPARE print a Header (found by argument-dependent lookup).
inline char *toString(const Header &header)
{
    return QTest::toString(QStringLiteral("Header(version %1, code 0x%2, requestId %3, "
                                          "endpointId %4, sessionId %5, multipart %6, "
                                          "chunk %7/%8, chunkSize %9)")
                               .arg(header.version)
                               .arg(header.code, 2, 16, QLatin1Char('0'))
                               .arg(header.requestId)
                               .arg(header.endpointId)
                               .arg(header.sessionId)
                               .arg(header.multipart)
                               .arg(header.chunkId)
                               .arg(header.chunkCount)
                               .arg(header.chunkSize));
}

} // namespace cx::alwayson

namespace cx::alwayson::test {

/// Seed shared by the codec's randomized round-trip tests, so that every run is the same.
inline constexpr quint32 RandomSeed = 20240611;

/// True when every error of \a errors has a non-empty reason() that no other one has.
template<typename Error> bool reasonsAreDistinct(std::initializer_list<Error> errors)
{
    QSet<QByteArray> seen;
    for (Error error : errors) {
        const QByteArray text(reason(error));
        if (text.isEmpty() || seen.contains(text))
            return false;
        seen.insert(text);
    }
    return true;
}

/// \a parts one after the other. Test rows need a QByteArray, and with QT_USE_QSTRINGBUILDER
/// `a + b` is not one.
inline QByteArray join(std::initializer_list<QByteArrayView> parts)
{
    QByteArray joined;
    for (QByteArrayView part : parts)
        joined.append(part);
    return joined;
}

/// \a size random bytes.
inline QByteArray randomBytes(QRandomGenerator &rng, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(rng.bounded(256));
    return bytes;
}

/// Random bytes whose length crosses the 1-byte/4-byte string length boundary (0..300).
inline QByteArray randomString(QRandomGenerator &rng)
{
    return randomBytes(rng, rng.bounded(301));
}

/// A random well-formed header: any code and ids, multipart or not; when multipart a valid
/// chunkId/chunkCount pair and any chunkSize, otherwise the multi-part fields are 0.
inline Header randomHeader(QRandomGenerator &rng)
{
    Header header {.code = quint8(rng.bounded(256)),
                   .requestId = rng.generate(),
                   .endpointId = rng.generate(),
                   .sessionId = rng.generate(),
                   .multipart = rng.bounded(2) == 1};
    if (header.multipart) {
        header.chunkCount = quint16(rng.bounded(2, 0x10000));
        header.chunkId = quint16(rng.bounded(1, header.chunkCount + 1));
        header.chunkSize = quint16(rng.bounded(0x10000));
    }
    return header;
}

/// The bytes \a write puts through a BodyWriter, in a buffer of exactly that size.
template<typename Write> QByteArray writeBody(Write write)
{
    BodyWriter counter;
    write(counter);
    QByteArray body(counter.size(), Qt::Uninitialized);
    BodyWriter writer(body.data());
    write(writer);
    return body;
}

} // namespace cx::alwayson::test
