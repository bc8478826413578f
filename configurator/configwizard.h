#pragma once

#include "configbuilder.h"
#include "configsaver.h"
#include "result.h"
#include "secrets/keysource.h"

#include <QWizard>

namespace cx::configurator {

/// The new-configuration wizard: deployment, platform instances (ZooKeeper or static
/// URLs), app key, edge TLS, platform TLS, ports, review and save.
class ConfigWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId {
        ModePageId,
        ZooKeeperPageId,
        PlatformsPageId,
        AppKeyPageId,
        EdgeTlsPageId,
        PlatformTlsPageId,
        PortsPageId,
        ReviewPageId,
    };

    explicit ConfigWizard(QWidget *parent = nullptr);

    /// What the pages hold now.
    WizardSettings settings() const;

    /// Writes the configuration to path (config::writeConfigFile), copying the edge
    /// keystore next to it; with encrypt, every secret is stored as ENC() under the key
    /// from key, which is obtained first: nothing is written when it cannot be.
    Result<void> save(const QString &path, bool encrypt, const KeyChoice &key);

    /// The file written by the last successful save().
    QString savedPath() const { return m_savedPath; }
    /// Where the key of that file's encrypted secrets is (nothing set: not encrypted), so
    /// that the editor opens it without asking again.
    secrets::KeySourceOptions savedKeySource() const { return m_savedKeySource; }

private:
    QString m_savedPath;
    secrets::KeySourceOptions m_savedKeySource;
};

} // namespace cx::configurator
