#pragma once

#include "cxcore_global.h"

#include <QByteArrayView>
#include <QtGlobal>

namespace cx::websocket {

/// Frames and masks a client's messages (RFC 6455 §5.3), for cxserver's client WebSockets
/// (ClientSocket, the pipes' PipeSocket): each frame is written into one buffer per thread,
/// which the caller hands to its socket at once, so one buffer serves every socket of the
/// thread and keeps the size of the longest message sent.
///
/// Masking keys come from a per-framer xorshift64* generator seeded from
/// QRandomGenerator::global(): fast, not cryptographic. RFC 6455 §10.3 wants keys that
/// script content cannot predict, against intermediaries that misread such content;
/// cxserver's clients run no such script, and with wss the keys are not visible on the wire.
class CXCORE_EXPORT ClientFramer
{
public:
    ClientFramer();

    /// The whole masked, final frame of \a opcode carrying \a payload: a view into the
    /// thread's buffer, valid until the next frame() call of any framer on this thread.
    QByteArrayView frame(quint8 opcode, QByteArrayView payload);

private:
    quint64 m_state;
};

} // namespace cx::websocket
