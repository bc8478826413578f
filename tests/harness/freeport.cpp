#include "freeport.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTcpServer>

namespace cx::test {

namespace {

constexpr quint16 Lowest = 10000;
constexpr int Attempts = 1000;

/// The first port of the kernel's ephemeral range (the source ports of outgoing
/// connections), 32768 when it cannot be read.
quint16 ephemeralStart()
{
    QFile range(QStringLiteral("/proc/sys/net/ipv4/ip_local_port_range"));
    if (!range.open(QIODevice::ReadOnly))
        return 32768;
    const uint first = range.readLine().simplified().split(' ').value(0).toUInt();
    return first > Lowest + 1024 && first <= 65535 ? quint16(first) : 32768;
}

} // namespace

quint16 freePort()
{
    // Below the ephemeral range: a port in it can be taken, between this check and the bind
    // of the process given it, as the source port of an outgoing connection (the tests open
    // thousands), which then fails with "Address already in use".
    const quint16 end = ephemeralStart();
    for (int attempt = 0; attempt < Attempts; ++attempt) {
        const auto port = quint16(QRandomGenerator::global()->bounded(Lowest, end));
        QTcpServer server;
        if (server.listen(QHostAddress::LocalHost, port))
            return port;
    }
    return 0;
}

} // namespace cx::test
