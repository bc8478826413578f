#include "healthserver.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonObject>

namespace cx::server {

HealthServer::HealthServer(std::function<HealthSnapshot()> snapshot,
                           std::function<QByteArray()> metrics, QObject *parent)
    : QObject(parent)
    , m_snapshot(std::move(snapshot))
    , m_metrics(std::move(metrics))
    , m_http(std::make_unique<QHttpServer>())
{
    m_http->route(QStringLiteral("/health"), QHttpServerRequest::Method::Get, [this] {
        const HealthSnapshot health = m_snapshot();
        const bool ok = health.running && health.connectedInstances > 0;
        const QJsonObject body {
            {QStringLiteral("status"), ok ? QStringLiteral("up") : QStringLiteral("down")},
            {QStringLiteral("running"), health.running},
            {QStringLiteral("connectedInstances"), health.connectedInstances},
            {QStringLiteral("edges"), health.edges},
        };
        return QHttpServerResponse(body,
                                   ok ? QHttpServerResponder::StatusCode::Ok
                                      : QHttpServerResponder::StatusCode::ServiceUnavailable);
    });
    m_http->route(QStringLiteral("/metrics"), QHttpServerRequest::Method::Get, [this] {
        return QHttpServerResponse("text/plain; version=0.0.4; charset=utf-8", m_metrics());
    });
}

HealthServer::~HealthServer() = default;

quint16 HealthServer::listen(const QHostAddress &address, quint16 port)
{
    return m_http->listen(address, port);
}

} // namespace cx::server
