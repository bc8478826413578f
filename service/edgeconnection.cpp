#include "edgeconnection.h"

#include "http/requesthead.h"
#include "websocket/frame.h"
#include "websocket/framecheck.h"
#include "websocket/handshake.h"

#include <QLoggingCategory>
#include <QTimer>
#include <QtEndian>

namespace cx::server {

Q_LOGGING_CATEGORY(lcConnection, "cx.edge.connection")

using namespace cx::websocket;

namespace {

constexpr int ClosingTimeoutMs = 3000; ///< how long a closing edge may take to answer
constexpr qsizetype ReadBudget = 1024 * 1024; ///< bytes one connection reads per pass

} // namespace

void ConnectionHandler::connectionUpgrading(EdgeConnection &connection, QByteArrayView)
{
    connection.refuse("404 Not Found");
}

void ConnectionHandler::connectionActive(EdgeConnection &) { }

void ConnectionHandler::connectionDrained(EdgeConnection &) { }

EdgeConnection::EdgeConnection(eventloop::EventPoller &poller, qintptr fd, ssl_st *tls,
                               qint64 maxMessageSize)
    : m_poller(poller)
    , m_transport(fd, tls)
    , m_maxMessageSize(maxMessageSize)
    , m_state(tls ? State::TlsHandshake : State::ReadingRequest)
{ }

EdgeConnection::~EdgeConnection() = default; // no callbacks; closing also leaves the epoll set

void EdgeConnection::turnAway(qintptr fd, bool tls)
{
    static constexpr char Busy[] = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                                   "Connection: close\r\n\r\n";
    net::Transport::turnAway(fd, tls, QByteArrayView(Busy, sizeof Busy - 1));
}

bool EdgeConnection::start(QString *error)
{
    return m_poller.add(m_transport.descriptor(), this, error);
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
    return m_transport.peerAddress().toString() + u':' + QString::number(m_transport.peerPort());
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
    if (writable || (readable && m_transport.writeWaitsForRead()))
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
    QString error;
    switch (m_transport.handshake(&error)) {
    case net::Transport::Handshake::Done:
        m_state = State::ReadingRequest;
        setWantWrite(!m_out.isEmpty());
        return;
    case net::Transport::Handshake::WantRead:
        setWantWrite(false);
        return;
    case net::Transport::Handshake::WantWrite:
        setWantWrite(true);
        return;
    case net::Transport::Handshake::Failed:
        qCDebug(lcConnection).noquote() << "TLS handshake with" << peer() << "failed:" << error;
        finish();
        return;
    }
}

void EdgeConnection::readAvailable()
{
    const std::span<char> buffer = m_poller.readBuffer();
    qsizetype budget = ReadBudget;
    while (m_state != State::Closed && !m_readPaused) {
        const qint64 got = m_transport.read(buffer.data(), qint64(buffer.size()));
        if (got == net::Transport::WouldBlock)
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
        const bool tlsHasMore = m_state != State::Closed && m_transport.hasBufferedInput();
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
    const qint64 total = head.size() + payload.size();
    if (m_transport.isTls() && total > net::Transport::MaxJoinedTls) {
        m_out.append(head);
        m_out.append(payload);
        flush();
        updateReadPause();
        return;
    }
    qint64 written = m_transport.write(head, payload);
    if (written == net::Transport::Failed) {
        m_closeCode = CloseAbnormal;
        finish();
        return;
    }
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

void EdgeConnection::flush()
{
    const qint64 before = m_out.size();
    while (!m_out.isEmpty()) {
        const qint64 sent = m_transport.write(m_out.constData(), m_out.size());
        if (sent == net::Transport::Failed) {
            m_closeCode = CloseAbnormal;
            finish();
            return;
        }
        if (sent == 0)
            break;
        m_out.remove(0, sent);
    }
    if (!m_out.isEmpty()) {
        setWantWrite(!m_transport.writeWaitsForRead());
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
    m_transport.shutdownWrite();
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
        m_poller.setInterest(m_transport.descriptor(), this, !m_readPaused, m_wantWrite);
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
    m_poller.remove(m_transport.descriptor());
    m_transport.close();
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
