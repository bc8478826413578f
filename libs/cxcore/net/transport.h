#pragma once

#include "cxcore_global.h"

#include <QByteArrayView>
#include <QHostAddress>
#include <QString>

struct ssl_st;

namespace cx::net {

/// The byte stream of one connected, non-blocking TCP socket, plain or TLS (OpenSSL), on
/// POSIX or Win32: what a WebSocket codec reads from and writes to, as Envoy's transport
/// sockets sit under its codecs. It buffers nothing and knows nothing of WebSockets; the
/// codec above keeps what the socket does not take.
class CXCORE_EXPORT Transport
{
public:
    /// What read() returns besides a byte count.
    static constexpr qint64 Closed = 0; ///< the peer closed its side
    static constexpr qint64 Failed = -1; ///< the connection failed
    static constexpr qint64 WouldBlock = -2; ///< nothing to read now

    enum class Handshake : quint8 { Done, WantRead, WantWrite, Failed };

    /// Owns \a fd (a connected socket) and \a tls (a session on it, or nullptr: plain),
    /// makes the socket non-blocking with TCP_NODELAY and notes its peer.
    Transport(qintptr fd, ssl_st *tls);
    ~Transport();
    Transport(const Transport &) = delete;
    Transport &operator=(const Transport &) = delete;

    /// Turns a just-accepted socket away and closes it: a plain one gets \a plainAnswer (best
    /// effort, never blocking), a TLS one nothing.
    static void turnAway(qintptr fd, bool tls, QByteArrayView plainAnswer);

    /// Starts a non-blocking TCP connection to \a address:\a port: the new socket (the
    /// connection completes when it turns writable; connectError() tells how), or -1 with
    /// *error set.
    static qintptr startConnect(const QHostAddress &address, quint16 port, QString *error);
    /// Once a socket from startConnect() turned writable: why the connection failed, or an
    /// empty string when it is established.
    static QString connectError(qintptr fd);

    qintptr descriptor() const { return m_fd; }
    bool isTls() const { return m_tls != nullptr; }
    bool isOpen() const { return m_open; }
    /// The peer's address and port, as they were when the connection was made.
    const QHostAddress &peerAddress() const { return m_peerAddress; }
    quint16 peerPort() const { return m_peerPort; }

    /// One step of the TLS handshake (Done at once when plain). On Failed, *error says why
    /// (with the certificate check's verdict when that failed).
    Handshake handshake(QString *error);
    /// Reads at most \a size bytes: a count, Closed, Failed or WouldBlock.
    qint64 read(char *data, qint64 size);
    /// TLS holds decrypted bytes that read() returns without the socket being readable.
    bool hasBufferedInput() const;
    /// Writes what the socket takes now of \a size bytes: the count (0 when it takes
    /// nothing), or Failed.
    qint64 write(const char *data, qint64 size);
    /// TLS joins at most this many bytes of write(head, payload) into one record.
    static constexpr qint64 MaxJoinedTls = 16 * 1024;
    /// Writes \a head then \a payload as far as the socket takes them: one gathering system
    /// call when plain, one TLS record (together at most MaxJoinedTls bytes) when TLS. The
    /// count taken from the two together, or Failed.
    qint64 write(QByteArrayView head, QByteArrayView payload);
    /// TLS: the last write could not go on until the socket is readable (renegotiation).
    bool writeWaitsForRead() const { return m_writeWaitsForRead; }
    /// Sends TLS close_notify (best effort) and shuts the socket down for writing.
    void shutdownWrite();
    /// Frees the TLS session and closes the socket (which also leaves any epoll set).
    /// Nothing works after it.
    void close();

private:
    qintptr m_fd;
    ssl_st *m_tls;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    bool m_open = true;
    bool m_writeWaitsForRead = false;
};

} // namespace cx::net
