#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace cx::configurator {

/// Wizard page: how cxserver verifies the platform's certificates (trust store, host name
/// validation and the IP SAN it needs with discovery).
class PlatformTlsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit PlatformTlsPage(QWidget *parent = nullptr);
    void initializePage() override;

private:
    void updateWarning();

    QCheckBox *m_tls = nullptr;
    QCheckBox *m_hostNameValidation = nullptr;
    QLineEdit *m_trustStore = nullptr;
    QLineEdit *m_trustStorePassword = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_warning = nullptr;
};

} // namespace cx::configurator
