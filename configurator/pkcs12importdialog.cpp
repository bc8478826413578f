#include "pkcs12importdialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cx::configurator {

Pkcs12ImportDialog::Pkcs12ImportDialog(const QString &destinationDirectory, QWidget *parent)
    : QDialog(parent)
    , m_destination(destinationDirectory)
{
    setWindowTitle(tr("Import PKCS#12 keystore"));
    setObjectName(QStringLiteral("pkcs12ImportDialog"));

    m_fileEdit = new QLineEdit(this);
    m_fileEdit->setObjectName(QStringLiteral("pkcs12FileEdit"));
    auto *browseButton = new QPushButton(tr("Browse…"), this);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(browseButton);

    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("pkcs12PasswordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_inspectButton = new QPushButton(tr("Open"), this);
    m_inspectButton->setObjectName(QStringLiteral("pkcs12InspectButton"));
    auto *passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_passwordEdit, 1);
    passwordRow->addWidget(m_inspectButton);

    auto *form = new QFormLayout;
    form->addRow(tr("Keystore file:"), fileRow);
    form->addRow(tr("Password:"), passwordRow);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("pkcs12ErrorLabel"));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();

    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("pkcs12Details"));
    m_details->setMinimumSize(520, 220);

    m_warningsLabel = new QLabel(this);
    m_warningsLabel->setObjectName(QStringLiteral("pkcs12WarningsLabel"));
    m_warningsLabel->setStyleSheet(QStringLiteral("color: #a05a00;"));
    m_warningsLabel->setWordWrap(true);
    m_warningsLabel->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    // Enter opens the keystore and shows its report; importing takes a click on Import.
    m_buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    m_inspectButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_details, 1);
    layout->addWidget(m_warningsLabel);
    layout->addWidget(m_buttons);

    connect(browseButton, &QPushButton::clicked, this, &Pkcs12ImportDialog::browse);
    connect(m_inspectButton, &QPushButton::clicked, this, &Pkcs12ImportDialog::inspect);
    connect(m_fileEdit, &QLineEdit::textChanged, this, [this] {
        m_inspected = false;
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    });
    connect(m_passwordEdit, &QLineEdit::textChanged, this, [this] {
        m_inspected = false;
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &Pkcs12ImportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &Pkcs12ImportDialog::reject);
}

void Pkcs12ImportDialog::setFile(const QString &path)
{
    m_fileEdit->setText(path);
}

void Pkcs12ImportDialog::setPassword(const QString &password)
{
    m_passwordEdit->setText(password);
}

QString Pkcs12ImportDialog::file() const
{
    return m_fileEdit->text();
}

QString Pkcs12ImportDialog::password() const
{
    return m_passwordEdit->text();
}

void Pkcs12ImportDialog::browse()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Choose a PKCS#12 keystore"), m_fileEdit->text(),
                                       tr("PKCS#12 keystores (*.p12 *.pfx);;All files (*)"));
    if (!path.isEmpty())
        m_fileEdit->setText(path);
}

bool Pkcs12ImportDialog::inspect()
{
    m_report = Pkcs12Inspector::inspect(m_fileEdit->text(), m_passwordEdit->text().toUtf8());
    m_inspected = true;
    showReport();
    const bool usable = m_report.usableAsKeyStore();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(usable);
    return usable;
}

void Pkcs12ImportDialog::showReport()
{
    if (!m_report.ok()) {
        m_errorLabel->setText(m_report.error);
        m_errorLabel->show();
        m_details->clear();
        m_warningsLabel->hide();
        return;
    }
    m_errorLabel->hide();
    const QSslCertificate &certificate = m_report.certificate;
    QString html = QStringLiteral("<table cellspacing='4'>");
    const auto row = [&html](const QString &label, const QString &value) {
        html += QStringLiteral("<tr><td valign='top'><b>%1</b></td><td>%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    if (!certificate.isNull()) {
        row(tr("Subject"), Pkcs12Inspector::distinguishedName(certificate, false));
        row(tr("Issuer"), Pkcs12Inspector::distinguishedName(certificate, true));
        row(tr("DNS names"),
            m_report.dnsNames.isEmpty() ? tr("none")
                                        : m_report.dnsNames.join(QStringLiteral(", ")));
        row(tr("IP addresses"),
            m_report.ipAddresses.isEmpty() ? tr("none")
                                           : m_report.ipAddresses.join(QStringLiteral(", ")));
        row(tr("Valid from"), certificate.effectiveDate().toString(Qt::ISODate));
        row(tr("Valid until"), certificate.expiryDate().toString(Qt::ISODate));
    }
    row(tr("Private key"),
        m_report.hasPrivateKey ? tr("%1, %2 bits").arg(m_report.keyType).arg(m_report.keyBits)
                               : tr("none"));
    QStringList chain;
    for (const QSslCertificate &link : std::as_const(m_report.chain))
        chain.append(Pkcs12Inspector::distinguishedName(link, false));
    row(tr("Chain"),
        chain.isEmpty() ? tr("no further certificates") : chain.join(QStringLiteral(" → ")));
    html += QStringLiteral("</table>");
    m_details->setHtml(html);
    if (m_report.warnings.isEmpty()) {
        m_warningsLabel->hide();
    } else {
        m_warningsLabel->setText(QStringLiteral("⚠ ")
                                 + m_report.warnings.join(QStringLiteral("\n⚠ ")));
        m_warningsLabel->show();
    }
}

void Pkcs12ImportDialog::accept()
{
    if (!m_inspected && !inspect())
        return;
    if (!m_report.usableAsKeyStore())
        return;
    if (m_destination.isEmpty()) {
        m_importedPath = m_fileEdit->text();
    } else {
        Result<QString> copied
            = Pkcs12Inspector::copyNextToConfig(m_fileEdit->text(), m_destination);
        if (!copied) {
            m_errorLabel->setText(copied.error().message);
            m_errorLabel->show();
            return;
        }
        m_importedPath = copied.value();
    }
    QDialog::accept();
}

} // namespace cx::configurator
