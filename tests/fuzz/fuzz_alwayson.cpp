// libFuzzer target: the AlwaysOn codec (protocol.md §2) on one WebSocket message as an edge or
// a platform could send it. Headers (multi-part included), every body parser, the UTF-8
// check, and the builders cxserver answers with, each with round-trip checks.

#include "alwayson/bodies.h"
#include "alwayson/bodyreader.h"
#include "alwayson/bodywriter.h"
#include "alwayson/header.h"
#include "alwayson/messages.h"
#include "fuzzcheck.h"

#include <QByteArray>
#include <QList>
#include <cstddef>
#include <cstdint>

using namespace cx::alwayson;

namespace {

bool within(QByteArrayView part, QByteArrayView whole)
{
    return part.isNull()
        || (part.data() >= whole.data()
            && part.data() + part.size() <= whole.data() + whole.size());
}

QByteArray written(const auto &writeBody)
{
    BodyWriter counter;
    writeBody(counter);
    QByteArray bytes(counter.size(), Qt::Uninitialized);
    BodyWriter out(bytes.data());
    writeBody(out);
    CX_FUZZ_CHECK(out.size() == bytes.size());
    return bytes;
}

void checkHeader(QByteArrayView message, const HeaderParse &parse)
{
    CX_FUZZ_CHECK(reason(parse.error) != nullptr);
    if (!parse.ok()) {
        CX_FUZZ_CHECK(!parse.answerWithBadRequest() || !parse.header.isResponse());
        if (parse.answerWithBadRequest()) {
            // cxserver answers such a request with a 0x80 error response.
            const QByteArray answer = buildErrorResponse(parse.header, 7, Code::BadRequest,
                                                         QByteArrayView(reason(parse.error)));
            const HeaderParse again = parseHeader(answer);
            CX_FUZZ_CHECK(again.ok() && again.header.requestId == parse.header.requestId);
            const auto body = parseResponseBody(bodyOf(answer, again.header));
            CX_FUZZ_CHECK(body.ok() && body.body.reason.has_value());
        }
        return;
    }
    const Header &header = parse.header;
    CX_FUZZ_CHECK(header.version == Version);
    CX_FUZZ_CHECK(header.size() <= message.size());
    if (header.multipart) {
        CX_FUZZ_CHECK(header.chunkId >= 1 && header.chunkCount >= 2);
        CX_FUZZ_CHECK(header.chunkId <= header.chunkCount);
    }
    QByteArray rewritten(header.size(), Qt::Uninitialized);
    writeHeader(header, rewritten.data());
    CX_FUZZ_CHECK(rewritten == message.first(header.size()));

    QByteArray relabelled = message.toByteArray();
    setEndpointId(relabelled, ~header.endpointId);
    CX_FUZZ_CHECK(parseHeader(relabelled).header.endpointId == ~header.endpointId);
}

void checkBodies(QByteArrayView body)
{
    const auto auth = parseAuthBody(body);
    CX_FUZZ_CHECK(reason(auth.error) != nullptr);
    if (auth.ok()) {
        CX_FUZZ_CHECK(within(auth.body.name, body) && within(auth.body.value, body));
        const QByteArray again = written(
            [&](BodyWriter &out) { writeAuthBody(out, auth.body.name, auth.body.value); });
        const auto reparsed = parseAuthBody(again);
        CX_FUZZ_CHECK(reparsed.ok() && reparsed.body.name == auth.body.name
                      && reparsed.body.value == auth.body.value);
        isValidUtf8(auth.body.name);
        isValidUtf8(auth.body.value);
    }

    const auto bind = parseBindBody(body);
    if (bind.ok()) {
        QList<QByteArray> names;
        for (QByteArrayView name : bind.body.names) {
            CX_FUZZ_CHECK(within(name, body));
            names.append(name.toByteArray());
        }
        CX_FUZZ_CHECK(names.size() <= MaxBindNames);
        const QByteArray again = written([&](BodyWriter &out) {
            writeBindBody(out, bind.body.gateway, std::span<const QByteArray>(names));
        });
        const auto reparsed = parseBindBody(again);
        CX_FUZZ_CHECK(reparsed.ok() && reparsed.body.names == bind.body.names
                      && reparsed.body.gateway == bind.body.gateway);
        // What cxserver sends for a closing edge that had bound these names.
        const QList<QByteArray> unbinds = buildUnbindRequests(0xFFFFFFFFu, 1, 2, names);
        qsizetype total = 0;
        for (const QByteArray &unbind : unbinds) {
            const HeaderParse header = parseHeader(unbind);
            CX_FUZZ_CHECK(header.ok() && header.header.code == quint8(Code::Unbind));
            const auto unbindBody = parseBindBody(bodyOf(unbind, header.header));
            CX_FUZZ_CHECK(unbindBody.ok() && !unbindBody.body.gateway);
            total += unbindBody.body.names.size();
        }
        CX_FUZZ_CHECK(total == names.size());
    }

    const auto response = parseResponseBody(body);
    if (response.ok()) {
        CX_FUZZ_CHECK(within(response.body.content, body));
        const QByteArray again
            = written([&](BodyWriter &out) { writeResponseBody(out, response.body); });
        const auto reparsed = parseResponseBody(again);
        CX_FUZZ_CHECK(reparsed.ok() && reparsed.body.reason == response.body.reason
                      && reparsed.body.baseType == response.body.baseType
                      && reparsed.body.content == response.body.content);
    }
}

/// Reads the bytes as a sequence of fields, each chosen by the byte it starts at: the reader
/// must stay within them and its errors must be sticky.
void checkReader(QByteArrayView bytes)
{
    BodyReader reader(bytes);
    while (reader.ok() && reader.position() < bytes.size()) {
        const qsizetype before = reader.position();
        switch (quint8(bytes[before]) % 4) {
        case 0:
            reader.u8();
            break;
        case 1:
            reader.u16();
            break;
        case 2:
            reader.u32();
            break;
        default:
            CX_FUZZ_CHECK(within(reader.string(), bytes));
            break;
        }
        CX_FUZZ_CHECK(reader.position() <= bytes.size());
        CX_FUZZ_CHECK(reader.ok() ? reader.position() > before : reader.position() == before);
    }
    if (!reader.ok()) {
        const qsizetype stuck = reader.position();
        CX_FUZZ_CHECK(reader.u32() == 0 && reader.string().isNull() && reader.position() == stuck);
    }
}

/// Splits the body into chunks as the simulators do and reads them back as cxserver does.
void checkChunks(QByteArrayView message, const Header &header)
{
    const QByteArrayView body = bodyOf(message, header);
    const quint16 chunkSize = quint16(header.requestId % 64);
    const QList<QByteArray> chunks = buildChunks(header, body, chunkSize);
    if (chunkSize == 0) {
        CX_FUZZ_CHECK(chunks.isEmpty());
        return;
    }
    QByteArray joined;
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        const HeaderParse parse = parseHeader(chunks[i]);
        CX_FUZZ_CHECK(parse.ok() && parse.header.code == header.code);
        CX_FUZZ_CHECK(parse.header.multipart == (chunks.size() > 1));
        if (parse.header.multipart) {
            CX_FUZZ_CHECK(parse.header.chunkId == i + 1);
            CX_FUZZ_CHECK(parse.header.chunkCount == chunks.size());
            CX_FUZZ_CHECK(parse.header.chunkSize == chunkSize);
        }
        const QByteArrayView part = bodyOf(chunks[i], parse.header);
        CX_FUZZ_CHECK(part.size() <= chunkSize || chunks.size() == 1);
        joined.append(part);
    }
    CX_FUZZ_CHECK(joined == body);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView message(reinterpret_cast<const char *>(data), qsizetype(size));
    const HeaderParse parse = parseHeader(message);
    checkHeader(message, parse);
    // The body parsers are fed whatever follows the fixed header, whatever the code says.
    const QByteArrayView body = parse.ok() ? bodyOf(message, parse.header)
                                           : message.sliced(qMin<qsizetype>(size, HeaderSize));
    checkBodies(body);
    checkReader(message);
    CX_FUZZ_CHECK(isValidUtf8(message) == message.isValidUtf8());
    if (parse.ok())
        checkChunks(message, parse.header);
    return 0;
}
