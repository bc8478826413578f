#include "placeholders.h"

#include <QStringList>

namespace cx::config {

namespace {

bool isHostCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'.' || c == u'-';
}

/// Whether one host name lies under a domain RFC 2606 reserves for examples.
bool isExampleHost(QStringView host)
{
    for (const QStringView domain : {u"example.com", u"example.net", u"example.org"}) {
        if (host.compare(domain, Qt::CaseInsensitive) == 0
            || (host.size() > domain.size() && host.endsWith(domain, Qt::CaseInsensitive)
                && host.at(host.size() - domain.size() - 1) == u'.'))
            return true;
    }
    // The TLD .example: a name with at least one label before it.
    return host.size() > 8 && host.endsWith(u".example", Qt::CaseInsensitive);
}

} // namespace

bool isPlaceholder(QStringView text)
{
    if (text.startsWith(u"replace-with-", Qt::CaseInsensitive))
        return true;
    // One pass over the text: each run of host characters (in a URL, a host:port list or a
    // bare name) is one candidate host. Linear, whatever a hostile file puts in a value.
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i < text.size() && isHostCharacter(text.at(i)))
            continue;
        if (i > start && isExampleHost(text.sliced(start, i - start)))
            return true;
        start = i + 1;
    }
    return false;
}

} // namespace cx::config
