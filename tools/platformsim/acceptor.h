#pragma once

#include <QTcpServer>

namespace cx::platformsim {

/// The listening socket. It hands each accepted descriptor on instead of making a socket
/// here, so that the worker thread that will own the connection creates it.
class Acceptor : public QTcpServer
{
    Q_OBJECT
public:
    using QTcpServer::QTcpServer;

Q_SIGNALS:
    void accepted(qintptr descriptor);

protected:
    void incomingConnection(qintptr descriptor) override;
};

} // namespace cx::platformsim
