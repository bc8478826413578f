#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cx::configurator {

/// Everything the wizard asks for; the rest of the file keeps the sample's defaults.
struct WizardSettings
{
    bool highAvailability = false; ///< an HA cluster discovered in ZooKeeper, else static URLs

    // Platform instances
    QString zooKeeperConnectionString; ///< discovery.connectionString
    QString discoveryBasePath = QStringLiteral("/services");
    QString serviceName = QStringLiteral("thingworx-http");
    QStringList platforms; ///< transport.websockets.platforms (single platform)
    // How cxserver authenticates to ZooKeeper (HA only)
    QString zooKeeperSasl; ///< discovery.sasl.mechanism; empty: SASL off
    QString zooKeeperJaasFile; ///< discovery.sasl-jaas-file
    QString zooKeeperKrb5Conf; ///< discovery.sasl.krb5-conf.file; empty: null
    bool zooKeeperTls = false; ///< discovery.tls.enabled
    QString zooKeeperTrustStore; ///< discovery.tls.trust-store.file; empty: null
    QString zooKeeperKeyStore; ///< discovery.tls.key-store.file; empty: null
    QString zooKeeperKeyStorePassword; ///< a secret; empty: null

    QString appKey; ///< transport.websockets.app-key (a secret)

    // Edge listener
    bool edgeTls = true; ///< protocol.ssl.enabled
    QString keyStoreFile;
    QString keyStorePassword; ///< a secret; may be empty
    bool keyStoreHasPassword = true; ///< false: the password key stays null

    // Platform TLS
    bool platformTls = false; ///< service-discovery.tls-enabled
    bool hostNameValidation = true;
    QString trustStoreFile; ///< empty: the system CAs
    QString trustStorePassword; ///< a secret; empty: null

    // Ports
    int edgePort = 8443;
    QString edgeHost = QStringLiteral("0.0.0.0");
    int healthPort = 9009;
    QString adminSocket = QStringLiteral("cxserver");
};

/// A HOCON quoted string ("a\"b") for text.
QString hoconString(const QString &text);
/// A HOCON list of quoted strings.
QString hoconStringList(const QStringList &items);

/// The cxserver.conf for settings: the shipped sample (HA or single platform, with its
/// comments) with every value the wizard asked for set in place (config/configeditor.h).
Result<QByteArray> buildConfigText(const WizardSettings &settings);

} // namespace cx::configurator
