#include "delayqueue.h"

#include "clock.h"

#include <QWebSocket>

namespace cx::platformsim {

DelayQueue::DelayQueue(int delayMs, QObject *parent)
    : QObject(parent)
    , m_delayNs(qint64(delayMs) * 1000000)
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DelayQueue::sendDue);
}

void DelayQueue::push(QWebSocket *socket, QByteArray message)
{
    const qint64 now = nowNs();
    m_entries.push_back({now + m_delayNs, socket, std::move(message)});
    if (!m_timer.isActive())
        arm(now);
}

void DelayQueue::sendDue()
{
    const qint64 now = nowNs();
    while (!m_entries.empty() && m_entries.front().dueNs <= now) {
        Entry &entry = m_entries.front();
        if (entry.socket)
            entry.socket->sendBinaryMessage(entry.message);
        m_entries.pop_front();
    }
    if (!m_entries.empty())
        arm(now);
}

void DelayQueue::arm(qint64 nowNs)
{
    const qint64 waitNs = m_entries.front().dueNs - nowNs;
    m_timer.start(int(std::max<qint64>(0, (waitNs + 999999) / 1000000)));
}

} // namespace cx::platformsim
