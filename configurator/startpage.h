#pragma once

#include <QWidget>

class QCommandLinkButton;
class QLabel;
class QListWidget;

namespace cx::configurator {

/// What the configurator shows before a configuration is open: write a new one with the
/// wizard, open one, open the service's own configuration, watch a running cluster, or
/// reopen a recent file. Says what each does; offers nothing that cannot work (the
/// service's file only when it exists).
class StartPage : public QWidget
{
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);

    /// The service's configuration (default: defaultServiceConfigPath()).
    void setServiceConfigPath(const QString &path);
    QString serviceConfigPath() const { return m_servicePath; }
    /// Reads the recent files again and updates what depends on files existing.
    void refresh();

    /// /etc/cxserver/cxserver.conf, or %ProgramData%\cxserver\cxserver.conf on Windows.
    static QString defaultServiceConfigPath();

Q_SIGNALS:
    void newRequested();
    void openRequested();
    void openFileRequested(const QString &path);
    void statusRequested();

private:
    QString m_servicePath;
    QCommandLinkButton *m_openService = nullptr;
    QListWidget *m_recent = nullptr;
    QLabel *m_noRecent = nullptr;
};

} // namespace cx::configurator
