#include "systemdnotify.h"

#include <QLoggingCategory>
#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

namespace cx::service::systemd {

namespace {
Q_LOGGING_CATEGORY(lcSystemd, "cx.service.systemd")
} // namespace

bool isEnabled()
{
    return !qEnvironmentVariableIsEmpty("NOTIFY_SOCKET");
}

bool notify(QByteArrayView state)
{
#ifdef Q_OS_LINUX
    const QByteArray socketName = qgetenv("NOTIFY_SOCKET");
    if (socketName.isEmpty())
        return true;
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    // '/' starts a path, '@' an abstract name (its first byte becomes NUL); the name may not
    // fill sun_path entirely, so that a path keeps its terminating NUL.
    if ((socketName.front() != '/' && socketName.front() != '@')
        || size_t(socketName.size()) >= sizeof(address.sun_path)) {
        qCWarning(lcSystemd).noquote()
            << "NOTIFY_SOCKET is neither a socket path nor an abstract name:" << socketName;
        return false;
    }
    std::memcpy(address.sun_path, socketName.constData(), size_t(socketName.size()));
    if (address.sun_path[0] == '@')
        address.sun_path[0] = '\0';
    const auto addressLength = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(socketName.size())
                                         + (socketName.front() == '/' ? 1 : 0));

    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        qCWarning(lcSystemd) << "cannot notify systemd: socket():" << std::strerror(errno);
        return false;
    }
    ssize_t sent = 0;
    do {
        sent = ::sendto(fd, state.data(), size_t(state.size()), MSG_NOSIGNAL,
                        reinterpret_cast<const sockaddr *>(&address), addressLength);
    } while (sent < 0 && errno == EINTR);
    const int error = errno;
    ::close(fd);
    if (sent != ssize_t(state.size())) {
        qCWarning(lcSystemd).noquote()
            << "cannot notify systemd at" << socketName << ":" << std::strerror(error);
        return false;
    }
    return true;
#else
    Q_UNUSED(state);
    return true;
#endif
}

} // namespace cx::service::systemd
