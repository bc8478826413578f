#include "clientsocket.h"

#include "framecheck.h"
#include "net/clienttlscontext.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QUrl>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace cx::websocket {

namespace {

constexpr qsizetype ReadBudget = 1024 * 1024; ///< bytes one pipe reads per poller pass

} // namespace

ClientSocket::ClientSocket(eventloop::EventPoller &poller, ClientSocketHandler &handler,
                           QObject *parent)
    : QObject(parent)
    , m_poller(poller)
    , m_handler(handler)
{
    m_closeTimer.setSingleShot(true);
    connect(&m_closeTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Closing)
            fail(0, u"no answer to the close frame within %1 ms"_s.arg(CloseTimeoutMs));
    });
}

ClientSocket::~ClientSocket()
{
    // No handler call, and no call into the poller, which its owner may have deleted first
    // (a worker deletes its children in any order): closing the descriptor is enough to
    // take it out of the epoll set.
    m_transport.reset();
}

void ClientSocket::setTls(std::shared_ptr<const net::ClientTlsContext> tls, bool validateHostName)
{
    m_tls = std::move(tls);
    m_validateHostName = validateHostName;
}

// ---- connecting ----------------------------------------------------------------------------

void ClientSocket::open(const QUrl &url, const HttpHeaders &headers)
{
    drop();
    ++m_generation;
    m_closeCode = CloseAbnormal;
    m_closeSent = false;
    m_error.clear();
    m_secure = url.scheme() == u"wss"_s;
    m_host = url.host();
    m_port = quint16(url.port(m_secure ? 443 : 80));
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']'; // an IPv6 address
    m_key = newClientKey();
    host += ':' + QByteArray::number(m_port);
    m_request = upgradeRequest(target, host, m_key, headers);

    const QHostAddress address(m_host);
    if (!address.isNull()) {
        connectTo(address);
        return;
    }
    m_state = State::Resolving;
    QHostInfo::lookupHost(m_host, this, [this, generation = m_generation](const QHostInfo &info) {
        if (generation != m_generation || m_state != State::Resolving)
            return;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            fail(0, info.errorString());
            return;
        }
        connectTo(info.addresses().constFirst());
    });
}

void ClientSocket::connectTo(const QHostAddress &address)
{
    m_state = State::Connecting;
    QString error;
    const qintptr fd = net::Transport::startConnect(address, m_port, &error);
    if (fd < 0) {
        // Reported from the event loop, as a failed connection always is.
        QTimer::singleShot(0, this, [this, error, generation = m_generation] {
            if (generation == m_generation && m_state == State::Connecting)
                fail(0, error);
        });
        return;
    }
    ssl_st *session = nullptr;
    if (m_secure) {
        session = m_tls ? m_tls->newSession(fd, m_host, m_validateHostName) : nullptr;
        if (!session) {
            net::Transport(fd, nullptr).close();
            QTimer::singleShot(0, this, [this, generation = m_generation] {
                if (generation == m_generation && m_state == State::Connecting)
                    fail(0, u"TLS refused: no TLS context for the trust store"_s);
            });
            return;
        }
    }
    m_transport = std::make_unique<net::Transport>(fd, session);
    if (!m_poller.add(fd, this, &error)) {
        m_transport.reset();
        QTimer::singleShot(0, this, [this, error, generation = m_generation] {
            if (generation == m_generation && m_state == State::Connecting)
                fail(0, error);
        });
        return;
    }
    m_wantWrite = true; // the connection is made when the socket turns writable
    updateInterest();
}

void ClientSocket::pollEvents(bool readable, bool writable)
{
    switch (m_state) {
    case State::Connecting:
        if (const QString error = net::Transport::connectError(m_transport->descriptor());
            !error.isEmpty()) {
            fail(0, error);
            return;
        }
        if (!readable && !writable)
            return;
        if (m_transport->isTls()) {
            m_state = State::TlsHandshake;
            continueTlsHandshake();
        } else {
            sendUpgrade();
        }
        return;
    case State::TlsHandshake:
        continueTlsHandshake();
        return;
    case State::Upgrading:
    case State::Open:
    case State::Closing:
        if (readable && m_readPaused) {
            // Reading is not watched: this is a hang-up or an error.
            fail(0, u"the connection closed"_s);
            return;
        }
        if (writable || (readable && m_transport->writeWaitsForRead()))
            flush();
        if (readable && m_transport && m_transport->isOpen())
            readAvailable();
        return;
    case State::Idle:
    case State::Resolving:
    case State::Closed:
        return; // events of a connection already dropped in this pass
    }
}

