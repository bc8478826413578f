#include "startpage.h"

#include "recentfiles.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace cx::configurator {

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("startPage"));
    auto *title = new QLabel(tr("cxserver configurator"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *intro = new QLabel(tr("Write the configuration of a cxserver, change it safely, and "
                                "watch the cxservers of a cluster while they run."),
                             this);
    intro->setWordWrap(true);

    auto *newButton = new QCommandLinkButton(
        tr("New configuration"),
        tr("A wizard asks for the platform instances, the app key and TLS, and writes a "
           "complete, checked cxserver.conf."),
        this);
    newButton->setObjectName(QStringLiteral("startNewButton"));
    auto *openButton = new QCommandLinkButton(
        tr("Open a configuration…"), tr("Edit an existing cxserver.conf; its comments are kept."),
        this);
    openButton->setObjectName(QStringLiteral("startOpenButton"));
    m_openService = new QCommandLinkButton(tr("Open the service's configuration"), this);
    m_openService->setObjectName(QStringLiteral("startOpenServiceButton"));
    auto *statusButton = new QCommandLinkButton(
        tr("Watch a running cluster"),
        tr("Live status of one or more cxservers through their status sockets."), this);
    statusButton->setObjectName(QStringLiteral("startStatusButton"));

    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("startRecentList"));
    m_noRecent = new QLabel(tr("No recent files yet."), this);
    m_noRecent->setEnabled(false);

    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(intro);
    column->addSpacing(12);
    column->addWidget(newButton);
    column->addWidget(openButton);
    column->addWidget(m_openService);
    column->addWidget(statusButton);
    column->addSpacing(12);
    column->addWidget(new QLabel(tr("Recent files:"), this));
    column->addWidget(m_noRecent);
    column->addWidget(m_recent, 3);
    column->addStretch(1); // takes the room while there is no recent file
    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column, 4);
    outer->addStretch(1);

    connect(newButton, &QCommandLinkButton::clicked, this, &StartPage::newRequested);
    connect(openButton, &QCommandLinkButton::clicked, this, &StartPage::openRequested);
    connect(m_openService, &QCommandLinkButton::clicked, this,
            [this] { Q_EMIT openFileRequested(m_servicePath); });
    connect(statusButton, &QCommandLinkButton::clicked, this, &StartPage::statusRequested);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT openFileRequested(item->data(Qt::UserRole).toString());
    });
    setServiceConfigPath(defaultServiceConfigPath());
}

QString StartPage::defaultServiceConfigPath()
{
#ifdef Q_OS_WIN
    const QString programData
        = qEnvironmentVariable("ProgramData", QStringLiteral("C:/ProgramData"));
    return QDir(programData).filePath(QStringLiteral("cxserver/cxserver.conf"));
#else
    return QStringLiteral("/etc/cxserver/cxserver.conf");
#endif
}

void StartPage::setServiceConfigPath(const QString &path)
{
    m_servicePath = path;
    refresh();
}

void StartPage::refresh()
{
    const QFileInfo service(m_servicePath);
    m_openService->setEnabled(service.exists());
    m_openService->setDescription(
        service.exists() ? QDir::toNativeSeparators(m_servicePath)
                         : tr("%1 does not exist: the cxserver package is not installed here.")
                               .arg(QDir::toNativeSeparators(m_servicePath)));
    m_recent->clear();
    const QStringList recent = RecentFiles::list();
    for (const QString &path : recent) {
        auto *item = new QListWidgetItem(
            tr("%1 — %2").arg(QFileInfo(path).fileName(), QDir::toNativeSeparators(path)),
            m_recent);
        item->setData(Qt::UserRole, path);
    }
    m_recent->setVisible(!recent.isEmpty());
    m_noRecent->setVisible(recent.isEmpty());
}

} // namespace cx::configurator
