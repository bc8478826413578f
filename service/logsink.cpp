#include "logsink.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>
#include <cstdio>

namespace cx::server {

Q_LOGGING_CATEGORY(lcLifecycle, "cx.lifecycle")

namespace {

/// sd-daemon(3) priority prefixes.
const char *journalPriority(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "<7>";
    case QtInfoMsg:
        return "<6>";
    case QtWarningMsg:
        return "<4>";
    case QtCriticalMsg:
        return "<3>";
    case QtFatalMsg:
        return "<2>";
    }
    return "<6>";
}

void journalHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QByteArray line = journalPriority(type);
    if (context.category && *context.category) {
        line += context.category;
        line += ": ";
    }
    line += message.toUtf8();
    line.replace('\n', ' '); // one journal entry per message
    line += '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace

void installLogSink()
{
    if (qEnvironmentVariableIsSet("JOURNAL_STREAM")) {
        qInstallMessageHandler(journalHandler);
        return;
    }
    qSetMessagePattern(
        QStringLiteral("%{time yyyy-MM-dd HH:mm:ss.zzz} %{if-warning}warning %{endif}"
                       "%{if-critical}error %{endif}%{category}: %{message}"));
}

} // namespace cx::server
