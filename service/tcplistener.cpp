#include "tcplistener.h"

#include <QLoggingCategory>
#include <QSocketNotifier>
#include <cerrno>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace cx::server {

Q_LOGGING_CATEGORY(lcListener, "cx.listener")

namespace {

constexpr int AcceptRetryMs = 100; ///< after accept failed for want of descriptors or memory
constexpr int AcceptsPerPass = 256; ///< then the event loop runs again
constexpr qint64 RecoveredAfterMs = 5000; ///< an episode of failures ends after this long

enum class AcceptResult { Accepted, Empty, OutOfResources, Failed };

/// One non-blocking accept on \a listener: the new descriptor in *accepted.
AcceptResult acceptOne(qintptr listener, qintptr *accepted, int *error)
{
#ifdef Q_OS_WIN
    const SOCKET fd = ::accept(SOCKET(listener), nullptr, nullptr);
    if (fd != INVALID_SOCKET) {
        *accepted = qintptr(fd);
        return AcceptResult::Accepted;
    }
    *error = WSAGetLastError();
    if (*error == WSAEWOULDBLOCK || *error == WSAECONNRESET || *error == WSAEINTR)
        return AcceptResult::Empty;
    return *error == WSAEMFILE || *error == WSAENOBUFS ? AcceptResult::OutOfResources
                                                       : AcceptResult::Failed;
#else
    const int fd = ::accept4(int(listener), nullptr, nullptr, SOCK_CLOEXEC);
    if (fd >= 0) {
        *accepted = fd;
        return AcceptResult::Accepted;
    }
    *error = errno;
    switch (*error) {
    case EAGAIN:
#if EAGAIN != EWOULDBLOCK
    case EWOULDBLOCK:
#endif
    case EINTR:
    case ECONNABORTED: // the client left before it was accepted
        return AcceptResult::Empty;
    case EMFILE:
    case ENFILE:
    case ENOBUFS:
    case ENOMEM:
        return AcceptResult::OutOfResources;
    default:
        return AcceptResult::Failed;
    }
#endif
}

} // namespace

TcpListener::TcpListener(QString name, std::function<void(qintptr)> accepted, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_accepted(std::move(accepted))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        if (m_notifier) {
            m_notifier->setEnabled(true);
            acceptPending();
        }
    });
}

TcpListener::~TcpListener() = default;

bool TcpListener::listen(const QHostAddress &address, quint16 port, int backlog)
{
    m_socket.setListenBacklogSize(backlog);
    if (!m_socket.listen(address, port))
        return false;
    m_socket.pauseAccepting(); // Qt's notifier off: the accept loop is ours
    m_notifier
        = std::make_unique<QSocketNotifier>(m_socket.socketDescriptor(), QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &TcpListener::acceptPending);
    return true;
}

void TcpListener::close()
{
    m_retry.stop();
    m_notifier.reset();
    m_socket.close();
}

void TcpListener::closeDescriptor(qintptr descriptor)
{
#ifdef Q_OS_WIN
    ::closesocket(SOCKET(descriptor));
#else
    ::close(int(descriptor));
#endif
}

void TcpListener::acceptPending()
{
    for (int i = 0; i < AcceptsPerPass && m_notifier; ++i) {
        qintptr descriptor = -1;
        int error = 0;
        switch (acceptOne(m_socket.socketDescriptor(), &descriptor, &error)) {
        case AcceptResult::Accepted:
            if (m_failures > 0 && m_sinceFailure.elapsed() >= RecoveredAfterMs) {
                qCInfo(lcListener).noquote() << m_name << "listener accepting again after"
                                             << m_failures << "failed attempts";
                m_failures = 0;
            }
            m_accepted(descriptor);
            continue;
        case AcceptResult::Empty:
            return;
        case AcceptResult::OutOfResources:
            if (m_failures++ == 0)
                qCWarning(lcListener).noquote()
                    << m_name << "listener cannot accept connections:" << qt_error_string(error)
                    << "; retrying every" << AcceptRetryMs << "ms (raise the open files limit?)";
            m_sinceFailure.start();
            m_notifier->setEnabled(false); // else the pending connection wakes us at once
            m_retry.start(AcceptRetryMs);
            return;
        case AcceptResult::Failed:
            qCWarning(lcListener).noquote()
                << m_name << "listener: accept failed:" << qt_error_string(error);
            return;
        }
    }
}

} // namespace cx::server
