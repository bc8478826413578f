// PKCS#12 inspection and the import dialog, on keystores made by the openssl command line:
// good, expired, not yet valid, without key, wrong password, weak RSA, without SANs, not
// PKCS#12 at all.

#include "command.h"
#include "pkcs12importdialog.h"
#include "pkcs12inspector.h"
#include "pki.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace cx::configurator;
using namespace cx::test;

namespace {
const QString Password = QStringLiteral("p12-password");
}

class tst_Pkcs12ImportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void inspect_data();
    void inspect();
    void dialogRefusesWrongPassword();
    void dialogRefusesKeyStoreWithoutKey();
    void dialogImportsNextToConfig();
    void enterShowsTheReportWithoutImporting();

private:
    bool makeDated(const QString &name, const QString &start, const QString &end);
    bool openssl(const QStringList &arguments);

    QTemporaryDir m_dir;
    std::unique_ptr<Pki> m_pki;
};

bool tst_Pkcs12ImportDialog::openssl(const QStringList &arguments)
{
    const CommandResult result = runCommand(QStringLiteral("openssl"), arguments);
    if (result.exitCode != 0)
        qWarning("openssl %s: %s", qPrintable(arguments.join(u' ')), result.describe().constData());
    return result.exitCode == 0;
}

// A server certificate with explicit validity dates ("20200101000000Z"), signed by the test
// CA with `openssl ca` (OpenSSL 3.0's x509 has no -not_before).
bool tst_Pkcs12ImportDialog::makeDated(const QString &name, const QString &start,
                                       const QString &end)
{
    const QString dir = m_dir.path();
    QFile config(dir + u"/ca-" + name + u".cnf");
    if (!config.open(QIODevice::WriteOnly))
        return false;
    QFile(dir + u"/index-" + name + u".txt").open(QIODevice::WriteOnly);
    config.write(QStringLiteral("[ca]\ndefault_ca = test\n[test]\n"
                                "database = %1/index-%2.txt\nnew_certs_dir = %1\n"
                                "serial = %1/serial-%2\ndefault_md = sha256\n"
                                "policy = any\ncopy_extensions = copy\nunique_subject = no\n"
                                "x509_extensions = ext\n"
                                "[any]\ncommonName = supplied\n"
                                "[ext]\nsubjectAltName = DNS:localhost\n")
                     .arg(dir, name)
                     .toUtf8());
    config.close();
    QFile serial(dir + u"/serial-" + name);
    serial.open(QIODevice::WriteOnly);
    serial.write("1000\n");
    serial.close();
    return openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                    QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                    dir + u'/' + name + u".key", QStringLiteral("-out"),
                    dir + u'/' + name + u".csr", QStringLiteral("-subj"), u"/CN=" + name})
        && openssl({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"),
                    config.fileName(), QStringLiteral("-cert"),
                    m_pki->path(QStringLiteral("ca.pem")), QStringLiteral("-keyfile"),
                    m_pki->path(QStringLiteral("ca.key")), QStringLiteral("-in"),
                    dir + u'/' + name + u".csr", QStringLiteral("-out"),
                    dir + u'/' + name + u".pem", QStringLiteral("-notext"),
                    QStringLiteral("-startdate"), start, QStringLiteral("-enddate"), end})
        && m_pki->makePkcs12(name, Password);
}

