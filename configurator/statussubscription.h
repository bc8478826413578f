#pragma once

#include "status/statusclient.h"
#include "status/statussnapshot.h"

#include <QObject>
#include <QTimer>

namespace cx::configurator {

/// Keeps a subscription to the service's status socket (config.md §5) through cxcore's
/// status client, and reconnects by itself when the service is not running yet, goes away
/// or refuses access.
class StatusSubscription : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Connected, NotRunning, AccessDenied, Failed };
    Q_ENUM(State)

    explicit StatusSubscription(QObject *parent = nullptr);

    /// Connects to socketName (admin.socket: a name or a path) and subscribes with
    /// intervalMs (at least 100).
    void connectTo(const QString &socketName, int intervalMs = 1000);
    void stop();
    /// How long to wait before trying again (default 2 s).
    void setRetryInterval(int ms) { m_retry.setInterval(ms); }

    State state() const { return m_state; }
    QString socketName() const { return m_name; }
    /// The last failure, one sentence for the user.
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void stateChanged(cx::configurator::StatusSubscription::State state);
    void snapshotReceived(const cx::status::StatusSnapshot &snapshot);

private:
    void attempt();
    void setState(State state, const QString &error = {});

    status::StatusClient *m_client = nullptr;
    QString m_name;
    int m_intervalMs = 1000;
    State m_state = State::Idle;
    QString m_error;
    QTimer m_retry;
};

} // namespace cx::configurator
