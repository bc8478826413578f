#include "platformtlspage.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cx::configurator {

PlatformTlsPage::PlatformTlsPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Platform TLS"));
    setSubTitle(tr("How cxserver checks the platform's certificates."));
    m_tls = new QCheckBox(tr("Connect to discovered instances with TLS (wss:// on their "
                             "SSL port)"),
                          this);
    m_tls->setObjectName(QStringLiteral("platformTlsCheck"));
    m_hostNameValidation = new QCheckBox(tr("Check that each certificate names the address "
                                            "connected to (host name validation)"),
                                         this);
    m_hostNameValidation->setObjectName(QStringLiteral("hostNameValidationCheck"));
    m_hostNameValidation->setChecked(true);

    m_trustStore = new QLineEdit(this);
    m_trustStore->setObjectName(QStringLiteral("trustStoreFileEdit"));
    m_trustStore->setPlaceholderText(tr("empty: the system's certificate authorities"));
    m_browse = new QPushButton(tr("Browse…"), this);
    auto *row = new QHBoxLayout;
    row->addWidget(m_trustStore, 1);
    row->addWidget(m_browse);
    m_trustStorePassword = new QLineEdit(this);
    m_trustStorePassword->setObjectName(QStringLiteral("trustStorePasswordEdit"));
    m_trustStorePassword->setEchoMode(QLineEdit::Password);
    m_trustStorePassword->setPlaceholderText(tr("only for a PKCS#12 trust store"));

    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("hostNameWarningLabel"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color: #a05a00;"));

    auto *form = new QFormLayout;
    form->addRow(tr("Trust store:"), row);
    form->addRow(tr("Trust store password:"), m_trustStorePassword);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tls);
    layout->addWidget(m_hostNameValidation);
    layout->addLayout(form);
    layout->addWidget(m_warning);
    layout->addStretch(1);

    registerField(QStringLiteral("platformTls"), m_tls);
    registerField(QStringLiteral("hostNameValidation"), m_hostNameValidation);
    registerField(QStringLiteral("trustStoreFile"), m_trustStore);
    registerField(QStringLiteral("trustStorePassword"), m_trustStorePassword);

    connect(m_hostNameValidation, &QCheckBox::toggled, this, &PlatformTlsPage::updateWarning);
    connect(m_tls, &QCheckBox::toggled, this, &PlatformTlsPage::updateWarning);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Choose a trust store"), m_trustStore->text(),
            tr("Certificates (*.p12 *.pfx *.pem *.crt);;All files (*)"));
        if (!path.isEmpty())
            m_trustStore->setText(path);
    });
}

void PlatformTlsPage::initializePage()
{
    const bool cluster = field(QStringLiteral("highAvailability")).toBool();
    m_tls->setVisible(cluster);
    updateWarning();
}

void PlatformTlsPage::updateWarning()
{
    const bool cluster = field(QStringLiteral("highAvailability")).toBool();
    // In a cluster TLS is a choice: its settings only apply, and are only editable, with it.
    const bool tls = !cluster || m_tls->isChecked();
    for (QWidget *widget :
         {static_cast<QWidget *>(m_hostNameValidation), static_cast<QWidget *>(m_trustStore),
          static_cast<QWidget *>(m_trustStorePassword), static_cast<QWidget *>(m_browse)})
        widget->setEnabled(tls);
    if (!m_hostNameValidation->isChecked()) {
        m_warning->setText(tr("Without host name validation any certificate from a trusted "
                              "authority is accepted for any instance. Turn it off for tests "
                              "only; cxserver logs a warning at every start."));
    } else if (cluster) {
        m_warning->setText(tr("Discovered instances are reached by the IP address they "
                              "register in ZooKeeper: each platform certificate needs that IP "
                              "address in its Subject Alternative Name (IP SAN), or the "
                              "connection is refused."));
    } else {
        m_warning->clear();
    }
    m_warning->setVisible(!m_warning->text().isEmpty());
}

} // namespace cx::configurator
