#pragma once

#include <QWizardPage>

class QLineEdit;

namespace cx::configurator {

/// Wizard page: the platform app key, entered masked.
class AppKeyPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit AppKeyPage(QWidget *parent = nullptr);

private:
    QLineEdit *m_appKey = nullptr;
};

} // namespace cx::configurator
