#include "demostatusserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QUuid>
#include <cmath>

namespace cx::configurator {

DemoStatusServer::DemoStatusServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server.nextPendingConnection())
            serve(socket);
    });
}

DemoStatusServer::~DemoStatusServer()
{
    // The client sockets are children of m_server, which goes after m_clients: cut their
    // connections to this first, so that none reaches a half-destroyed server.
    const QList<QLocalSocket *> sockets = m_server.findChildren<QLocalSocket *>();
    for (QLocalSocket *socket : sockets)
        socket->disconnect(this);
    m_clients.clear();
    m_server.close();
}

bool DemoStatusServer::listen()
{
    const QString name = QStringLiteral("cxconfigurator-demo-")
        + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    return listen(name);
}

bool DemoStatusServer::listen(const QString &name)
{
    return m_server.listen(name);
}

void DemoStatusServer::close()
{
    dropClients();
    m_server.close();
}

QString DemoStatusServer::name() const
{
    return m_server.fullServerName();
}

void DemoStatusServer::dropClients()
{
    const QList<QLocalSocket *> clients = m_clients;
    m_clients.clear();
    for (QLocalSocket *socket : clients) {
        socket->disconnectFromServer();
        socket->deleteLater();
    }
}

QByteArray DemoStatusServer::statusLine(int tick, int listed)
{
    const auto instance = [tick](const QString &id, const QString &address, const QString &state,
                                 double rate, int pipes) {
        const qint64 routed = qint64(rate * tick + 40 * std::sin(tick / 3.0) + 40);
        QJsonObject row {
            {QStringLiteral("id"), id},
            {QStringLiteral("address"), address},
            {QStringLiteral("port"), 8443},
            {QStringLiteral("tls"), true},
            {QStringLiteral("state"), state},
            {QStringLiteral("writable"), state == u"connected" && tick % 17 != 5},
            {QStringLiteral("pipesConnected"), pipes},
            {QStringLiteral("pipeCount"), 5},
            {QStringLiteral("pendingBytes"), state == u"connected" ? (tick * 7919) % 70000 : 0},
            {QStringLiteral("inFlight"), state == u"connected" ? (tick * 13) % 40 : 0},
            {QStringLiteral("routed"), state == u"down" ? 1200 : routed},
            {QStringLiteral("errors"), state == u"down" ? 3 : 0},
        };
        if (state == u"down") {
            row.insert(QStringLiteral("lastError"), QStringLiteral("connection refused"));
            row.insert(QStringLiteral("lastErrorAt"), QStringLiteral("2026-12-06T09:41:07.000Z"));
        }
        return row;
    };
    const QList<QJsonObject> all {
        instance(QStringLiteral("6d4e0c1a-twx1"), QStringLiteral("10.0.0.12"),
                 QStringLiteral("connected"), 180, 5),
        instance(QStringLiteral("a91f33b2-twx2"), QStringLiteral("10.0.0.13"),
                 QStringLiteral("connected"), 95, 5),
        instance(QStringLiteral("c0ffee07-twx3"), QStringLiteral("10.0.0.14"),
                 QStringLiteral("down"), 0, 0)};
    QJsonArray instances;
    for (const QJsonObject &row : all.first(qBound(0, listed, int(all.size()))))
        instances.append(row);
    const QJsonObject status {
        {QStringLiteral("version"), QStringLiteral("0.1.0")},
        {QStringLiteral("uptimeSeconds"), 93784 + tick},
        {QStringLiteral("discovery"),
         QJsonObject {{QStringLiteral("plugin"), QStringLiteral("zookeeper")},
                      {QStringLiteral("state"), QStringLiteral("connected")}}},
        {QStringLiteral("routing"),
         QJsonObject {{QStringLiteral("plugin"), QStringLiteral("round-robin")}}},
        {QStringLiteral("edges"),
         QJsonObject {{QStringLiteral("connected"), 1523 + tick % 5},
                      {QStringLiteral("authenticated"), 1519 + tick % 5}}},
        {QStringLiteral("instances"), instances},
    };
    return QJsonDocument(status).toJson(QJsonDocument::Compact) + '\n';
}

void DemoStatusServer::serve(QLocalSocket *socket)
{
    m_clients.append(socket);
    auto *timer = new QTimer(socket);
    connect(socket, &QLocalSocket::readyRead, socket, [this, socket, timer] {
        while (socket->canReadLine()) {
            const QJsonObject request = QJsonDocument::fromJson(socket->readLine()).object();
            const QString op = request.value(u"op").toString();
            if (op == u"status") {
                socket->write(statusLine(m_sent++, m_listed));
            } else if (op == u"subscribe") {
                timer->start(qMax(10, request.value(u"intervalMs").toInt(1000)));
                socket->write(statusLine(m_sent++, m_listed));
            } else {
                socket->write(QByteArrayLiteral("{\"error\":\"unknown op\"}\n"));
            }
        }
    });
    connect(timer, &QTimer::timeout, socket,
            [this, socket] { socket->write(statusLine(m_sent++, m_listed)); });
    connect(socket, &QLocalSocket::disconnected, this, [this, socket] {
        m_clients.removeOne(socket);
        socket->deleteLater();
    });
}

} // namespace cx::configurator
