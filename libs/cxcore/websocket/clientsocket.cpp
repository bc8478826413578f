#include "websocket/clientsocket.h"

#include "websocket/framecheck.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace cx::websocket {

namespace {

constexpr qsizetype CompactAbove = 64 * 1024; ///< parsed bytes kept before the buffer moves
constexpr qsizetype ShrinkAbove = 256 * 1024; ///< a larger emptied read buffer is freed

} // namespace

ClientSocket::ClientSocket(ClientSocketHandler &handler, QObject *parent)
    : QObject(parent)
    , m_handler(handler)
{ }

ClientSocket::~ClientSocket()
{
    if (m_socket) { // no handler call from the socket's own end
        QObject::disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
}

void ClientSocket::setSslConfiguration(const QSslConfiguration &configuration)
{
    m_ssl = configuration;
    m_hasSsl = true;
}

void ClientSocket::open(const QUrl &url, const HttpHeaders &headers)
{
    dropSocket();
    ++m_generation;
    m_state = State::Connecting;
    m_closeCode = CloseAbnormal;
    m_closeSent = false;
    m_error.clear();
    m_in.resize(0);
    m_inStart = 0;
    m_fragments.clear();
    m_fragmentsSize = 0;
    m_fragmentOpcode = 0;

    const bool secure = url.scheme() == u"wss"_s;
    const quint16 port = quint16(url.port(secure ? 443 : 80));
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']'; // an IPv6 address
    m_key = newClientKey();
    // Empty when a header is invalid: sendUpgrade() fails the connection then.
    host += ':' + QByteArray::number(port);
    m_request = upgradeRequest(target, host, m_key, headers);

    if (secure) {
        auto *socket = new QSslSocket(this);
        if (m_hasSsl)
            socket->setSslConfiguration(m_ssl);
        connect(socket, &QSslSocket::encrypted, this, &ClientSocket::sendUpgrade);
        connect(socket, &QSslSocket::sslErrors, this,
                [this](const QList<QSslError> &errors) { m_handler.socketSslErrors(errors); });
        m_socket = socket;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QAbstractSocket::connected, this, &ClientSocket::sendUpgrade);
    }
    if (m_readPaused)
        m_socket->setReadBufferSize(PausedReadBuffer);
    connect(m_socket, &QIODevice::readyRead, this, &ClientSocket::onReadyRead);
    connect(m_socket, &QAbstractSocket::disconnected, this, &ClientSocket::onDisconnected);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &ClientSocket::onSocketError);
    if (m_notifyBytesWritten)
        connect(m_socket, &QIODevice::bytesWritten, this,
                [this] { m_handler.socketBytesWritten(); });
    if (secure)
        static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(url.host(), port);
    else
        m_socket->connectToHost(url.host(), port);
}

