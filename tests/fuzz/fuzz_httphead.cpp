// libFuzzer target: the strict HTTP/1.x request-head reader (http/requesthead.h) that every
// upgrade request a client sends goes through, on any bytes: headLength() finds the end of
// the head, parseRequestHead() reads what comes before it, and RequestHead::field() looks up
// fields. What it accepts must be what it documents: views into the input, a path that starts
// with '/', a version 1.x, and a refusal that is one of its two status lines.

#include "fuzzcheck.h"
#include "http/requesthead.h"

#include <cstddef>
#include <cstdint>

using namespace cx::http;

namespace {

/// True when part is a view into whole (or empty).
bool within(QByteArrayView part, QByteArrayView whole)
{
    return part.isEmpty()
        || (part.data() >= whole.data()
            && part.data() + part.size() <= whole.data() + whole.size());
}

void checkAccepted(const RequestHead &head, QByteArrayView bytes)
{
    CX_FUZZ_CHECK(!head.method.isEmpty() && within(head.method, bytes));
    CX_FUZZ_CHECK(!head.target.isEmpty() && within(head.target, bytes));
    CX_FUZZ_CHECK(within(head.fields, bytes));
    CX_FUZZ_CHECK(within(head.query, head.target));
    // the path is the target's, or "/" for an absolute URI without one
    CX_FUZZ_CHECK(head.path.startsWith('/'));
    CX_FUZZ_CHECK(within(head.path, head.target) || head.path == "/");
    CX_FUZZ_CHECK(head.versionMajor == 1 && head.versionMinor >= 0 && head.versionMinor <= 9);
    if (head.atLeast11())
        CX_FUZZ_CHECK(head.fieldCount("host") == 1 && !head.field("HOST").isNull());
    for (const QByteArrayView name : {QByteArrayView("upgrade"), QByteArrayView("Connection"),
                                      QByteArrayView("sec-websocket-key"), QByteArrayView("")}) {
        const QByteArrayView value = head.field(name);
        CX_FUZZ_CHECK(value.isNull() || value.isEmpty() || within(value, head.fields));
        CX_FUZZ_CHECK(value.isNull() == (head.fieldCount(name) == 0));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype length = headLength(bytes);
    CX_FUZZ_CHECK(length == 0 || (length >= 4 && length <= bytes.size()));
    CX_FUZZ_CHECK(length == 0 || bytes.first(length).endsWith("\r\n\r\n"));
    CX_FUZZ_CHECK(length == 0 || !bytes.first(length - 1).contains("\r\n\r\n"));
    // the head as the server passes it, or, when no blank line ends it, all of the bytes
    const QByteArrayView head = length > 0 ? bytes.first(length - 4) : bytes;
    const RequestParse parse = parseRequestHead(head);
    if (parse.ok())
        checkAccepted(parse.head, head);
    else
        CX_FUZZ_CHECK(parse.refusal == "400 Bad Request"
                      || parse.refusal == "505 HTTP Version Not Supported");
    return 0;
}
