#pragma once

#include <QObject>

class QSocketNotifier;

namespace cx::server {

/// Unix signals into the Qt event loop with the self-pipe trick (architecture.md): the
/// handler only writes the signal number to a socketpair; the loop reads it and emits.
class SignalHandler : public QObject
{
    Q_OBJECT
public:
    explicit SignalHandler(QObject *parent = nullptr);
    ~SignalHandler() override;

Q_SIGNALS:
    void terminateRequested(int signal); ///< SIGTERM or SIGINT
    void reloadRequested(); ///< SIGHUP

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace cx::server
