#pragma once

#include "cxcore_global.h"
#include "websocket/frame.h"

#include <QByteArrayView>

namespace cx::websocket {

/// Why a peer's frame fails the connection (RFC 6455 §7.1.7): the close code to send and a
/// reason for the close frame and the log. Code 0: nothing wrong.
struct FrameViolation
{
    quint16 code = 0;
    const char *reason = "";

    explicit operator bool() const { return code != 0; }
};

/// Which side sent the frames being checked.
enum class Sender : quint8 { Client, Server };

/// The RFC 6455 §5 check of one frame head, the only one in cxserver: its server side
/// (edges) and its client side (pipes, the edge simulator) both use it, as soon as a head
/// has arrived and before its payload does.
///
/// - A client masks every frame, a server none (1002).
/// - RSV bits are 0: no extension is ever negotiated (1002).
/// - Opcodes are known; control frames are final and at most 125 bytes (1002).
/// - A continuation comes only inside a fragmented message, a new message only outside one
///   (1002).
/// - A message is at most \a maxMessageSize bytes, all its fragments together (1009).
///
/// \a fragmentOpcode is the opcode of the fragmented message being assembled (0: none) and
/// \a assembled its payload bytes so far.
CXCORE_EXPORT FrameViolation checkFrameHead(const FrameHead &head, Sender sender,
                                            quint8 fragmentOpcode, quint64 assembled,
                                            quint64 maxMessageSize);

/// A close frame's payload, checked (RFC 6455 §5.5.1, §7.4.1): empty (code 1005), or a code
/// that may be sent and an optional UTF-8 reason.
struct CloseFrame
{
    quint16 code = CloseNoStatus;
    QByteArrayView reason; ///< valid UTF-8, within the payload
    FrameViolation violation; ///< set when the payload is not a valid close payload
};
CXCORE_EXPORT CloseFrame parseCloseFrame(QByteArrayView payload);

/// Whether \a bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
/// nothing above U+10FFFF), as text messages and close reasons must be. Allocates nothing.
CXCORE_EXPORT bool isValidUtf8(QByteArrayView bytes);

} // namespace cx::websocket
