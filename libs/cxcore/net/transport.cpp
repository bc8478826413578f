#include "transport.h"

#include <QtEndian>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <openssl/err.h>
#include <openssl/ssl.h>

#ifdef Q_OS_WIN
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace cx::net {

namespace {

bool wouldBlock()
{
#ifdef Q_OS_WIN
    return WSAGetLastError() == WSAEWOULDBLOCK;
#else
    return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
#endif
}

void closeSocket(qintptr fd)
{
#ifdef Q_OS_WIN
    ::closesocket(SOCKET(fd));
#else
    ::close(int(fd));
#endif
}

void makeNonBlocking(qintptr fd)
{
#ifdef Q_OS_WIN
    u_long on = 1;
    ::ioctlsocket(SOCKET(fd), FIONBIO, &on);
#else
    ::fcntl(int(fd), F_SETFL, ::fcntl(int(fd), F_GETFL) | O_NONBLOCK);
#endif
}

/// Plain send of \a size bytes: the count taken (0 when none), or Transport::Failed.
qint64 sendPlain(qintptr fd, const char *data, qint64 size)
{
#ifdef Q_OS_WIN
    const qint64 sent = ::send(SOCKET(fd), data, int(size), 0);
#else
    const qint64 sent = ::send(int(fd), data, size_t(size), MSG_NOSIGNAL);
#endif
    if (sent < 0)
        return wouldBlock() ? 0 : Transport::Failed;
    return sent;
}

} // namespace

qintptr Transport::startConnect(const QHostAddress &address, quint16 port, QString *error)
{
    sockaddr_storage storage {};
    socklen_t length = 0;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto &in6 = reinterpret_cast<sockaddr_in6 &>(storage);
        in6.sin6_family = AF_INET6;
        in6.sin6_port = qToBigEndian(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6.sin6_addr, bytes.c, sizeof bytes.c);
        length = sizeof in6;
    } else {
        auto &in4 = reinterpret_cast<sockaddr_in &>(storage);
        in4.sin_family = AF_INET;
        in4.sin_port = qToBigEndian(port);
        in4.sin_addr.s_addr = qToBigEndian(address.toIPv4Address());
        length = sizeof in4;
    }
#ifdef Q_OS_WIN
    const SOCKET fd = ::socket(storage.ss_family, SOCK_STREAM, IPPROTO_TCP);
    if (fd == INVALID_SOCKET) {
        *error = QStringLiteral("cannot create a socket (WSA error %1)").arg(WSAGetLastError());
        return -1;
    }
    makeNonBlocking(qintptr(fd));
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&storage), length) != 0
        && WSAGetLastError() != WSAEWOULDBLOCK) {
        *error = QStringLiteral("cannot connect (WSA error %1)").arg(WSAGetLastError());
        ::closesocket(fd);
        return -1;
    }
    return qintptr(fd);
#else
    const int fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return -1;
    }
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&storage), length) != 0
        && errno != EINPROGRESS) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return -1;
    }
    return fd;
#endif
}

QString Transport::connectError(qintptr fd)
{
    int code = 0;
    socklen_t length = sizeof code;
#ifdef Q_OS_WIN
    if (::getsockopt(SOCKET(fd), SOL_SOCKET, SO_ERROR, reinterpret_cast<char *>(&code), &length)
        != 0)
        code = WSAGetLastError();
    return code == 0 ? QString() : QStringLiteral("cannot connect (WSA error %1)").arg(code);
#else
    if (::getsockopt(int(fd), SOL_SOCKET, SO_ERROR, &code, &length) != 0)
        code = errno;
    return code == 0 ? QString() : QString::fromLocal8Bit(std::strerror(code));
#endif
}

