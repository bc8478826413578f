#include "codecounts.h"

#include "codetext.h"

#include <QString>
#include <alwayson/codes.h>

namespace cx::tools {

void CodeCounts::merge(const CodeCounts &other)
{
    for (size_t i = 0; i < m_counts.size(); ++i)
        m_counts[i] += other.m_counts[i];
}

QJsonObject CodeCounts::toJson() const
{
    QJsonObject object;
    for (size_t code = 0; code < m_counts.size(); ++code) {
        if (m_counts[code] != 0)
            object.insert(QString::fromLatin1(codeKey(quint8(code))), qint64(m_counts[code]));
    }
    return object;
}

QByteArray CodeCounts::toText() const
{
    QByteArray text;
    for (size_t code = 0; code < m_counts.size(); ++code) {
        if (m_counts[code] == 0)
            continue;
        if (!text.isEmpty())
            text += ", ";
        text += codeKey(quint8(code)) + ' ' + alwayson::codeName(quint8(code)) + '='
            + QByteArray::number(m_counts[code]);
    }
    return text.isEmpty() ? QByteArrayLiteral("none") : text;
}

} // namespace cx::tools
