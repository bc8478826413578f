#include "edgeconnection.h"

#include "http/requesthead.h"
#include "websocket/frame.h"
#include "websocket/framecheck.h"
#include "websocket/handshake.h"

#include <QLoggingCategory>
#include <QTimer>
#include <QtEndian>
#include <cerrno>
#include <cstring>
#include <openssl/err.h>
#include <openssl/ssl.h>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#endif

namespace cx::server {

Q_LOGGING_CATEGORY(lcConnection, "cx.edge.connection")

using namespace cx::websocket;

namespace {

constexpr int ClosingTimeoutMs = 3000; ///< how long a closing edge may take to answer
constexpr qsizetype ReadBudget = 1024 * 1024; ///< bytes one connection reads per pass
constexpr qsizetype SmallFrame = 16 * 1024; ///< frames up to this size leave in one write

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

void prepareSocket(qintptr fd)
{
#ifdef Q_OS_WIN
    u_long on = 1;
    ::ioctlsocket(SOCKET(fd), FIONBIO, &on);
    const char yes = 1;
    ::setsockopt(SOCKET(fd), IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
#else
    ::fcntl(int(fd), F_SETFL, ::fcntl(int(fd), F_GETFL) | O_NONBLOCK);
    const int yes = 1;
    ::setsockopt(int(fd), IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
#endif
}

} // namespace

void ConnectionHandler::connectionUpgrading(EdgeConnection &connection, QByteArrayView)
{
    connection.refuse("404 Not Found");
}

void ConnectionHandler::connectionActive(EdgeConnection &) { }

void ConnectionHandler::connectionDrained(EdgeConnection &) { }

EdgeConnection::EdgeConnection(EventPoller &poller, qintptr fd, ssl_st *tls, qint64 maxMessageSize)
    : m_poller(poller)
    , m_fd(fd)
    , m_tls(tls)
    , m_maxMessageSize(maxMessageSize)
    , m_state(tls ? State::TlsHandshake : State::ReadingRequest)
{
    sockaddr_storage address {};
    socklen_t length = sizeof address;
    if (::getpeername(int(fd), reinterpret_cast<sockaddr *>(&address), &length) == 0) {
        m_peerAddress.setAddress(reinterpret_cast<const sockaddr *>(&address));
        m_peerPort = address.ss_family == AF_INET6
            ? qFromBigEndian(reinterpret_cast<const sockaddr_in6 &>(address).sin6_port)
            : qFromBigEndian(reinterpret_cast<const sockaddr_in &>(address).sin_port);
    }
}

EdgeConnection::~EdgeConnection()
{
    // No callbacks from here. Closing the descriptor also takes it out of the epoll set.
    if (m_tls)
        SSL_free(m_tls);
    if (m_state != State::Closed)
        closeSocket(m_fd);
}

void EdgeConnection::turnAway(qintptr fd, bool tls)
{
    if (!tls) {
        static constexpr char Busy[] = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                                       "Connection: close\r\n\r\n";
#ifdef Q_OS_WIN
        u_long on = 1;
        ::ioctlsocket(SOCKET(fd), FIONBIO, &on);
        ::send(SOCKET(fd), Busy, int(sizeof Busy - 1), 0);
#else
        ::send(int(fd), Busy, sizeof Busy - 1, MSG_DONTWAIT | MSG_NOSIGNAL);
#endif
    }
    closeSocket(fd);
}

bool EdgeConnection::start(QString *error)
{
    prepareSocket(m_fd);
    return m_poller.add(m_fd, this, error);
}

void EdgeConnection::setBudget(qint64 highWater, qint64 lowWater, qint64 sendLimit)
{
    m_highWater = highWater;
    m_lowWater = qMin(lowWater, highWater);
    m_sendLimit = sendLimit;
    updateReadPause();
}

void EdgeConnection::setHeldBytes(qint64 bytes)
{
    m_heldBytes = bytes;
    updateReadPause();
}

QString EdgeConnection::peer() const
{
    return m_peerAddress.toString() + u':' + QString::number(m_peerPort);
}

// ---- reading ---------------------------------------------------------------------------

void EdgeConnection::pollEvents(bool readable, bool writable)
{
    if (m_state == State::Closed)
        return;
    if (m_state == State::TlsHandshake) {
        continueTlsHandshake();
        if (m_state == State::TlsHandshake || m_state == State::Closed)
            return;
        readable = true; // the handshake's last read may have brought application data
    }
    if (m_readPaused && readable) {
        // Reading is not watched: this is a hang-up or an error. Whatever is queued cannot
        // reach the edge any more.
        flush();
        abort();
        return;
    }
    if (writable || (readable && m_writeBlockedOnRead))
        flush();
    if (m_resumed && m_state != State::Closed) {
        m_resumed = false;
        if (m_out.isEmpty())
            setWantWrite(false);
        consumeKept();
        readable = !m_readPaused; // TLS may hold decrypted bytes the socket no longer shows
    }
    if (readable && m_state != State::Closed && !m_readPaused)
        readAvailable();
    reportActivity();
}

void EdgeConnection::continueTlsHandshake()
{
    ERR_clear_error();
    const int result = SSL_do_handshake(m_tls);
    if (result == 1) {
        m_state = State::ReadingRequest;
        setWantWrite(!m_out.isEmpty());
        return;
    }
    switch (SSL_get_error(m_tls, result)) {
    case SSL_ERROR_WANT_READ:
        setWantWrite(false);
        return;
    case SSL_ERROR_WANT_WRITE:
        setWantWrite(true);
        return;
    default:
        qCDebug(lcConnection).noquote() << "TLS handshake with" << peer()
                                        << "failed:" << ERR_reason_error_string(ERR_peek_error());
        ERR_clear_error();
        finish();
    }
}

qint64 EdgeConnection::readSome(char *data, qint64 size)
{
    if (!m_tls) {
#ifdef Q_OS_WIN
        const qint64 got = ::recv(SOCKET(m_fd), data, int(size), 0);
#else
        const qint64 got = ::recv(int(m_fd), data, size_t(size), 0);
#endif
        if (got < 0 && wouldBlock())
            return -2;
        return got; // 0: the edge closed; -1: error
    }
    ERR_clear_error();
    const int got = SSL_read(m_tls, data, int(size));
    if (got > 0)
        return got;
    switch (SSL_get_error(m_tls, got)) {
    case SSL_ERROR_WANT_READ:
        return -2;
    case SSL_ERROR_WANT_WRITE: // no renegotiation is allowed: cannot happen in practice
        setWantWrite(true);
        return -2;
    case SSL_ERROR_ZERO_RETURN:
        return 0;
    default:
        ERR_clear_error();
        return -1;
    }
}

void EdgeConnection::readAvailable()
{
    const std::span<char> buffer = m_poller.readBuffer();
    qsizetype budget = ReadBudget;
    while (m_state != State::Closed && !m_readPaused) {
        const qint64 got = readSome(buffer.data(), qint64(buffer.size()));
        if (got == -2)
            break;
        if (got <= 0) { // the edge closed, or the connection failed
            if (m_state != State::Closing)
                m_closeCode = CloseAbnormal;
            finish();
            return;
        }
        if (m_in.isEmpty()) {
            const qsizetype used = consume(buffer.data(), got);
            if (used < got && !m_discardInput && m_state != State::Closed)
                m_in = QByteArray(buffer.data() + used, got - used);
        } else {
            m_in.append(buffer.data(), got);
            const qsizetype used = consume(m_in.data(), m_in.size());
            m_in.remove(0, used); // cheap at the front (Qt 6 moves the start)
            if (m_in.isEmpty() || m_discardInput || m_state == State::Closed)
                m_in = QByteArray(); // an idle edge keeps no buffer
        }
        budget -= got;
        const bool tlsHasMore = m_tls && m_state != State::Closed && SSL_pending(m_tls) > 0;
        if (!tlsHasMore && (got < qint64(buffer.size()) || budget <= 0))
            break; // level-triggered: the poller calls again if the socket has more
    }
}

void EdgeConnection::consumeKept()
{
    if (m_in.isEmpty())
        return;
    const qsizetype used = consume(m_in.data(), m_in.size());
    if (m_state == State::Closed || m_discardInput || used >= m_in.size())
        m_in = QByteArray();
    else
        m_in.remove(0, used);
}

void EdgeConnection::reportActivity()
{
    if (!m_framesCompleted)
        return;
    m_framesCompleted = false;
    if (m_handler && m_state == State::Open)
        m_handler->connectionActive(*this);
}

qsizetype EdgeConnection::consume(char *data, qsizetype size)
{
    if (m_discardInput)
        return size;
    qsizetype pos = 0;
    if (m_state == State::ReadingRequest) {
        pos = consumeRequest(data, size);
        if (m_state != State::Open && m_state != State::Closing)
            return m_state == State::ReadingRequest ? pos : size;
    }
    while (pos < size && (m_state == State::Open || m_state == State::Closing) && !m_discardInput
           && !m_readPaused) {
        FrameHead head;
        const QByteArrayView rest(data + pos, size - pos);
        if (!parseFrameHead(rest, &head))
            return pos;
        if (!checkFrame(head))
            return size;
        if (quint64(rest.size() - head.size) < head.length)
            return pos;
        char *payload = data + pos + head.size;
        applyMask(payload, payload, qsizetype(head.length), head.key);
        pos += head.size + qsizetype(head.length);
        m_framesCompleted = true;
        onFrame(head.opcode, head.fin, std::span<char>(payload, size_t(head.length)));
    }
    return m_state == State::Closed || m_discardInput ? size : pos;
}

qsizetype EdgeConnection::consumeRequest(char *data, qsizetype size)
{
    const QByteArrayView bytes(data, size);
    const qsizetype length = http::headLength(bytes);
    if (length > MaxHandshakeHead || (length == 0 && size > MaxHandshakeHead)) {
        refuse("431 Request Header Fields Too Large"); // however the head arrived
        return size;
    }
    if (length == 0)
        return 0;
    const UpgradeRequest request = parseUpgradeRequest(bytes.first(length - 4));
    if (!request.refusal.isEmpty()) {
        qCDebug(lcConnection).noquote() << "refused upgrade from" << peer() << request.refusal;
        refuse(request.refusal);
        return size;
    }
    m_state = State::Upgrading;
    m_closeReason = QString::fromLatin1(request.key); // kept for accept(); cleared there
    m_credentials = request.credentials; // kept for a tunnel; cleared by accept()
    if (m_handler)
        m_handler->connectionUpgrading(*this, request.target);
    if (m_state == State::Upgrading)
        refuse("500 Internal Server Error"); // a handler that did not decide
    return length;
}

bool EdgeConnection::checkFrame(const FrameHead &head)
{
    const FrameViolation violation
        = checkFrameHead(head, Sender::Client, m_fragmentOpcode, quint64(m_fragments.size()),
                         quint64(m_maxMessageSize));
    if (violation)
        fail(violation.code, violation.reason);
    return !violation;
}

void EdgeConnection::onFrame(quint8 opcode, bool fin, std::span<char> payload)
{
    switch (opcode) {
    case Continuation: // checkFrame() let it through: a fragmented message is open
        m_fragments.append(payload.data(), qsizetype(payload.size()));
        if (fin) {
            const bool text = m_fragmentOpcode == Text;
            m_fragmentOpcode = 0;
            QByteArray message = std::exchange(m_fragments, QByteArray());
            deliver(std::span<char>(message.data(), size_t(message.size())), text);
        }
        return;
    case Text:
    case Binary:
        if (fin) {
            deliver(payload, opcode == Text);
        } else {
            m_fragmentOpcode = opcode;
            m_fragments = QByteArray(payload.data(), qsizetype(payload.size()));
        }
        return;
    case Close:
        onClose(payload);
        return;
    case Ping:
        if (m_state == State::Open)
            sendFrame(Pong, QByteArrayView(payload.data(), qsizetype(payload.size())));
        return;
    default: // Pong
        return;
    }
}

void EdgeConnection::deliver(std::span<char> message, bool text)
{
    if (m_state != State::Open || !m_handler)
        return;
    if (text && !isValidUtf8(QByteArrayView(message.data(), qsizetype(message.size())))) {
        fail(CloseInvalidPayload, "invalid UTF-8 in a text message");
        return;
    }
    m_handler->connectionMessage(*this, message, text);
}

void EdgeConnection::onClose(std::span<char> payload)
{
    const CloseFrame frame
        = parseCloseFrame(QByteArrayView(payload.data(), qsizetype(payload.size())));
    if (frame.violation) {
        fail(frame.violation.code, frame.violation.reason);
        return;
    }
    const quint16 code = frame.code;
    if (m_state == State::Open) { // the edge closes first: answer with its code
        m_closeCode = code;
        m_closeReason = QString::fromUtf8(frame.reason);
        uchar echo[2];
        qToBigEndian(code, echo);
        sendFrame(Close, code == CloseNoStatus ? QByteArrayView() : QByteArrayView(echo, 2));
        m_state = State::Closing;
        shutdownWhenFlushed();
    }
    // When cxserver closed first, this is the answer: the edge closes the TCP connection.
}

// ---- writing ---------------------------------------------------------------------------

void EdgeConnection::accept()
{
    if (m_state != State::Upgrading)
        return;
    UpgradeRequest request;
    request.key = m_closeReason.toLatin1();
    m_closeReason.clear();
    m_credentials = {};
    m_state = State::Open;
    const QByteArray response = upgradeResponse(request);
    write(response, {});
}

void EdgeConnection::refuse(QByteArrayView status)
{
    if (m_state != State::ReadingRequest && m_state != State::Upgrading)
        return;
    m_closeReason.clear();
    m_state = State::Closing;
    m_closeCode = CloseAbnormal;
    m_discardInput = true; // no WebSocket: whatever follows the head is not read
    write(refusalResponse(status), {});
    shutdownWhenFlushed();
}

void EdgeConnection::sendFrame(quint8 opcode, QByteArrayView payload)
{
    if (m_state != State::Open && !(opcode == Close && m_state == State::Closing))
        return;
    uchar head[MaxFrameHeadSize];
    const int headSize = writeFrameHead(head, opcode, quint64(payload.size()));
    write(QByteArrayView(head, headSize), payload);
}

void EdgeConnection::write(QByteArrayView head, QByteArrayView payload)
{
    if (m_state == State::Closed || m_writeShutdown)
        return;
    if (!m_out.isEmpty() || m_state == State::TlsHandshake) {
        m_out.append(head);
        m_out.append(payload);
        updateReadPause();
        return;
    }
    qint64 written = 0;
    const qint64 total = head.size() + payload.size();
    if (!m_tls) {
#ifdef Q_OS_WIN
        QByteArray joined = head.toByteArray() + payload.toByteArray();
        written = ::send(SOCKET(m_fd), joined.constData(), int(joined.size()), 0);
#else
        iovec parts[2] = {{const_cast<char *>(head.data()), size_t(head.size())},
                          {const_cast<char *>(payload.data()), size_t(payload.size())}};
        written = ::writev(int(m_fd), parts, payload.isEmpty() ? 1 : 2);
#endif
        if (written < 0 && !wouldBlock()) {
            m_closeCode = CloseAbnormal;
            finish();
            return;
        }
    } else if (total <= SmallFrame) {
        // One TLS record for head and payload.
        char joined[SmallFrame];
        std::memcpy(joined, head.data(), size_t(head.size()));
        if (!payload.isEmpty()) // an empty view may have no data pointer at all
            std::memcpy(joined + head.size(), payload.data(), size_t(payload.size()));
        written = writeSome(joined, total);
    } else {
        m_out.append(head);
        m_out.append(payload);
        flush();
        updateReadPause();
        return;
    }
    if (written < 0)
        written = 0;
    if (written < head.size()) {
        m_out.append(head.sliced(written));
        m_out.append(payload);
    } else if (written < total) {
        m_out.append(payload.sliced(written - head.size()));
    }
    if (!m_out.isEmpty()) {
        setWantWrite(true);
        updateReadPause();
    }
}

qint64 EdgeConnection::writeSome(const char *data, qint64 size)
{
    if (!m_tls) {
#ifdef Q_OS_WIN
        const qint64 sent = ::send(SOCKET(m_fd), data, int(size), 0);
#else
        const qint64 sent = ::send(int(m_fd), data, size_t(size), MSG_NOSIGNAL);
#endif
        if (sent < 0 && wouldBlock())
            return 0;
        return sent;
    }
    ERR_clear_error();
    m_writeBlockedOnRead = false;
    const int sent = SSL_write(m_tls, data, int(std::min<qint64>(size, 1 << 30)));
    if (sent > 0)
        return sent;
    switch (SSL_get_error(m_tls, sent)) {
    case SSL_ERROR_WANT_WRITE:
        return 0;
    case SSL_ERROR_WANT_READ:
        m_writeBlockedOnRead = true;
        return 0;
    default:
        ERR_clear_error();
        return -1;
    }
}

void EdgeConnection::flush()
{
    const qint64 before = m_out.size();
    while (!m_out.isEmpty()) {
        const qint64 sent = writeSome(m_out.constData(), m_out.size());
        if (sent < 0) {
            m_closeCode = CloseAbnormal;
            finish();
            return;
        }
        if (sent == 0)
            break;
        m_out.remove(0, sent);
    }
    if (!m_out.isEmpty()) {
        setWantWrite(!m_writeBlockedOnRead);
    } else {
        m_out = QByteArray(); // frees the buffer
        setWantWrite(m_resumed); // a resumed connection is called back once to parse m_in
        if (m_writeShutdown)
            shutdownWrite();
    }
    updateReadPause();
    if (before > m_lowWater && m_out.size() <= m_lowWater && m_handler && m_state != State::Closed)
        m_handler->connectionDrained(*this);
}

void EdgeConnection::shutdownWrite()
{
    if (m_shutDown || m_state == State::Closed)
        return;
    m_shutDown = true;
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

void EdgeConnection::setWantWrite(bool want)
{
    if (want == m_wantWrite || m_state == State::Closed)
        return;
    m_wantWrite = want;
    updateInterest();
}

void EdgeConnection::updateInterest()
{
    if (m_state != State::Closed)
        m_poller.setInterest(m_fd, this, !m_readPaused, m_wantWrite);
}

void EdgeConnection::updateReadPause()
{
    if (m_state == State::Closed)
        return;
    if (m_out.size() > m_sendLimit) {
        // An edge that does not read cannot make cxserver grow without bound.
        m_overflowed = true;
        m_closeReason = QStringLiteral("does not read (%1 bytes unsent)").arg(m_out.size());
        m_closeCode = CloseAbnormal;
        finish();
        return;
    }
    const qint64 held = m_out.size() + m_heldBytes;
    if (!m_readPaused && held > m_highWater) {
        m_readPaused = true;
        updateInterest();
    } else if (m_readPaused && held <= m_lowWater) {
        // Reading resumes on the next pass: writability calls back at once, and the bytes
        // kept in m_in (and any OpenSSL holds) are parsed there, outside the caller's stack.
        m_readPaused = false;
        m_resumed = true;
        m_wantWrite = true;
        updateInterest();
    }
}

// ---- closing ---------------------------------------------------------------------------

void EdgeConnection::close(quint16 code, QByteArrayView reason)
{
    if (m_state == State::Closing || m_state == State::Closed)
        return;
    if (m_state != State::Open) { // no WebSocket yet: nothing to say
        abort();
        return;
    }
    m_closeCode = code;
    m_closeReason = QString::fromUtf8(reason);
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian(code, payload.data());
    payload.append(reason.first(std::min<qsizetype>(reason.size(), MaxControlPayload - 2)));
    m_state = State::Closing;
    sendFrame(Close, payload);
    shutdownWhenFlushed();
}

void EdgeConnection::fail(quint16 code, QByteArrayView reason)
{
    m_discardInput = true; // the caller may be parsing m_in: readAvailable() drops it
    m_fragments = QByteArray();
    m_fragmentOpcode = 0;
    close(code, reason);
}

void EdgeConnection::shutdownWhenFlushed()
{
    m_writeShutdown = true;
    if (m_out.isEmpty())
        shutdownWrite();
    if (!m_closeTimer && m_state != State::Closed) {
        m_closeTimer = std::make_unique<QTimer>();
        m_closeTimer->setSingleShot(true);
        QObject::connect(m_closeTimer.get(), &QTimer::timeout, m_closeTimer.get(),
                         [this] { finish(); });
        m_closeTimer->start(ClosingTimeoutMs);
    }
}

void EdgeConnection::abort()
{
    if (m_state == State::Closed)
        return;
    if (m_state != State::Closing)
        m_closeCode = CloseAbnormal;
    finish();
}

void EdgeConnection::finish()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_poller.remove(m_fd);
    if (m_tls) {
        SSL_free(m_tls);
        m_tls = nullptr;
    }
    closeSocket(m_fd);
    m_out = QByteArray(); // m_in may be in use up the stack: readAvailable() frees it
    m_fragments = QByteArray();
    if (m_closeTimer) {
        m_closeTimer->stop(); // no finish() from it once this connection may be deleted
        m_closeTimer.release()->deleteLater(); // may be the one emitting now
    }
    if (m_handler)
        m_handler->connectionClosed(*this);
}

} // namespace cx::server
