// The new-configuration wizard driven like a user: every page filled in, saved plain and
// encrypted, and the result accepted by the real `cxserver --check-config`; the ZooKeeper
// Test button against a real ZooKeeper with a registered platform simulator.

#include "config/serverconfig.h"
#include "configbuilder.h"
#include "configeditorwidget.h"
#include "configwizard.h"
#include "cxservercli.h"
#include "mainwindow.h"
#include "messageboxanswer.h"
#include "pki.h"
#include "platformsimprocess.h"
#include "testpaths.h"
#include "zookeeperprobe.h"
#include "zookeeperprocess.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace cx::configurator;
using namespace cx::test;

namespace {
const QString AppKey = QStringLiteral("b3d06be7-c9e1-4a9c-b967-28cd4c49fa1b");
const QString KeyStorePassword = QStringLiteral("keystore-secret");
} // namespace

class tst_ConfigWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void saveAndCheck_data();
    void saveAndCheck();
    void reviewHidesSecrets();
    void replacingAFileIsAsked();
    void editorOpensWithTheWizardsKey();
    void keychainUnavailableWritesNothing();
    void zooKeeperTestButton();
    void zooKeeperSecurityIsWritten();
    void zooKeeperTestButtonLogsIn();
    void reachabilityTestButton();

private:
    template<typename T> T *child(QWidget *root, const char *name)
    {
        T *widget = root->findChild<T *>(QLatin1StringView(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    void fillUpToReview(ConfigWizard &wizard, bool cluster, const QString &zooKeeper = {});
    /// Starts sim registered in zooKeeper, and shows wizard's ZooKeeper page pointing there.
    void registerAndShowZooKeeperPage(ZooKeeperProcess &zooKeeper, PlatformSimProcess &sim,
                                      ConfigWizard &wizard);

    QTemporaryDir m_pkiDir;
    QString m_keyStore;
};

void tst_ConfigWizard::initTestCase()
{
    Pki pki(m_pkiDir.path());
    QVERIFY2(pki.makeCa(), qPrintable(pki.error()));
    QVERIFY2(pki.makeServer(QStringLiteral("edge"),
                            {QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")}),
             qPrintable(pki.error()));
    QVERIFY2(pki.makePkcs12(QStringLiteral("edge"), KeyStorePassword), qPrintable(pki.error()));
    m_keyStore = pki.path(QStringLiteral("edge.p12"));
    ZooKeeperProbe::setPluginDirectory(binaryPath(QStringLiteral("plugins/discovery")));
}

void tst_ConfigWizard::fillUpToReview(ConfigWizard &wizard, bool cluster, const QString &zooKeeper)
{
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.currentId(), int(ConfigWizard::ModePageId));
    child<QRadioButton>(&wizard, cluster ? "clusterRadio" : "singleRadio")->setChecked(true);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    if (cluster) {
        QCOMPARE(wizard.currentId(), int(ConfigWizard::ZooKeeperPageId));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QTest::keyClicks(child<QLineEdit>(&wizard, "zkConnectionEdit"),
                         zooKeeper.isEmpty() ? QStringLiteral("zk1:2181,zk2:2181") : zooKeeper);
    } else {
        QCOMPARE(wizard.currentId(), int(ConfigWizard::PlatformsPageId));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        child<QPlainTextEdit>(&wizard, "platformsEdit")
            ->setPlainText(QStringLiteral("ws://127.0.0.1:8080/Thingworx/WS\n"
                                          "wss://platform2.acme.internal:8443/Thingworx/WS\n"));
    }
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ConfigWizard::AppKeyPageId));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    auto *appKey = child<QLineEdit>(&wizard, "appKeyEdit");
    QCOMPARE(appKey->echoMode(), QLineEdit::Password);
    QTest::keyClicks(appKey, AppKey);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ConfigWizard::EdgeTlsPageId));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // TLS on, no keystore yet
    child<QLineEdit>(&wizard, "keyStoreFileEdit")->setText(m_keyStore);
    child<QLineEdit>(&wizard, "keyStorePasswordEdit")->setText(QStringLiteral("wrong"));
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ConfigWizard::EdgeTlsPageId)); // refused
    QVERIFY(child<QLabel>(&wizard, "keyStoreSummaryLabel")->text().contains(u"Wrong password"));
    child<QLineEdit>(&wizard, "keyStorePasswordEdit")->setText(KeyStorePassword);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ConfigWizard::PlatformTlsPageId));
    auto *warning = child<QLabel>(&wizard, "hostNameWarningLabel");
    QCOMPARE(warning->isVisible(), cluster); // the IP SAN warning of HA
    if (cluster)
        QVERIFY(warning->text().contains(u"IP SAN"));
    if (cluster) { // TLS to the instances is a choice: its settings follow it
        auto *tls = child<QCheckBox>(&wizard, "platformTlsCheck");
        const bool was = tls->isChecked();
        tls->setChecked(false);
        QVERIFY(!child<QLineEdit>(&wizard, "trustStoreFileEdit")->isEnabled());
        QVERIFY(!child<QCheckBox>(&wizard, "hostNameValidationCheck")->isEnabled());
        tls->setChecked(true);
        QVERIFY(child<QLineEdit>(&wizard, "trustStoreFileEdit")->isEnabled());
        QVERIFY(child<QCheckBox>(&wizard, "hostNameValidationCheck")->isEnabled());
        tls->setChecked(was);
    }
    child<QCheckBox>(&wizard, "hostNameValidationCheck")->setChecked(false);
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(u"tests only"));
    child<QCheckBox>(&wizard, "hostNameValidationCheck")->setChecked(true);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ConfigWizard::PortsPageId));
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    child<QSpinBox>(&wizard, "edgePortSpin")->setValue(9443);
    child<QSpinBox>(&wizard, "healthPortSpin")->setValue(9443);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ConfigWizard::PortsPageId)); // same port twice
    child<QSpinBox>(&wizard, "healthPortSpin")->setValue(9010);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ConfigWizard::ReviewPageId));
}

