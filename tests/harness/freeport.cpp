#include "freeport.h"

#include <QTcpServer>

namespace cx::test {

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

} // namespace cx::test