void tst_Pkcs12ImportDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pki = std::make_unique<Pki>(m_dir.path());
    Pki &pki = *m_pki;
    QVERIFY2(pki.makeCa(), qPrintable(pki.error()));
    QVERIFY2(pki.makeServer(QStringLiteral("good"),
                            {QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")}),
             qPrintable(pki.error()));
    QVERIFY2(pki.makePkcs12(QStringLiteral("good"), Password), qPrintable(pki.error()));
    QVERIFY2(pki.makePkcs12(QStringLiteral("good"), Password, false), qPrintable(pki.error()));
    QVERIFY(
        QFile::rename(pki.path(QStringLiteral("good.p12")), pki.path(QStringLiteral("nokey.p12"))));
    QVERIFY2(pki.makePkcs12(QStringLiteral("good"), Password), qPrintable(pki.error()));
    QVERIFY2(pki.makeServer(QStringLiteral("weak"), {QStringLiteral("DNS:localhost")}, 30, 1024),
             qPrintable(pki.error()));
    QVERIFY2(pki.makePkcs12(QStringLiteral("weak"), Password), qPrintable(pki.error()));
    QVERIFY2(pki.makeServer(QStringLiteral("nosan"), {}), qPrintable(pki.error()));
    QVERIFY2(pki.makePkcs12(QStringLiteral("nosan"), Password), qPrintable(pki.error()));
    QVERIFY2(pki.makeServer(QStringLiteral("nopassword"), {QStringLiteral("DNS:localhost")}),
             qPrintable(pki.error()));
    QVERIFY2(pki.makePkcs12(QStringLiteral("nopassword"), QString()), qPrintable(pki.error()));
    QVERIFY(makeDated(QStringLiteral("expired"), QStringLiteral("20200101000000Z"),
                      QStringLiteral("20210101000000Z")));
    QVERIFY(makeDated(QStringLiteral("future"), QStringLiteral("20990101000000Z"),
                      QStringLiteral("21000101000000Z")));
}

void tst_Pkcs12ImportDialog::inspect_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("usable");
    QTest::addColumn<QString>("warning"); // a warning expected; empty: none at all

    using S = Pkcs12Report::Status;
    QTest::addRow("good") << "good.p12" << Password << int(S::Ok) << true << QString();
    QTest::addRow("empty password")
        << "nopassword.p12" << QString() << int(S::Ok) << true << QString();
    QTest::addRow("wrong password") << "good.p12"
                                    << "not-it" << int(S::WrongPassword) << false << QString();
    QTest::addRow("expired") << "expired.p12" << Password << int(S::Ok) << true << "expired on";
    QTest::addRow("not yet valid")
        << "future.p12" << Password << int(S::Ok) << true << "not valid yet";
    QTest::addRow("no key") << "nokey.p12" << Password << int(S::Ok) << false << "no private key";
    QTest::addRow("RSA 1024") << "weak.p12" << Password << int(S::Ok) << true << "only 1024 bits";
    QTest::addRow("no SANs") << "nosan.p12" << Password << int(S::Ok) << true
                             << "no subject alternative names";
    QTest::addRow("PEM, not PKCS#12")
        << "good.pem" << Password << int(S::NotPkcs12) << false << QString();
    QTest::addRow("missing") << "missing.p12" << Password << int(S::Unreadable) << false
                             << QString();
}

void tst_Pkcs12ImportDialog::inspect()
{
    QFETCH(QString, file);
    QFETCH(QString, password);
    QFETCH(int, status);
    QFETCH(bool, usable);
    QFETCH(QString, warning);

    const Pkcs12Report report = Pkcs12Inspector::inspect(m_pki->path(file), password.toUtf8());
    QCOMPARE(int(report.status), status);
    QCOMPARE(report.usableAsKeyStore(), usable);
    if (!report.ok()) {
        QVERIFY(!report.error.isEmpty());
        if (report.status == Pkcs12Report::Status::WrongPassword)
            QVERIFY(report.error.contains(u"Wrong password"));
        return;
    }
    if (warning.isEmpty())
        QVERIFY2(report.warnings.isEmpty(), qPrintable(report.warnings.join(u'|')));
    else
        QVERIFY2(report.warnings.join(u'|').contains(warning),
                 qPrintable(report.warnings.join(u'|')));
    QVERIFY(!report.certificate.isNull());
    QVERIFY(
        Pkcs12Inspector::distinguishedName(report.certificate, true).contains(u"cxserver test CA"));
    QCOMPARE(report.chain.size(), 1); // the CA
    if (file == u"good.p12") {
        QCOMPARE(report.keyType, QStringLiteral("RSA"));
        QCOMPARE(report.keyBits, 2048);
        QCOMPARE(report.dnsNames, QStringList {QStringLiteral("localhost")});
        QCOMPARE(report.ipAddresses, QStringList {QStringLiteral("127.0.0.1")});
        QVERIFY(Pkcs12Inspector::distinguishedName(report.certificate, false).contains(u"CN=good"));
    }
    if (file == u"expired.p12")
        QCOMPARE(report.certificate.expiryDate().date().year(), 2021);
}

