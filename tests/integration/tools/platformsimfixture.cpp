#include "platformsimfixture.h"

#include <QJsonDocument>
#include <QSslConfiguration>
#include <QTest>
#include <testpaths.h>

namespace cx::test {

namespace {
constexpr int WaitMs = 10000;
}

PlatformSimFixture::PlatformSimFixture()
    : m_process(std::make_unique<ManagedProcess>(QStringLiteral("cxplatformsim")))
{
    QObject::connect(&m_control, &QWebSocket::textMessageReceived, &m_control,
                     [this](const QString &reply) { m_replies.append(reply.toUtf8()); });
}

PlatformSimFixture::~PlatformSimFixture()
{
    m_control.abort();
}

bool PlatformSimFixture::start(const QStringList &extraArguments)
{
    const QStringList arguments
        = QStringList {QStringLiteral("--app-key"), QLatin1StringView(AppKey),
                       QStringLiteral("--port"), QStringLiteral("0")}
        + extraArguments;
    m_secure = extraArguments.contains(QStringLiteral("--tls-pkcs12"));
    if (m_secure) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_control.setSslConfiguration(tls);
    }
    if (!m_process->start(binaryPath(QStringLiteral("cxplatformsim")), arguments))
        return false;
    const QRegularExpressionMatch ready = m_process->waitForLine(
        QRegularExpression(QStringLiteral("^platformsim listening on 127\\.0\\.0\\.1:(\\d+)$")),
        WaitMs);
    if (!ready.hasMatch())
        return false;
    m_port = ready.captured(1).toUShort();
    return m_port != 0;
}

QUrl PlatformSimFixture::url(const QString &path) const
{
    return QUrl((m_secure ? QStringLiteral("wss://127.0.0.1:") : QStringLiteral("ws://127.0.0.1:"))
                + QString::number(m_port) + path);
}

QByteArray PlatformSimFixture::command(const QByteArray &line)
{
    if (m_control.state() != QAbstractSocket::ConnectedState) {
        m_control.open(url(QStringLiteral("/platformsim/control")));
        if (!QTest::qWaitFor(
                [this] { return m_control.state() == QAbstractSocket::ConnectedState; }, WaitMs))
            return {};
    }
    m_replies.clear();
    m_control.sendTextMessage(QString::fromUtf8(line));
    if (!QTest::qWaitFor([this] { return !m_replies.isEmpty(); }, WaitMs))
        return {};
    return m_replies.takeFirst();
}

QJsonObject PlatformSimFixture::stats()
{
    return QJsonDocument::fromJson(command("stats")).object();
}

} // namespace cx::test
