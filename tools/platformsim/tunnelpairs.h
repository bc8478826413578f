#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

class QWebSocket;

namespace cx::platformsim {

struct SimStats;

/// The simulator's tunnel subsystem, as a platform has one (`--tunnel-mode pair`): it pairs
/// the device end (`/Thingworx/WSTunnelServer/<tid>`) and the client end
/// (`/Thingworx/WSTunnelClient/<tid>`) of one tunnel id that reach this simulator, relays
/// their messages unchanged (text stays text) and closes one end when the other closes.
/// - Credentials: an end that presents the pipes' app key (cxserver's own) is refused 1008;
///   with a tunnel key configured, an end must present it (`appKey` header, `appKey` query
///   item or `Authorization: Bearer`), else 1008.
/// - An end that finds no peer within the pair timeout is closed 1011 ("no peer"); a second
///   end of the same side and id while one waits is refused 1008.
/// - What an end sends before its peer arrives is held, at most HeldLimit bytes (then 1009).
/// Lives in one worker thread: both ends must reach that worker (the simulator refuses
/// `--tunnel-mode pair` with more than one thread).
class TunnelPairs : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 HeldLimit = 1024 * 1024;

    TunnelPairs(QByteArray pipeKey, QByteArray tunnelKey, int pairTimeoutMs, SimStats &stats,
                QObject *parent = nullptr);

    /// Takes \a socket, upgraded on a tunnel path (\a path, \a query); the caller keeps
    /// owning it and hears of its end through its disconnected signal as for any socket.
    void accept(QWebSocket *socket, const QString &path, const QString &query);

private:
    struct End
    {
        QPointer<QWebSocket> socket;
        QPointer<QWebSocket> peer;
        QString key; ///< "S:<tid>" or "C:<tid>" while it waits
        QList<QPair<QByteArray, bool>> held; ///< messages before the peer came (text flag)
        qint64 heldBytes = 0;
    };

    bool credentialAccepted(const QWebSocket &socket, const QString &query) const;
    void relay(QWebSocket *from, const QByteArray &message, bool text);
    void ended(QWebSocket *socket);
    void pair(End &waiting, End &arriving);

    QByteArray m_pipeKey;
    QByteArray m_tunnelKey;
    int m_pairTimeoutMs;
    SimStats &m_stats;
    QHash<QWebSocket *, End> m_ends;
    QHash<QString, QWebSocket *> m_waiting; ///< by side and tunnel id
};

} // namespace cx::platformsim
