#include "configwizard.h"

#include "appkeypage.h"
#include "config/configfilewriter.h"
#include "edgetlspage.h"
#include "modepage.h"
#include "pkcs12inspector.h"
#include "platformspage.h"
#include "platformtlspage.h"
#include "portspage.h"
#include "reviewpage.h"
#include "screenfit.h"
#include "zookeeperpage.h"

#include <QFileInfo>
#include <optional>

namespace cx::configurator {

ConfigWizard::ConfigWizard(QWidget *parent)
    : QWizard(parent)
{
    setWindowTitle(tr("New cxserver configuration"));
    setObjectName(QStringLiteral("configWizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(ModePageId, new ModePage(this));
    setPage(ZooKeeperPageId, new ZooKeeperPage(this));
    setPage(PlatformsPageId, new PlatformsPage(this));
    setPage(AppKeyPageId, new AppKeyPage(this));
    setPage(EdgeTlsPageId, new EdgeTlsPage(this));
    setPage(PlatformTlsPageId, new PlatformTlsPage(this));
    setPage(PortsPageId, new PortsPage(this));
    setPage(ReviewPageId, new ReviewPage(this));
    setButtonText(QWizard::FinishButton, tr("Save"));
    resize(sizeOnScreen(this, QSize(760, 600)));
}

WizardSettings ConfigWizard::settings() const
{
    WizardSettings s;
    s.highAvailability = field(QStringLiteral("highAvailability")).toBool();
    s.zooKeeperConnectionString = field(QStringLiteral("zkConnection")).toString().trimmed();
    s.discoveryBasePath = field(QStringLiteral("zkBasePath")).toString().trimmed();
    s.serviceName = field(QStringLiteral("zkServiceName")).toString().trimmed();
    s.zooKeeperSasl = qobject_cast<const ZooKeeperPage *>(page(ZooKeeperPageId))->saslMechanism();
    s.zooKeeperJaasFile = field(QStringLiteral("zkJaasFile")).toString().trimmed();
    s.zooKeeperKrb5Conf = s.zooKeeperSasl == u"GSSAPI"
        ? field(QStringLiteral("zkKrb5Conf")).toString().trimmed()
        : QString();
    s.zooKeeperTls = field(QStringLiteral("zkTls")).toBool();
    s.zooKeeperTrustStore = field(QStringLiteral("zkTrustStore")).toString().trimmed();
    s.zooKeeperKeyStore = field(QStringLiteral("zkKeyStore")).toString().trimmed();
    s.zooKeeperKeyStorePassword = field(QStringLiteral("zkKeyStorePassword")).toString();
    if (auto *platforms = qobject_cast<PlatformsPage *>(page(PlatformsPageId)))
        s.platforms = platforms->urls();
    s.appKey = field(QStringLiteral("appKey")).toString();
    s.edgeTls = field(QStringLiteral("edgeTls")).toBool();
    s.keyStoreFile = field(QStringLiteral("keyStoreFile")).toString().trimmed();
    s.keyStorePassword = field(QStringLiteral("keyStorePassword")).toString();
    s.keyStoreHasPassword = !s.keyStorePassword.isEmpty();
    s.platformTls = s.highAvailability && field(QStringLiteral("platformTls")).toBool();
    s.hostNameValidation = field(QStringLiteral("hostNameValidation")).toBool();
    s.trustStoreFile = field(QStringLiteral("trustStoreFile")).toString().trimmed();
    s.trustStorePassword = field(QStringLiteral("trustStorePassword")).toString();
    s.edgePort = field(QStringLiteral("edgePort")).toInt();
    s.edgeHost = field(QStringLiteral("edgeHost")).toString().trimmed();
    s.healthPort = field(QStringLiteral("healthPort")).toInt();
    s.adminSocket = field(QStringLiteral("adminSocket")).toString().trimmed();
    return s;
}

Result<void> ConfigWizard::save(const QString &path, bool encrypt, const KeyChoice &key)
{
    if (path.isEmpty())
        return Error(tr("Choose where to save the configuration."));
    WizardSettings s = settings();
    std::optional<secrets::DataKey> dataKey;
    if (encrypt) {
        Result<secrets::DataKey> obtained = obtainKey(key, path);
        if (!obtained)
            return obtained.error();
        dataKey = std::move(obtained.value());
    }
    const QString directory = QFileInfo(path).absolutePath();
    if (s.edgeTls) {
        Result<QString> copied = Pkcs12Inspector::copyNextToConfig(s.keyStoreFile, directory);
        if (!copied)
            return copied.error();
        s.keyStoreFile = copied.value();
    }
    Result<QByteArray> text = buildConfigText(s);
    if (!text)
        return text.error();
    QByteArray bytes = text.value();
    if (dataKey) {
        Result<QByteArray> encrypted = encryptSecrets(bytes, path, *dataKey);
        if (!encrypted)
            return encrypted.error();
        bytes = encrypted.value();
    }
    Result<void> written = config::writeConfigFile(path, bytes);
    if (!written)
        return written;
    m_savedPath = path;
    m_savedKeySource = {};
    if (encrypt) {
        m_savedKeySource.keychain = key.kind == KeyChoice::Kind::Keychain;
        if (!m_savedKeySource.keychain)
            m_savedKeySource.keyFile = key.keyFile;
        m_savedKeySource.configPath = QFileInfo(path).absoluteFilePath();
    }
    return {};
}

} // namespace cx::configurator
