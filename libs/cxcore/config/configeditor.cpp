#include "configeditor.h"

#include "hocondocumentparser.h"
#include "hoconpath.h"
#include "value.h"

#include <algorithm>
#include <optional>

namespace cx::config::editor {

namespace {

const QByteArray indentUnit = QByteArrayLiteral("    ");

bool isStrictPrefix(const QStringList &prefix, const QStringList &path)
{
    return prefix.size() < path.size() && std::equal(prefix.cbegin(), prefix.cend(), path.cbegin());
}

QByteArray lineEnding(const QByteArray &text)
{
    return text.contains("\r\n") ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
}

qsizetype lineStart(const QByteArray &text, qsizetype pos)
{
    return pos == 0 ? 0 : text.lastIndexOf('\n', pos - 1) + 1;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

/// The spaces and tabs from the start of pos's line up to pos; nullopt when anything else
/// precedes pos on its line.
std::optional<QByteArray> indentationBefore(const QByteArray &text, qsizetype pos)
{
    const qsizetype start = lineStart(text, pos);
    const QByteArray before = text.mid(start, pos - start);
    if (!std::all_of(before.cbegin(), before.cend(), isBlank))
        return std::nullopt;
    return before;
}

/// The spaces and tabs that start pos's line.
QByteArray leadingBlanks(const QByteArray &text, qsizetype pos)
{
    qsizetype end = lineStart(text, pos);
    const qsizetype start = end;
    while (end < text.size() && isBlank(text.at(end)))
        ++end;
    return text.mid(start, end - start);
}

QByteArray spliced(const QByteArray &text, qsizetype begin, qsizetype end,
                   const QByteArray &replacement)
{
    return text.left(begin) + replacement + text.mid(end);
}

Error syntaxError(const QString &what, const Diagnostic &diagnostic)
{
    return Error {QStringLiteral("%1 has a syntax error at line %2, column %3: %4")
                      .arg(what)
                      .arg(diagnostic.origin.line)
                      .arg(diagnostic.origin.column)
                      .arg(diagnostic.message),
                  QString()};
}

/// Checks that hoconValue is exactly one HOCON value (no trailing comment, no second field).
std::optional<Error> checkValue(const QByteArray &value)
{
    const QByteArray field = QByteArrayLiteral("v = ") + value;
    HoconDocumentParser parser(field, QString());
    if (!parser.parse())
        return syntaxError(QStringLiteral("the new value"), parser.error());
    const QList<HoconAssignment> &assignments = parser.outline().assignments;
    const bool single = !assignments.isEmpty()
        && assignments.constFirst().path == QStringList {QStringLiteral("v")}
        && assignments.constFirst().valueBegin == 4
        && assignments.constFirst().valueEnd == field.size();
    if (single)
        return std::nullopt;
    return Error {QStringLiteral("the new value must be a single HOCON value: %1")
                      .arg(QString::fromUtf8(value)),
                  QString()};
}

class Editor
{
public:
    Editor(const QByteArray &text, const HoconOutline &outline, QStringList path, QByteArray value)
        : m_text(text)
        , m_outline(outline)
        , m_path(std::move(path))
        , m_value(std::move(value))
    { }

    Result<QByteArray> edit() const
    {
        for (qsizetype length = 1; length < m_path.size(); ++length) {
            const QStringList prefix = m_path.mid(0, length);
            const HoconAssignment *last = lastAssignmentTo(prefix);
            const auto fieldAfter = [&prefix, last](const HoconAssignment &a) {
                return a.keyBegin >= last->valueEnd && isStrictPrefix(prefix, a.path);
            };
            if (last && last->valueKind == HoconAssignment::ValueKind::Plain
                && std::none_of(m_outline.assignments.cbegin(), m_outline.assignments.cend(),
                                fieldAfter)) {
                return Error {QStringLiteral("cannot set %1: %2 is not an object")
                                  .arg(renderHoconPath(m_path), renderHoconPath(prefix)),
                              QString()};
            }
        }
        const qsizetype mustFollow = endOfOverridden();
        const HoconAssignment *target = lastAssignmentTo(m_path);
        if (target && target->valueEnd >= mustFollow)
            return replaceValue(*target);
        return insert(mustFollow);
    }

private:
    const HoconAssignment *lastAssignmentTo(const QStringList &path) const
    {
        const auto &all = m_outline.assignments;
        const auto it = std::find_if(all.crbegin(), all.crend(),
                                     [&path](const HoconAssignment &a) { return a.path == path; });
        return it == all.crend() ? nullptr : &*it;
    }

    /// Where the last assignment that a new one must come after ends: any to the key or below
    /// it, and any value of an enclosing key that could hide it (not an object).
    qsizetype endOfOverridden() const
    {
        qsizetype end = -1;
        for (const HoconAssignment &a : m_outline.assignments) {
            const bool toKeyOrBelow = a.path == m_path || isStrictPrefix(m_path, a.path);
            const bool hidingAbove = isStrictPrefix(a.path, m_path)
                && a.valueKind != HoconAssignment::ValueKind::ObjectLiteral
                && a.valueKind != HoconAssignment::ValueKind::Object;
            if (toKeyOrBelow || hidingAbove)
                end = std::max(end, a.valueEnd);
        }
        return end;
    }

    QByteArray renderedField(const QStringList &keys) const
    {
        return renderHoconPath(keys).toUtf8() + QByteArrayLiteral(" = ") + m_value;
    }

    Result<QByteArray> replaceValue(const HoconAssignment &target) const
    {
        switch (target.separator.type) {
        case HoconTokenType::OpenBrace: // key { ... }
            return spliced(m_text, target.valueBegin, target.valueEnd, "= " + m_value);
        case HoconTokenType::PlusEquals: {
            const QByteArray between
                = m_text.mid(target.separator.end, target.valueBegin - target.separator.end);
            return spliced(m_text, target.separator.begin, target.valueEnd,
                           '=' + between + m_value);
        }
        default:
            return spliced(m_text, target.valueBegin, target.valueEnd, m_value);
        }
    }

    /// Adds the key inside the deepest object literal of an enclosing key that ends after
    /// everything the new field must override, else at the end of the root.
    Result<QByteArray> insert(qsizetype mustFollow) const
    {
        int best = -1;
        for (int i = 0; i < m_outline.assignments.size(); ++i) {
            const HoconAssignment &a = m_outline.assignments.at(i);
            if (a.valueKind != HoconAssignment::ValueKind::ObjectLiteral
                || !isStrictPrefix(a.path, m_path) || a.valueEnd - 1 < mustFollow)
                continue;
            if (best < 0 || a.path.size() >= m_outline.assignments.at(best).path.size())
                best = i;
        }
        if (best >= 0) {
            const HoconAssignment &object = m_outline.assignments.at(best);
            return insertIntoObject(best, object.valueBegin, object.valueEnd - 1,
                                    m_path.mid(object.path.size()));
        }
        if (m_outline.rootBraced)
            return insertIntoObject(-1, m_outline.rootOpen, m_outline.rootClose, m_path);
        QByteArray edited = m_text;
        if (!edited.isEmpty() && !edited.endsWith('\n'))
            edited += lineEnding(m_text);
        return QByteArray(edited + renderedField(m_path) + lineEnding(m_text));
    }

    Result<QByteArray> insertIntoObject(int object, qsizetype open, qsizetype close,
                                        const QStringList &keys) const
    {
        const QByteArray field = renderedField(keys);
        const QByteArray eol = lineEnding(m_text);
        const HoconAssignment *lastChild = nullptr;
        for (const HoconAssignment &a : m_outline.assignments) {
            if (a.parent == object)
                lastChild = &a;
        }
        std::optional<QByteArray> indent;
        if (lastChild)
            indent = indentationBefore(m_text, lastChild->keyBegin);

        if (const std::optional<QByteArray> closeIndent = indentationBefore(m_text, close)) {
            // '}' on a line of its own: a new line before it
            return spliced(m_text, lineStart(m_text, close), lineStart(m_text, close),
                           indent.value_or(*closeIndent + indentUnit) + field + eol);
        }
        qsizetype end = close;
        while (end > open + 1 && isBlank(m_text.at(end - 1)))
            --end;
        if (end == open + 1) // nothing but blanks between the braces
            return spliced(m_text, end, end, ' ' + field + (end == close ? " " : ""));
        if (lineStart(m_text, open) == lineStart(m_text, close)) { // a one-line object
            const QByteArray separator = m_text.at(end - 1) == ',' ? " " : ", ";
            return spliced(m_text, end, end, separator + field);
        }
        return spliced(m_text, end, end,
                       eol + indent.value_or(leadingBlanks(m_text, open) + indentUnit) + field);
    }

    const QByteArray &m_text;
    const HoconOutline &m_outline;
    const QStringList m_path;
    const QByteArray m_value;
};

} // namespace

Result<QByteArray> setValue(const QByteArray &text, const QString &path, const QString &hoconValue)
{
    const QStringList keys = splitPath(path);
    if (keys.isEmpty())
        return Error {QStringLiteral("invalid configuration key: %1").arg(path), QString()};
    const QByteArray value = hoconValue.toUtf8();
    if (const std::optional<Error> invalid = checkValue(value))
        return *invalid;

    HoconDocumentParser parser(text, QString());
    if (!parser.parse())
        return syntaxError(QStringLiteral("the configuration file"), parser.error());
    Result<QByteArray> edited = Editor(text, parser.outline(), keys, value).edit();
    if (!edited)
        return edited;
    HoconDocumentParser check(*edited, QString());
    if (!check.parse())
        return syntaxError(QStringLiteral("the edited configuration"), check.error());
    return edited;
}

} // namespace cx::config::editor
