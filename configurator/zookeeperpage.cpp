#include "zookeeperpage.h"

#include "configwizard.h"
#include "zookeeperprobe.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cx::configurator {

ZooKeeperPage::ZooKeeperPage(QWidget *parent)
    : QWizardPage(parent)
    , m_probe(new ZooKeeperProbe(this))
{
    setTitle(tr("ZooKeeper discovery"));
    setSubTitle(tr("Where the platform instances register."));

    m_connection = new QLineEdit(this);
    m_connection->setObjectName(QStringLiteral("zkConnectionEdit"));
    m_connection->setPlaceholderText(QStringLiteral("zk1:2181,zk2:2181,zk3:2181"));
    m_basePath = new QLineEdit(QStringLiteral("/services"), this);
    m_basePath->setObjectName(QStringLiteral("zkBasePathEdit"));
    m_serviceName = new QLineEdit(QStringLiteral("thingworx-http"), this);
    m_serviceName->setObjectName(QStringLiteral("zkServiceNameEdit"));

    m_testButton = new QPushButton(tr("Test"), this);
    m_testButton->setObjectName(QStringLiteral("zkTestButton"));
    auto *connectionRow = new QHBoxLayout;
    connectionRow->addWidget(m_connection, 1);
    connectionRow->addWidget(m_testButton);

    m_sasl = new QComboBox(this);
    m_sasl->setObjectName(QStringLiteral("zkSaslCombo"));
    m_sasl->addItem(tr("None"));
    m_sasl->addItem(tr("Kerberos (GSSAPI)"), QStringLiteral("GSSAPI"));
    m_sasl->addItem(tr("Username and password (DIGEST-MD5)"), QStringLiteral("DIGEST-MD5"));
    m_jaasFile = new QLineEdit(this);
    m_jaasFile->setObjectName(QStringLiteral("zkJaasFileEdit"));
    m_jaasFile->setPlaceholderText(QStringLiteral("/etc/cxserver/zookeeper-jaas.conf"));
    m_krb5Conf = new QLineEdit(this);
    m_krb5Conf->setObjectName(QStringLiteral("zkKrb5ConfEdit"));
    m_krb5Conf->setPlaceholderText(tr("Kerberos' default (/etc/krb5.conf)"));
    m_tls = new QCheckBox(tr("TLS to ZooKeeper's secureClientPort"), this);
    m_tls->setObjectName(QStringLiteral("zkTlsCheck"));
    m_trustStore = new QLineEdit(this);
    m_trustStore->setObjectName(QStringLiteral("zkTrustStoreEdit"));
    m_trustStore->setPlaceholderText(tr("The system CAs"));
    m_keyStore = new QLineEdit(this);
    m_keyStore->setObjectName(QStringLiteral("zkKeyStoreEdit"));
    m_keyStore->setPlaceholderText(tr("None"));
    m_keyStorePassword = new QLineEdit(this);
    m_keyStorePassword->setObjectName(QStringLiteral("zkKeyStorePasswordEdit"));
    m_keyStorePassword->setEchoMode(QLineEdit::Password);

    m_form = new QFormLayout;
    m_form->addRow(tr("Connection string:"), connectionRow);
    m_form->addRow(tr("Base path:"), m_basePath);
    m_form->addRow(tr("Service name:"), m_serviceName);
    m_form->addRow(tr("SASL login:"), m_sasl);
    m_form->addRow(tr("JAAS file (Client section):"), fileRow(m_jaasFile, tr("JAAS file")));
    m_form->addRow(tr("Kerberos configuration:"), fileRow(m_krb5Conf, tr("krb5.conf")));
    m_form->addRow(QString(), m_tls);
    m_form->addRow(tr("Trust store (PEM):"), fileRow(m_trustStore, tr("Trust store")));
    m_form->addRow(tr("Client key store (PKCS#12):"), fileRow(m_keyStore, tr("Key store")));
    m_form->addRow(tr("Key store password:"), m_keyStorePassword);
    showSecurityRows();
    connect(m_sasl, &QComboBox::currentIndexChanged, this, &ZooKeeperPage::showSecurityRows);
    connect(m_tls, &QCheckBox::toggled, this, &ZooKeeperPage::showSecurityRows);

    auto *hint = new QLabel(tr("Base path and service name must match what the platform "
                               "registers: \"thingworx-https\" is usual when the platform "
                               "serves TLS."),
                            this);
    hint->setWordWrap(true);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("zkResultLabel"));
    m_result->setWordWrap(true);
    m_instances = new QListWidget(this);
    m_instances->setObjectName(QStringLiteral("zkInstanceList"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(hint);
    layout->addWidget(m_result);
    layout->addWidget(new QLabel(tr("Registered instances (press Test to list them):"), this));
    layout->addWidget(m_instances, 1);

    registerField(QStringLiteral("zkConnection*"), m_connection);
    registerField(QStringLiteral("zkBasePath"), m_basePath);
    registerField(QStringLiteral("zkServiceName"), m_serviceName);
    registerField(QStringLiteral("zkSasl"), m_sasl);
    registerField(QStringLiteral("zkJaasFile"), m_jaasFile);
    registerField(QStringLiteral("zkKrb5Conf"), m_krb5Conf);
    registerField(QStringLiteral("zkTls"), m_tls);
    registerField(QStringLiteral("zkTrustStore"), m_trustStore);
    registerField(QStringLiteral("zkKeyStore"), m_keyStore);
    registerField(QStringLiteral("zkKeyStorePassword"), m_keyStorePassword);

    connect(m_testButton, &QPushButton::clicked, this, &ZooKeeperPage::test);
    connect(m_probe, &ZooKeeperProbe::finished, this, &ZooKeeperPage::showResult);
}

int ZooKeeperPage::nextId() const
{
    return ConfigWizard::AppKeyPageId;
}

QString ZooKeeperPage::saslMechanism() const
{
    return m_sasl->currentData().toString();
}

QWidget *ZooKeeperPage::fileRow(QLineEdit *edit, const QString &title)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *browse = new QPushButton(tr("Browse…"), row);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit, title] {
        const QString path = QFileDialog::getOpenFileName(this, title, edit->text());
        if (!path.isEmpty())
            edit->setText(path);
    });
    return row;
}

