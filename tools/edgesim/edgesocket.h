#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>
#include <optional>

class QAbstractSocket;

namespace cx::edgesim {

/// A lean RFC 6455 client WebSocket for the load generator, so that the generator costs
/// less than what it measures: each message is framed and masked into one reused buffer and
/// goes to the socket in one write (several messages of one event-loop pass leave in one
/// system call), and frames are parsed in place in a reused read buffer, without a copy per
/// message when they are not fragmented. It does only what an edge needs: binary messages,
/// ping/pong, the close handshake; text messages are ignored.
class EdgeSocket : public QObject
{
    Q_OBJECT
public:
    explicit EdgeSocket(QObject *parent = nullptr);
    ~EdgeSocket() override;

    /// Connects (TLS when \a tls is set, for wss) and upgrades; opened() or closed() follows.
    void open(const QUrl &url, const std::optional<QSslConfiguration> &tls);
    /// Sends \a message as one binary frame. Ignored unless open.
    void sendBinary(QByteArrayView message);
    /// Starts the close handshake with \a code; closed() follows.
    void close(quint16 code);
    /// Drops the connection at once; no signal follows.
    void abort();

    bool isOpen() const { return m_state == State::Open; }
    /// The close code the server sent, 1006 when the connection ended without one.
    quint16 closeCode() const { return m_closeCode; }
    /// Why the connection failed or closed, for a log line.
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void opened();
    /// One whole binary message; \a message is only valid during the emission.
    void messageReceived(QByteArrayView message);
    /// The connection is gone (after opened(), or instead of it). Emitted once.
    void closed();

private:
    enum class State : quint8 { Idle, Connecting, Upgrading, Open, Closing, Closed };

    void sendUpgrade();
    void onReadyRead();
    bool readUpgradeResponse();
    void readFrames();
    void onFrame(quint8 opcode, bool fin, QByteArrayView payload);
    void sendFrame(quint8 opcode, QByteArrayView payload);
    void fail(const QString &error);
    void finish();

    QAbstractSocket *m_socket = nullptr; ///< child of this object
    State m_state = State::Idle;
    QUrl m_url;
    QByteArray m_key; ///< Sec-WebSocket-Key
    QByteArray m_in; ///< bytes read and not parsed yet
    qsizetype m_inStart = 0; ///< where unparsed bytes start in m_in
    QByteArray m_out; ///< the frame being written, reused
    QByteArray m_fragments; ///< a fragmented message being assembled
    quint8 m_fragmentOpcode = 0;
    quint32 m_maskState; ///< xorshift state for masking keys
    quint16 m_closeCode = 1006;
    QString m_error;
};

} // namespace cx::edgesim
