#include "header.h"

namespace cx::alwayson {

namespace {

quint16 u16At(const char *message, int offset)
{
    return qFromBigEndian<quint16>(message + offset);
}

quint32 u32At(const char *message, int offset)
{
    return qFromBigEndian<quint32>(message + offset);
}

} // namespace

const char *reason(ParseError error)
{
    switch (error) {
    case ParseError::None:
        return "no error";
    case ParseError::TruncatedHeader:
        return "message shorter than its header";
    case ParseError::BadVersion:
        return "unsupported protocol version";
    case ParseError::BadMultipartFlag:
        return "multipart flag is neither 0 nor 1";
    case ParseError::TruncatedMultipartHeader:
        return "message shorter than its multi-part header";
    case ParseError::ChunkIdZero:
        return "multi-part chunkId is 0";
    case ParseError::ChunkCountTooSmall:
        return "multi-part chunkCount is less than 2";
    case ParseError::ChunkIdPastCount:
        return "multi-part chunkId is greater than chunkCount";
    }
    return "unknown error";
}

HeaderParse parseHeader(QByteArrayView message)
{
    HeaderParse parse;
    Header &header = parse.header;
    header.version = 0;
    const char *data = message.data();
    const qsizetype size = message.size();

    if (size <= VersionOffset) {
        parse.error = ParseError::TruncatedHeader;
        return parse;
    }
    header.version = quint8(data[VersionOffset]);
    if (header.version != Version) {
        parse.error = ParseError::BadVersion;
        return parse;
    }
    if (size > CodeOffset)
        header.code = quint8(data[CodeOffset]);
    if (size >= RequestIdOffset + 4) {
        header.requestId = u32At(data, RequestIdOffset);
        parse.requestIdReadable = !header.isResponse();
    }
    if (size >= EndpointIdOffset + 4)
        header.endpointId = u32At(data, EndpointIdOffset);
    if (size >= SessionIdOffset + 4)
        header.sessionId = u32At(data, SessionIdOffset);
    if (size < HeaderSize) {
        parse.error = ParseError::TruncatedHeader;
        return parse;
    }

    const quint8 multipart = quint8(data[MultipartOffset]);
    if (multipart > 1) {
        parse.error = ParseError::BadMultipartFlag;
        return parse;
    }
    if (multipart == 0)
        return parse;

    header.multipart = true;
    if (size < HeaderSize + MultipartHeaderSize) {
        parse.error = ParseError::TruncatedMultipartHeader;
        return parse;
    }
    header.chunkId = u16At(data, ChunkIdOffset);
    header.chunkCount = u16At(data, ChunkCountOffset);
    header.chunkSize = u16At(data, ChunkSizeOffset);
    if (header.chunkId == 0)
        parse.error = ParseError::ChunkIdZero;
    else if (header.chunkCount < 2)
        parse.error = ParseError::ChunkCountTooSmall;
    else if (header.chunkId > header.chunkCount)
        parse.error = ParseError::ChunkIdPastCount;
    return parse;
}

void writeHeader(const Header &header, char *out)
{
    out[VersionOffset] = char(header.version);
    out[CodeOffset] = char(header.code);
    qToBigEndian(header.requestId, out + RequestIdOffset);
    qToBigEndian(header.endpointId, out + EndpointIdOffset);
    qToBigEndian(header.sessionId, out + SessionIdOffset);
    out[MultipartOffset] = header.multipart ? 1 : 0;
    if (!header.multipart)
        return;
    qToBigEndian(header.chunkId, out + ChunkIdOffset);
    qToBigEndian(header.chunkCount, out + ChunkCountOffset);
    qToBigEndian(header.chunkSize, out + ChunkSizeOffset);
}

} // namespace cx::alwayson
