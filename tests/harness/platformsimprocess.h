#pragma once

#include "managedprocess.h"

#include <QJsonObject>
#include <QUrl>

namespace cx::test {

/// A real cxplatformsim (tools/platformsim) for integration tests: started on 127.0.0.1
/// port 0 (or a given port), ready when it prints its listening line, driven through its
/// stdin control commands.
class PlatformSimProcess : public ManagedProcess
{
    Q_OBJECT
public:
    explicit PlatformSimProcess(QString id, QObject *parent = nullptr);

    /// Starts with --app-key and extra arguments; false when not ready in time.
    bool start(const QByteArray &appKey, const QStringList &extraArguments = {}, quint16 port = 0,
               int timeoutMs = 10000);
    /// Starts again on the port it had (after stop() or kill()).
    bool restart(const QByteArray &appKey, const QStringList &extraArguments = {});

    quint16 port() const { return m_port; }
    /// ws://127.0.0.1:PORT/Thingworx/WS, or wss:// when tls.
    QString url(bool tls = false) const;
    /// The `stats` JSON object (empty on timeout).
    QJsonObject stats(int timeoutMs = 5000);
    /// Sends a control command and returns its one-line reply (empty on timeout).
    QString command(const QByteArray &line, const QString &replyPattern, int timeoutMs = 5000);

private:
    quint16 m_port = 0;
};

} // namespace cx::test
