#include "websocket/framecheck.h"

#include <QUtf8StringView>
#include <QtEndian>

namespace cx::websocket {

FrameViolation checkFrameHead(const FrameHead &head, Sender sender, quint8 fragmentOpcode,
                              quint64 assembled, quint64 maxMessageSize)
{
    if (head.masked != (sender == Sender::Client))
        return {CloseProtocolError,
                sender == Sender::Client ? "unmasked frame from a client"
                                         : "masked frame from a server"};
    if (head.rsv != 0)
        return {CloseProtocolError, "reserved bits set without an extension"};
    switch (head.opcode) {
    case Close:
    case Ping:
    case Pong:
        if (!head.fin || head.length > MaxControlPayload)
            return {CloseProtocolError, "fragmented or oversized control frame"};
        return {};
    case Text:
    case Binary:
        if (fragmentOpcode != 0)
            return {CloseProtocolError, "new message before the last one ended"};
        assembled = 0;
        break;
    case Continuation:
        if (fragmentOpcode == 0)
            return {CloseProtocolError, "continuation frame without a message"};
        break;
    default:
        return {CloseProtocolError, "unknown opcode"};
    }
    // Never adds the announced length (up to 2^64 - 1) to anything: the sum could wrap.
    if (head.length > maxMessageSize || assembled > maxMessageSize - head.length)
        return {CloseTooBig, "message larger than the size limit"};
    return {};
}

CloseFrame parseCloseFrame(QByteArrayView payload)
{
    CloseFrame frame;
    if (payload.isEmpty())
        return frame;
    if (payload.size() == 1) {
        frame.violation = {CloseProtocolError, "close frame with a one-byte payload"};
        return frame;
    }
    frame.code = qFromBigEndian<quint16>(payload.data());
    if (!isValidCloseCode(frame.code)) {
        frame.violation = {CloseProtocolError, "invalid close code"};
        return frame;
    }
    frame.reason = payload.sliced(2);
    if (!isValidUtf8(frame.reason)) {
        frame.reason = {};
        frame.violation = {CloseInvalidPayload, "invalid UTF-8 in a close reason"};
    }
    return frame;
}

bool isValidUtf8(QByteArrayView bytes)
{
    return QUtf8StringView(bytes.data(), bytes.size()).isValidUtf8();
}

} // namespace cx::websocket
