#include "zookeeperdiscoveryfactory.h"

#include "config/serverconfig.h"
#include "kerberoslogin.h"
#include "secrets/valuecipher.h"
#include "tls/tlsfiles.h"
#include "zookeeperdiscovery.h"
#include "zookeeperlog.h"

#include <QFile>
#include <QSslKey>

using namespace Qt::StringLiterals;

namespace cx::zookeeperdiscovery {

namespace {

/// The TLS bridge's client configuration: discovery.tls.trust-store.file (PEM; none: the
/// system CAs) and the client certificate of discovery.tls.key-store.file, if any.
Result<QSslConfiguration> zooKeeperTlsConfiguration(const config::ServerConfig &config)
{
    Result<QSslConfiguration> tls
        = tls::platformTlsConfiguration(config.zooKeeperTrustStoreFile, {});
    if (!tls)
        return Error(u"discovery.tls.trust-store.file: "_s + tls.error().message);
    if (!config.zooKeeperKeyStoreFile.isEmpty()) {
        const Result<QSslConfiguration> keyStore = tls::edgeTlsConfiguration(
            config.zooKeeperKeyStoreFile, config.zooKeeperKeyStorePassword.reveal().toUtf8());
        if (!keyStore)
            return Error(u"discovery.tls.key-store.file: "_s + keyStore.error().message);
        tls->setLocalCertificateChain(keyStore->localCertificateChain());
        tls->setPrivateKey(keyStore->privateKey());
    }
    return tls;
}

} // namespace

plugin::DiscoveryBackend *ZooKeeperDiscoveryFactory::create(const plugin::PluginContext &context,
                                                            QObject *parent, QString *error)
{
    const config::ServerConfig *config = context.config;
    if (!config) {
        *error = QStringLiteral("ZooKeeper discovery needs the configuration");
        return nullptr;
    }
    if (config->zooKeeperConnectionString.isEmpty()) {
        *error = QStringLiteral("ZooKeeper discovery needs discovery.connectionString");
        return nullptr;
    }
    QString basePath = config->discoveryBasePath;
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    if (!basePath.startsWith(u'/'))
        basePath.prepend(u'/');
    if (basePath == u"/")
        basePath.clear();

    ZooKeeperDiscovery::Settings settings;
    settings.connectionString = config->zooKeeperConnectionString.toUtf8();
    settings.servicePath = (basePath + u'/' + config->serviceName).toUtf8();
    settings.sessionTimeoutMs = int(config->sessionTimeout.count());
    if (!config->zooKeeperAuthScheme.isEmpty()) {
        settings.authScheme = config->zooKeeperAuthScheme.toUtf8();
        settings.authCredentials = config->zooKeeperAuthCredentials.reveal().toUtf8();
    }
    settings.tls = config->serviceDiscoveryTls;
    settings.allowedNetworks = config->allowedNetworks;
    settings.maxInstances = config->maxInstances;
    if (config->zooKeeperTls) {
        Result<QSslConfiguration> tls = zooKeeperTlsConfiguration(*config);
        if (!tls) {
            *error = tls.error().message;
            return nullptr;
        }
        settings.zooKeeperTls = *tls;
    }
    if (config->saslEnabled) {
        if (!SaslCallbacks::initializeLibrary()) {
            *error = QStringLiteral("discovery.sasl-enabled: the Cyrus SASL library could not "
                                    "be initialized (are its modules, libsasl2-modules, "
                                    "installed?)");
            return nullptr;
        }
        if (config->saslMechanism == u"GSSAPI") {
            QString warning;
            const Result<void> login = KerberosLogin::login(
                config->saslPrincipal.toUtf8(), QFile::encodeName(config->saslKeyTab),
                QFile::encodeName(config->saslKrb5ConfFile), &warning);
            if (!login) {
                *error = login.error().message;
                return nullptr;
            }
            if (!warning.isEmpty())
                qCWarning(lcZooKeeper).noquote() << warning;
        }
        if (secrets::valuecipher::isEncrypted(config->saslPassword.reveal())) {
            *error = QStringLiteral("discovery.sasl-jaas-file: the DIGEST-MD5 password is "
                                    "encrypted and was not decrypted");
            return nullptr;
        }
        settings.sasl = ZooKeeperDiscovery::Settings::Sasl {
            config->saslMechanism.toUtf8(), config->saslServiceName.toUtf8(),
            config->saslUsername.toUtf8(), config->saslPassword.reveal().toUtf8()};
    }
    return new ZooKeeperDiscovery(std::move(settings), parent);
}

} // namespace cx::zookeeperdiscovery
