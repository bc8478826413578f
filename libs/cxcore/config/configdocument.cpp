#include "configdocument.h"

#include "configeditor.h"
#include "configfilewriter.h"
#include "hoconparser.h"
#include "jsonrender.h"
#include "serverconfig.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cx::config {

namespace {

/// A value that is not a string's: one HOCON value, alone.
Result<Value> parseLiteral(const QString &text)
{
    const ParseResult parsed = parseHoconText(QString(u"v = " + text).toUtf8(), QString());
    if (!parsed.root || hasErrors(parsed.diagnostics)) {
        const QString why = parsed.diagnostics.isEmpty()
            ? QString()
            : u": "_s + parsed.diagnostics.first().message;
        return Error {u"is not a HOCON value"_s + why, {}};
    }
    const Value *value = parsed.root->find({u"v"_s});
    if (!value || parsed.root->members().size() != 1)
        return Error {u"is not a single HOCON value"_s, {}};
    return *value;
}

/// A value as HOCON source: a string unquoted when it reads back as the same string
/// ("30s", "64k", "yes"), else as JSON (valid HOCON).
QString hoconLiteral(const Value &value)
{
    if (value.type() != Value::Type::String)
        return QString::fromUtf8(renderJson(value));
    static const QRegularExpression bare(u"^[A-Za-z0-9.+-]+$"_s);
    if (bare.match(value.text()).hasMatch()) {
        const Result<Value> reread = parseLiteral(value.text());
        if (reread && reread->type() == Value::Type::String && reread->text() == value.text())
            return value.text();
    }
    return quoteJsonString(value.text());
}

} // namespace

Result<QString> literalForKey(const schema::KeySpec &key, const QString &text)
{
    const QString subject
        = key.secret ? u"the value (a secret, not shown)"_s : quoteJsonString(text);
    Value value;
    if (key.type == schema::KeyType::String) {
        if (text != u"null")
            value = Value::string(text);
    } else {
        const Result<Value> parsed = parseLiteral(text);
        if (!parsed)
            return Error {key.fullPath() + u": " + subject + u' ' + parsed.error().message
                              + u"; expected " + key.expectation(),
                          {}};
        value = *parsed;
    }
    if (value.isNull()) {
        if (key.requirement == schema::Requirement::Always)
            return Error {key.fullPath() + u" is required; null would leave it unset", {}};
        return u"null"_s;
    }
    const auto checked = schema::checkValue(key, value);
    if (!checked)
        return checked.error();
    return key.type == schema::KeyType::String ? quoteJsonString(text) : hoconLiteral(value);
}

ConfigDocument::ConfigDocument(QString path, QByteArray text)
    : m_path(std::move(path))
    , m_text(std::move(text))
{ }

Result<ConfigDocument> ConfigDocument::open(const QString &path)
{
    if (QFileInfo(path).isDir())
        return Error {path + u": is a directory", {}};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error {u"cannot read "_s + path + u": " + file.errorString(), {}};
    if (file.size() > MaxBytes)
        return Error {path + u": larger than %1 MiB"_s.arg(MaxBytes / (1024 * 1024)), {}};
    return ConfigDocument(path, file.read(MaxBytes));
}

Result<void> ConfigDocument::setLiteral(const QString &key, const QString &hocon)
{
    const schema::KeySpec *spec = schema::findKey(key);
    const QString fullPath = spec ? spec->fullPath() : key;
    Result<QByteArray> edited = editor::setValue(m_text, fullPath, hocon);
    if (!edited)
        return edited.error();
    m_text = std::move(edited).value();
    return {};
}

Result<void> ConfigDocument::save(const QString &path)
{
    const QString target = path.isEmpty() ? m_path : path;
    if (Result<void> written = writeConfigFile(target, m_text); !written)
        return written;
    m_path = target;
    return {};
}

Diagnostics ConfigDocument::diagnostics() const
{
    ParseResult parsed = parseHoconText(m_text, m_path);
    if (!parsed.root)
        return parsed.diagnostics;
    LoadedServerConfig loaded = loadServerConfig(*parsed.root, m_path);
    return parsed.diagnostics + loaded.diagnostics;
}

} // namespace cx::config