void ClientSocket::sendUpgrade()
{
    if (m_request.isEmpty()) {
        fail(0, u"invalid HTTP header for the upgrade request"_s);
        return;
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_state = State::Upgrading;
    m_socket->write(m_request);
    m_request.clear();
}

void ClientSocket::onReadyRead()
{
    if (m_reading) {
        // Re-entered: QSslSocket emits readyRead from inside flush() too (sendClose(), from
        // close() in a handler), one signal per 4 KiB it decrypts. Reading here would move
        // the buffer the handler's message lives in and call the handler inside itself:
        // the outer call reads these bytes once the handler has returned.
        m_readAgain = true;
        return;
    }
    m_reading = true;
    do {
        m_readAgain = false;
        readAvailable();
    } while (m_readAgain && m_socket); // the handler may have aborted (no socket then)
    m_reading = false;
}

void ClientSocket::readAvailable()
{
    if (m_readPaused)
        return; // the socket keeps the bytes (its read buffer is bounded meanwhile)
    const qint64 available = m_socket->bytesAvailable();
    if (available > 0) {
        const qsizetype old = m_in.size();
        m_in.resize(old + available);
        const qint64 got = m_socket->read(m_in.data() + old, available);
        m_in.resize(old + std::max<qint64>(got, 0));
    } else if (m_inStart == m_in.size()) {
        return; // nothing new and nothing kept from a pause
    }

    if (m_state != State::Upgrading || readUpgradeResponse())
        readFrames();

    // The handler may have opened again or aborted meanwhile: only the buffer is touched.
    if (m_inStart == m_in.size()) {
        if (m_in.capacity() > ShrinkAbove)
            m_in = QByteArray(); // after a large message: do not keep its memory
        else
            m_in.resize(0); // keeps the capacity
        m_inStart = 0;
    } else if (m_inStart > CompactAbove) {
        m_in.remove(0, m_inStart);
        m_inStart = 0;
    }
}

void ClientSocket::setReadingPaused(bool paused)
{
    if (paused == m_readPaused)
        return;
    m_readPaused = paused;
    if (m_socket) // 0 = unbounded; Qt stops reading from the kernel at the bound
        m_socket->setReadBufferSize(paused ? PausedReadBuffer : 0);
    if (!paused) // what waits is delivered from the event loop, never inside the caller
        QMetaObject::invokeMethod(
            this,
            [this, generation = m_generation] {
                if (generation == m_generation && m_socket && !m_readPaused)
                    onReadyRead();
            },
            Qt::QueuedConnection);
}

bool ClientSocket::readUpgradeResponse()
{
    const qsizetype end = m_in.indexOf("\r\n\r\n", m_inStart);
    if (end < 0) {
        if (m_in.size() - m_inStart > MaxHandshakeHead)
            fail(0, u"upgrade response too long"_s);
        return false;
    }
    const QString refusal
        = checkUpgradeResponse(QByteArrayView(m_in).sliced(m_inStart, end - m_inStart), m_key);
    m_inStart = end + 4; // frames may follow in the same read
    if (!refusal.isEmpty()) {
        fail(0, refusal);
        return false;
    }
    m_key.clear();
    m_state = State::Open;
    m_handler.socketOpened();
    return true;
}

void ClientSocket::readFrames()
{
    // The state is checked again after each frame: the handler may close, abort or open.
    while ((m_state == State::Open || m_state == State::Closing) && !m_readPaused) {
        const QByteArrayView unread = QByteArrayView(m_in).sliced(m_inStart);
        FrameHead head;
        if (!parseFrameHead(unread, &head) || !checkHead(head))
            return;
        if (quint64(unread.size() - head.size) < head.length)
            return; // the payload is not all there yet
        char *payload = m_in.data() + m_inStart + head.size;
        m_inStart += head.size + qsizetype(head.length);
        onFrame(head.opcode, head.fin, std::span<char>(payload, size_t(head.length)));
    }
}

bool ClientSocket::checkHead(const FrameHead &head)
{
    // Checked as soon as the head is there, before its payload arrives.
    const FrameViolation violation
        = checkFrameHead(head, Sender::Server, m_fragmentOpcode, quint64(m_fragmentsSize),
                         quint64(m_maxMessageSize));
    if (!violation)
        return true;
    fail(violation.code,
         violation.code == CloseTooBig ? u"message larger than %1 bytes"_s.arg(m_maxMessageSize)
                                       : QString::fromLatin1(violation.reason));
    return false;
}

void ClientSocket::onFrame(quint8 opcode, bool fin, std::span<char> payload)
{
    switch (opcode) {
    case Text:
    case Binary:
        if (fin) {
            deliver(opcode, payload); // in place: no copy
            return;
        }
        m_fragmentOpcode = opcode;
        m_fragmentsSize = qint64(payload.size());
        if (opcode == Binary || m_textMessages)
            m_fragments = QByteArray(payload.data(), qsizetype(payload.size()));
        return;
    case Continuation: {
        m_fragmentsSize += qint64(payload.size());
        if (m_fragmentOpcode == Binary || m_textMessages)
            m_fragments.append(payload.data(), qsizetype(payload.size()));
        if (!fin)
            return;
        const quint8 messageOpcode = m_fragmentOpcode;
        QByteArray message = std::move(m_fragments); // freed after the call
        m_fragments = QByteArray();
        m_fragmentsSize = 0;
        m_fragmentOpcode = 0;
        deliver(messageOpcode, std::span<char>(message.data(), size_t(message.size())));
        return;
    }
    case Ping:
        if (m_state == State::Open)
            sendFrame(Pong, QByteArrayView(payload.data(), qsizetype(payload.size())));
        return;
    case Pong:
        m_handler.socketPong();
        return;
    case Close:
        onClose(QByteArrayView(payload.data(), qsizetype(payload.size())));
        return;
    default:
        return; // checkHead() let no other opcode through
    }
}

void ClientSocket::deliver(quint8 opcode, std::span<char> message)
{
    if (opcode == Binary) {
        m_handler.socketMessage(message);
    } else if (m_textMessages) {
        if (isValidUtf8(QByteArrayView(message.data(), qsizetype(message.size()))))
            m_handler.socketTextMessage(message);
        else
            fail(CloseInvalidPayload, u"text message that is not UTF-8"_s);
    }
}

void ClientSocket::onClose(QByteArrayView payload)
{
    const CloseFrame frame = parseCloseFrame(payload);
    if (frame.violation) {
        fail(frame.violation.code, QString::fromLatin1(frame.violation.reason));
        return;
    }
    const quint16 code = frame.code;
    if (!frame.reason.isEmpty())
        m_error = QString::fromUtf8(frame.reason); // the server's reason
    m_closeCode = code;
    QObject::disconnect(m_socket, nullptr, this, nullptr);
    if (!m_closeSent) // echo the code (RFC 6455 §5.5.1); none when the server sent none
        sendClose(code == CloseNoStatus ? 0 : code);
    // The client may close TCP once both close frames went (RFC 6455 §7.1.1); the socket
    // writes what it holds first.
    m_socket->disconnectFromHost();
    finish();
}

void ClientSocket::send(QByteArrayView message)
{
    if (m_state == State::Open)
        sendFrame(Binary, message);
}

void ClientSocket::sendText(QByteArrayView utf8)
{
    if (m_state == State::Open)
        sendFrame(Text, utf8);
}

void ClientSocket::ping(QByteArrayView payload)
{
    if (m_state == State::Open)
        sendFrame(Ping, payload.first(std::min<qsizetype>(payload.size(), MaxControlPayload)));
}

void ClientSocket::sendFrame(quint8 opcode, QByteArrayView payload)
{
    const QByteArrayView frame = m_framer.frame(opcode, payload);
    m_socket->write(frame.data(), frame.size()); // one write per frame
}

void ClientSocket::sendClose(quint16 code)
{
    uchar payload[2];
    qToBigEndian(code, payload);
    sendFrame(Close, code == 0 ? QByteArrayView() : QByteArrayView(payload, 2));
    m_closeSent = true;
    m_socket->flush(); // to the kernel now: the socket may be deleted before its next pass
}

void ClientSocket::close(quint16 code)
{
    switch (m_state) {
    case State::Open:
        sendClose(code);
        if (m_state != State::Open)
            return; // flush() reached the handler, which dropped or reopened the socket
        m_state = State::Closing;
        QTimer::singleShot(CloseTimeoutMs, this, [this, generation = m_generation] {
            if (generation == m_generation && m_state == State::Closing)
                fail(0, u"no answer to the close frame within %1 ms"_s.arg(CloseTimeoutMs));
        });
        return;
    case State::Connecting:
    case State::Upgrading:
        QObject::disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
        finish();
        return;
    case State::Idle:
    case State::Closing:
    case State::Closed:
        return;
    }
}

void ClientSocket::abort()
{
    if (m_state != State::Idle)
        m_state = State::Closed;
    dropSocket();
}

void ClientSocket::ignoreSslErrors()
{
    if (auto *socket = qobject_cast<QSslSocket *>(m_socket))
        socket->ignoreSslErrors();
}

qint64 ClientSocket::bytesToWrite() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void ClientSocket::onSocketError()
{
    if (m_state == State::Closing && m_socket->error() == QAbstractSocket::RemoteHostClosedError)
        finish(); // the server closed TCP during our close handshake: not an error
    else
        fail(0, m_socket->errorString());
}

void ClientSocket::onDisconnected()
{
    if (m_state == State::Closing)
        finish();
    else
        fail(0, u"the connection closed"_s);
}

void ClientSocket::fail(quint16 code, const QString &error)
{
    if (m_state == State::Idle || m_state == State::Closed)
        return;
    if (m_error.isEmpty())
        m_error = error;
    // No more calls from this connection: closing it may emit signals at once.
    QObject::disconnect(m_socket, nullptr, this, nullptr);
    if (code != 0 && (m_state == State::Open || m_state == State::Closing)) {
        // Say why (RFC 6455 §7.1.7), then close once the close frame is written.
        m_closeCode = code;
        if (!m_closeSent)
            sendClose(code);
        m_socket->disconnectFromHost();
    } else {
        m_socket->abort();
    }
    finish();
}

void ClientSocket::finish()
{
    if (m_state == State::Idle || m_state == State::Closed)
        return;
    m_state = State::Closed;
    if (m_socket)
        QObject::disconnect(m_socket, nullptr, this, nullptr);
    m_handler.socketClosed();
}

void ClientSocket::dropSocket()
{
    if (!m_socket)
        return;
    QObject::disconnect(m_socket, nullptr, this, nullptr);
    m_socket->abort();
    m_socket->deleteLater(); // we may be inside one of its signals
    m_socket = nullptr;
}

} // namespace cx::websocket