void tst_ConfigWizard::saveAndCheck_data()
{
    QTest::addColumn<bool>("cluster");
    QTest::addColumn<bool>("encrypt");
    QTest::addRow("single, plain") << false << false;
    QTest::addRow("single, encrypted") << false << true;
    QTest::addRow("cluster, plain") << true << false;
    QTest::addRow("cluster, encrypted") << true << true;
}

void tst_ConfigWizard::saveAndCheck()
{
    QFETCH(bool, cluster);
    QFETCH(bool, encrypt);
    QTemporaryDir dir;
    const QString configPath = dir.filePath(QStringLiteral("cxserver.conf"));
    const QString keyPath = dir.filePath(QStringLiteral("cxserver.key"));

    ConfigWizard wizard;
    fillUpToReview(wizard, cluster);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled()); // no path yet
    // An empty path says it is a hint, not a value that looks filled in.
    QVERIFY(child<QLineEdit>(&wizard, "savePathEdit")->placeholderText().startsWith(u"where"));
    child<QLineEdit>(&wizard, "savePathEdit")->setText(configPath);
    QVERIFY(child<QLabel>(&wizard, "reviewDiagnosticsLabel")->text().contains(u"valid"));
    if (encrypt) {
        child<QCheckBox>(&wizard, "encryptCheck")->setChecked(true);
        QCOMPARE(child<QLineEdit>(&wizard, "keyFileEdit")->text(), keyPath);
    }
    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY2(wizard.result() == QDialog::Accepted,
             qPrintable(child<QLabel>(&wizard, "saveResultLabel")->text()));

    const QByteArray text = readFile(configPath);
    QVERIFY(text.startsWith("# cxserver.conf")); // the sample's comments are kept
    QVERIFY(!text.contains("EXAMPLE")); // but not the sample's word for its own values
    QCOMPARE(text.contains(AppKey.toUtf8()), !encrypt);
    QCOMPARE(text.contains(KeyStorePassword.toUtf8()), !encrypt);
    QCOMPARE(text.contains("ENC(v1:"), encrypt);
    // As the package lays files out: the service's group reads them, others nothing.
    QCOMPARE(QFileInfo(configPath).permissions() & 0x0077, QFileDevice::ReadGroup);
    const QString copiedKeyStore = dir.filePath(QStringLiteral("edge.p12"));
    QVERIFY(QFileInfo::exists(copiedKeyStore));
    QCOMPARE(QFile::permissions(copiedKeyStore),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                 | QFileDevice::WriteUser | QFileDevice::ReadGroup);
    QVERIFY(text.contains(copiedKeyStore.toUtf8()));
    QVERIFY(text.contains("protocol.port = 9443"));
    if (cluster)
        QVERIFY(text.contains("discovery.connectionString = \"zk1:2181,zk2:2181\""));
    else
        QVERIFY(text.contains("\"ws://127.0.0.1:8080/Thingworx/WS\", "
                              "\"wss://platform2.acme.internal:8443/Thingworx/WS\""));

    QStringList args {QStringLiteral("--config"), configPath, QStringLiteral("--check-config")};
    if (encrypt) {
        QVERIFY(QFileInfo::exists(keyPath));
        args << QStringLiteral("--key-file") << keyPath;
    }
    const CommandResult check = runCxserver(args);
    QVERIFY2(check.exitCode == 0 && !check.err.contains("error:"), check.describe().constData());
    if (encrypt) { // and without the key it is refused, naming the key
        const CommandResult noKey = runCxserver(
            {QStringLiteral("--config"), configPath, QStringLiteral("--check-config")});
        QCOMPARE(noKey.exitCode, 1);
    }
}

