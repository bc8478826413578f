#include "placeholders.h"

#include <QRegularExpression>

namespace cx::config {

bool isPlaceholder(QStringView text)
{
    if (text.startsWith(u"replace-with-", Qt::CaseInsensitive))
        return true;
    // A host label sequence ending in a reserved example domain, at a word boundary: in a
    // URL, a host:port list or a bare name.
    static const QRegularExpression exampleHost(
        QStringLiteral(R"((^|[^A-Za-z0-9.-])([A-Za-z0-9-]+\.)*example(\.(com|net|org))?)"
                       R"(($|[^A-Za-z0-9.-]))"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = exampleHost.match(text);
    // A bare "example" is a word, not a host: a domain needs a dot somewhere.
    return match.hasMatch() && match.captured(0).contains(u'.');
}

} // namespace cx::config
