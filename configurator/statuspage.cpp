#include "statuspage.h"

#include "status/socketlist.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cx::configurator {

namespace {

const QColor Green(0x2e, 0x7d, 0x32);
const QColor Orange(0xef, 0x8f, 0x00);
const QColor Red(0xc6, 0x28, 0x28);
const QColor Grey(0x9e, 0x9e, 0x9e);
const QString GoodStyle = QStringLiteral("background: #e3f2e1; color: #1b5e20;");
const QString BadStyle = QStringLiteral("background: #fdecea; color: #b00020;");

QString clock(const QDateTime &at)
{
    return at.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
}

QString formatUptime(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const QString time = QStringLiteral("%1:%2:%3")
                             .arg((seconds % 86400) / 3600, 2, 10, QLatin1Char('0'))
                             .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'))
                             .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return days > 0 ? StatusPage::tr("%1 d %2").arg(days).arg(time) : time;
}

QString rate(bool known, double perSecond)
{
    return known ? QLocale().toString(perSecond, 'f', 1) : QStringLiteral("–");
}

/// The words of the contract's states ("connected", …) in the user's language.
QString stateWord(const QString &state)
{
    if (state == u"connected")
        return StatusPage::tr("connected");
    if (state == u"connecting")
        return StatusPage::tr("connecting");
    if (state == u"down")
        return StatusPage::tr("down");
    if (state == u"disconnected")
        return StatusPage::tr("disconnected");
    if (state == u"static")
        return StatusPage::tr("static list");
    return state;
}

QColor stateColor(const status::InstanceView &view)
{
    if (view.isGone() || view.status.state == u"down")
        return view.isGone() ? Grey : Red;
    return view.status.state == u"connected" ? Green : Orange;
}

QString instanceState(const status::InstanceView &view)
{
    if (view.isGone())
        return StatusPage::tr("down since %1 (removed)").arg(clock(view.goneSince));
    const QString word = stateWord(view.status.state);
    if (view.status.state != u"connected" && view.stateSince.isValid())
        return StatusPage::tr("%1 since %2").arg(word, clock(view.stateSince));
    return word;
}

/// One sentence on a subscription's state, for the banner.
QString subscriptionSentence(const StatusSubscription &subscription)
{
    const QString name = subscription.socketName();
    switch (subscription.state()) {
    case StatusSubscription::State::Idle:
        break;
    case StatusSubscription::State::Connecting:
        return StatusPage::tr("Connecting to %1…").arg(name);
    case StatusSubscription::State::Connected:
        return StatusPage::tr("Connected to %1.").arg(name);
    case StatusSubscription::State::NotRunning:
        return StatusPage::tr("The service is not running (no status socket %1). Retrying…")
            .arg(name);
    case StatusSubscription::State::AccessDenied:
        return StatusPage::tr("Access to the status socket %1 is denied: run the configurator "
                              "as a member of the service's group. Retrying…")
            .arg(name);
    case StatusSubscription::State::Failed:
        return StatusPage::tr("Cannot connect to %1: %2. Retrying…")
            .arg(name, subscription.errorString());
    }
    return {};
}

bool failed(StatusSubscription::State state)
{
    return state == StatusSubscription::State::NotRunning
        || state == StatusSubscription::State::AccessDenied
        || state == StatusSubscription::State::Failed;
}

QTableWidget *makeTable(const QString &name, const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setWordWrap(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

/// Fills one row (columns past cells empty); columns listed in numeric are right-aligned; a
/// dimmed row is grey.
void setRow(QTableWidget *table, int row, const QStringList &cells, const QList<int> &numeric,
            bool dimmed)
{
    for (int column = 0; column < table->columnCount(); ++column) {
        auto *item = new QTableWidgetItem(column < cells.size() ? cells[column] : QString());
        if (numeric.contains(column))
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (dimmed)
            item->setForeground(Grey);
        table->setItem(row, column, item);
    }
}

} // namespace

StatusPage::StatusPage(QWidget *parent)
    : QWidget(parent)
    , m_watch(std::make_unique<status::ClusterWatch>(QStringList()))
{
    setObjectName(QStringLiteral("statusPage"));
    m_socket = new QLineEdit(QStringLiteral("cxserver"), this);
    m_socket->setObjectName(QStringLiteral("statusSocketEdit"));
    m_socket->setToolTip(tr("The status socket (admin.socket) of each cxserver to watch, "
                            "separated by commas."));
    auto *connectButton = new QPushButton(tr("Connect"), this);
    connectButton->setObjectName(QStringLiteral("statusConnectButton"));
    auto *socketRow = new QHBoxLayout;
    socketRow->addWidget(new QLabel(tr("Status sockets:"), this));
    socketRow->addWidget(m_socket, 1);
    socketRow->addWidget(connectButton);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("statusBanner"));
    m_banner->setWordWrap(true);
    m_banner->setMargin(6);
    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("statusTotalsLabel"));
    m_totals->setWordWrap(true);

