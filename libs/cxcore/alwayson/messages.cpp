#include "messages.h"

namespace cx::alwayson {

namespace {

/// One message of exactly the right size: \a writeBody runs once to count, once to write.
template<typename WriteBody> QByteArray build(const Header &header, WriteBody writeBody)
{
    BodyWriter counter;
    writeBody(counter);
    QByteArray message(header.size() + counter.size(), Qt::Uninitialized);
    writeHeader(header, message.data());
    BodyWriter out(message.data() + header.size());
    writeBody(out);
    Q_ASSERT(header.size() + out.size() == message.size());
    return message;
}

Header responseHeader(const Header &request, quint32 endpointId, Code code)
{
    Q_ASSERT(isResponse(code));
    return Header {.code = quint8(code),
                   .requestId = request.requestId,
                   .endpointId = endpointId,
                   .sessionId = request.sessionId};
}

} // namespace

QByteArray buildMessage(const Header &header, QByteArrayView body)
{
    return build(header, [body](BodyWriter &out) { out.raw(body); });
}

QByteArray buildAuthRequest(quint32 requestId, QByteArrayView appKey, quint32 endpointId)
{
    const Header header {.code = quint8(Code::Auth),
                         .requestId = requestId,
                         .endpointId = endpointId,
                         .sessionId = AuthSessionId};
    return build(header, [appKey](BodyWriter &out) {
        writeAuthBody(out, QByteArrayView(AppKeyName), appKey);
    });
}

QByteArray buildBindRequest(Code code, quint32 requestId, quint32 endpointId, quint32 sessionId,
                            const std::optional<Gateway> &gateway,
                            std::span<const QByteArray> names)
{
    Q_ASSERT(code == Code::Bind || code == Code::Unbind);
    const Header header {.code = quint8(code),
                         .requestId = requestId,
                         .endpointId = endpointId,
                         .sessionId = sessionId};
    return build(header,
                 [&gateway, names](BodyWriter &out) { writeBindBody(out, gateway, names); });
}

QList<QByteArray> buildUnbindRequests(quint32 firstRequestId, quint32 endpointId, quint32 sessionId,
                                      std::span<const QByteArray> names)
{
    QList<QByteArray> messages;
    messages.reserve((qsizetype(names.size()) + MaxBindNames - 1) / MaxBindNames);
    quint32 requestId = firstRequestId;
    while (!names.empty()) {
        const auto count = std::min(names.size(), size_t(MaxBindNames));
        messages.append(buildBindRequest(Code::Unbind, requestId++, endpointId, sessionId,
                                         std::nullopt, names.first(count)));
        names = names.subspan(count);
    }
    return messages;
}

QByteArray buildErrorResponse(const Header &request, quint32 endpointId, Code code,
                              QByteArrayView reason)
{
    const ResponseBody body {.reason = reason};
    return build(responseHeader(request, endpointId, code),
                 [&body](BodyWriter &out) { writeResponseBody(out, body); });
}

QByteArray buildSuccessResponse(const Header &request, quint32 endpointId)
{
    const ResponseBody body;
    return build(responseHeader(request, endpointId, Code::Success),
                 [&body](BodyWriter &out) { writeResponseBody(out, body); });
}

QList<QByteArray> buildChunks(const Header &header, QByteArrayView body, quint16 chunkSize)
{
    if (chunkSize == 0)
        return {};
    const qsizetype chunkCount = (body.size() + chunkSize - 1) / chunkSize;
    if (chunkCount > 0xFFFF)
        return {};
    if (chunkCount < 2) {
        Header plain = header;
        plain.multipart = false;
        return {buildMessage(plain, body)};
    }
    Header chunk = header;
    chunk.multipart = true;
    chunk.chunkCount = quint16(chunkCount);
    chunk.chunkSize = chunkSize;
    QList<QByteArray> chunks;
    chunks.reserve(chunkCount);
    for (qsizetype i = 0; i < chunkCount; ++i) {
        const qsizetype offset = i * chunkSize;
        chunk.chunkId = quint16(i + 1);
        chunks.append(buildMessage(
            chunk, body.sliced(offset, qMin<qsizetype>(chunkSize, body.size() - offset))));
    }
    return chunks;
}

} // namespace cx::alwayson
