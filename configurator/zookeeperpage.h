#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace cx::configurator {

class ZooKeeperProbe;

/// Wizard page for an HA cluster: the ZooKeeper ensemble and how cxserver authenticates to
/// it (SASL from a JAAS file, TLS to secureClientPort; their rows show only when chosen),
/// with a Test button that really connects with all of it (through cxserver's ZooKeeper
/// plugin) and lists the registered instances.
class ZooKeeperPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ZooKeeperPage(QWidget *parent = nullptr);
    int nextId() const override;

    /// The SASL mechanism chosen: empty (none), "GSSAPI" or "DIGEST-MD5".
    QString saslMechanism() const;

    ZooKeeperProbe *probe() const { return m_probe; }

private:
    void test();
    void showSecurityRows();
    /// A line edit with a Browse… button that picks a file for it.
    QWidget *fileRow(QLineEdit *edit, const QString &title);
    void showResult(bool ok, const QString &message, const QStringList &instances);

    QLineEdit *m_connection = nullptr;
    QLineEdit *m_basePath = nullptr;
    QLineEdit *m_serviceName = nullptr;
    QComboBox *m_sasl = nullptr;
    QLineEdit *m_jaasFile = nullptr;
    QLineEdit *m_krb5Conf = nullptr;
    QCheckBox *m_tls = nullptr;
    QLineEdit *m_trustStore = nullptr;
    QLineEdit *m_keyStore = nullptr;
    QLineEdit *m_keyStorePassword = nullptr;
    QFormLayout *m_form = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_result = nullptr;
    QListWidget *m_instances = nullptr;
    ZooKeeperProbe *m_probe = nullptr;
};

} // namespace cx::configurator
