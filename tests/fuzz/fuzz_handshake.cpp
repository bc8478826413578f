// libFuzzer target: the WebSocket opening handshake (websocket/handshake.h) on any bytes, on
// both sides: parseUpgradeRequest() as the server reads a client's head, and
// checkUpgradeResponse() as the client reads the server's answer. A request the server
// accepts must round-trip: its 101 response passes the client's check for the same key, and
// the request a client would build for its target is accepted too.

#include "fuzzcheck.h"
#include "websocket/handshake.h"

#include <cstddef>
#include <cstdint>

using namespace cx::websocket;

namespace {

const QByteArrayView SampleKey = "dGhlIHNhbXBsZSBub25jZQ==";

void checkAccepted(const UpgradeRequest &request)
{
    CX_FUZZ_CHECK(request.path.startsWith('/'));
    CX_FUZZ_CHECK(request.target.startsWith(request.path));
    CX_FUZZ_CHECK(QByteArray::fromBase64(request.key).size() == 16);
    const QByteArray response = upgradeResponse(request);
    CX_FUZZ_CHECK(response.endsWith("\r\n\r\n"));
    CX_FUZZ_CHECK(checkUpgradeResponse(response.first(response.size() - 4), request.key).isEmpty());
    const QByteArray again = upgradeRequest(request.target, "localhost", request.key);
    if (!again.isEmpty()) {
        CX_FUZZ_CHECK(again.endsWith("\r\n\r\n"));
        const UpgradeRequest reread = parseUpgradeRequest(again.first(again.size() - 4));
        CX_FUZZ_CHECK(reread.refusal.isEmpty() && reread.target == request.target);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const UpgradeRequest request = parseUpgradeRequest(bytes);
    if (request.refusal.isEmpty())
        checkAccepted(request);
    else
        CX_FUZZ_CHECK(request.refusal == "400 Bad Request"
                      || request.refusal == "426 Upgrade Required"
                      || request.refusal == "505 HTTP Version Not Supported");
    // the same bytes as a server's answer: accepted only when they carry the right accept key
    const QString why = checkUpgradeResponse(bytes, SampleKey);
    if (why.isEmpty())
        CX_FUZZ_CHECK(headerValue(bytes, "sec-websocket-accept") == acceptKey(SampleKey));
    return 0;
}