    m_servers = makeTable(QStringLiteral("serverTable"),
                          {tr("cxserver"), tr("State"), tr("Version"), tr("Uptime"),
                           tr("Discovery"), tr("Edge devices"), tr("Requests/s")},
                          this);
    m_instances = makeTable(QStringLiteral("instanceTable"),
                            {tr("cxserver"), tr("Instance"), tr("Address"), tr("State"),
                             tr("Writable"), tr("Pipes"), tr("Pending"), tr("In flight"),
                             tr("Routed"), tr("Requests/s"), tr("Errors"), tr("Last error")},
                            this);
    m_events = new QListWidget(this);
    m_events->setObjectName(QStringLiteral("statusEvents"));
    m_events->setSelectionMode(QAbstractItemView::NoSelection);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(socketRow);
    layout->addWidget(m_banner);
    layout->addWidget(m_totals);
    layout->addWidget(m_servers, 1);
    layout->addWidget(m_instances, 3);
    layout->addWidget(new QLabel(tr("Events (newest first):"), this));
    layout->addWidget(m_events, 1);

    const auto connectTyped = [this] {
        connectTo(parseSockets(m_socket->text()));
    };
    connect(connectButton, &QPushButton::clicked, this, connectTyped);
    connect(m_socket, &QLineEdit::returnPressed, this, connectTyped);
    refresh();
}

StatusPage::~StatusPage()
{
    // A subscription that stops as it is destroyed must not reach a half-destroyed page.
    for (StatusSubscription *subscription : std::as_const(m_subscriptions))
        subscription->disconnect(this);
    qDeleteAll(m_subscriptions);
}

QStringList StatusPage::parseSockets(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return status::uniqueSockets(text.split(separators, Qt::SkipEmptyParts));
}

void StatusPage::connectTo(const QStringList &sockets, int intervalMs)
{
    for (StatusSubscription *subscription : std::as_const(m_subscriptions))
        subscription->disconnect(this);
    qDeleteAll(std::exchange(m_subscriptions, {}));
    m_socket->setText(sockets.join(QStringLiteral(", ")));
    m_watch = std::make_unique<status::ClusterWatch>(sockets);
    for (qsizetype server = 0; server < sockets.size(); ++server) {
        auto *subscription = new StatusSubscription(this);
        subscription->setRetryInterval(m_retryMs);
        connect(subscription, &StatusSubscription::stateChanged, this,
                [this, server](StatusSubscription::State state) { onState(server, state); });
        connect(subscription, &StatusSubscription::snapshotReceived, this,
                [this, server](const status::StatusSnapshot &snapshot) {
                    m_watch->addSnapshot(server, snapshot, QDateTime::currentDateTime());
                    refresh();
                });
        m_subscriptions.append(subscription);
    }
    for (qsizetype server = 0; server < sockets.size(); ++server)
        m_subscriptions[server]->connectTo(sockets[server], intervalMs);
    refresh();
}

void StatusPage::setRetryInterval(int ms)
{
    m_retryMs = ms;
    for (StatusSubscription *subscription : std::as_const(m_subscriptions))
        subscription->setRetryInterval(ms);
}

void StatusPage::onState(qsizetype server, StatusSubscription::State state)
{
    if (failed(state)) {
        const QString reason = state == StatusSubscription::State::NotRunning ? tr("not running")
            : state == StatusSubscription::State::AccessDenied
            ? tr("access denied")
            : m_subscriptions[server]->errorString();
        m_watch->markDown(server, reason, QDateTime::currentDateTime());
    }
    refresh();
}

void StatusPage::refresh()
{
    showBanner();
    const status::WatchTotals totals = m_watch->totals();
    const QLocale locale;
    m_totals->setText(
        tr("Cluster: %1 edge devices connected, %2 authenticated · routed %3 (%4/s) · "
           "errors %5 (%6/s)")
            .arg(locale.toString(totals.edgesConnected), locale.toString(totals.edgesAuthenticated),
                 locale.toString(totals.routed), rate(true, totals.routedPerSecond),
                 locale.toString(totals.errors), rate(true, totals.errorsPerSecond)));
    showServers();
    showInstances();
    showEvents();
}