void ClientSocket::continueTlsHandshake()
{
    QString error;
    switch (m_transport->handshake(&error)) {
    case net::Transport::Handshake::Done:
        sendUpgrade();
        return;
    case net::Transport::Handshake::WantRead:
        m_wantWrite = false;
        updateInterest();
        return;
    case net::Transport::Handshake::WantWrite:
        m_wantWrite = true;
        updateInterest();
        return;
    case net::Transport::Handshake::Failed:
        fail(0, u"TLS refused: "_s + error);
        return;
    }
}

void ClientSocket::sendUpgrade()
{
    if (m_request.isEmpty()) {
        fail(0, u"invalid HTTP header for the upgrade request"_s);
        return;
    }
    m_state = State::Upgrading;
    m_wantWrite = false;
    write(std::exchange(m_request, QByteArray()));
    updateInterest();
}

// ---- reading -------------------------------------------------------------------------------

void ClientSocket::readAvailable()
{
    const std::span<char> buffer = m_poller.readBuffer();
    const quint32 generation = m_generation;
    qsizetype budget = ReadBudget;
    while (generation == m_generation && m_transport && m_state >= State::Upgrading
           && m_state <= State::Closing && !m_readPaused) {
        const qint64 got = m_transport->read(buffer.data(), qint64(buffer.size()));
        if (got == net::Transport::WouldBlock)
            break;
        if (got == net::Transport::Closed || got == net::Transport::Failed) {
            if (m_state == State::Closing)
                finish(); // the server closed TCP after our close frame: not an error
            else
                fail(0, u"the connection closed"_s);
            return;
        }
        if (m_in.isEmpty()) {
            const qsizetype used = consume(buffer.data(), got);
            if (generation == m_generation && m_state >= State::Upgrading
                && m_state <= State::Closing && used < got)
                m_in = QByteArray(buffer.data() + used, got - used);
        } else {
            QByteArray data = std::exchange(m_in, QByteArray()); // the handler may drop()
            data.append(buffer.data(), got);
            const qsizetype used = consume(data.data(), data.size());
            if (generation == m_generation && m_state >= State::Upgrading
                && m_state <= State::Closing && used < data.size())
                m_in = data.sliced(used);
        }
        budget -= got;
        if (!(m_transport && m_transport->hasBufferedInput())
            && (got < qint64(buffer.size()) || budget <= 0))
            break; // level-triggered: the poller calls again if the socket has more
    }
}

void ClientSocket::setReadingPaused(bool paused)
{
    if (paused == m_readPaused)
        return;
    m_readPaused = paused;
    updateInterest();
    if (!paused) // what waits is delivered from the event loop, never inside the caller
        QTimer::singleShot(0, this, [this, generation = m_generation] {
            if (generation == m_generation && !m_readPaused)
                resumeReading();
        });
}

void ClientSocket::resumeReading()
{
    if (!m_transport || m_state < State::Upgrading || m_state > State::Closing)
        return;
    const quint32 generation = m_generation;
    if (!m_in.isEmpty()) {
        QByteArray data = std::exchange(m_in, QByteArray()); // the handler may drop()
        const qsizetype used = consume(data.data(), data.size());
        if (generation == m_generation && m_state >= State::Upgrading && m_state <= State::Closing
            && used < data.size())
            m_in = data.sliced(used);
    }
    // TLS may hold decrypted bytes the socket no longer shows as readable.
    if (generation == m_generation && !m_readPaused && m_transport
        && m_transport->hasBufferedInput())
        readAvailable();
}

qsizetype ClientSocket::consume(char *data, qsizetype size)
{
    const quint32 generation = m_generation;
    qsizetype pos = 0;
    if (m_state == State::Upgrading) {
        if (!readUpgradeResponse(QByteArrayView(data, size), &pos))
            return m_state == State::Upgrading ? pos : size;
    }
    // The state is checked again after each frame: the handler may close, abort or open.
    while (pos < size && generation == m_generation && !m_readPaused
           && (m_state == State::Open || m_state == State::Closing)) {
        FrameHead head;
        const QByteArrayView rest(data + pos, size - pos);
        if (!parseFrameHead(rest, &head))
            return pos;
        const FrameViolation violation
            = checkFrameHead(head, Sender::Server, m_fragmentOpcode, quint64(m_fragments.size()),
                             quint64(m_maxMessageSize));
        if (violation) {
            fail(violation.code,
                 violation.code == CloseTooBig
                     ? u"message larger than %1 bytes"_s.arg(m_maxMessageSize)
                     : QString::fromLatin1(violation.reason));
            return size;
        }
        if (quint64(rest.size() - head.size) < head.length)
            return pos; // the payload is not all there yet
        char *payload = data + pos + head.size;
        pos += head.size + qsizetype(head.length);
        onFrame(head.opcode, head.fin, std::span<char>(payload, size_t(head.length)));
    }
    return pos;
}

