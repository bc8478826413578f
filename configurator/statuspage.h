#pragma once

#include "statussubscription.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableWidget;

namespace cx::configurator {

/// The live status view: subscribes to the service's status socket and shows its platform
/// instances (state, writable, pipes, pending, in flight, routed, errors, a rate
/// sparkline), the edge counts and discovery; says plainly when the service is not running
/// or access is denied, and reconnects by itself.
class StatusPage : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        StateColumn,
        WritableColumn,
        PipesColumn,
        PendingColumn,
        InFlightColumn,
        RoutedColumn,
        ErrorsColumn,
        RateColumn,
        ColumnCount
    };

    explicit StatusPage(QWidget *parent = nullptr);

    /// Connects to socketName (admin.socket).
    void connectTo(const QString &socketName, int intervalMs = 1000);
    StatusSubscription *subscription() const { return m_subscription; }

    /// Shows one snapshot (the client calls this for every update).
    void showSnapshot(const cx::status::StatusSnapshot &snapshot);

private:
    void showState(cx::configurator::StatusSubscription::State state);

    StatusSubscription *m_subscription = nullptr;
    QLineEdit *m_socket = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_service = nullptr;
    QLabel *m_discovery = nullptr;
    QLabel *m_edges = nullptr;
    QTableWidget *m_table = nullptr;
    struct History
    {
        qint64 lastRouted = -1;
        QList<double> rates;
    };
    QHash<QString, History> m_history;
    qint64 m_lastUptime = -1;
};

} // namespace cx::configurator