void tst_ConfigWizard::reviewHidesSecrets()
{
    ConfigWizard wizard;
    fillUpToReview(wizard, false);
    if (QTest::currentTestFailed())
        return;
    const QString shown = child<QPlainTextEdit>(&wizard, "reviewText")->toPlainText();
    QVERIFY(shown.contains(u"transport.websockets.app-key = \"********\""));
    QVERIFY(!shown.contains(AppKey));
    QVERIFY(!shown.contains(KeyStorePassword));
}

void tst_ConfigWizard::replacingAFileIsAsked()
{
    QTemporaryDir dir;
    const QString configPath = dir.filePath(QStringLiteral("cxserver.conf"));
    const QByteArray before = "# the operator's own configuration\n";
    {
        QFile file(configPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(before);
    }
    const QFileDevice::Permissions mode = QFileDevice::ReadOwner | QFileDevice::WriteOwner
        | QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ReadGroup;
    QVERIFY(QFile::setPermissions(configPath, mode));

    ConfigWizard wizard;
    fillUpToReview(wizard, false);
    if (QTest::currentTestFailed())
        return;
    child<QLineEdit>(&wizard, "savePathEdit")->setText(configPath);
    {
        MessageBoxAnswer no(QMessageBox::No);
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QVERIFY(no.answered());
        QVERIFY2(no.text().contains(configPath), qPrintable(no.text()));
    }
    QCOMPARE(readFile(configPath), before); // kept
    QVERIFY(wizard.isVisible());
    QCOMPARE(wizard.currentId(), int(ConfigWizard::ReviewPageId));

    {
        MessageBoxAnswer yes(QMessageBox::Yes);
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QVERIFY(yes.answered());
    }
    QVERIFY2(wizard.result() == QDialog::Accepted,
             qPrintable(child<QLabel>(&wizard, "saveResultLabel")->text()));
    QVERIFY(readFile(configPath).startsWith("# cxserver.conf"));
    QCOMPARE(QFile::permissions(configPath), mode); // replaced, its mode kept
}

void tst_ConfigWizard::editorOpensWithTheWizardsKey()
{
    QTemporaryDir dir;
    const QString configPath = dir.filePath(QStringLiteral("cxserver.conf"));
    const QString keyPath = dir.filePath(QStringLiteral("cxserver.key"));
    ConfigWizard wizard;
    fillUpToReview(wizard, false);
    if (QTest::currentTestFailed())
        return;
    child<QLineEdit>(&wizard, "savePathEdit")->setText(configPath);
    child<QCheckBox>(&wizard, "encryptCheck")->setChecked(true);
    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY2(wizard.result() == QDialog::Accepted,
             qPrintable(child<QLabel>(&wizard, "saveResultLabel")->text()));
    QCOMPARE(wizard.savedKeySource().keyFile, keyPath);

    // Opened as the wizard leaves it: nothing asked, the secrets readable with its key.
    {
        MainWindow window;
        ModalWatch watch;
        window.openSaved(wizard.savedPath(), wizard.savedKeySource());
        QVERIFY2(watch.titles().isEmpty(), qPrintable(watch.titles().join(u", ")));
        QCOMPARE(window.editor()->filePath(), configPath);
        QVERIFY(window.editor()->text().contains("ENC(v1:"));
    }
    // Without it, the key file is asked for (and, refused here, nothing is opened).
    {
        MainWindow window;
        ModalWatch watch;
        window.openFile(configPath);
        QVERIFY(!watch.titles().isEmpty());
        QVERIFY(window.editor()->filePath().isEmpty());
    }
}

void tst_ConfigWizard::keychainUnavailableWritesNothing()
{
    // No Secret Service on this bus: the keychain fails at once.
    const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/cxserver-test-bus");
    const auto restore = qScopeGuard([&bus] {
        if (bus.isEmpty())
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        else
            qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
    });
    QTemporaryDir dir;
    const QString configPath = dir.filePath(QStringLiteral("cxserver.conf"));
    ConfigWizard wizard;
    fillUpToReview(wizard, false);
    if (QTest::currentTestFailed())
        return;
    child<QLineEdit>(&wizard, "savePathEdit")->setText(configPath);
    child<QCheckBox>(&wizard, "encryptCheck")->setChecked(true);
    child<QRadioButton>(&wizard, "keychainRadio")->setChecked(true);
    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ConfigWizard::ReviewPageId)); // refused
    const QString said = child<QLabel>(&wizard, "saveResultLabel")->text();
    QVERIFY2(said.startsWith(u"The OS keychain cannot be used"), qPrintable(said));
    QVERIFY(said.contains(u"Choose a key file instead"));
    // Nothing written: neither the configuration nor the keystore copy.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList());
}

