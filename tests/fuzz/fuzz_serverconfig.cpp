// libFuzzer target: a cxserver.conf as the service and `cxserver config` read it (config.md
// §2): the resolved document converted to ServerConfig with every check of the schema, the
// --dump-config rendering, and the in-place editor (`config set`) on the same text. The
// first byte picks the key the editor sets, the second the value; the rest is the file.
// The same bytes are also the text an operator types for that key (config::literalForKey,
// `config set` and the configurator's form): what it accepts must read back as one value.

#include "config/configdocument.h"
#include "config/configdump.h"
#include "config/configeditor.h"
#include "config/configschema.h"
#include "config/hocondocumentparser.h"
#include "config/hoconresolver.h"
#include "config/serverconfig.h"
#include "fuzzcheck.h"

#include <QJsonDocument>
#include <array>
#include <cstddef>
#include <cstdint>

using namespace cx::config;

namespace {

const std::array<QString, 8> EditedValues = {
    QStringLiteral("\"abc\""), QStringLiteral("10"),        QStringLiteral("true"),
    QStringLiteral("[1, 2]"),  QStringLiteral("{ a = 1 }"), QStringLiteral("null"),
    QStringLiteral("64k"),     QStringLiteral("\"a\\nb\""),
};

void checkEditor(const QByteArray &text, quint8 keyByte, quint8 valueByte)
{
    const QList<schema::KeySpec> &keys = schema::keys();
    const QString path = keyByte < keys.size()
        ? keys.at(keyByte).fullPath()
        : QStringLiteral("cx-server.x%1.\"y.z\"").arg(keyByte);
    const QString &value = EditedValues.at(valueByte % EditedValues.size());
    if (keyByte < keys.size()) {
        const cx::Result<QString> literal
            = literalForKey(keys.at(keyByte), QString::fromUtf8(text.left(4096)));
        if (literal) {
            const cx::Result<QByteArray> set
                = editor::setValue(QByteArrayLiteral("cx-server {}\n"), path, *literal);
            CX_FUZZ_CHECK(set.ok());
            HoconDocumentParser reread(*set, QString());
            CX_FUZZ_CHECK(reread.parse() != nullptr);
        }
    }
    const cx::Result<QByteArray> edited = editor::setValue(text, path, value);
    if (!edited)
        return;
    HoconDocumentParser check(*edited, QString());
    CX_FUZZ_CHECK(check.parse() != nullptr);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    const QByteArray text(reinterpret_cast<const char *>(data) + 2, qsizetype(size - 2));
    checkEditor(text, data[0], data[1]);

    // Includes are parsed but not read: the HOCON target covers them.
    HoconDocumentParser parser(text, QStringLiteral("cxserver.conf"));
    const HoconNodePtr root = parser.parse();
    if (!root)
        return 0;
    Diagnostic error;
    const std::optional<Value> resolved = resolveHocon(root, &error);
    if (!resolved)
        return 0;
    const LoadedServerConfig loaded = loadServerConfig(*resolved, QStringLiteral("cxserver.conf"));
    for (const Diagnostic &diagnostic : loaded.diagnostics) {
        CX_FUZZ_CHECK(!diagnostic.message.isEmpty());
        diagnostic.format();
    }
    if (!loaded.ok())
        return 0;
    CX_FUZZ_CHECK(loaded.config.port <= 65535 && loaded.config.pipeCount > 0);
    const QByteArray dump = dumpServerConfig(loaded);
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(dump, &jsonError);
    CX_FUZZ_CHECK((jsonError.error == QJsonParseError::NoError && document.isObject())
                  || jsonError.error == QJsonParseError::IllegalNumber);
    return 0;
}
