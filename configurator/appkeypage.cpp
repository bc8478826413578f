#include "appkeypage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace cx::configurator {

AppKeyPage::AppKeyPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Application key"));
    setSubTitle(tr("How cxserver authenticates to the platform."));
    m_appKey = new QLineEdit(this);
    m_appKey->setObjectName(QStringLiteral("appKeyEdit"));
    m_appKey->setEchoMode(QLineEdit::Password);
    auto *show = new QCheckBox(tr("Show the key"), this);
    show->setObjectName(QStringLiteral("showAppKeyCheck"));
    auto *note = new QLabel(tr("cxserver authenticates its connections to the platform with "
                               "an application key created in ThingWorx Composer. The key is "
                               "a secret: choose \"Encrypt secrets\" on the last page to store "
                               "it encrypted."),
                            this);
    note->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("App key:"), m_appKey);
    form->addRow(QString(), show);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addStretch(1);

    registerField(QStringLiteral("appKey*"), m_appKey);
    connect(show, &QCheckBox::toggled, this, [this](bool visible) {
        m_appKey->setEchoMode(visible ? QLineEdit::Normal : QLineEdit::Password);
    });
}

} // namespace cx::configurator
