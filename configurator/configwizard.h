#pragma once

#include "configbuilder.h"
#include "configsaver.h"
#include "result.h"

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

    /// Writes the configuration to path (owner-only), copying the edge keystore next to
    /// it; with encrypt, every secret is stored as ENC() under the key from key.
    Result<void> save(const QString &path, bool encrypt, const KeyChoice &key);

    /// The file written by the last successful save().
    QString savedPath() const { return m_savedPath; }

private:
    QString m_savedPath;
};

} // namespace cx::configurator
