#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>
#include <QWebSocket>
#include <managedprocess.h>
#include <memory>

namespace cx::test {

/// A running cxplatformsim for one test: started on a free port through the harness,
/// stopped (and its log printed on failure) when the fixture goes. Control commands go
/// over its control WebSocket, since the harness does not write to a child's stdin.
class PlatformSimFixture
{
public:
    static constexpr char AppKey[] = "fixture-app-key";

    PlatformSimFixture();
    ~PlatformSimFixture();

    /// Starts the simulator with --app-key AppKey --port 0 and \a extraArguments, and waits
    /// for its ready line. False when it did not start or did not get ready. With
    /// --tls-pkcs12 among the arguments, url() is wss and the control channel trusts any
    /// certificate.
    bool start(const QStringList &extraArguments = {});

    quint16 port() const { return m_port; }
    /// ws://127.0.0.1:<port><path> (wss:// when the simulator serves TLS)
    QUrl url(const QString &path = QStringLiteral("/Thingworx/WS")) const;
    /// Sends one control line and returns the reply line (empty on timeout).
    QByteArray command(const QByteArray &line);
    /// The `stats` reply, parsed (empty on failure).
    QJsonObject stats();
    ManagedProcess &process() { return *m_process; }

private:
    std::unique_ptr<ManagedProcess> m_process;
    QWebSocket m_control;
    QList<QByteArray> m_replies;
    quint16 m_port = 0;
    bool m_secure = false;
};

} // namespace cx::test
