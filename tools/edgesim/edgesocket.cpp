#include "edgesocket.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QTcpSocket>
#include <QtEndian>
#include <cstring>

using namespace Qt::StringLiterals;

namespace cx::edgesim {

namespace {

enum Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

constexpr qsizetype MaxUpgradeResponse = 16 * 1024;
constexpr quint64 MaxFrameSize = quint64(1) << 30;
constexpr qsizetype CompactAbove = 64 * 1024; ///< parsed bytes kept before the buffer moves
constexpr char AcceptGuid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/// XORs \a size bytes from \a in with the 4-byte \a key into \a out, 8 bytes at a time.
void applyMask(const char *in, char *out, qsizetype size, const uchar key[4])
{
    quint64 wide = 0;
    for (int i = 0; i < 8; ++i)
        wide |= quint64(key[i & 3]) << (8 * i);
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, in + i, 8);
        word ^= qFromLittleEndian(wide);
        std::memcpy(out + i, &word, 8);
    }
    for (; i < size; ++i)
        out[i] = char(in[i] ^ key[i & 3]);
}

/// The value of header \a name (lower case) in an HTTP response head, or a null view.
QByteArrayView headerValue(QByteArrayView head, QByteArrayView name)
{
    qsizetype start = head.indexOf("\r\n");
    while (start >= 0 && start < head.size()) {
        start += 2;
        qsizetype end = head.indexOf("\r\n", start);
        if (end < 0)
            end = head.size();
        const QByteArrayView line = head.sliced(start, end - start);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.sliced(colon + 1).trimmed();
        start = end;
    }
    return {};
}

} // namespace

EdgeSocket::EdgeSocket(QObject *parent)
    : QObject(parent)
    , m_maskState(QRandomGenerator::global()->generate() | 1)
{ }

EdgeSocket::~EdgeSocket() = default;

void EdgeSocket::open(const QUrl &url, const std::optional<QSslConfiguration> &tls)
{
    const bool secure = tls.has_value();
    const quint16 port = quint16(url.port(secure ? 443 : 80));
    m_url = url;
    m_url.setPort(port);
    m_state = State::Connecting;
    if (secure) {
        auto *socket = new QSslSocket(this);
        socket->setSslConfiguration(*tls);
        connect(socket, &QSslSocket::encrypted, this, &EdgeSocket::sendUpgrade);
        m_socket = socket;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QAbstractSocket::connected, this, &EdgeSocket::sendUpgrade);
    }
    connect(m_socket, &QIODevice::readyRead, this, &EdgeSocket::onReadyRead);
    connect(m_socket, &QAbstractSocket::disconnected, this, &EdgeSocket::finish);
    connect(m_socket, &QAbstractSocket::errorOccurred, this,
            [this] { fail(m_socket->errorString()); });
    if (secure)
        static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(url.host(), port);
    else
        m_socket->connectToHost(url.host(), port);
}

void EdgeSocket::sendUpgrade()
{
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_state = State::Upgrading;
    quint32 nonce[4];
    QRandomGenerator::global()->fillRange(nonce);
    m_key = QByteArray(reinterpret_cast<const char *>(nonce), sizeof nonce).toBase64();
    QByteArray target = m_url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (m_url.hasQuery())
        target += '?' + m_url.query(QUrl::FullyEncoded).toUtf8();
    QByteArray host = m_url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']'; // an IPv6 address
    const QByteArray request = "GET " + target + " HTTP/1.1\r\nHost: " + host + ':'
        + QByteArray::number(m_url.port()) + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + m_key
        + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    m_socket->write(request);
}

void EdgeSocket::onReadyRead()
{
    if (m_inStart == m_in.size()) {
        m_in.resize(0); // keeps the capacity
        m_inStart = 0;
    } else if (m_inStart > CompactAbove) {
        m_in.remove(0, m_inStart);
        m_inStart = 0;
    }
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    const qsizetype old = m_in.size();
    m_in.resize(old + available);
    const qint64 got = m_socket->read(m_in.data() + old, available);
    m_in.resize(old + std::max<qint64>(got, 0));
    if (m_state == State::Upgrading && !readUpgradeResponse())
        return;
    readFrames();
}

bool EdgeSocket::readUpgradeResponse()
{
    const qsizetype end = m_in.indexOf("\r\n\r\n", m_inStart);
    if (end < 0) {
        if (m_in.size() - m_inStart > MaxUpgradeResponse)
            fail(u"upgrade response too long"_s);
        return false;
    }
    const QByteArrayView head(m_in.constData() + m_inStart, end - m_inStart);
    m_inStart = end + 4;
    const QByteArray accept
        = QCryptographicHash::hash(QByteArray(m_key + AcceptGuid), QCryptographicHash::Sha1)
              .toBase64();
    if (!head.startsWith("HTTP/1.1 101")) {
        fail(u"upgrade refused: "_s + QString::fromUtf8(head.first(head.indexOf("\r\n"))));
        return false;
    }
    if (headerValue(head, "sec-websocket-accept") != QByteArrayView(accept)) {
        fail(u"upgrade response without the right Sec-WebSocket-Accept"_s);
        return false;
    }
    m_state = State::Open;
    Q_EMIT opened();
    return m_state == State::Open;
}

