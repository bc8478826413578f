#pragma once

#include <QWizardPage>

class QRadioButton;

namespace cx::configurator {

/// Wizard page 1: one platform (static URLs) or an HA cluster discovered in ZooKeeper.
class ModePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ModePage(QWidget *parent = nullptr);
    int nextId() const override;

private:
    QRadioButton *m_single = nullptr;
    QRadioButton *m_cluster = nullptr;
};

} // namespace cx::configurator
