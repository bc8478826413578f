#include "serviceinstance.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

namespace cx::zookeeperdiscovery {

namespace {

constexpr int MaxPort = 65535;

} // namespace

Result<Registration> parseServiceInstance(const QString &node, const QByteArray &data, bool tls)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error {QStringLiteral("its data is not JSON (%1 at offset %2)")
                          .arg(parseError.errorString())
                          .arg(parseError.offset)};
    if (!document.isObject())
        return Error {QStringLiteral("its data is not a JSON object")};
    const QJsonObject object = document.object();

    const QJsonValue id = object.value(QLatin1StringView("id"));
    if (!id.isUndefined() && !id.isNull() && (!id.isString() || id.toString().isEmpty()))
        return Error {QStringLiteral("\"id\" is not a non-empty string")};
    Registration registration;
    registration.id = id.isString() ? id.toString() : node;
    registration.instance.id = node;

    const QJsonValue enabled = object.value(QLatin1StringView("enabled"));
    if (!enabled.isUndefined() && !enabled.isNull() && !enabled.isBool())
        return Error {QStringLiteral("\"enabled\" is not a boolean")};
    if (enabled.isBool() && !enabled.toBool()) {
        registration.enabled = false;
        return registration;
    }

    const QString address = object.value(QLatin1StringView("address")).toString();
    if (address.isEmpty())
        return Error {QStringLiteral("it has no \"address\" string")};

    const QLatin1StringView portKey
        = tls ? QLatin1StringView("sslPort") : QLatin1StringView("port");
    const QJsonValue portValue = object.value(portKey);
    const double port = portValue.toDouble(-1);
    if (!portValue.isDouble() || port < 1 || port > MaxPort || port != int(port))
        return Error {QStringLiteral("\"%1\" is not a port number%2")
                          .arg(portKey,
                               tls ? QStringLiteral(" (service-discovery.tls-enabled "
                                                    "is true)")
                                   : QString())};

    registration.instance.address = address;
    registration.instance.port = quint16(port);
    registration.instance.tls = tls;
    return registration;
}

} // namespace cx::zookeeperdiscovery