void EdgeSocket::readFrames()
{
    while (m_state == State::Open || m_state == State::Closing) {
        const qsizetype available = m_in.size() - m_inStart;
        const auto *head = reinterpret_cast<const uchar *>(m_in.constData() + m_inStart);
        if (available < 2)
            return;
        const bool fin = head[0] & 0x80;
        const quint8 opcode = head[0] & 0x0F;
        const bool masked = head[1] & 0x80;
        quint64 length = head[1] & 0x7F;
        qsizetype headerSize = 2;
        if (length == 126) {
            if (available < 4)
                return;
            length = qFromBigEndian<quint16>(head + 2);
            headerSize = 4;
        } else if (length == 127) {
            if (available < 10)
                return;
            length = qFromBigEndian<quint64>(head + 2);
            headerSize = 10;
        }
        if (length > MaxFrameSize) {
            fail(u"frame too large"_s);
            return;
        }
        if (masked)
            headerSize += 4;
        if (available < headerSize + qsizetype(length))
            return;
        char *payload = m_in.data() + m_inStart + headerSize;
        if (masked) {
            uchar key[4];
            std::memcpy(key, payload - 4, 4);
            applyMask(payload, payload, qsizetype(length), key);
        }
        m_inStart += headerSize + qsizetype(length);
        onFrame(opcode, fin, QByteArrayView(payload, qsizetype(length)));
    }
}

void EdgeSocket::onFrame(quint8 opcode, bool fin, QByteArrayView payload)
{
    switch (opcode) {
    case Continuation:
        if (m_fragmentOpcode == 0) {
            fail(u"continuation frame without a message"_s);
            return;
        }
        m_fragments.append(payload);
        if (fin) {
            if (m_fragmentOpcode == Binary)
                Q_EMIT messageReceived(m_fragments);
            m_fragments.resize(0);
            m_fragmentOpcode = 0;
        }
        return;
    case Text:
    case Binary:
        if (!fin) {
            m_fragmentOpcode = opcode;
            m_fragments = payload.toByteArray();
        } else if (opcode == Binary) {
            Q_EMIT messageReceived(payload);
        }
        return;
    case Close:
        m_closeCode = payload.size() >= 2 ? qFromBigEndian<quint16>(payload.data()) : 1005;
        if (m_state == State::Open)
            sendFrame(Close, payload.first(std::min<qsizetype>(payload.size(), 2)));
        m_state = State::Closing;
        m_socket->disconnectFromHost();
        return;
    case Ping:
        sendFrame(Pong, payload);
        return;
    case Pong:
        return;
    default:
        fail(u"unknown opcode "_s + QString::number(opcode));
    }
}

void EdgeSocket::sendBinary(QByteArrayView message)
{
    if (m_state == State::Open)
        sendFrame(Binary, message);
}

void EdgeSocket::sendFrame(quint8 opcode, QByteArrayView payload)
{
    const qsizetype size = payload.size();
    const qsizetype lengthSize = size < 126 ? 0 : (size <= 0xFFFF ? 2 : 8);
    const qsizetype headerSize = 2 + lengthSize + 4;
    m_out.resize(headerSize + size);
    auto *out = reinterpret_cast<uchar *>(m_out.data());
    out[0] = 0x80 | opcode;
    if (lengthSize == 0) {
        out[1] = 0x80 | uchar(size);
    } else if (lengthSize == 2) {
        out[1] = 0x80 | 126;
        qToBigEndian(quint16(size), out + 2);
    } else {
        out[1] = 0x80 | 127;
        qToBigEndian(quint64(size), out + 2);
    }
    // xorshift32: masking keys need not be secret for a load generator.
    m_maskState ^= m_maskState << 13;
    m_maskState ^= m_maskState >> 17;
    m_maskState ^= m_maskState << 5;
    uchar *key = out + headerSize - 4;
    std::memcpy(key, &m_maskState, 4);
    applyMask(payload.data(), reinterpret_cast<char *>(out + headerSize), size, key);
    m_socket->write(m_out.constData(), m_out.size());
}

void EdgeSocket::close(quint16 code)
{
    if (m_state == State::Open) {
        uchar payload[2];
        qToBigEndian(code, payload);
        sendFrame(Close, QByteArrayView(payload, 2));
        m_state = State::Closing;
    } else if (m_socket && m_state != State::Closing && m_state != State::Closed) {
        m_socket->abort();
        finish();
    }
}

void EdgeSocket::abort()
{
    m_state = State::Closed;
    if (m_socket) {
        QObject::disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
}

void EdgeSocket::fail(const QString &error)
{
    if (m_state == State::Closed)
        return;
    if (m_error.isEmpty())
        m_error = error;
    m_socket->abort();
    finish();
}

void EdgeSocket::finish()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    Q_EMIT closed();
}

} // namespace cx::edgesim
