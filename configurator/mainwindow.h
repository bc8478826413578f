#pragma once

#include "config/configfilewriter.h"
#include "secrets/keysource.h"

#include <QList>
#include <QMainWindow>

class QAction;
class QStackedWidget;
class QTabWidget;

namespace cx::configurator {

class ConfigEditorWidget;
class StartPage;
class StatusPage;

/// The configurator's window: a start page until a configuration is open or a cluster is
/// watched, then the editor of a cxserver.conf and the live status view, with the
/// new-configuration wizard one menu entry away.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    void newConfiguration();
    void openFile(const QString &path);
    /// Opens a file the wizard just wrote, with the key source it chose for its secrets.
    void openSaved(const QString &path, const secrets::KeySourceOptions &keySource);
    void showStatus(const QString &socketName);
    /// The service's group, whose read access each save checks (default cxserver).
    void setServiceGroup(const QString &group) { m_serviceGroup = group; }
    /// Shows note (missingFontNote()) in the status bar for as long as the window lives.
    void showFontNote(const QString &note);

    ConfigEditorWidget *editor() const { return m_editor; }
    StatusPage *statusPage() const { return m_status; }
    StartPage *startPage() const { return m_start; }
    /// Whether the start page is what the window shows.
    bool showsStartPage() const;
    void showStartPage();

    /// Writes a PNG of every wizard page and of the status view (fed by a demo status
    /// socket) into directory, in the current UI language; false when one could not be
    /// written.
    static bool takeScreenshots(const QString &directory);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void open();
    bool save(bool choosePath);
    void chooseKeyFile();
    /// The editor's key source, the key file remembered and the keychain entry's check.
    void useKeySource(const secrets::KeySourceOptions &options);
    bool confirmDiscard();
    void updateTitle();

    QStackedWidget *m_stack = nullptr;
    StartPage *m_start = nullptr;
    QTabWidget *m_tabs = nullptr;
    ConfigEditorWidget *m_editor = nullptr;
    StatusPage *m_status = nullptr;
    QString m_keyFile;
    QAction *m_keychainAction = nullptr;
    QString m_serviceGroup = QString::fromLatin1(config::ServiceGroup);
    QList<QAction *> m_fileActions; ///< enabled only with a configuration open
};

} // namespace cx::configurator
