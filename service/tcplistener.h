#pragma once

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QTimer>
#include <functional>
#include <memory>

class QSocketNotifier;

namespace cx::server {

/// A listening TCP socket with an accept loop of cxserver's own, for the edge and the
/// health listeners. QTcpServer only opens the socket: it keeps the first error of its
/// socket engine for good, so after one harmless EAGAIN, running out of descriptors
/// (EMFILE) looks temporary to it and it spins at full CPU for as long as a flood holds
/// them (and an EMFILE first makes it stop accepting for good). Here an accept that fails
/// for want of descriptors or memory stops watching the socket and tries again a moment
/// later, with one warning per episode and one line when it is over.
class TcpListener : public QObject
{
    Q_OBJECT
public:
    /// \a name says which listener in log lines ("edge", "health"); \a accepted gets each
    /// new connection's descriptor, which it then owns.
    TcpListener(QString name, std::function<void(qintptr)> accepted, QObject *parent = nullptr);
    ~TcpListener() override;

    /// Listens with a backlog of \a backlog and starts accepting; false with errorString().
    bool listen(const QHostAddress &address, quint16 port, int backlog);
    /// Stops accepting and closes the listening socket.
    void close();
    /// Closes an accepted descriptor that could not be taken over.
    static void closeDescriptor(qintptr descriptor);
    QString errorString() const { return m_socket.errorString(); }
    QHostAddress serverAddress() const { return m_socket.serverAddress(); }
    quint16 serverPort() const { return m_socket.serverPort(); }

private:
    void acceptPending();

    QString m_name;
    std::function<void(qintptr)> m_accepted;
    QTcpServer m_socket; ///< owns the listening socket; never accepts itself
    std::unique_ptr<QSocketNotifier> m_notifier;
    QTimer m_retry; ///< after a failed accept
    QElapsedTimer m_sinceFailure; ///< since the last failed accept of an episode
    quint64 m_failures = 0; ///< failed accepts of the current episode
};

} // namespace cx::server