bool ClientSocket::readUpgradeResponse(QByteArrayView bytes, qsizetype *used)
{
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0) {
        if (bytes.size() > MaxHandshakeHead)
            fail(0, u"upgrade response too long"_s);
        *used = 0;
        return false;
    }
    const QString refusal = checkUpgradeResponse(bytes.first(end), m_key);
    *used = end + 4; // frames may follow in the same read
    if (!refusal.isEmpty()) {
        fail(0, refusal);
        return false;
    }
    m_key.clear();
    m_state = State::Open;
    const quint32 generation = m_generation;
    m_handler.socketOpened();
    return generation == m_generation && m_state == State::Open;
}

void ClientSocket::onFrame(quint8 opcode, bool fin, std::span<char> payload)
{
    switch (opcode) {
    case Binary:
    case Text:
        if (fin) {
            deliver(opcode, payload); // in place: no copy
            return;
        }
        m_fragmentOpcode = opcode;
        m_fragments = QByteArray(payload.data(), qsizetype(payload.size()));
        return;
    case Continuation: {
        m_fragments.append(payload.data(), qsizetype(payload.size()));
        if (!fin)
            return;
        const quint8 messageOpcode = std::exchange(m_fragmentOpcode, quint8(0));
        QByteArray message = std::exchange(m_fragments, QByteArray()); // freed after the call
        deliver(messageOpcode, std::span<char>(message.data(), size_t(message.size())));
        return;
    }
    case Ping:
        // Answered only while nothing waits for the kernel (RFC 6455 §5.5.3 lets an endpoint
        // skip pongs): a server that pings and never reads cannot make pongs pile up here.
        if (m_state == State::Open && m_out.isEmpty())
            sendFrame(Pong, QByteArrayView(payload.data(), qsizetype(payload.size())));
        return;
    case Pong:
        m_handler.socketPong();
        return;
    case Close:
        onClose(QByteArrayView(payload.data(), qsizetype(payload.size())));
        return;
    default:
        return; // checkFrameHead() let no other opcode through
    }
}

void ClientSocket::deliver(quint8 opcode, std::span<char> message)
{
    if (opcode == Binary) {
        m_handler.socketMessage(message);
    } else if (!isValidUtf8(QByteArrayView(message.data(), qsizetype(message.size())))) {
        fail(CloseInvalidPayload, u"text message that is not UTF-8"_s);
    } else if (m_textMessages) {
        m_handler.socketTextMessage(message);
    }
}

void ClientSocket::onClose(QByteArrayView payload)
{
    const CloseFrame frame = parseCloseFrame(payload);
    if (frame.violation) {
        fail(frame.violation.code, QString::fromLatin1(frame.violation.reason));
        return;
    }
    m_closeCode = frame.code;
    if (!frame.reason.isEmpty())
        m_error = QString::fromUtf8(frame.reason); // the server's reason
    if (!m_closeSent) { // echo the code (RFC 6455 §5.5.1); none when the server sent none
        uchar code[2];
        qToBigEndian(frame.code, code);
        sendFrame(Close, frame.code == CloseNoStatus ? QByteArrayView() : QByteArrayView(code, 2));
    }
    finish(); // both close frames went: the client may close TCP (RFC 6455 §7.1.1)
}

// ---- writing -------------------------------------------------------------------------------

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

void ClientSocket::ping()
{
    if (m_state == State::Open)
        sendFrame(Ping, {});
}

void ClientSocket::sendFrame(quint8 opcode, QByteArrayView payload)
{
    if (opcode == Close)
        m_closeSent = true;
    write(m_framer.frame(opcode, payload));
}

void ClientSocket::write(QByteArrayView bytes)
{
    if (!m_transport || !m_transport->isOpen())
        return;
    if (m_out.isEmpty() && m_poller.inPass() && m_corked.size() + bytes.size() <= CorkBytes) {
        if (!m_atPassEnd) {
            m_atPassEnd = true;
            m_poller.callAtPassEnd(this);
        }
        m_corked.append(bytes);
        return;
    }
    writeCorked();
    writeNow(bytes);
}

