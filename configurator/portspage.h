#pragma once

#include <QWizardPage>

namespace cx::configurator {

/// Wizard page: the edge listener's address and port, the health port and the status
/// socket.
class PortsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit PortsPage(QWidget *parent = nullptr);
    bool validatePage() override;
};

} // namespace cx::configurator
