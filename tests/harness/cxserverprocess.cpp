#include "cxserverprocess.h"

#include "freeport.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

namespace cx::test {

CxServerProcess::CxServerProcess(QString name, QObject *parent)
    : ManagedProcess(std::move(name), parent)
{ }

QString CxServerProcess::configPath() const
{
    return m_dir.filePath(QStringLiteral("cxserver.conf"));
}

QString CxServerProcess::edgeTlsSettings(const QString &keystore, const QString &password)
{
    return QStringLiteral("  protocol.ssl.enabled = true\n"
                          "  protocol.http-server.ssl.key-store.file = \"%1\"\n"
                          "  protocol.http-server.ssl.key-store.password = \"%2\"\n")
        .arg(keystore, password);
}

bool CxServerProcess::start(const QString &settings, int timeoutMs)
{
    const QString config = QStringLiteral("cx-server {\n"
                                          "  protocol.host = \"127.0.0.1\"\n"
                                          "  protocol.port = 0\n"
                                          "  protocol.ssl.enabled = false\n"
                                          "  health.port = %1\n"
                                          "  worker-threads = 1\n"
                                          "  admin.socket = \"%2\"\n"
                                          "  shutdown.health-grace = 0s\n"
                                          "%3\n"
                                          "}\n")
                               .arg(freePort())
                               .arg(statusSocket(), settings);
    QFile file(configPath());
    if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0)
        return false;
    file.close();
    QStringList command = m_launcher;
    command << binaryPath(QStringLiteral("cxserver")) << QStringLiteral("--config") << configPath();
    if (!ManagedProcess::start(command.first(), command.mid(1)))
        return false;
    const QRegularExpressionMatch ready = waitForLine(
        QRegularExpression(QStringLiteral("ready: edges on [^ ]+:(\\d+) .* health on port (\\d+)")),
        timeoutMs);
    if (!ready.hasMatch())
        return false;
    m_edgePort = quint16(ready.captured(1).toUInt());
    m_healthPort = quint16(ready.captured(2).toUInt());
    return true;
}

QString CxServerProcess::statusSocket() const
{
    return m_dir.filePath(QStringLiteral("status.sock"));
}

QUrl CxServerProcess::edgeUrl(const QString &path) const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_edgePort).arg(path));
}

} // namespace cx::test

namespace cx::test {

int CxServerProcess::health(QJsonObject *body)
{
    QByteArray text;
    const int status = httpGet(QStringLiteral("/health"), &text);
    if (body)
        *body = QJsonDocument::fromJson(text).object();
    return status;
}

QByteArray CxServerProcess::metricsWhen(const std::function<bool(const QByteArray &)> &done,
                                        int timeoutMs)
{
    QByteArray text;
    [[maybe_unused]] const bool reached = QTest::qWaitFor(
        [&] {
            text.clear();
            return httpGet(QStringLiteral("/metrics"), &text) == 200 && done(text);
        },
        timeoutMs);
    return text;
}

int CxServerProcess::httpGet(const QString &path, QByteArray *body)
{
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(
        QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_healthPort).arg(path))));
    const bool finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000);
    const int status
        = finished ? reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
    if (body)
        *body = reply->readAll();
    reply->abort();
    reply->deleteLater();
    return status;
}

bool CxServerProcess::waitForInstances(int count, int timeoutMs)
{
    return QTest::qWaitFor(
        [&] {
            QJsonObject body;
            health(&body);
            return body.value(QStringLiteral("connectedInstances")).toInt() == count;
        },
        timeoutMs);
}

} // namespace cx::test
