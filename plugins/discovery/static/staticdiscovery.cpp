#include "staticdiscovery.h"

#include <QLoggingCategory>
#include <QUrl>
#include <utility>

namespace cx::staticdiscovery {

Q_LOGGING_CATEGORY(lcStatic, "cx.discovery.static")

namespace {

constexpr quint16 DefaultWsPort = 80;
constexpr quint16 DefaultWssPort = 443;
// PlatformInstance has no path: cxserver always connects to /Thingworx/WS (protocol.md §1).
constexpr QLatin1StringView PlatformPath("/Thingworx/WS");

Error badUrl(const QString &url, const QString &reason)
{
    return Error {QStringLiteral("transport.websockets.platforms: \"%1\" %2").arg(url, reason)};
}

Result<plugin::PlatformInstance> instanceFromUrl(const QUrl &url)
{
    if (url.isEmpty())
        return Error {QStringLiteral("transport.websockets.platforms: an entry is empty")};
    if (!url.isValid()) // QUrl's reason quotes the text it was given
        return Error {QStringLiteral("transport.websockets.platforms: not a valid URL: ")
                      + url.errorString()};
    const QString text = url.toString();
    const QString scheme = url.scheme();
    if (scheme != u"ws" && scheme != u"wss")
        return badUrl(text, QStringLiteral("is not a ws:// or wss:// URL"));
    if (url.host().isEmpty())
        return badUrl(text, QStringLiteral("has no host"));
    if (url.port() == 0)
        return badUrl(text, QStringLiteral("has port 0"));
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return badUrl(text, QStringLiteral("may not carry a user, a query or a fragment"));
    const QString path = url.path();
    if (!path.isEmpty() && path != u"/" && path != PlatformPath)
        return badUrl(text,
                      QStringLiteral("has path %1; platforms are always reached at %2")
                          .arg(path, PlatformPath));

    plugin::PlatformInstance instance;
    instance.id = text;
    instance.address = url.host();
    instance.tls = scheme == u"wss";
    const quint16 defaultPort = instance.tls ? DefaultWssPort : DefaultWsPort;
    instance.port = quint16(url.port(defaultPort));
    return instance;
}

} // namespace

StaticDiscovery::StaticDiscovery(plugin::Membership instances, QObject *parent)
    : DiscoveryBackend(parent)
    , m_instances(std::move(instances))
{ }

void StaticDiscovery::start()
{
    for (const plugin::PlatformInstance &instance : std::as_const(m_instances))
        qCDebug(lcStatic) << "platform instance" << instance.url().toDisplayString();
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT instancesChanged(m_instances); }, Qt::QueuedConnection);
}

plugin::Membership StaticDiscovery::instances() const
{
    return m_instances;
}

plugin::DiscoveryBackend::State StaticDiscovery::state() const
{
    return State::Static;
}

Result<plugin::Membership> StaticDiscovery::instancesFromUrls(const QList<QUrl> &urls)
{
    plugin::Membership instances;
    instances.reserve(urls.size());
    for (const QUrl &url : urls) {
        Result<plugin::PlatformInstance> instance = instanceFromUrl(url);
        if (!instance)
            return instance.error();
        for (const plugin::PlatformInstance &listed : std::as_const(instances)) {
            if (listed.address == instance->address && listed.port == instance->port
                && listed.tls == instance->tls)
                return badUrl(
                    instance->id,
                    QStringLiteral("designates the same instance as \"%1\"").arg(listed.id));
        }
        instances.append(std::move(instance).value());
    }
    return instances;
}

} // namespace cx::staticdiscovery
