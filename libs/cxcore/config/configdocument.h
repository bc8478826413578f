#pragma once

#include "configschema.h"
#include "cxcore_global.h"
#include "diagnostic.h"
#include "result.h"

#include <QByteArray>
#include <QString>

namespace cx::config {

/// The HOCON source to write for a value typed as text, the one way every writer turns an
/// operator's text into a value (`cxserver config set KEY VALUE`, the configurator's form):
/// a string key takes the text as it is ("null": unset), any other key one HOCON value
/// ("8443", "30s", "64k", "true", "[\"a\", \"b\"]"). The value is checked against the
/// key's type, range, format and requirement; an error names the key and what was
/// expected (a secret's value is never shown).
CXCORE_EXPORT Result<QString> literalForKey(const schema::KeySpec &key, const QString &text);

/// A cxserver.conf being changed: its bytes read with a size limit, keys set in place
/// (comments and formatting kept, config::editor::setValue), what `--check-config` would say about
/// it, and the one writer of cxserver's files (writeConfigFile).
class CXCORE_EXPORT ConfigDocument
{
public:
    /// The largest file open() reads.
    static constexpr qint64 MaxBytes = 16 * 1024 * 1024;

    ConfigDocument(QString path, QByteArray text);
    /// The file at path, or why it cannot be read (a folder, missing, over MaxBytes).
    static Result<ConfigDocument> open(const QString &path);

    /// Sets key (with or without "cx-server.") to hocon, HOCON source already: a
    /// literalForKey() result, or an ENC() string. An error says why the text could not take
    /// it (a key under a non-object, ...).
    Result<void> setLiteral(const QString &key, const QString &hocon);
    /// Writes the text to path (empty: where it came from), which it then belongs to.
    Result<void> save(const QString &path = {});
    /// The findings of `--check-config` (parse, types, requirements), positioned in path.
    Diagnostics diagnostics() const;

    QString path() const { return m_path; }
    const QByteArray &text() const { return m_text; }
    void setText(QByteArray text) { m_text = std::move(text); }

private:
    QString m_path;
    QByteArray m_text;
};

} // namespace cx::config
