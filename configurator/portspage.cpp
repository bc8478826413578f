#include "portspage.h"

#include <QFormLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cx::configurator {

PortsPage::PortsPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Ports"));
    setSubTitle(tr("Where cxserver listens."));
    auto *edgePort = new QSpinBox(this);
    edgePort->setObjectName(QStringLiteral("edgePortSpin"));
    edgePort->setRange(1, 65535);
    edgePort->setValue(8443);
    auto *edgeHost = new QLineEdit(QStringLiteral("0.0.0.0"), this);
    edgeHost->setObjectName(QStringLiteral("edgeHostEdit"));
    auto *healthPort = new QSpinBox(this);
    healthPort->setObjectName(QStringLiteral("healthPortSpin"));
    healthPort->setRange(0, 65535);
    healthPort->setValue(9009);
    healthPort->setSpecialValueText(tr("off"));
    auto *adminSocket = new QLineEdit(QStringLiteral("cxserver"), this);
    adminSocket->setObjectName(QStringLiteral("adminSocketEdit"));
    auto *error = new QLabel(this);
    error->setObjectName(QStringLiteral("portsErrorLabel"));
    error->setStyleSheet(QStringLiteral("color: #b00020;"));
    error->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Edge port:"), edgePort);
    form->addRow(tr("Edge listen address:"), edgeHost);
    form->addRow(tr("Health and metrics port:"), healthPort);
    form->addRow(tr("Status socket:"), adminSocket);
    auto *help = new QLabel(tr("Listen address 0.0.0.0 accepts every IPv4 address, :: every "
                               "address. A status socket name without / is placed by the "
                               "system; the Linux package uses /run/cxserver/cxserver.sock."),
                            this);
    help->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(help);
    layout->addWidget(error);
    layout->addStretch(1);

    registerField(QStringLiteral("edgePort"), edgePort);
    registerField(QStringLiteral("edgeHost"), edgeHost);
    registerField(QStringLiteral("healthPort"), healthPort);
    registerField(QStringLiteral("adminSocket"), adminSocket);
}

bool PortsPage::validatePage()
{
    auto *error = findChild<QLabel *>(QStringLiteral("portsErrorLabel"));
    const QString host = field(QStringLiteral("edgeHost")).toString().trimmed();
    if (host != u"localhost" && QHostAddress(host).isNull()) {
        error->setText(tr("The listen address must be an IP address or \"localhost\"."));
        return false;
    }
    if (field(QStringLiteral("adminSocket")).toString().trimmed().isEmpty()) {
        error->setText(tr("Enter the status socket's name or path."));
        return false;
    }
    if (field(QStringLiteral("edgePort")).toInt() == field(QStringLiteral("healthPort")).toInt()) {
        error->setText(tr("The edge port and the health port must differ."));
        return false;
    }
    error->clear();
    return true;
}

} // namespace cx::configurator