Transport::Transport(qintptr fd, ssl_st *tls)
    : m_fd(fd)
    , m_tls(tls)
{
    makeNonBlocking(fd);
    sockaddr_storage address {};
    socklen_t length = sizeof address;
#ifdef Q_OS_WIN
    const char yes = 1;
    ::setsockopt(SOCKET(fd), IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    const bool named
        = ::getpeername(SOCKET(fd), reinterpret_cast<sockaddr *>(&address), &length) == 0;
#else
    const int yes = 1;
    ::setsockopt(int(fd), IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    const bool named = ::getpeername(int(fd), reinterpret_cast<sockaddr *>(&address), &length) == 0;
#endif
    if (named) {
        m_peerAddress.setAddress(reinterpret_cast<const sockaddr *>(&address));
        m_peerPort = address.ss_family == AF_INET6
            ? qFromBigEndian(reinterpret_cast<const sockaddr_in6 &>(address).sin6_port)
            : qFromBigEndian(reinterpret_cast<const sockaddr_in &>(address).sin_port);
    }
}

Transport::~Transport()
{
    close();
}

void Transport::turnAway(qintptr fd, bool tls, QByteArrayView plainAnswer)
{
    if (!tls) {
        makeNonBlocking(fd);
        sendPlain(fd, plainAnswer.data(), plainAnswer.size());
    }
    closeSocket(fd);
}

Transport::Handshake Transport::handshake(QString *error)
{
    if (!m_tls)
        return Handshake::Done;
    ERR_clear_error();
    const int result = SSL_do_handshake(m_tls);
    if (result == 1)
        return Handshake::Done;
    switch (SSL_get_error(m_tls, result)) {
    case SSL_ERROR_WANT_READ:
        return Handshake::WantRead;
    case SSL_ERROR_WANT_WRITE:
        return Handshake::WantWrite;
    default:
        if (error) {
            const char *reason = ERR_reason_error_string(ERR_peek_error());
            *error = QString::fromLatin1(reason ? reason : "the connection closed");
            const long verdict = SSL_get_verify_result(m_tls);
            if (verdict != X509_V_OK)
                *error += u": "_s + QString::fromLatin1(X509_verify_cert_error_string(verdict));
        }
        ERR_clear_error();
        return Handshake::Failed;
    }
}

qint64 Transport::read(char *data, qint64 size)
{
    if (!m_tls) {
#ifdef Q_OS_WIN
        const qint64 got = ::recv(SOCKET(m_fd), data, int(size), 0);
#else
        const qint64 got = ::recv(int(m_fd), data, size_t(size), 0);
#endif
        if (got < 0)
            return wouldBlock() ? WouldBlock : Failed;
        return got;
    }
    ERR_clear_error();
    const int got = SSL_read(m_tls, data, int(std::min<qint64>(size, 1 << 30)));
    if (got > 0)
        return got;
    switch (SSL_get_error(m_tls, got)) {
    case SSL_ERROR_WANT_READ:
    case SSL_ERROR_WANT_WRITE: // no renegotiation is allowed: cannot happen in practice
        return WouldBlock;
    case SSL_ERROR_ZERO_RETURN:
        return Closed;
    default:
        ERR_clear_error();
        return Failed;
    }
}

bool Transport::hasBufferedInput() const
{
    return m_tls && SSL_pending(m_tls) > 0;
}

qint64 Transport::write(const char *data, qint64 size)
{
    if (!m_tls)
        return sendPlain(m_fd, data, size);
    ERR_clear_error();
    m_writeWaitsForRead = false;
    const int sent = SSL_write(m_tls, data, int(std::min<qint64>(size, 1 << 30)));
    if (sent > 0)
        return sent;
    switch (SSL_get_error(m_tls, sent)) {
    case SSL_ERROR_WANT_WRITE:
        return 0;
    case SSL_ERROR_WANT_READ:
        m_writeWaitsForRead = true;
        return 0;
    default:
        ERR_clear_error();
        return Failed;
    }
}

qint64 Transport::write(QByteArrayView head, QByteArrayView payload)
{
    const qint64 total = head.size() + payload.size();
    if (m_tls) {
        Q_ASSERT(total <= MaxJoinedTls);
        char joined[MaxJoinedTls];
        std::memcpy(joined, head.data(), size_t(head.size()));
        if (!payload.isEmpty()) // an empty view may have no data pointer at all
            std::memcpy(joined + head.size(), payload.data(), size_t(payload.size()));
        return write(joined, total);
    }
#ifdef Q_OS_WIN
    WSABUF parts[2] = {{ULONG(head.size()), const_cast<char *>(head.data())},
                       {ULONG(payload.size()), const_cast<char *>(payload.data())}};
    DWORD sent = 0;
    if (::WSASend(SOCKET(m_fd), parts, payload.isEmpty() ? 1 : 2, &sent, 0, nullptr, nullptr) != 0)
        return wouldBlock() ? 0 : Failed;
    return qint64(sent);
#else
    iovec parts[2] = {{const_cast<char *>(head.data()), size_t(head.size())},
                      {const_cast<char *>(payload.data()), size_t(payload.size())}};
    msghdr message {};
    message.msg_iov = parts;
    message.msg_iovlen = payload.isEmpty() ? 1 : 2;
    const qint64 sent = ::sendmsg(int(m_fd), &message, MSG_NOSIGNAL);
    if (sent < 0)
        return wouldBlock() ? 0 : Failed;
    return sent;
#endif
}

void Transport::shutdownWrite()
{
    if (!m_open)
        return;
    if (m_tls) {
        ERR_clear_error();
        SSL_shutdown(m_tls); // close_notify, best effort
        ERR_clear_error();
    }
#ifdef Q_OS_WIN
    ::shutdown(SOCKET(m_fd), SD_SEND);
#else
    ::shutdown(int(m_fd), SHUT_WR);
#endif
}

void Transport::close()
{
    if (!m_open)
        return;
    m_open = false;
    if (m_tls) {
        SSL_free(m_tls);
        m_tls = nullptr;
    }
    closeSocket(m_fd);
}

} // namespace cx::net