void tst_ConfigWizard::registerAndShowZooKeeperPage(ZooKeeperProcess &zooKeeper,
                                                    PlatformSimProcess &sim, ConfigWizard &wizard)
{
    QVERIFY(sim.start("key", {QStringLiteral("--zookeeper"), zooKeeper.connectionString()}));
    QVERIFY(
        sim.waitForLine(QRegularExpression(QStringLiteral("registered in ZooKeeper"))).hasMatch());
    wizard.show();
    child<QRadioButton>(&wizard, "clusterRadio")->setChecked(true);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConfigWizard::ZooKeeperPageId));
    QTest::keyClicks(child<QLineEdit>(&wizard, "zkConnectionEdit"), zooKeeper.connectionString());
}

void tst_ConfigWizard::zooKeeperTestButton()
{
    ZooKeeperProcess zooKeeper;
    if (!zooKeeper.start())
        QSKIP("ZooKeeper is not installed or did not start");
    PlatformSimProcess sim(QStringLiteral("platform1"));
    ConfigWizard wizard;
    registerAndShowZooKeeperPage(zooKeeper, sim, wizard);
    if (QTest::currentTestFailed())
        return;
    auto *button = child<QPushButton>(&wizard, "zkTestButton");
    QTest::mouseClick(button, Qt::LeftButton);
    auto *list = child<QListWidget>(&wizard, "zkInstanceList");
    auto *result = child<QLabel>(&wizard, "zkResultLabel");
    QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, 15000);
    QVERIFY2(list->item(0)->text().contains(
                 QStringLiteral("ws://127.0.0.1:%1/Thingworx/WS").arg(sim.port())),
             qPrintable(list->item(0)->text()));
    QVERIFY(result->text().contains(u"instances found: 1"));
    QTRY_VERIFY(button->isEnabled());

    // Another service name: connected, none found.
    auto *serviceName = child<QLineEdit>(&wizard, "zkServiceNameEdit");
    serviceName->setText(QStringLiteral("thingworx-https"));
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(u"no platform instance"), 15000);
    QCOMPARE(list->count(), 0);

    // Nothing listening: says so within the timeout.
    sim.stop();
    zooKeeper.stop();
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(u"No answer from ZooKeeper"), 20000);
}

