#include "edgetlspage.h"

#include "pkcs12importdialog.h"
#include "pkcs12inspector.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cx::configurator {

EdgeTlsPage::EdgeTlsPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Edge listener TLS"));
    setSubTitle(tr("Edge devices connect with wss:// when TLS is on."));
    m_tls = new QCheckBox(tr("Use TLS for edge connections (recommended)"), this);
    m_tls->setObjectName(QStringLiteral("edgeTlsCheck"));
    m_tls->setChecked(true);
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("keyStoreFileEdit"));
    m_import = new QPushButton(tr("Import…"), this);
    m_import->setObjectName(QStringLiteral("keyStoreImportButton"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_import);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("keyStorePasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("keyStoreSummaryLabel"));
    m_summary->setWordWrap(true);
    auto *note
        = new QLabel(tr("The listener's certificate and private key come from a "
                        "PKCS#12 keystore. It is copied next to the saved "
                        "configuration, readable by its owner and the service's group (cxserver) "
                        "only."),
                     this);
    note->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Keystore:"), fileRow);
    form->addRow(tr("Keystore password:"), m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tls);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_summary);
    layout->addStretch(1);

    registerField(QStringLiteral("edgeTls"), m_tls);
    registerField(QStringLiteral("keyStoreFile"), m_file);
    registerField(QStringLiteral("keyStorePassword"), m_password);

    connect(m_tls, &QCheckBox::toggled, this, &EdgeTlsPage::updateEnabled);
    connect(m_file, &QLineEdit::textChanged, this, &EdgeTlsPage::completeChanged);
    connect(m_import, &QPushButton::clicked, this, &EdgeTlsPage::import);
    updateEnabled();
}

void EdgeTlsPage::updateEnabled()
{
    const bool on = m_tls->isChecked();
    m_file->setEnabled(on);
    m_password->setEnabled(on);
    m_import->setEnabled(on);
    Q_EMIT completeChanged();
}

bool EdgeTlsPage::isComplete() const
{
    return !m_tls->isChecked() || !m_file->text().trimmed().isEmpty();
}

void EdgeTlsPage::import()
{
    Pkcs12ImportDialog dialog(QString(), this);
    dialog.setFile(m_file->text());
    dialog.setPassword(m_password->text());
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_file->setText(dialog.importedPath());
    m_password->setText(dialog.password());
    check();
}

bool EdgeTlsPage::check()
{
    const Pkcs12Report report
        = Pkcs12Inspector::inspect(m_file->text().trimmed(), m_password->text().toUtf8());
    if (!report.usableAsKeyStore()) {
        m_summary->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_summary->setText(report.ok() ? report.warnings.join(u'\n') : report.error);
        return false;
    }
    QString text = tr("Certificate for %1, valid until %2.")
                       .arg(Pkcs12Inspector::distinguishedName(report.certificate, false),
                            report.certificate.expiryDate().toString(Qt::ISODate));
    if (!report.warnings.isEmpty())
        text += u'\n' + QStringLiteral("⚠ ") + report.warnings.join(QStringLiteral("\n⚠ "));
    m_summary->setStyleSheet(report.warnings.isEmpty() ? QStringLiteral("color: #1b5e20;")
                                                       : QStringLiteral("color: #a05a00;"));
    m_summary->setText(text);
    return true;
}

bool EdgeTlsPage::validatePage()
{
    return !m_tls->isChecked() || check();
}

} // namespace cx::configurator
