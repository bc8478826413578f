#include "statuspage.h"

#include "sparklinewidget.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cx::configurator {

namespace {
constexpr int HistoryLength = 60;

QString formatUptime(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const QString time = QStringLiteral("%1:%2:%3")
                             .arg((seconds % 86400) / 3600, 2, 10, QLatin1Char('0'))
                             .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'))
                             .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return days > 0 ? StatusPage::tr("%1 d %2").arg(days).arg(time) : time;
}
} // namespace

StatusPage::StatusPage(QWidget *parent)
    : QWidget(parent)
    , m_subscription(new StatusSubscription(this))
{
    setObjectName(QStringLiteral("statusPage"));
    m_socket = new QLineEdit(QStringLiteral("cxserver"), this);
    m_socket->setObjectName(QStringLiteral("statusSocketEdit"));
    auto *connectButton = new QPushButton(tr("Connect"), this);
    connectButton->setObjectName(QStringLiteral("statusConnectButton"));
    auto *socketRow = new QHBoxLayout;
    socketRow->addWidget(new QLabel(tr("Status socket:"), this));
    socketRow->addWidget(m_socket, 1);
    socketRow->addWidget(connectButton);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("statusBanner"));
    m_banner->setWordWrap(true);
    m_banner->setMargin(6);

    m_service = new QLabel(this);
    m_service->setObjectName(QStringLiteral("statusServiceLabel"));
    m_discovery = new QLabel(this);
    m_discovery->setObjectName(QStringLiteral("statusDiscoveryLabel"));
    m_edges = new QLabel(this);
    m_edges->setObjectName(QStringLiteral("statusEdgesLabel"));
    auto *summary = new QFormLayout;
    summary->addRow(tr("Service:"), m_service);
    summary->addRow(tr("Discovery:"), m_discovery);
    summary->addRow(tr("Edge devices:"), m_edges);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("instanceTable"));
    m_table->setHorizontalHeaderLabels({tr("Instance"), tr("State"), tr("Writable"), tr("Pipes"),
                                        tr("Pending"), tr("In flight"), tr("Routed"), tr("Errors"),
                                        tr("Requests/s")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(IdColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(RateColumn, QHeaderView::Fixed);
    m_table->setColumnWidth(RateColumn, 130);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(socketRow);
    layout->addWidget(m_banner);
    layout->addLayout(summary);
    layout->addWidget(m_table, 1);

    connect(connectButton, &QPushButton::clicked, this,
            [this] { connectTo(m_socket->text().trimmed()); });
    connect(m_subscription, &StatusSubscription::stateChanged, this, &StatusPage::showState);
    connect(m_subscription, &StatusSubscription::snapshotReceived, this, &StatusPage::showSnapshot);
    showState(StatusSubscription::State::Idle);
}

void StatusPage::connectTo(const QString &socketName, int intervalMs)
{
    m_socket->setText(socketName);
    m_history.clear();
    m_lastUptime = -1;
    m_subscription->connectTo(socketName, intervalMs);
}

void StatusPage::showState(StatusSubscription::State state)
{
    QString text;
    QString style;
    const QString name = m_subscription->socketName();
    switch (state) {
    case StatusSubscription::State::Idle:
        text = tr("Not connected. Enter the service's status socket (admin.socket) and press "
                  "Connect.");
        break;
    case StatusSubscription::State::Connecting:
        text = tr("Connecting to %1…").arg(name);
        break;
    case StatusSubscription::State::Connected:
        text = tr("Connected to %1.").arg(name);
        style = QStringLiteral("background: #e3f2e1; color: #1b5e20;");
        break;
    case StatusSubscription::State::NotRunning:
        text = tr("The service is not running (no status socket %1). Retrying…").arg(name);
        style = QStringLiteral("background: #fdecea; color: #b00020;");
        break;
    case StatusSubscription::State::AccessDenied:
        text = tr("Access to the status socket %1 is denied: run the configurator as a member "
                  "of the service's group. Retrying…")
                   .arg(name);
        style = QStringLiteral("background: #fdecea; color: #b00020;");
        break;
    case StatusSubscription::State::Failed:
        text = tr("Cannot connect to %1: %2. Retrying…").arg(name, m_subscription->errorString());
        style = QStringLiteral("background: #fdecea; color: #b00020;");
        break;
    }
    m_banner->setText(text);
    m_banner->setStyleSheet(style);
    // Values from before a disconnection stay visible, greyed: the last known state.
    const bool live = state == StatusSubscription::State::Connected;
    for (QLabel *label : {m_service, m_discovery, m_edges})
        label->setEnabled(live);
    if (state != StatusSubscription::State::Connected) {
        for (int row = 0; row < m_table->rowCount(); ++row) {
            for (int column = 0; column < RateColumn; ++column) {
                if (QTableWidgetItem *item = m_table->item(row, column))
                    item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            }
        }
    }
}

void StatusPage::showSnapshot(const status::StatusSnapshot &snapshot)
{
    const QLocale locale;
    m_service->setText(
        tr("cxserver %1, up %2, routing: %3")
            .arg(snapshot.version, formatUptime(snapshot.uptimeSeconds), snapshot.routingPlugin));
    QString discoveryState = snapshot.discoveryState;
    if (discoveryState == u"connected")
        discoveryState = tr("connected");
    else if (discoveryState == u"connecting")
        discoveryState = tr("connecting");
    else if (discoveryState == u"disconnected")
        discoveryState = tr("disconnected");
    else if (discoveryState == u"static")
        discoveryState = tr("static list");
    m_discovery->setText(tr("%1 (%2)").arg(snapshot.discoveryPlugin, discoveryState));
    m_discovery->setStyleSheet(
        snapshot.discoveryState == u"disconnected" ? QStringLiteral("color: #b00020;") : QString());
    m_edges->setText(tr("%1 connected, %2 authenticated")
                         .arg(locale.toString(snapshot.edgesConnected),
                              locale.toString(snapshot.edgesAuthenticated)));

    const double seconds = m_lastUptime >= 0 && snapshot.uptimeSeconds > m_lastUptime
        ? double(snapshot.uptimeSeconds - m_lastUptime)
        : 1.0;
    m_lastUptime = snapshot.uptimeSeconds;

    m_table->setRowCount(int(snapshot.instances.size()));
    for (int row = 0; row < snapshot.instances.size(); ++row) {
        const status::InstanceStatus &instance = snapshot.instances[row];
        QColor stateColor(0x9e, 0x9e, 0x9e);
        QString state = instance.state;
        if (instance.state == u"connected") {
            stateColor = QColor(0x2e, 0x7d, 0x32);
            state = tr("connected");
        } else if (instance.state == u"connecting") {
            stateColor = QColor(0xef, 0x8f, 0x00);
            state = tr("connecting");
        } else if (instance.state == u"down") {
            stateColor = QColor(0xc6, 0x28, 0x28);
            state = tr("down");
        }
        const QStringList cells {
            instance.id,
            QStringLiteral("● ") + state,
            instance.writable ? tr("yes") : tr("no"),
            QStringLiteral("%1/%2").arg(instance.pipesConnected).arg(instance.pipeCount),
            locale.formattedDataSize(instance.pendingBytes, 1, QLocale::DataSizeTraditionalFormat),
            locale.toString(instance.inFlight),
            locale.toString(instance.routed),
            locale.toString(instance.errors),
        };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (column > StateColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (column == IdColumn)
                item->setToolTip(QStringLiteral("%1:%2%3")
                                     .arg(instance.address)
                                     .arg(instance.port)
                                     .arg(instance.tls ? QStringLiteral(" (TLS)") : QString()));
            m_table->setItem(row, column, item);
        }
        m_table->item(row, StateColumn)->setForeground(stateColor);
        if (!instance.writable && instance.state == u"connected")
            m_table->item(row, WritableColumn)->setForeground(QColor(0xef, 0x8f, 0x00));
        if (instance.errors > 0)
            m_table->item(row, ErrorsColumn)->setForeground(QColor(0xc6, 0x28, 0x28));

        History &history = m_history[instance.id];
        if (history.lastRouted >= 0 && qint64(instance.routed) >= history.lastRouted)
            history.rates.append(double(qint64(instance.routed) - history.lastRouted) / seconds);
        history.lastRouted = qint64(instance.routed);
        while (history.rates.size() > HistoryLength)
            history.rates.removeFirst();
        auto *sparkline = qobject_cast<SparklineWidget *>(m_table->cellWidget(row, RateColumn));
        if (!sparkline) {
            sparkline = new SparklineWidget;
            m_table->setCellWidget(row, RateColumn, sparkline);
        }
        sparkline->setObjectName(QStringLiteral("sparkline:") + instance.id);
        sparkline->setColor(stateColor);
        sparkline->setValues(history.rates);
        sparkline->setToolTip(
            history.rates.isEmpty()
                ? QString()
                : tr("%1 requests/s").arg(locale.toString(history.rates.last(), 'f', 1)));
    }
}

} // namespace cx::configurator
