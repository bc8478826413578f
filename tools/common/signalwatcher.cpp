#include "signalwatcher.h"

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace cx::tools {

namespace {

int g_writeFd = -1;

void onSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(g_writeFd, &byte, 1);
}

} // namespace

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, m_fds) != 0) {
        qWarning("cannot create the signal socket pair; SIGTERM ends the process at once");
        return;
    }
    g_writeFd = m_fds[0];
    m_notifier = new QSocketNotifier(m_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::readSignal);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
}

SignalWatcher::~SignalWatcher()
{
    if (m_fds[0] < 0)
        return;
    ::signal(SIGTERM, SIG_DFL);
    ::signal(SIGINT, SIG_DFL);
    g_writeFd = -1;
    m_notifier->setEnabled(false);
    ::close(m_fds[0]);
    ::close(m_fds[1]);
}

void SignalWatcher::readSignal()
{
    char byte = 0;
    if (::read(m_fds[1], &byte, 1) == 1)
        Q_EMIT terminationRequested(int(byte));
}

} // namespace cx::tools
