#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QString>
#include <optional>

namespace cx::platformsim {

/// What the command line asked for; immutable once the simulator runs (each worker thread
/// keeps its own copy).
struct SimConfig
{
    QString id = QStringLiteral("platformsim"); ///< label in reports (--id)
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; ///< 0: any free port
    QByteArray appKey; ///< expected in the upgrade header and in AUTH bodies; never printed
    std::optional<QSslConfiguration> tls; ///< wss when set (--tls-pkcs12)
    int delayMs = 0; ///< answer every request but AUTH this much later
    double failRate = 0; ///< fraction of requests (AUTH excepted) answered 0xA0
    double dropRate = 0; ///< fraction of requests (AUTH excepted) never answered
    bool startPaused = false; ///< --pause-reading: pipes are not read until `resume`
    bool echo = false; ///< responses carry the request body back (INFOTABLE base type)
    int threads = 1; ///< worker threads, each with its own share of the connections
    bool epoll = false; ///< worker threads run an EpollEventDispatcher (--epoll)
    quint64 seed = 0; ///< seeds the fail/drop draws (worker i uses seed + i)
    bool pairTunnels = false; ///< --tunnel-mode pair: a tunnel subsystem (else tunnels echo)
    QByteArray tunnelKey; ///< --tunnel-key: the credential tunnel ends must present
    int tunnelPairTimeoutMs = 10000; ///< --tunnel-pair-timeout-ms
};

} // namespace cx::platformsim
