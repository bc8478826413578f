#pragma once

#include "hoconlexer.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace cx::config {

/// Builds a path (a key or the inside of a substitution) from its tokens the way Typesafe
/// Config does: unquoted text, numbers and keywords split at '.', quoted strings never;
/// whitespace counts only between two words ("a b.c" is {"a b", "c"}).
class HoconPathBuilder
{
public:
    /// Adds a token for which isHoconPathToken() holds.
    void add(const HoconToken &token);

    /// The keys, or std::nullopt with *error set (empty path, empty element from '.').
    std::optional<QStringList> finish(QString *error) const;

private:
    void appendText(const QString &text, bool split);

    QStringList m_keys;
    QString m_current;
    bool m_currentQuoted = false;
    bool m_sawWord = false;
    bool m_lastWasWord = false;
    bool m_emptyElement = false;
    QString m_pendingWhitespace;
};

/// A key as it can be written back into a document: bare when it is made of letters, digits,
/// '-' and '_' (and is not "include"), quoted with JSON escapes otherwise.
QString renderHoconKey(const QString &key);

/// Keys joined with '.', each rendered with renderHoconKey().
QString renderHoconPath(const QStringList &path);

} // namespace cx::config
