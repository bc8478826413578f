#include "rawedge.h"

#include <QElapsedTimer>
#include <QTest>
#include <QtEndian>

namespace cx::test {

bool RawEdge::open(quint16 port, bool upgrade, const QByteArray &path)
{
    m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!m_socket.waitForConnected(5000))
        return false;
    if (!upgrade)
        return true;
    m_socket.write(handshakeHead(path) + "\r\n");
    QByteArray response;
    QElapsedTimer timer;
    timer.start();
    while (!response.contains("\r\n\r\n") && timer.elapsed() < 5000) {
        m_socket.waitForReadyRead(100);
        while (m_socket.bytesAvailable() > 0 && !response.contains("\r\n\r\n"))
            response += m_socket.read(1);
    }
    return response.startsWith("HTTP/1.1 101");
}

QByteArray RawEdge::handshakeHead(const QByteArray &path)
{
    return "GET " + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
          "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
          "Sec-WebSocket-Version: 13\r\n";
}

QByteArray RawEdge::frame(quint8 opcode, const QByteArray &payload, qint64 declaredLength)
{
    const quint64 length = declaredLength < 0 ? quint64(payload.size()) : quint64(declaredLength);
    QByteArray out(1, char(0x80 | opcode));
    if (length < 126) {
        out.append(char(0x80 | length));
    } else if (length <= 0xFFFF) {
        out.append(char(0x80 | 126));
        char bytes[2];
        qToBigEndian(quint16(length), bytes);
        out.append(bytes, 2);
    } else {
        out.append(char(0x80 | 127));
        char bytes[8];
        qToBigEndian(length, bytes);
        out.append(bytes, 8);
    }
    out.append(4, '\0'); // mask key 0: the payload goes as is
    return out + payload;
}

void RawEdge::write(const QByteArray &bytes)
{
    m_socket.write(bytes);
    m_socket.flush();
}

int RawEdge::waitForCloseFrame(int timeoutMs)
{
    QByteArray data;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (!m_socket.waitForReadyRead(100) && m_socket.state() != QAbstractSocket::ConnectedState
            && m_socket.bytesAvailable() == 0)
            break;
        data += m_socket.readAll();
        // Server frames are unmasked; a close frame is 0x88, length, code.
        for (qsizetype i = 0; i + 3 < data.size(); ++i) {
            if (quint8(data.at(i)) == 0x88 && quint8(data.at(i + 1)) >= 2
                && quint8(data.at(i + 1)) < 126)
                return qFromBigEndian<quint16>(data.constData() + i + 2);
        }
    }
    return -1;
}

QList<QByteArray> RawEdge::messages(const QByteArray &bytes)
{
    QList<QByteArray> messages;
    qsizetype pos = 0;
    while (pos + 2 <= bytes.size()) {
        const quint8 opcode = quint8(bytes.at(pos)) & 0x0F;
        quint64 length = quint8(bytes.at(pos + 1)) & 0x7F;
        qsizetype head = 2;
        if (length == 126 && pos + 4 <= bytes.size()) {
            length = qFromBigEndian<quint16>(bytes.constData() + pos + 2);
            head = 4;
        } else if (length == 127 && pos + 10 <= bytes.size()) {
            length = qFromBigEndian<quint64>(bytes.constData() + pos + 2);
            head = 10;
        }
        if (pos + head + qsizetype(length) > bytes.size())
            break;
        if (opcode == 0x2)
            messages.append(bytes.mid(pos + head, qsizetype(length)));
        pos += head + qsizetype(length);
    }
    return messages;
}

QList<QByteArray> RawEdge::readMessages(qsizetype count, int timeoutMs)
{
    QList<QByteArray> found;
    [[maybe_unused]] const bool all = QTest::qWaitFor(
        [&] {
            m_received += m_socket.readAll();
            found = messages(m_received);
            return found.size() >= count;
        },
        timeoutMs);
    return found;
}

QByteArray RawEdge::readUntilClosed(int timeoutMs)
{
    QByteArray bytes;
    [[maybe_unused]] const bool closed = QTest::qWaitFor(
        [&] {
            bytes += m_socket.readAll();
            return m_socket.state() != QAbstractSocket::ConnectedState;
        },
        timeoutMs);
    return bytes + m_socket.readAll();
}

} // namespace cx::test