void StatusPage::showBanner()
{
    if (m_subscriptions.isEmpty()) {
        m_banner->setText(tr("Not connected. Enter the status socket (admin.socket) of each "
                             "cxserver and press Connect."));
        m_banner->setStyleSheet({});
        return;
    }
    int connected = 0;
    bool anyFailed = false;
    QStringList problems;
    for (const StatusSubscription *subscription : std::as_const(m_subscriptions)) {
        connected += subscription->state() == StatusSubscription::State::Connected ? 1 : 0;
        anyFailed = anyFailed || failed(subscription->state());
        if (subscription->state() != StatusSubscription::State::Connected)
            problems.append(subscriptionSentence(*subscription));
    }
    if (m_subscriptions.size() == 1) {
        m_banner->setText(subscriptionSentence(*m_subscriptions.first()));
    } else {
        problems.prepend(
            tr("Connected to %1 of %2 cxservers.").arg(connected).arg(m_subscriptions.size()));
        m_banner->setText(problems.join(u'\n'));
    }
    m_banner->setStyleSheet(anyFailed                                 ? BadStyle
                                : connected == m_subscriptions.size() ? GoodStyle
                                                                      : QString());
}

void StatusPage::showServers()
{
    const QLocale locale;
    const QList<status::ServerView> &servers = m_watch->servers();
    m_servers->setRowCount(int(servers.size()));
    for (int row = 0; row < servers.size(); ++row) {
        const status::ServerView &server = servers[row];
        QString state = tr("connecting");
        QColor color = Orange;
        if (server.up) {
            state = tr("up");
            color = Green;
        } else if (server.downSince.isValid()) {
            state = tr("down since %1: %2").arg(clock(server.downSince), server.downReason);
            color = Red;
        }
        QStringList cells {server.socket, state};
        if (server.last) {
            const status::StatusSnapshot &s = *server.last;
            cells << s.version << formatUptime(s.uptimeSeconds)
                  << tr("%1 (%2)").arg(s.discoveryPlugin, stateWord(s.discoveryState))
                  << tr("%1 connected, %2 authenticated")
                         .arg(locale.toString(s.edgesConnected),
                              locale.toString(s.edgesAuthenticated))
                  << rate(server.up, server.totals().routedPerSecond);
        }
        setRow(m_servers, row, cells, {ServerRateColumn}, !server.up);
        m_servers->item(row, ServerStateColumn)->setForeground(color);
        if (server.last && server.last->discoveryState == u"disconnected")
            m_servers->item(row, ServerDiscoveryColumn)->setForeground(Red);
    }
}

void StatusPage::showInstances()
{
    const QLocale locale;
    int rows = 0;
    for (const status::ServerView &server : m_watch->servers())
        rows += int(server.instances.size());
    m_instances->setRowCount(rows);
    int row = 0;
    for (const status::ServerView &server : m_watch->servers()) {
        for (const status::InstanceView &view : server.instances) {
            const status::InstanceStatus &i = view.status;
            const bool listed = !view.isGone();
            QString lastError;
            if (!i.lastError.isEmpty()) {
                const QDateTime at = QDateTime::fromString(i.lastErrorAt, Qt::ISODateWithMs);
                lastError = (at.isValid() ? clock(at) : i.lastErrorAt) + u' ' + i.lastError;
            }
            const QStringList cells {
                server.socket,
                i.id,
                QStringLiteral("%1:%2%3").arg(i.address).arg(i.port).arg(
                    i.tls ? QStringLiteral(" (TLS)") : QString()),
                QStringLiteral("● ") + instanceState(view),
                listed ? (i.writable ? tr("yes") : tr("no")) : QString(),
                listed ? QStringLiteral("%1/%2").arg(i.pipesConnected).arg(i.pipeCount) : QString(),
                listed ? locale.formattedDataSize(i.pendingBytes, 1,
                                                  QLocale::DataSizeTraditionalFormat)
                       : QString(),
                listed ? locale.toString(i.inFlight) : QString(),
                locale.toString(i.routed),
                rate(view.ratesKnown && server.up, view.routedPerSecond),
                locale.toString(i.errors),
                lastError,
            };
            setRow(m_instances, row, cells,
                   {PipesColumn, PendingColumn, InFlightColumn, RoutedColumn, RateColumn,
                    ErrorsColumn},
                   !server.up || !listed);
            m_instances->item(row, LastErrorColumn)->setToolTip(lastError);
            if (server.up) {
                m_instances->item(row, StateColumn)->setForeground(stateColor(view));
                if (listed && !i.writable && i.state == u"connected")
                    m_instances->item(row, WritableColumn)->setForeground(Orange);
                if (listed && i.errors > 0)
                    m_instances->item(row, ErrorsColumn)->setForeground(Red);
            }
            ++row;
        }
    }
}

void StatusPage::showEvents()
{
    m_events->clear();
    const QList<status::WatchEvent> &events = m_watch->events();
    for (auto event = events.crbegin(); event != events.crend(); ++event)
        m_events->addItem(clock(event->at) + QStringLiteral("  ") + event->text);
}

} // namespace cx::configurator
