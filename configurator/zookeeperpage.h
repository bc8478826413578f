#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace cx::configurator {

class ZooKeeperProbe;

/// Wizard page for an HA cluster: the ZooKeeper ensemble, with a Test button that really
/// connects (through cxserver's ZooKeeper plugin) and lists the registered instances.
class ZooKeeperPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ZooKeeperPage(QWidget *parent = nullptr);
    int nextId() const override;

    ZooKeeperProbe *probe() const { return m_probe; }

private:
    void test();
    void showResult(bool ok, const QString &message, const QStringList &instances);

    QLineEdit *m_connection = nullptr;
    QLineEdit *m_basePath = nullptr;
    QLineEdit *m_serviceName = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_result = nullptr;
    QListWidget *m_instances = nullptr;
    ZooKeeperProbe *m_probe = nullptr;
};

} // namespace cx::configurator
