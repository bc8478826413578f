#include "platformsimprocess.h"

#include "testpaths.h"

#include <QJsonDocument>

namespace cx::test {

PlatformSimProcess::PlatformSimProcess(QString id, QObject *parent)
    : ManagedProcess(std::move(id), parent)
{ }

bool PlatformSimProcess::start(const QByteArray &appKey, const QStringList &extraArguments,
                               quint16 port, int timeoutMs)
{
    QStringList arguments {QStringLiteral("--app-key"), QString::fromUtf8(appKey),
                           QStringLiteral("--id"),      name(),
                           QStringLiteral("--port"),    QString::number(port)};
    arguments += extraArguments;
    if (!ManagedProcess::start(binaryPath(QStringLiteral("cxplatformsim")), arguments))
        return false;
    const QRegularExpressionMatch ready = waitForLine(
        QRegularExpression(QStringLiteral("^platformsim listening on [^:]+:(\\d+)")), timeoutMs);
    if (!ready.hasMatch())
        return false;
    m_port = quint16(ready.captured(1).toUInt());
    return true;
}

bool PlatformSimProcess::restart(const QByteArray &appKey, const QStringList &extraArguments)
{
    return start(appKey, extraArguments, m_port);
}

QString PlatformSimProcess::url(bool tls) const
{
    return QStringLiteral("%1://127.0.0.1:%2/Thingworx/WS").arg(tls ? u"wss" : u"ws").arg(m_port);
}

QString PlatformSimProcess::command(const QByteArray &line, const QString &replyPattern,
                                    int timeoutMs)
{
    writeLine(line);
    return waitForLine(QRegularExpression(replyPattern), timeoutMs).captured(0);
}

QJsonObject PlatformSimProcess::stats(int timeoutMs)
{
    const QString reply = command("stats", QStringLiteral("^\\{.*\\}$"), timeoutMs);
    return QJsonDocument::fromJson(reply.toUtf8()).object();
}

} // namespace cx::test
