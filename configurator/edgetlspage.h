#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace cx::configurator {

/// Wizard page: TLS on the edge listener and its PKCS#12 keystore (checked on import and
/// again before going on).
class EdgeTlsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit EdgeTlsPage(QWidget *parent = nullptr);
    bool isComplete() const override;
    bool validatePage() override;

private:
    void import();
    void updateEnabled();
    bool check();

    QCheckBox *m_tls = nullptr;
    QLineEdit *m_file = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_import = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace cx::configurator