namespace {

/// A JAAS file with the DIGEST-MD5 Client login of cxserver with password.
QString writeDigestJaas(const QTemporaryDir &dir, const QByteArray &password)
{
    const QString path = dir.filePath(QStringLiteral("jaas-%1.conf").arg(password.size()));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("Client {\n  org.apache.zookeeper.server.auth.DigestLoginModule required\n"
               "  username=\"cxserver\" password=\""
               + password + "\";\n};\n");
    return path;
}

} // namespace

void tst_ConfigWizard::zooKeeperSecurityIsWritten()
{
    QTemporaryDir dir;
    const QString jaas = writeDigestJaas(dir, "zk-pass");
    ConfigWizard wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    child<QRadioButton>(&wizard, "clusterRadio")->setChecked(true);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConfigWizard::ZooKeeperPageId));
    // The SASL and TLS rows show only once chosen.
    auto *jaasEdit = child<QLineEdit>(&wizard, "zkJaasFileEdit");
    auto *krb5Edit = child<QLineEdit>(&wizard, "zkKrb5ConfEdit");
    auto *trustEdit = child<QLineEdit>(&wizard, "zkTrustStoreEdit");
    QVERIFY(!jaasEdit->isVisible() && !krb5Edit->isVisible() && !trustEdit->isVisible());
    auto *sasl = child<QComboBox>(&wizard, "zkSaslCombo");
    sasl->setCurrentIndex(sasl->findData(QStringLiteral("GSSAPI")));
    QVERIFY(jaasEdit->isVisible() && krb5Edit->isVisible());
    sasl->setCurrentIndex(sasl->findData(QStringLiteral("DIGEST-MD5")));
    QVERIFY(jaasEdit->isVisible() && !krb5Edit->isVisible());
    child<QCheckBox>(&wizard, "zkTlsCheck")->setChecked(true);
    QVERIFY(trustEdit->isVisible());
    QTest::keyClicks(child<QLineEdit>(&wizard, "zkConnectionEdit"), QStringLiteral("zk1:2281"));
    jaasEdit->setText(jaas);
    trustEdit->setText(m_keyStore); // any existing file: the configuration only names it
    child<QLineEdit>(&wizard, "zkKeyStoreEdit")->setText(m_keyStore);
    child<QLineEdit>(&wizard, "zkKeyStorePasswordEdit")->setText(KeyStorePassword);

    WizardSettings settings = wizard.settings();
    settings.appKey = QStringLiteral("k");
    settings.edgeTls = false;
    const cx::Result<QByteArray> text = buildConfigText(settings);
    QVERIFY(text.ok());
    const QString path = dir.filePath(QStringLiteral("cxserver.conf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(*text) == text->size());
    file.close();
    const cx::config::LoadedServerConfig loaded = cx::config::readServerConfigFile(path);
    QVERIFY(loaded.ok());
    QVERIFY(loaded.config.saslEnabled);
    QCOMPARE(loaded.config.saslMechanism, QStringLiteral("DIGEST-MD5"));
    QCOMPARE(loaded.config.saslJaasFile, jaas);
    QCOMPARE(loaded.config.saslUsername, QStringLiteral("cxserver"));
    QVERIFY(loaded.config.zooKeeperTls);
    QCOMPARE(loaded.config.zooKeeperKeyStoreFile, m_keyStore);
    QCOMPARE(loaded.config.zooKeeperKeyStorePassword.reveal(), KeyStorePassword);
    QCOMPARE(loaded.config.saslKrb5ConfFile, QString()); // Kerberos only
}

void tst_ConfigWizard::zooKeeperTestButtonLogsIn()
{
    // A ZooKeeper with the DIGEST-MD5 Server login; the simulator registers without one.
    ZooKeeperProcess zooKeeper;
    const QString serverJaas = zooKeeper.filePath(QStringLiteral("server-jaas.conf"));
    QFile serverJaasFile(serverJaas);
    QVERIFY(serverJaasFile.open(QIODevice::WriteOnly));
    serverJaasFile.write("Server {\n  org.apache.zookeeper.server.auth.DigestLoginModule required\n"
                         "  user_cxserver=\"zk-pass\";\n};\n");
    serverJaasFile.close();
    zooKeeper.configure(QStringLiteral("authProvider.sasl=org.apache.zookeeper.server.auth."
                                       "SASLAuthenticationProvider\n"),
                        {QStringLiteral("-Djava.security.auth.login.config=") + serverJaas});
    if (!zooKeeper.start())
        QSKIP("ZooKeeper is not installed or did not start");
    PlatformSimProcess sim(QStringLiteral("platform1"));
    ConfigWizard wizard;
    registerAndShowZooKeeperPage(zooKeeper, sim, wizard);
    if (QTest::currentTestFailed())
        return;
    QTemporaryDir dir;
    auto *sasl = child<QComboBox>(&wizard, "zkSaslCombo");
    sasl->setCurrentIndex(sasl->findData(QStringLiteral("DIGEST-MD5")));
    auto *jaasEdit = child<QLineEdit>(&wizard, "zkJaasFileEdit");
    auto *button = child<QPushButton>(&wizard, "zkTestButton");
    auto *result = child<QLabel>(&wizard, "zkResultLabel");
    auto *list = child<QListWidget>(&wizard, "zkInstanceList");

    jaasEdit->setText(writeDigestJaas(dir, "not-the-password"));
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        result->text().contains(u"ZooKeeper refused the SASL DIGEST-MD5 login"), 15000);
    QTRY_VERIFY(button->isEnabled());

    jaasEdit->setText(writeDigestJaas(dir, "zk-pass"));
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, 15000);
    QVERIFY(result->text().contains(u"instances found: 1"));

    // A JAAS file without the Client login says where.
    jaasEdit->setText(dir.filePath(QStringLiteral("missing.conf")));
    QTRY_VERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(result->text().contains(u"missing.conf: not a file"));
}