void ZooKeeperPage::showSecurityRows()
{
    const QString mechanism = saslMechanism();
    m_form->setRowVisible(m_jaasFile->parentWidget(), !mechanism.isEmpty());
    m_form->setRowVisible(m_krb5Conf->parentWidget(), mechanism == u"GSSAPI");
    m_form->setRowVisible(m_trustStore->parentWidget(), m_tls->isChecked());
    m_form->setRowVisible(m_keyStore->parentWidget(), m_tls->isChecked());
    m_form->setRowVisible(m_keyStorePassword, m_tls->isChecked());
}

void ZooKeeperPage::test()
{
    m_testButton->setEnabled(false);
    m_instances->clear();
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Connecting to %1…").arg(m_connection->text()));
    ZooKeeperTarget target;
    target.connectionString = m_connection->text();
    target.basePath = m_basePath->text();
    target.serviceName = m_serviceName->text();
    target.saslMechanism = saslMechanism();
    target.jaasFile = m_jaasFile->text().trimmed();
    target.krb5ConfFile = m_krb5Conf->text().trimmed();
    target.tls = m_tls->isChecked();
    target.trustStoreFile = m_trustStore->text().trimmed();
    target.keyStoreFile = m_keyStore->text().trimmed();
    target.keyStorePassword = m_keyStorePassword->text();
    m_probe->start(target);
}

void ZooKeeperPage::showResult(bool ok, const QString &message, const QStringList &instances)
{
    m_testButton->setEnabled(true);
    m_result->setStyleSheet(ok ? QStringLiteral("color: #1b5e20;")
                               : QStringLiteral("color: #b00020;"));
    m_result->setText(message);
    m_instances->clear();
    m_instances->addItems(instances);
}

} // namespace cx::configurator
