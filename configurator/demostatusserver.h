#pragma once

#include <QList>
#include <QLocalServer>
#include <QObject>
#include <QTimer>

class QLocalSocket;

namespace cx::configurator {

/// A status socket speaking config.md §5 with made-up numbers: three platform instances
/// (one connected and busy, one connected and idle, one down) and changing rates. For the
/// screenshots and the status view's tests; never part of a real deployment.
class DemoStatusServer : public QObject
{
    Q_OBJECT
public:
    explicit DemoStatusServer(QObject *parent = nullptr);
    ~DemoStatusServer() override;

    /// Listens on a fresh, unique socket name.
    bool listen();
    /// Listens on name (a bare name or a socket path).
    bool listen(const QString &name);
    void close();
    QString name() const;
    /// Status objects sent so far (all clients).
    int sent() const { return m_sent; }
    /// Closes every client connection (the service "goes away" without stopping listening).
    void dropClients();

    /// How many of the three instances the replies list from now on (the last ones leave).
    void setListed(int count) { m_listed = count; }

    /// The status object the server sends as its tick-th update, listing the first listed
    /// instances.
    static QByteArray statusLine(int tick, int listed = 3);

private:
    void serve(QLocalSocket *socket);

    QLocalServer m_server;
    QList<QLocalSocket *> m_clients;
    int m_sent = 0;
    int m_listed = 3;
};

} // namespace cx::configurator
