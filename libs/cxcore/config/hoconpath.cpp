#include "hoconpath.h"

#include "jsonrender.h"
#include "value.h"

#include <algorithm>

namespace cx::config {

void HoconPathBuilder::add(const HoconToken &token)
{
    if (token.type == HoconTokenType::Whitespace) {
        if (m_lastWasWord)
            m_pendingWhitespace += token.text;
        return;
    }
    if (m_lastWasWord)
        appendText(m_pendingWhitespace, false);
    m_pendingWhitespace.clear();
    m_lastWasWord = true;
    m_sawWord = true;
    if (token.type == HoconTokenType::QuotedString) {
        m_current += token.text;
        m_currentQuoted = true;
    } else {
        appendText(token.text, true);
    }
}

void HoconPathBuilder::appendText(const QString &text, bool split)
{
    if (!split) {
        m_current += text;
        return;
    }
    for (const QChar c : text) {
        if (c != u'.') {
            m_current += c;
            continue;
        }
        if (m_current.isEmpty() && !m_currentQuoted)
            m_emptyElement = true;
        m_keys.append(m_current);
        m_current.clear();
        m_currentQuoted = false;
    }
}

std::optional<QStringList> HoconPathBuilder::finish(QString *error) const
{
    if (!m_sawWord) {
        *error = QStringLiteral("expected a path");
        return std::nullopt;
    }
    if (m_emptyElement || (m_current.isEmpty() && !m_currentQuoted)) {
        *error = QStringLiteral("a path may not have a leading, trailing or doubled '.' (quote "
                                "\"\" for an empty key)");
        return std::nullopt;
    }
    return m_keys + QStringList {m_current};
}

QString renderHoconKey(const QString &key)
{
    const bool bare
        = !key.isEmpty() && key != u"include" && std::all_of(key.begin(), key.end(), [](QChar c) {
              return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
                  || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_';
          });
    if (bare)
        return key;
    return quoteJsonString(key);
}

QString renderHoconPath(const QStringList &path)
{
    QStringList rendered;
    for (const QString &key : path)
        rendered.append(renderHoconKey(key));
    return rendered.join(u'.');
}

QStringList splitPath(QStringView path)
{
    HoconPathBuilder builder;
    const QList<HoconToken> tokens = tokenizeHocon(path.toUtf8());
    for (const HoconToken &token : tokens) {
        if (token.type == HoconTokenType::End)
            break;
        if (!isHoconPathToken(token.type))
            return {};
        builder.add(token);
    }
    QString error;
    return builder.finish(&error).value_or(QStringList());
}

} // namespace cx::config
