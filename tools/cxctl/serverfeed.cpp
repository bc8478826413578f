#include "serverfeed.h"

using namespace Qt::StringLiterals;

namespace cx::ctl {

ServerFeed::ServerFeed(QString socketName, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_socketName(std::move(socketName))
    , m_intervalMs(intervalMs)
{
    connect(&m_client, &status::StatusClient::connected, this, [this] {
        m_client.send({{u"op"_s, u"subscribe"_s}, {u"intervalMs"_s, m_intervalMs}});
        m_silence.start();
    });
    connect(&m_client, &status::StatusClient::replyReceived, this, &ServerFeed::onReply);
    connect(&m_client, &status::StatusClient::failed, this,
            [this](status::StatusClient::Failure, const QString &message) { onLost(message); });
    connect(&m_client, &status::StatusClient::disconnected, this,
            [this] { onLost(u"cxserver closed the status socket"_s); });
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ServerFeed::start);
    m_silence.setSingleShot(true);
    // A stopped (SIGSTOP) or wedged cxserver keeps its socket open: three missed intervals.
    m_silence.setInterval(3 * m_intervalMs + 2000);
    connect(&m_silence, &QTimer::timeout, this,
            [this] { onLost(u"no status for %1 s"_s.arg(m_silence.interval() / 1000.0)); });
}

void ServerFeed::start()
{
    m_client.connectToService(m_socketName);
}

void ServerFeed::onReply(const QJsonObject &reply)
{
    if (m_retry.isActive())
        return;
    if (reply.contains(u"error"_s)) {
        onLost(u"cxserver refused the subscription: "_s + reply.value(u"error"_s).toString());
        return;
    }
    const auto parsed = status::StatusSnapshot::fromJson(reply);
    if (!parsed) {
        onLost(parsed.error().message);
        return;
    }
    m_backoffMs = FirstRetryMs;
    m_silence.start();
    Q_EMIT snapshot(parsed.value());
}

void ServerFeed::onLost(const QString &reason)
{
    if (m_retry.isActive())
        return; // already lost; the abort below tells again
    m_silence.stop();
    m_retry.start(m_backoffMs);
    m_backoffMs = qMin(2 * m_backoffMs, MaxRetryMs);
    Q_EMIT lost(reason);
    m_client.disconnectFromService();
}

} // namespace cx::ctl
