#include "modepage.h"

#include "configwizard.h"

#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace cx::configurator {

ModePage::ModePage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Platform deployment"));
    setSubTitle(tr("How is the ThingWorx platform deployed?"));
    m_single
        = new QRadioButton(tr("A single platform, or a fixed list of platform instances"), this);
    m_single->setObjectName(QStringLiteral("singleRadio"));
    m_cluster = new QRadioButton(
        tr("A high-availability cluster whose instances register in ZooKeeper"), this);
    m_cluster->setObjectName(QStringLiteral("clusterRadio"));
    m_single->setChecked(true);

    auto *singleHelp = new QLabel(tr("cxserver connects to the URLs you list and uses them in "
                                     "turn."),
                                  this);
    auto *clusterHelp = new QLabel(tr("cxserver discovers the instances of an active-active "
                                      "cluster in ZooKeeper and follows them as they come "
                                      "and go."),
                                   this);
    for (QLabel *label : {singleHelp, clusterHelp}) {
        label->setWordWrap(true);
        label->setIndent(24);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_single);
    layout->addWidget(singleHelp);
    layout->addSpacing(12);
    layout->addWidget(m_cluster);
    layout->addWidget(clusterHelp);
    layout->addStretch(1);

    registerField(QStringLiteral("highAvailability"), m_cluster);
}

int ModePage::nextId() const
{
    return m_cluster->isChecked() ? ConfigWizard::ZooKeeperPageId : ConfigWizard::PlatformsPageId;
}

} // namespace cx::configurator
