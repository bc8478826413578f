#include "windowsservice.h"

#include "eventlog.h"
#include "scmcontrol.h"
#include "scmservice.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QSemaphore>
#include <QTimer>
#include <cstdio>

namespace cx::service::windows {

namespace {

Q_LOGGING_CATEGORY(lcWindowsService, "cx.service.windows")

const std::wstring ServiceName = L"cxserver";
constexpr int PostWaitMs = 10000; ///< how long a stop control waits for the Qt loop to take it

ServiceSession *g_session = nullptr;
EventLog *g_eventLog = nullptr;

void eventLogMessageHandler(QtMsgType type, const QMessageLogContext &context,
                            const QString &message)
{
    if (!g_eventLog)
        return;
    EventLog::Level level = EventLog::Level::Information;
    if (type == QtWarningMsg)
        level = EventLog::Level::Warning;
    else if (type == QtCriticalMsg || type == QtFatalMsg)
        level = EventLog::Level::Error;
    if (type == QtDebugMsg)
        return; // debug output is for a console run
    g_eventLog->write(level, qFormatLogMessage(type, context, message).toStdWString());
}

int report(const ControlResult &result)
{
    const QByteArray text = QString::fromStdWString(result.message).toLocal8Bit() + '\n';
    std::fwrite(text.constData(), 1, size_t(text.size()), result.exitCode == 0 ? stdout : stderr);
    return result.exitCode;
}

} // namespace

std::optional<int> runServiceCommand(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command == u"uninstall" && arguments.size() == 2)
        return report(uninstallService(ServiceName));
    if (command == u"start" && arguments.size() == 2)
        return report(startService(ServiceName));
    if (command == u"stop" && arguments.size() == 2)
        return report(stopService(ServiceName));
    if (command != u"install")
        return std::nullopt;

    QString configFile = QDir(qEnvironmentVariable("ProgramData"))
                             .filePath(QStringLiteral("cxserver/cxserver.conf"));
    if (arguments.size() == 4 && arguments.at(2) == u"--config")
        configFile = arguments.at(3);
    else if (arguments.size() != 2)
        return report({1, L"usage: cxserver install [--config FILE]"});
    ServiceDefinition definition;
    definition.executable
        = QDir::toNativeSeparators(QCoreApplication::applicationFilePath()).toStdWString();
    definition.configFile
        = QDir::toNativeSeparators(QDir().absoluteFilePath(configFile)).toStdWString();
    return report(installService(definition));
}

ServiceSession::ServiceSession(QObject *parent)
    : QObject(parent)
    , m_scm(std::make_unique<ScmService>(ServiceName))
{ }

ServiceSession::~ServiceSession()
{
    if (g_session == this)
        finish(1);
}

bool ServiceSession::begin()
{
    // The stop control arrives on the SCM dispatcher's thread: post it into the Qt loop and
    // wait (bounded) until the loop has taken it, as QtService did.
    const bool connected = m_scm->connect([this] {
        auto taken = std::make_shared<QSemaphore>();
        QMetaObject::invokeMethod(
            this,
            [this, taken] {
                Q_EMIT stopRequested();
                taken->release();
            },
            Qt::QueuedConnection);
        taken->tryAcquire(1, PostWaitMs);
    });
    if (!connected) {
        const QByteArray text = "cxserver: --service: "
            + QString::fromStdWString(m_scm->errorText()).toLocal8Bit() + '\n';
        std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
        return false;
    }
    m_eventLog = std::make_unique<EventLog>(ServiceName);
    g_eventLog = m_eventLog.get();
    qInstallMessageHandler(eventLogMessageHandler);
    g_session = this;
    // Runs once QCoreApplication::exec() does, that is after the server started.
    QTimer::singleShot(0, this, [this] {
        m_scm->reportRunning();
        qCInfo(lcWindowsService) << "running as the Windows service cxserver";
    });
    return true;
}

int ServiceSession::finish(int exitCode)
{
    if (g_session != this)
        return exitCode;
    g_session = nullptr;
    qInstallMessageHandler(nullptr);
    g_eventLog = nullptr;
    m_scm->reportStopped(exitCode);
    return exitCode;
}

ServiceSession *ServiceSession::current()
{
    return g_session;
}

} // namespace cx::service::windows
