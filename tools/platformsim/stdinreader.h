#pragma once

#include <QByteArray>
#include <QObject>
#include <QSocketNotifier>

namespace cx::platformsim {

/// Reads the control channel on stdin line by line without blocking the event loop
/// (Unix: a read notifier on descriptor 0). At end of input it stops reading; it never
/// quits the program, so a simulator started with stdin closed or at /dev/null keeps
/// running.
class StdinReader : public QObject
{
    Q_OBJECT
public:
    explicit StdinReader(QObject *parent = nullptr);

Q_SIGNALS:
    /// One line, without its line end.
    void lineReceived(const QByteArray &line);

private:
    void readAvailable();

    QSocketNotifier *m_notifier = nullptr; ///< null when there is no stdin
    QByteArray m_pending; ///< a line not finished yet
};

} // namespace cx::platformsim
