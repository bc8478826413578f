#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <deque>

class QWebSocket;

namespace cx::platformsim {

/// Messages to send after a fixed delay (--delay-ms). Since every message waits the same
/// time, the queue is a FIFO ordered by due time and one timer, armed for the head, serves
/// all of them: no timer per message.
class DelayQueue : public QObject
{
    Q_OBJECT
public:
    DelayQueue(int delayMs, QObject *parent = nullptr);

    /// Sends \a message on \a socket delayMs from now, unless the socket is gone by then.
    void push(QWebSocket *socket, QByteArray message);

private:
    void sendDue();
    void arm(qint64 nowNs);

    struct Entry
    {
        qint64 dueNs;
        QPointer<QWebSocket> socket;
        QByteArray message;
    };

    qint64 m_delayNs;
    std::deque<Entry> m_entries;
    QTimer m_timer;
};

} // namespace cx::platformsim