void ClientSocket::passEnded()
{
    m_atPassEnd = false;
    writeCorked();
    // A small buffer stays for the next pass; one that grew is given back.
    if (m_corked.capacity() > 4096)
        m_corked = QByteArray();
}

void ClientSocket::writeCorked()
{
    if (m_corked.isEmpty())
        return;
    if (m_transport && m_transport->isOpen())
        writeNow(m_corked);
    m_corked.resize(0); // keeps the buffer
}

void ClientSocket::writeNow(QByteArrayView bytes)
{
    if (!m_out.isEmpty()) {
        m_out.append(bytes); // behind what the kernel refused already
        return;
    }
    const qint64 written = m_transport->write(bytes.data(), bytes.size());
    if (written == net::Transport::Failed) {
        // Reported from the poller: the socket reads as hung up. Never from inside send().
        m_out.append(bytes);
        m_wantWrite = true;
        updateInterest();
        return;
    }
    if (written < bytes.size()) {
        m_out.append(bytes.sliced(written));
        m_wantWrite = !m_transport->writeWaitsForRead();
        updateInterest();
    }
}

void ClientSocket::flush()
{
    if (m_out.isEmpty()) {
        if (m_wantWrite) {
            m_wantWrite = false;
            updateInterest();
        }
        return;
    }
    const qint64 sent = m_transport->write(m_out.constData(), m_out.size());
    if (sent == net::Transport::Failed) {
        fail(0, u"the connection closed"_s);
        return;
    }
    m_out.remove(0, sent);
    if (m_out.isEmpty())
        m_out = QByteArray(); // frees the buffer
    const bool want = !m_out.isEmpty() && !m_transport->writeWaitsForRead();
    if (want != m_wantWrite) {
        m_wantWrite = want;
        updateInterest();
    }
    if (sent > 0 && m_state == State::Open)
        m_handler.socketBytesWritten();
}

void ClientSocket::updateInterest()
{
    if (m_transport && m_transport->isOpen())
        m_poller.setInterest(m_transport->descriptor(), this,
                             m_state != State::Connecting && !m_readPaused, m_wantWrite);
}

// ---- closing -------------------------------------------------------------------------------

void ClientSocket::close(quint16 code)
{
    switch (m_state) {
    case State::Open: {
        uchar payload[2];
        qToBigEndian(code, payload);
        sendFrame(Close, QByteArrayView(payload, 2));
        m_state = State::Closing;
        m_closeTimer.start(CloseTimeoutMs);
        return;
    }
    case State::Resolving:
    case State::Connecting:
    case State::TlsHandshake:
    case State::Upgrading:
        drop();
        m_state = State::Closed;
        m_handler.socketClosed();
        return;
    case State::Idle:
    case State::Closing:
    case State::Closed:
        return;
    }
}

void ClientSocket::abort()
{
    drop();
}

void ClientSocket::fail(quint16 code, const QString &error)
{
    if (m_state == State::Idle || m_state == State::Closed)
        return;
    if (m_error.isEmpty())
        m_error = error;
    if (code != 0 && (m_state == State::Open || m_state == State::Closing)) {
        m_closeCode = code; // say why (RFC 6455 §7.1.7), best effort
        if (!m_closeSent) {
            uchar payload[2];
            qToBigEndian(code, payload);
            sendFrame(Close, QByteArrayView(payload, 2));
        }
    }
    finish();
}

void ClientSocket::finish()
{
    if (m_state == State::Idle || m_state == State::Closed)
        return;
    writeCorked(); // what this pass gathered, with the close frame, goes before the FIN
    if (m_transport && m_transport->isOpen() && m_out.isEmpty())
        m_transport->shutdownWrite();
    drop();
    m_state = State::Closed;
    m_handler.socketClosed();
}

void ClientSocket::drop()
{
    if (m_transport) {
        if (m_transport->isOpen())
            m_poller.remove(m_transport->descriptor());
        // Events of this pass already collected for it find this object in state Closed.
        m_transport.reset();
    }
    m_closeTimer.stop();
    m_in = QByteArray();
    m_out = QByteArray();
    m_corked = QByteArray();
    m_fragments = QByteArray();
    m_fragmentOpcode = 0;
    m_request.clear();
    if (m_state != State::Idle)
        m_state = State::Closed;
}

} // namespace cx::websocket