void tst_ConfigWizard::reachabilityTestButton()
{
    QTcpServer listening;
    QVERIFY(listening.listen(QHostAddress::LocalHost));
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 closedPort = closed.serverPort();
    closed.close(); // nothing listens there any more

    ConfigWizard wizard;
    wizard.show();
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ConfigWizard::PlatformsPageId));
    const QString up = QStringLiteral("ws://127.0.0.1:%1/Thingworx/WS").arg(listening.serverPort());
    const QString down = QStringLiteral("ws://127.0.0.1:%1/Thingworx/WS").arg(closedPort);
    child<QPlainTextEdit>(&wizard, "platformsEdit")->setPlainText(up + u'\n' + down);
    auto *button = child<QPushButton>(&wizard, "platformsTestButton");
    QTest::mouseClick(button, Qt::LeftButton);
    auto *result = child<QLabel>(&wizard, "platformsResultLabel");
    QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 10000);
    const QStringList lines = result->text().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0), up + QStringLiteral(": reachable"));
    QVERIFY2(lines.at(1).startsWith(down + u": ") && !lines.at(1).endsWith(u"reachable"),
             qPrintable(lines.at(1)));

    // A URL that is not ws:// with a port stops the wizard here.
    child<QPlainTextEdit>(&wizard, "platformsEdit")->setPlainText(QStringLiteral("http://x/"));
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ConfigWizard::PlatformsPageId));
    QVERIFY(result->text().contains(u"http://x/"));
}

QTEST_MAIN(tst_ConfigWizard)
#include "tst_configwizard.moc"
