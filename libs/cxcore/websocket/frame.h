#pragma once

#include "cxcore_global.h"

#include <QByteArrayView>
#include <QtGlobal>

namespace cx::websocket {

/// RFC 6455 opcodes.
enum Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

/// RFC 6455 close codes cxserver sends or checks.
enum CloseCode : quint16 {
    CloseNormal = 1000,
    CloseGoingAway = 1001,
    CloseProtocolError = 1002,
    CloseUnsupportedData = 1003,
    CloseNoStatus = 1005, ///< never on the wire: the close frame carried no code
    CloseAbnormal = 1006, ///< never on the wire: the connection ended without a close frame
    CloseInvalidPayload = 1007,
    ClosePolicyViolation = 1008,
    CloseTooBig = 1009,
    CloseInternalError = 1011,
};

inline constexpr int MaxFrameHeadSize = 14; ///< 2 + 8 length bytes + 4 mask bytes
inline constexpr int MaxControlPayload = 125;

/// The decoded head of one frame.
struct FrameHead
{
    bool fin = false;
    quint8 rsv = 0; ///< the three RSV bits; non-zero without a negotiated extension is an error
    quint8 opcode = 0;
    bool masked = false;
    quint64 length = 0; ///< payload bytes
    int size = 0; ///< bytes of the head itself, mask key included
    uchar key[4] = {}; ///< the masking key when masked
};

/// Decodes the frame head at the start of \a bytes. Returns false while \a bytes holds less
/// than the whole head (nothing else can be wrong with a head; the caller checks the fields).
CXCORE_EXPORT bool parseFrameHead(QByteArrayView bytes, FrameHead *head);

/// Writes the head of a final frame with \a opcode and \a length payload bytes to \a out
/// (room for MaxFrameHeadSize bytes), masked with \a key when it is not null. Returns the
/// number of bytes written.
CXCORE_EXPORT int writeFrameHead(uchar *out, quint8 opcode, quint64 length,
                                 const uchar *key = nullptr);

/// XORs \a size bytes of \a in with the masking \a key into \a out (which may be \a in),
/// eight bytes at a time; byte i uses key[i % 4].
CXCORE_EXPORT void applyMask(const char *in, char *out, qsizetype size, const uchar key[4]);

/// Whether \a code may appear in a close frame (RFC 6455 §7.4).
CXCORE_EXPORT bool isValidCloseCode(quint16 code);

} // namespace cx::websocket
