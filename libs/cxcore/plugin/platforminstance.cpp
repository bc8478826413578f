#include "platforminstance.h"

namespace cx::plugin {

QUrl PlatformInstance::url() const
{
    return url(QStringLiteral("/Thingworx/WS"));
}

QUrl PlatformInstance::url(const QString &pathAndQuery) const
{
    QUrl result;
    result.setScheme(tls ? QStringLiteral("wss") : QStringLiteral("ws"));
    result.setHost(address);
    result.setPort(port);
    const qsizetype query = pathAndQuery.indexOf(u'?');
    result.setPath(pathAndQuery.left(query < 0 ? pathAndQuery.size() : query));
    if (query >= 0)
        result.setQuery(pathAndQuery.mid(query + 1));
    return result;
}

} // namespace cx::plugin
