#include "configbuilder.h"

#include "config/configeditor.h"
#include "config/jsonrender.h"

#include <QFile>
#include <utility>

namespace cx::configurator {

QString hoconString(const QString &text)
{
    return config::quoteJsonString(text);
}

QString hoconStringList(const QStringList &items)
{
    QStringList quoted;
    for (const QString &item : items)
        quoted.append(hoconString(item));
    return u'[' + quoted.join(QStringLiteral(", ")) + u']';
}

namespace {

QString stringOrNull(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("null") : hoconString(text);
}

QString boolean(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

} // namespace

Result<QByteArray> buildConfigText(const WizardSettings &s)
{
    const QString sample = s.highAvailability ? QStringLiteral(":/samples/cxserver-ha-sample.conf")
                                              : QStringLiteral(":/samples/cxserver-sample.conf");
    QFile file(sample);
    if (!file.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("cannot read the built-in sample %1").arg(sample));
    QByteArray text = file.readAll();
    // The HA sample's header says its REQUIRED values are examples; the wizard's are not.
    text.replace("So that `cxserver --config cxserver-ha-sample.conf --check-config` accepts\n"
                 "# this file as shipped, they hold EXAMPLE values here: replace each one before "
                 "use.",
                 "The configurator's wizard set them from your answers.");

    QList<std::pair<QString, QString>> values;
    values.append({QStringLiteral("transport.websockets.app-key"), hoconString(s.appKey)});
    if (s.highAvailability) {
        values.append({QStringLiteral("platform.transport"),
                       hoconString(QStringLiteral("websockets_active_active"))});
        values.append(
            {QStringLiteral("transport.websockets.service-discovery.enabled"), boolean(true)});
        values.append({QStringLiteral("discovery.connectionString"),
                       hoconString(s.zooKeeperConnectionString)});
        values.append({QStringLiteral("discovery.basePath"), hoconString(s.discoveryBasePath)});
        values.append({QStringLiteral("transport.websockets.service-discovery.service-name"),
                       hoconString(s.serviceName)});
        values.append({QStringLiteral("transport.websockets.platforms"), QStringLiteral("[]")});
        const bool sasl = !s.zooKeeperSasl.isEmpty();
        values.append({QStringLiteral("discovery.sasl-enabled"), boolean(sasl)});
        if (sasl) {
            values.append(
                {QStringLiteral("discovery.sasl.mechanism"), hoconString(s.zooKeeperSasl)});
            values.append(
                {QStringLiteral("discovery.sasl-jaas-file"), hoconString(s.zooKeeperJaasFile)});
            values.append({QStringLiteral("discovery.sasl.krb5-conf.file"),
                           stringOrNull(s.zooKeeperKrb5Conf)});
        }
        values.append({QStringLiteral("discovery.tls.enabled"), boolean(s.zooKeeperTls)});
        if (s.zooKeeperTls) {
            values.append({QStringLiteral("discovery.tls.trust-store.file"),
                           stringOrNull(s.zooKeeperTrustStore)});
            values.append({QStringLiteral("discovery.tls.key-store.file"),
                           stringOrNull(s.zooKeeperKeyStore)});
            values.append(
                {QStringLiteral("discovery.tls.key-store.password"),
                 stringOrNull(s.zooKeeperKeyStore.isEmpty() ? QString()
                                                            : s.zooKeeperKeyStorePassword)});
        }
    } else {
        values.append(
            {QStringLiteral("transport.websockets.platforms"), hoconStringList(s.platforms)});
    }
    values.append({QStringLiteral("protocol.ssl.enabled"), boolean(s.edgeTls)});
    if (s.edgeTls) {
        values.append({QStringLiteral("protocol.http-server.ssl.key-store.file"),
                       hoconString(s.keyStoreFile)});
        values.append(
            {QStringLiteral("protocol.http-server.ssl.key-store.password"),
             s.keyStoreHasPassword ? hoconString(s.keyStorePassword) : QStringLiteral("null")});
    } else if (s.highAvailability) {
        // The HA sample carries example keystore values: clear them when TLS is off.
        values.append(
            {QStringLiteral("protocol.http-server.ssl.key-store.file"), QStringLiteral("null")});
        values.append({QStringLiteral("protocol.http-server.ssl.key-store.password"),
                       QStringLiteral("null")});
    }
    if (s.highAvailability || s.platformTls || !s.hostNameValidation
        || !s.trustStoreFile.isEmpty()) {
        values.append({QStringLiteral("transport.websockets.service-discovery.tls-enabled"),
                       boolean(s.platformTls)});
        values.append(
            {QStringLiteral("transport.websockets.service-discovery.host-name-validation"),
             boolean(s.hostNameValidation)});
        values.append({QStringLiteral("protocol.http-client.ssl.trust-store.file"),
                       stringOrNull(s.trustStoreFile)});
        values.append(
            {QStringLiteral("protocol.http-client.ssl.trust-store.password"),
             stringOrNull(s.trustStoreFile.isEmpty() ? QString() : s.trustStorePassword)});
    }
    values.append({QStringLiteral("protocol.port"), QString::number(s.edgePort)});
    values.append({QStringLiteral("protocol.host"), hoconString(s.edgeHost)});
    values.append({QStringLiteral("health.port"), QString::number(s.healthPort)});
    values.append({QStringLiteral("admin.socket"), hoconString(s.adminSocket)});

    for (const auto &[key, value] : std::as_const(values)) {
        Result<QByteArray> edited
            = config::editor::setValue(text, QStringLiteral("cx-server.") + key, value);
        if (!edited)
            return edited.error();
        text = std::move(edited).value();
    }
    return text;
}

} // namespace cx::configurator
