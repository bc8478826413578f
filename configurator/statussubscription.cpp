#include "statussubscription.h"

#include <QJsonObject>

namespace cx::configurator {

StatusSubscription::StatusSubscription(QObject *parent)
    : QObject(parent)
    , m_client(new status::StatusClient(this))
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(2000);
    connect(&m_retry, &QTimer::timeout, this, &StatusSubscription::attempt);
    connect(m_client, &status::StatusClient::connected, this, [this] {
        setState(State::Connected);
        m_client->send({{QStringLiteral("op"), QStringLiteral("subscribe")},
                        {QStringLiteral("intervalMs"), m_intervalMs}});
    });
    connect(m_client, &status::StatusClient::replyReceived, this, [this](const QJsonObject &reply) {
        Result<status::StatusSnapshot> snapshot = status::StatusSnapshot::fromJson(reply);
        if (snapshot)
            Q_EMIT snapshotReceived(snapshot.value());
    });
    connect(m_client, &status::StatusClient::failed, this,
            [this](status::StatusClient::Failure failure, const QString &message) {
                if (m_name.isEmpty())
                    return;
                switch (failure) {
                case status::StatusClient::Failure::NotRunning:
                    setState(State::NotRunning, message);
                    break;
                case status::StatusClient::Failure::AccessDenied:
                    setState(State::AccessDenied, message);
                    break;
                case status::StatusClient::Failure::Broken:
                    setState(State::Failed, message);
                    break;
                }
                // The next attempt starts afresh (connectToService aborts the socket); not
                // here, inside the socket's own error signal.
                m_retry.start();
            });
    connect(m_client, &status::StatusClient::disconnected, this, [this] {
        if (m_name.isEmpty())
            return;
        setState(State::NotRunning,
                 status::StatusClient::describe(status::StatusClient::Failure::NotRunning, m_name));
        m_retry.start();
    });
}

void StatusSubscription::connectTo(const QString &socketName, int intervalMs)
{
    stop();
    m_name = socketName;
    m_intervalMs = qMax(100, intervalMs);
    setState(State::Connecting);
    attempt();
}

void StatusSubscription::stop()
{
    m_name.clear();
    m_retry.stop();
    m_client->disconnectFromService();
    setState(State::Idle);
}

void StatusSubscription::attempt()
{
    if (!m_name.isEmpty())
        m_client->connectToService(m_name);
}

void StatusSubscription::setState(State state, const QString &error)
{
    m_error = error;
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace cx::configurator