void tst_Pkcs12ImportDialog::dialogRefusesWrongPassword()
{
    Pkcs12ImportDialog dialog(m_dir.path());
    dialog.show();
    dialog.setFile(m_pki->path(QStringLiteral("good.p12")));
    dialog.setPassword(QStringLiteral("not-it"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("pkcs12InspectButton")),
                      Qt::LeftButton);
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("pkcs12ErrorLabel"));
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(u"Wrong password"));
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog.setPassword(Password);
    QTest::keyClick(dialog.findChild<QLineEdit *>(QStringLiteral("pkcs12PasswordEdit")),
                    Qt::Key_Return);
    QVERIFY(!error->isVisible());
    QVERIFY(ok->isEnabled());
}

void tst_Pkcs12ImportDialog::dialogRefusesKeyStoreWithoutKey()
{
    Pkcs12ImportDialog dialog(m_dir.path());
    dialog.show();
    dialog.setFile(m_pki->path(QStringLiteral("nokey.p12")));
    dialog.setPassword(Password);
    QVERIFY(!dialog.inspect());
    auto *warnings = dialog.findChild<QLabel *>(QStringLiteral("pkcs12WarningsLabel"));
    QVERIFY(warnings->isVisible());
    QVERIFY(warnings->text().contains(u"no private key"));
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void tst_Pkcs12ImportDialog::dialogImportsNextToConfig()
{
    QTemporaryDir configDir;
    Pkcs12ImportDialog dialog(configDir.path());
    dialog.show();
    dialog.setFile(m_pki->path(QStringLiteral("expired.p12")));
    dialog.setPassword(Password);
    QVERIFY(dialog.inspect()); // usable, with a warning
    const QString details
        = dialog.findChild<QTextBrowser *>(QStringLiteral("pkcs12Details"))->toPlainText();
    QVERIFY2(details.contains(u"CN=expired") && details.contains(u"2021-01-01")
                 && details.contains(u"RSA, 2048 bits") && details.contains(u"localhost"),
             qPrintable(details));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("pkcs12WarningsLabel"))
                ->text()
                .contains(u"expired"));
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const QString copied = configDir.filePath(QStringLiteral("expired.p12"));
    QCOMPARE(dialog.importedPath(), copied);
    QVERIFY(QFileInfo::exists(copied));
    // As the package lays keystores out: 0640 (the service's group reads it), never others.
    QCOMPARE(QFile::permissions(copied)
                 & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                    | QFileDevice::WriteOther),
             QFileDevice::Permissions(QFileDevice::ReadGroup));
    QCOMPARE(QFile(copied).size(), QFile(m_pki->path(QStringLiteral("expired.p12"))).size());
}

void tst_Pkcs12ImportDialog::enterShowsTheReportWithoutImporting()
{
    // Enter in the password field used to import at once: the report was never seen.
    QTemporaryDir configDir;
    Pkcs12ImportDialog dialog(configDir.path());
    dialog.show();
    dialog.setFile(m_pki->path(QStringLiteral("expired.p12")));
    auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("pkcs12PasswordEdit"));
    password->setFocus();
    QTest::keyClicks(password, Password);
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(dialog.isVisible()); // not accepted
    QCOMPARE(dialog.result(), 0);
    QVERIFY(dialog.findChild<QTextBrowser *>(QStringLiteral("pkcs12Details"))
                ->toPlainText()
                .contains(u"CN=expired"));
    auto *import = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(import->isEnabled());
    QTest::mouseClick(import, Qt::LeftButton); // importing takes a click
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

QTEST_MAIN(tst_Pkcs12ImportDialog)
#include "tst_pkcs12importdialog.moc"
