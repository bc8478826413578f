// libFuzzer target: RFC 6455 frames as cxserver reads them (websocket/frame.h and
// framecheck.h) on any bytes, from both sides. The bytes are read as a stream of frames, as
// EdgeConnection (server side) and ClientSocket (client side) read theirs: each head is
// decoded and checked before its payload, fragments are counted toward the message size,
// and close payloads are parsed. Invariants: a head never claims more bytes than were
// read, an accepted frame keeps the size limit, an accepted close payload has a valid code
// and a UTF-8 reason within the payload.

#include "fuzzcheck.h"
#include "websocket/framecheck.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

using namespace cx::websocket;

namespace {

constexpr quint64 Limit = 64 * 1024;

void readStream(QByteArrayView bytes, Sender sender)
{
    quint8 fragmentOpcode = 0;
    quint64 assembled = 0;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        FrameHead head;
        const QByteArrayView rest = bytes.sliced(pos);
        if (!parseFrameHead(rest, &head))
            return;
        CX_FUZZ_CHECK(head.size >= 2 && head.size <= MaxFrameHeadSize && head.size <= rest.size());
        const FrameViolation violation
            = checkFrameHead(head, sender, fragmentOpcode, assembled, Limit);
        if (violation) {
            CX_FUZZ_CHECK(violation.code == CloseProtocolError || violation.code == CloseTooBig);
            return;
        }
        CX_FUZZ_CHECK(head.masked == (sender == Sender::Client));
        CX_FUZZ_CHECK(head.rsv == 0);
        if (quint64(rest.size() - head.size) < head.length)
            return; // the payload is not all there
        const QByteArrayView payload = rest.sliced(head.size, qsizetype(head.length));
        if (head.opcode >= Close) {
            CX_FUZZ_CHECK(head.fin && head.length <= MaxControlPayload);
            if (head.opcode == Close) {
                const CloseFrame close = parseCloseFrame(payload);
                if (!close.violation) {
                    CX_FUZZ_CHECK(payload.isEmpty() ? close.code == CloseNoStatus
                                                    : isValidCloseCode(close.code));
                    CX_FUZZ_CHECK(isValidUtf8(close.reason));
                    CX_FUZZ_CHECK(close.reason.isEmpty()
                                  || close.reason.data() == payload.data() + 2);
                }
            }
        } else {
            if (head.opcode != Continuation) {
                fragmentOpcode = head.opcode;
                assembled = 0;
            }
            assembled += head.length;
            CX_FUZZ_CHECK(assembled <= Limit);
            if (head.fin) {
                fragmentOpcode = 0;
                assembled = 0;
            }
        }
        pos += head.size + qsizetype(head.length);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    readStream(bytes, Sender::Client);
    readStream(bytes, Sender::Server);
    (void)isValidUtf8(bytes);
    (void)parseCloseFrame(bytes.first(std::min<qsizetype>(bytes.size(), MaxControlPayload)));
    return 0;
}
