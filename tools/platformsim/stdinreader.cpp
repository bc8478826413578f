#include "stdinreader.h"

#include <fcntl.h>
#include <unistd.h>

namespace cx::platformsim {

StdinReader::StdinReader(QObject *parent)
    : QObject(parent)
{
    if (::fcntl(STDIN_FILENO, F_GETFD) < 0)
        return;
    m_notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &StdinReader::readAvailable);
}

void StdinReader::readAvailable()
{
    char buffer[4096];
    const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (got <= 0) {
        m_notifier->setEnabled(false);
        if (!m_pending.isEmpty())
            Q_EMIT lineReceived(std::exchange(m_pending, {}));
        return;
    }
    m_pending.append(buffer, got);
    qsizetype start = 0;
    for (qsizetype end = m_pending.indexOf('\n'); end >= 0; end = m_pending.indexOf('\n', start)) {
        Q_EMIT lineReceived(m_pending.mid(start, end - start));
        start = end + 1;
    }
    m_pending.remove(0, start);
}

} // namespace cx::platformsim
