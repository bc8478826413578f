#include "mainwindow.h"

#include "config/hoconparser.h"
#include "configeditorwidget.h"
#include "configwizard.h"
#include "demostatusserver.h"
#include "recentfiles.h"
#include "screenfit.h"
#include "serviceaccesswarning.h"
#include "startpage.h"
#include "statuspage.h"

#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QScreen>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>

namespace cx::configurator {

namespace {
/// Runs the event loop until condition holds or timeoutMs passed.
template<typename Condition> bool waitFor(Condition condition, int timeoutMs)
{
    QEventLoop loop;
    QTimer poll;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (condition())
            loop.quit();
    });
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    poll.start(20);
    timeout.start(timeoutMs);
    if (!condition())
        loop.exec();
    return condition();
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    m_stack = new QStackedWidget(this);
    m_start = new StartPage(m_stack);
    m_tabs = new QTabWidget(m_stack);
    m_editor = new ConfigEditorWidget(m_tabs);
    m_status = new StatusPage(m_tabs);
    m_tabs->addTab(m_editor, tr("Configuration"));
    m_tabs->addTab(m_status, tr("Live status"));
    m_stack->addWidget(m_start);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);
    connect(m_start, &StartPage::newRequested, this, &MainWindow::newConfiguration);
    connect(m_start, &StartPage::openRequested, this, &MainWindow::open);
    connect(m_start, &StartPage::openFileRequested, this, &MainWindow::openFile);
    connect(m_start, &StartPage::statusRequested, this, [this] {
        m_stack->setCurrentWidget(m_tabs);
        m_tabs->setCurrentWidget(m_status);
    });

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New configuration…"), QKeySequence::New, this,
                    &MainWindow::newConfiguration);
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::open);
    file->addAction(tr("S&tart page"), this, &MainWindow::showStartPage);
    // Nothing that needs an open configuration is enabled without one (updateTitle()).
    m_fileActions << file->addAction(tr("&Save"), QKeySequence::Save, this, [this] {
        save(false);
    }) << file->addAction(tr("Save &as…"), QKeySequence::SaveAs, this, [this] { save(true); });
    file->addSeparator();
    file->addAction(tr("&Key file for encrypted secrets…"), this, &MainWindow::chooseKeyFile);
    m_keychainAction = file->addAction(tr("&Use the OS keychain for encrypted secrets"));
    m_keychainAction->setCheckable(true);
    connect(m_keychainAction, &QAction::toggled, this, [this](bool on) {
        secrets::KeySourceOptions options;
        options.keychain = on;
        if (!on)
            options.keyFile = m_keyFile;
        m_editor->setKeySource(options);
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_fileActions << edit->addAction(tr("&Import edge keystore…"), m_editor,
                                     &ConfigEditorWidget::importKeyStore);

    connect(m_editor, &ConfigEditorWidget::modifiedChanged, this, &MainWindow::updateTitle);
    resize(sizeOnScreen(this, QSize(980, 720)));
    updateTitle();
}

void MainWindow::updateTitle()
{
    const QString name = m_editor->filePath().isEmpty()
        ? tr("no file")
        : QFileInfo(m_editor->filePath()).fileName();
    setWindowTitle(tr("%1[*] — cxserver configurator").arg(name));
    setWindowModified(m_editor->isModified());
    for (QAction *action : std::as_const(m_fileActions))
        action->setEnabled(!m_editor->filePath().isEmpty());
}

void MainWindow::newConfiguration()
{
    if (!confirmDiscard())
        return;
    ConfigWizard wizard(this);
    if (wizard.exec() == QDialog::Accepted && !wizard.savedPath().isEmpty())
        openSaved(wizard.savedPath(), wizard.savedKeySource());
}

void MainWindow::openSaved(const QString &path, const secrets::KeySourceOptions &keySource)
{
    if (keySource.keychain || !keySource.keyFile.isEmpty())
        useKeySource(keySource);
    openFile(path);
}

void MainWindow::useKeySource(const secrets::KeySourceOptions &options)
{
    if (!options.keyFile.isEmpty())
        m_keyFile = options.keyFile;
    const QSignalBlocker blocker(m_keychainAction);
    m_keychainAction->setChecked(options.keychain);
    m_editor->setKeySource(options);
}

void MainWindow::open()
{
    if (!confirmDiscard())
        return;
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Open configuration"), m_editor->filePath(),
                                       tr("cxserver configuration (*.conf);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::openFile(const QString &path)
{
    Result<void> opened = m_editor->openFile(path);
    if (!opened && QFileInfo::exists(path)) {
        QMessageBox::information(
            this, tr("Encrypted configuration"),
            tr("%1\n\nChoose the key file they were encrypted with. If they were encrypted "
               "with the OS keychain, cancel and turn on File ▸ Use the OS keychain.")
                .arg(opened.error().message));
        chooseKeyFile();
        if (!m_keyFile.isEmpty())
            opened = m_editor->openFile(path);
    }
    if (!opened) {
        QMessageBox::warning(this, tr("Cannot open the configuration"), opened.error().message);
        return;
    }
    RecentFiles::add(path);
    m_stack->setCurrentWidget(m_tabs);
    m_tabs->setCurrentWidget(m_editor);
    updateTitle();
    // The status view follows the opened file's status socket.
    config::ParseResult parsed = config::parseHoconText(m_editor->text(), path);
    if (parsed.root) {
        const config::Value *socket = parsed.root->find(
            {QStringLiteral("cx-server"), QStringLiteral("admin"), QStringLiteral("socket")});
        if (socket && !socket->isNull())
            m_status->findChild<QLineEdit *>(QStringLiteral("statusSocketEdit"))
                ->setText(socket->text());
    }
}

void MainWindow::showFontNote(const QString &note)
{
    if (note.isEmpty())
        return;
    auto *label = new QLabel(note, this);
    label->setObjectName(QStringLiteral("fontNoteLabel"));
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    statusBar()->addWidget(label, 1);
}

bool MainWindow::showsStartPage() const
{
    return m_stack->currentWidget() == m_start;
}

void MainWindow::showStartPage()
{
    m_start->refresh();
    m_stack->setCurrentWidget(m_start);
}

void MainWindow::showStatus(const QString &socketName)
{
    m_stack->setCurrentWidget(m_tabs);
    m_tabs->setCurrentWidget(m_status);
    m_status->connectTo(StatusPage::parseSockets(socketName));
}

bool MainWindow::save(bool choosePath)
{
    QString path = m_editor->filePath();
    if (choosePath || path.isEmpty()) {
        path = QFileDialog::getSaveFileName(this, tr("Save configuration"), path,
                                            tr("cxserver configuration (*.conf);;All files (*)"));
        if (path.isEmpty())
            return false;
    }
    if (config::hasErrors(m_editor->diagnostics())
        && QMessageBox::question(this, tr("Save with errors?"),
                                 tr("cxserver will not start with this configuration: it has "
                                    "errors. Save anyway?"))
            != QMessageBox::Yes)
        return false;
    Result<void> saved = m_editor->save(path);
    if (!saved) {
        QMessageBox::warning(this, tr("Cannot save"), saved.error().message);
        return false;
    }
    RecentFiles::add(path);
    updateTitle();
    warnIfServiceCannotRead(this, path, m_editor->text(), m_serviceGroup);
    return true;
}

void MainWindow::chooseKeyFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Key file"), m_keyFile,
                                                      tr("Key files (*.key);;All files (*)"));
    if (path.isEmpty())
        return;
    secrets::KeySourceOptions options;
    options.keyFile = path;
    useKeySource(options);
}

bool MainWindow::confirmDiscard()
{
    if (!m_editor->isModified())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"), tr("Save the changes to %1 first?").arg(m_editor->filePath()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save(false);
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (confirmDiscard())
        event->accept();
    else
        event->ignore();
}

bool MainWindow::takeScreenshots(const QString &directory)
{
    if (!QDir().mkpath(directory))
        return false;
    const QString language = QLocale().name().section(u'_', 0, 0);
    bool ok = true;
    const auto shoot = [&](QWidget *widget, const QString &name) {
        QCoreApplication::processEvents();
        const QString file
            = QDir(directory).filePath(name + u'-' + language + QStringLiteral(".png"));
        ok = widget->grab().save(file) && ok;
    };

    // Settings of their own: no file of the user's shows among the recent ones.
    QStandardPaths::setTestModeEnabled(true);
    {
        MainWindow window;
        window.resize(980, 720);
        window.show();
        shoot(&window, QStringLiteral("start"));
    }

    for (const bool cluster : {false, true}) {
        ConfigWizard wizard;
        wizard.show();
        const QString prefix
            = cluster ? QStringLiteral("wizard-ha") : QStringLiteral("wizard-single");
        if (!cluster)
            shoot(&wizard, prefix + QStringLiteral("-1-mode"));
        wizard
            .findChild<QRadioButton *>(cluster ? QStringLiteral("clusterRadio")
                                               : QStringLiteral("singleRadio"))
            ->setChecked(true);
        wizard.next();
        if (cluster)
            wizard.findChild<QLineEdit *>(QStringLiteral("zkConnectionEdit"))
                ->setText(QStringLiteral("zk1.example.com:2181,zk2.example.com:2181,"
                                         "zk3.example.com:2181"));
        else
            wizard.findChild<QPlainTextEdit *>(QStringLiteral("platformsEdit"))
                ->setPlainText(QStringLiteral("wss://twx1.example.com:8443/Thingworx/WS\n"
                                              "wss://twx2.example.com:8443/Thingworx/WS\n"));
        shoot(&wizard, prefix + QStringLiteral("-2-platforms"));
        if (cluster) { // and with its SASL and TLS rows shown
            auto *sasl = wizard.findChild<QComboBox *>(QStringLiteral("zkSaslCombo"));
            sasl->setCurrentIndex(sasl->findData(QStringLiteral("GSSAPI")));
            wizard.findChild<QLineEdit *>(QStringLiteral("zkJaasFileEdit"))
                ->setText(QStringLiteral("/etc/cxserver/zookeeper-jaas.conf"));
            wizard.findChild<QCheckBox *>(QStringLiteral("zkTlsCheck"))->setChecked(true);
            wizard.findChild<QLineEdit *>(QStringLiteral("zkTrustStoreEdit"))
                ->setText(QStringLiteral("/etc/cxserver/zookeeper-ca.pem"));
            shoot(&wizard, prefix + QStringLiteral("-2-zookeeper-security"));
        }
        wizard.next();
        wizard.findChild<QLineEdit *>(QStringLiteral("appKeyEdit"))
            ->setText(QStringLiteral("b3d06be7-c9e1-4a9c-b967-28cd4c49fa1b"));
        if (!cluster)
            shoot(&wizard, prefix + QStringLiteral("-3-appkey"));
        wizard.next();
        wizard.findChild<QCheckBox *>(QStringLiteral("edgeTlsCheck"))->setChecked(false);
        if (!cluster)
            shoot(&wizard, prefix + QStringLiteral("-4-edgetls"));
        wizard.next();
        shoot(&wizard, prefix + QStringLiteral("-5-platformtls"));
        wizard.next();
        if (!cluster)
            shoot(&wizard, prefix + QStringLiteral("-6-ports"));
        wizard.next();
        wizard.findChild<QLineEdit *>(QStringLiteral("savePathEdit"))
            ->setText(QStringLiteral("/etc/cxserver/cxserver.conf"));
        wizard.findChild<QCheckBox *>(QStringLiteral("encryptCheck"))->setChecked(true);
        if (!cluster)
            shoot(&wizard, prefix + QStringLiteral("-7-review"));
    }

    {
        QTemporaryDir sampleDir;
        const QString sample = sampleDir.filePath(QStringLiteral("cxserver.conf"));
        QFile::copy(QStringLiteral(":/samples/cxserver-ha-sample.conf"), sample);
        QFile::setPermissions(sample, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        MainWindow window;
        window.show();
        window.openFile(sample);
        shoot(&window, QStringLiteral("editor"));
    }

    // Two cxservers: both up; then one instance leaves the first one's reply and the second
    // cxserver stops.
    DemoStatusServer first;
    DemoStatusServer second;
    if (!first.listen() || !second.listen())
        return false;
    StatusPage page;
    page.resize(1180, 640);
    page.show();
    page.connectTo({first.name(), second.name()}, 100);
    auto *table = page.findChild<QTableWidget *>(QStringLiteral("instanceTable"));
    waitFor([&] { return second.sent() >= 30 && table->rowCount() == 6; }, 10000);
    shoot(&page, QStringLiteral("status"));
    first.setListed(2);
    second.close();
    waitFor([&] { return !page.watch().servers().at(1).up && first.sent() >= 40; }, 10000);
    shoot(&page, QStringLiteral("status-down"));
    page.connectTo({QStringLiteral("cxserver-not-running-demo")});
    waitFor(
        [&page] {
            return page.subscriptions().first()->state() == StatusSubscription::State::NotRunning;
        },
        5000);
    shoot(&page, QStringLiteral("status-not-running"));
    return ok;
}

} // namespace cx::configurator
