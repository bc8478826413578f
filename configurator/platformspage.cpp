#include "platformspage.h"

#include "configwizard.h"
#include "reachabilityprobe.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace cx::configurator {

PlatformsPage::PlatformsPage(QWidget *parent)
    : QWizardPage(parent)
    , m_probe(new ReachabilityProbe(this))
{
    setTitle(tr("Platform instances"));
    setSubTitle(tr("The platform instances cxserver connects to."));
    auto *help = new QLabel(tr("One WebSocket URL per line: ws://host:port/Thingworx/WS, or "
                               "wss:// for TLS. Several instances are used in turn."),
                            this);
    help->setWordWrap(true);
    m_urls = new QPlainTextEdit(this);
    m_urls->setObjectName(QStringLiteral("platformsEdit"));
    m_urls->setPlaceholderText(QStringLiteral("ws://platform.example.com:8080/Thingworx/WS"));
    m_testButton = new QPushButton(tr("Test reachability"), this);
    m_testButton->setObjectName(QStringLiteral("platformsTestButton"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("platformsResultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_testButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(help);
    layout->addWidget(m_urls, 1);
    layout->addLayout(buttonRow);
    layout->addWidget(m_result);

    connect(m_urls, &QPlainTextEdit::textChanged, this, &PlatformsPage::completeChanged);
    connect(m_testButton, &QPushButton::clicked, this, &PlatformsPage::test);
    connect(m_probe, &ReachabilityProbe::finished, this,
            [this](bool all, const QStringList &lines) {
                m_testButton->setEnabled(true);
                m_result->setStyleSheet(all ? QStringLiteral("color: #1b5e20;")
                                            : QStringLiteral("color: #b00020;"));
                m_result->setText(lines.join(u'\n'));
            });
}

int PlatformsPage::nextId() const
{
    return ConfigWizard::AppKeyPageId;
}

QStringList PlatformsPage::urls() const
{
    QStringList result;
    const QStringList lines = m_urls->toPlainText().split(u'\n');
    for (const QString &line : lines) {
        if (!line.trimmed().isEmpty())
            result.append(line.trimmed());
    }
    return result;
}

bool PlatformsPage::isComplete() const
{
    return !urls().isEmpty();
}

bool PlatformsPage::validatePage()
{
    QStringList bad;
    const QStringList list = urls();
    for (const QString &text : list) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || url.port() <= 0
            || (url.scheme() != u"ws" && url.scheme() != u"wss"))
            bad.append(text);
    }
    if (bad.isEmpty())
        return true;
    m_result->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_result->setText(tr("Not a ws:// or wss:// URL with a host and a port: %1")
                          .arg(bad.join(QStringLiteral(", "))));
    return false;
}

void PlatformsPage::test()
{
    m_testButton->setEnabled(false);
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Testing…"));
    m_probe->start(urls());
}

} // namespace cx::configurator
