#pragma once

#include "status/clusterwatch.h"
#include "statussubscription.h"

#include <QList>
#include <QWidget>
#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;
class QTableWidget;

namespace cx::configurator {

/// The live cluster view: subscribes to the status socket of one or several cxservers and
/// shows them side by side through a status::ClusterWatch: the cluster's totals, one row
/// per cxserver (up, or down since when and why), one row per platform instance (address,
/// state, numeric rates, last error; an instance that left a reply stays, down since it
/// went) and the latest events. Says plainly when a service is not running or access is
/// denied, and reconnects by itself.
class StatusPage : public QWidget
{
    Q_OBJECT
public:
    enum ServerTableColumn {
        ServerSocketColumn,
        ServerStateColumn,
        ServerVersionColumn,
        ServerUptimeColumn,
        ServerDiscoveryColumn,
        ServerEdgesColumn,
        ServerRateColumn,
        ServerColumnCount
    };
    enum InstanceTableColumn {
        ServerColumn,
        IdColumn,
        AddressColumn,
        StateColumn,
        WritableColumn,
        PipesColumn,
        PendingColumn,
        InFlightColumn,
        RoutedColumn,
        RateColumn,
        ErrorsColumn,
        LastErrorColumn,
        ColumnCount
    };

    explicit StatusPage(QWidget *parent = nullptr);
    ~StatusPage() override;

    /// The sockets a user typed: separated by commas, semicolons or white space, each once.
    static QStringList parseSockets(const QString &text);

    /// Connects to each of sockets (admin.socket of each cxserver), dropping the previous
    /// subscriptions, and subscribes with intervalMs.
    void connectTo(const QStringList &sockets, int intervalMs = 1000);
    /// How long a subscription waits before trying again (default 2 s).
    void setRetryInterval(int ms);
    /// One per socket, in the order given.
    const QList<StatusSubscription *> &subscriptions() const { return m_subscriptions; }
    const status::ClusterWatch &watch() const { return *m_watch; }

private:
    void onState(qsizetype server, StatusSubscription::State state);
    void refresh();
    void showBanner();
    void showServers();
    void showInstances();
    void showEvents();

    QList<StatusSubscription *> m_subscriptions;
    std::unique_ptr<status::ClusterWatch> m_watch;
    int m_retryMs = 2000;
    QLineEdit *m_socket = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_totals = nullptr;
    QTableWidget *m_servers = nullptr;
    QTableWidget *m_instances = nullptr;
    QListWidget *m_events = nullptr;
};

} // namespace cx::configurator
