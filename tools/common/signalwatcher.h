#pragma once

#include <QObject>
#include <QSocketNotifier>

namespace cx::tools {

/// Turns SIGTERM and SIGINT into a Qt signal in the event loop, through a self-pipe
/// (socketpair + QSocketNotifier): the handler only writes one byte. One instance per
/// process (Unix only).
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    /// SIGTERM or SIGINT arrived; \a signal is its number.
    void terminationRequested(int signal);

private:
    void readSignal();

    int m_fds[2] = {-1, -1};
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace cx::tools
