#include "tlsrelay.h"

#include <QStringList>

namespace cx::zookeeperdiscovery {

TlsRelay::TlsRelay(QTcpSocket *client, const QString &host, quint16 port,
                   const QSslConfiguration &configuration, int handshakeTimeoutMs, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_server(this)
{
    m_client->setParent(this);
    m_client->setReadBufferSize(BufferLimit);
    m_server.setReadBufferSize(BufferLimit);
    m_server.setSslConfiguration(configuration);

    connect(&m_server, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList reasons;
        for (const QSslError &error : errors)
            reasons << error.errorString();
        Q_EMIT refused(reasons.join(QStringLiteral("; ")));
        end();
    });
    connect(&m_server, &QAbstractSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError error) {
                // A handshake the server broke off: most often our certificate (or none).
                if (error == QAbstractSocket::SslHandshakeFailedError && !m_ended)
                    Q_EMIT refused(m_server.errorString());
                end();
            });
    connect(&m_server, &QSslSocket::encrypted, this, [this] {
        m_handshakeDeadline.stop();
        relay(m_client, &m_server);
    });
    connect(m_client, &QIODevice::readyRead, this, [this] { relay(m_client, &m_server); });
    connect(&m_server, &QIODevice::readyRead, this, [this] { relay(&m_server, m_client); });
    connect(m_client, &QIODevice::bytesWritten, this, [this] { relay(&m_server, m_client); });
    connect(&m_server, &QSslSocket::encryptedBytesWritten, this,
            [this] { relay(m_client, &m_server); });
    connect(m_client, &QAbstractSocket::disconnected, this, &TlsRelay::end);
    connect(&m_server, &QAbstractSocket::disconnected, this, &TlsRelay::end);

    m_handshakeDeadline.setSingleShot(true);
    connect(&m_handshakeDeadline, &QTimer::timeout, this, &TlsRelay::end);
    m_handshakeDeadline.start(handshakeTimeoutMs);
    m_server.connectToHostEncrypted(host, port);
}

TlsRelay::~TlsRelay()
{
    QObject::disconnect(&m_server, nullptr, this, nullptr);
    QObject::disconnect(m_client, nullptr, this, nullptr);
}

void TlsRelay::relay(QAbstractSocket *from, QAbstractSocket *to)
{
    if (m_ended || !m_server.isEncrypted())
        return; // what the client sent waits (bounded) for the handshake
    while (from->bytesAvailable() > 0 && to->bytesToWrite() < BufferLimit) {
        const QByteArray chunk
            = from->read(std::min(from->bytesAvailable(), BufferLimit - to->bytesToWrite()));
        if (chunk.isEmpty() || to->write(chunk) != chunk.size()) {
            end();
            return;
        }
    }
}

void TlsRelay::end()
{
    if (m_ended)
        return;
    m_ended = true;
    m_handshakeDeadline.stop();
    // Both close once what is queued for them is written.
    m_client->disconnectFromHost();
    m_server.disconnectFromHost();
    deleteLater();
}

} // namespace cx::zookeeperdiscovery
