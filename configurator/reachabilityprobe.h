#pragma once

#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

class QTcpSocket;

namespace cx::configurator {

/// The wizard's reachability test for static platform URLs: opens a TCP connection to the
/// host and port of each URL and reports which ones answered.
class ReachabilityProbe : public QObject
{
    Q_OBJECT
public:
    explicit ReachabilityProbe(QObject *parent = nullptr);
    ~ReachabilityProbe() override;

    /// Tests every URL at once; finished() follows within timeoutMs.
    void start(const QStringList &urls, int timeoutMs = 5000);

Q_SIGNALS:
    /// One line per URL ("ws://a:8080/Thingworx/WS: reachable"); allReachable when every
    /// URL answered.
    void finished(bool allReachable, const QStringList &lines);

private:
    struct Target
    {
        QString url;
        QTcpSocket *socket = nullptr;
        QString result;
        bool ok = false;
    };
    void settle(int index, bool ok, const QString &result);
    void finishIfDone();

    QList<Target> m_targets;
    QTimer m_timeout;
    bool m_running = false;
};

} // namespace cx::configurator
