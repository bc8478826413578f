// libFuzzer target: the HOCON reader (config.md §1) on one document: lexer, parser (includes
// from memory), resolver, the JSON rendering and every conversion of the resolved values.
// Includes never touch the file system: an included file's text is its name, so the fuzzer
// writes nested documents as quoted strings (`include "a = 1, b = ${a}"`), a few levels deep.

#include "config/conversions.h"
#include "config/hocondocumentparser.h"
#include "config/hoconlexer.h"
#include "config/hoconnode.h"
#include "config/hoconresolver.h"
#include "config/jsonrender.h"
#include "config/value.h"
#include "fuzzcheck.h"

#include <QJsonDocument>
#include <cstddef>
#include <cstdint>

using namespace cx::config;

namespace {

constexpr int MaxIncludeDepth = 3;
constexpr int MaxConversions = 256;

void checkTokens(QByteArrayView text)
{
    const QList<HoconToken> tokens = tokenizeHocon(text);
    CX_FUZZ_CHECK(!tokens.isEmpty());
    const HoconTokenType last = tokens.last().type;
    CX_FUZZ_CHECK(last == HoconTokenType::End || last == HoconTokenType::Invalid);
    qsizetype at = 0;
    for (const HoconToken &token : tokens) {
        CX_FUZZ_CHECK(token.begin >= at && token.begin <= token.end && token.end <= text.size());
        CX_FUZZ_CHECK(token.line >= 1 && token.column >= 1);
        at = token.begin;
        describeHoconToken(token);
    }
}

/// depth: how many includes deep text is; nesting: the nesting it starts at.
HoconNodePtr parseDocument(QByteArrayView text, int depth, int nesting, Diagnostic *error)
{
    const QString fileName = QStringLiteral("fuzz%1.conf").arg(depth);
    HoconDocumentParser parser(
        text, fileName,
        [depth](const HoconIncludeRequest &request, Diagnostic *includeError) {
            if (depth >= MaxIncludeDepth || request.kind == HoconIncludeRequest::Kind::Url) {
                if (!request.required)
                    return HoconNodePtr(makeHoconNode(HoconNode::Kind::Object, request.origin));
                *includeError = Diagnostic {Diagnostic::Severity::Error, request.origin,
                                            QStringLiteral("not found")};
                return HoconNodePtr();
            }
            const QByteArray included = request.name.toUtf8();
            return parseDocument(included, depth + 1, request.depth, includeError);
        },
        nesting);
    HoconNodePtr root = parser.parse();
    if (!root) {
        *error = parser.error();
        CX_FUZZ_CHECK(!error->message.isEmpty());
        error->format();
        return root;
    }
    CX_FUZZ_CHECK(root->kind == HoconNode::Kind::Object);
    for (const HoconAssignment &assignment : parser.outline().assignments) {
        CX_FUZZ_CHECK(assignment.keyBegin >= 0 && assignment.keyBegin <= text.size());
        CX_FUZZ_CHECK(assignment.valueBegin <= assignment.valueEnd);
        CX_FUZZ_CHECK(assignment.valueEnd <= text.size());
    }
    return root;
}

void convert(const Value &value, int *budget)
{
    if (--*budget < 0)
        return;
    (void)toBoolean(value);
    (void)toLong(value);
    (void)toInt(value);
    (void)toString(value);
    (void)toStringList(value);
    (void)toDuration(value);
    (void)toBytes(value);
    for (const Value &item : value.items())
        convert(item, budget);
    for (const Value &member : value.members())
        convert(member, budget);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char *>(data), qsizetype(size));
    checkTokens(text);

    Diagnostic error;
    const HoconNodePtr root = parseDocument(text, 0, 0, &error);
    if (!root)
        return 0;
    const std::optional<Value> resolved = resolveHocon(root, &error);
    if (!resolved) {
        CX_FUZZ_CHECK(!error.message.isEmpty());
        return 0;
    }
    CX_FUZZ_CHECK(resolved->isObject());
    const QByteArray json = renderJson(*resolved);
    QJsonParseError jsonError;
    QJsonDocument::fromJson(json, &jsonError);
    // Numbers keep their source text (6e9999999999 is JSON that Qt reads as out of range).
    CX_FUZZ_CHECK(jsonError.error == QJsonParseError::NoError
                  || jsonError.error == QJsonParseError::IllegalNumber);
    int budget = MaxConversions;
    convert(*resolved, &budget);
    return 0;
}
