#include "zookeeperpage.h"

#include "configwizard.h"
#include "zookeeperprobe.h"

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

    auto *form = new QFormLayout;
    form->addRow(tr("Connection string:"), connectionRow);
    form->addRow(tr("Base path:"), m_basePath);
    form->addRow(tr("Service name:"), m_serviceName);

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
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_result);
    layout->addWidget(new QLabel(tr("Registered instances (press Test to list them):"), this));
    layout->addWidget(m_instances, 1);

    registerField(QStringLiteral("zkConnection*"), m_connection);
    registerField(QStringLiteral("zkBasePath"), m_basePath);
    registerField(QStringLiteral("zkServiceName"), m_serviceName);

    connect(m_testButton, &QPushButton::clicked, this, &ZooKeeperPage::test);
    connect(m_probe, &ZooKeeperProbe::finished, this, &ZooKeeperPage::showResult);
}

int ZooKeeperPage::nextId() const
{
    return ConfigWizard::AppKeyPageId;
}

void ZooKeeperPage::test()
{
    m_testButton->setEnabled(false);
    m_instances->clear();
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Connecting to %1…").arg(m_connection->text()));
    m_probe->start(m_connection->text(), m_basePath->text(), m_serviceName->text());
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
