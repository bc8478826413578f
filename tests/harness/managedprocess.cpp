#include "managedprocess.h"

#include "sanitizerreport.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <csignal>

namespace cx::test {

ManagedProcess::ManagedProcess(QString name, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    connect(&m_process, &QProcess::readyRead, this, &ManagedProcess::collect);
}

ManagedProcess::~ManagedProcess()
{
    if (isRunning())
        stop(5000);
    keepSanitizerReport(m_name, m_log);
    printLogIfTestFailed();
}

void ManagedProcess::printLogIfTestFailed() const
{
    if (!QTest::currentTestFailed() || m_log.isEmpty())
        return;
    const QByteArray tail = m_log.size() > 20000 ? m_log.right(20000) : m_log;
    qWarning("---- log of %s (pid %lld) ----\n%s---- end of %s ----", qPrintable(m_name),
             static_cast<long long>(m_process.processId()), tail.constData(), qPrintable(m_name));
}

void ManagedProcess::setEnvironment(const QProcessEnvironment &environment)
{
    m_process.setProcessEnvironment(environment);
}

void ManagedProcess::setWorkingDirectory(const QString &directory)
{
    m_process.setWorkingDirectory(directory);
}

bool ManagedProcess::start(const QString &program, const QStringList &arguments)
{
    m_log += "$ " + program.toUtf8() + ' ' + arguments.join(u' ').toUtf8() + '\n';
    m_searchFrom = m_log.size();
    m_process.start(program, arguments);
    if (!m_process.waitForStarted(10000)) {
        m_log += "failed to start: " + m_process.errorString().toUtf8() + '\n';
        return false;
    }
    return true;
}

void ManagedProcess::collect()
{
    m_log += m_process.readAll();
}

QRegularExpressionMatch ManagedProcess::waitForLine(const QRegularExpression &pattern,
                                                    int timeoutMs)
{
    QRegularExpressionMatch found;
    const auto matched = [&] {
        collect();
        qsizetype lineStart = m_searchFrom;
        for (;;) {
            const qsizetype end = m_log.indexOf('\n', lineStart);
            if (end < 0)
                return false;
            const QString line = QString::fromUtf8(m_log.mid(lineStart, end - lineStart));
            lineStart = end + 1;
            QRegularExpressionMatch match = pattern.match(line);
            if (match.hasMatch()) {
                found = match;
                m_searchFrom = lineStart;
                return true;
            }
        }
    };
    const bool settled = QTest::qWaitFor([&] { return matched() || !isRunning(); }, timeoutMs);
    Q_UNUSED(settled) // found tells what happened
    if (!found.hasMatch())
        matched(); // the line may have come together with the exit
    return found;
}

void ManagedProcess::writeLine(const QByteArray &line)
{
    m_process.write(line + '\n');
}

bool ManagedProcess::waitForExit(int timeoutMs)
{
    const bool exited = QTest::qWaitFor([&] { return !isRunning(); }, timeoutMs);
    collect();
    return exited;
}

int ManagedProcess::stop(int graceMs)
{
    if (!isRunning())
        return exitCode();
    resume(); // a paused child cannot act on SIGTERM
    ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(graceMs)) {
        m_log += "---- did not stop within " + QByteArray::number(graceMs) + " ms; killed ----\n";
        kill();
        return -1;
    }
    collect();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void ManagedProcess::kill()
{
    if (!isRunning())
        return;
    ::kill(static_cast<pid_t>(m_process.processId()), SIGKILL);
    m_process.waitForFinished(10000);
    collect();
}

void ManagedProcess::pause()
{
    if (isRunning())
        ::kill(static_cast<pid_t>(m_process.processId()), SIGSTOP);
}

void ManagedProcess::resume()
{
    if (isRunning())
        ::kill(static_cast<pid_t>(m_process.processId()), SIGCONT);
}

bool ManagedProcess::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

qint64 ManagedProcess::pid() const
{
    return m_process.processId();
}

int ManagedProcess::exitCode() const
{
    return m_process.exitCode();
}

QProcess::ExitStatus ManagedProcess::exitStatus() const
{
    return m_process.exitStatus();
}

qint64 residentKib(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

qint64 asanQuarantineKib()
{
    static const QRegularExpression size(QStringLiteral("quarantine_size_mb=(\\d+)"));
    const QRegularExpressionMatch match = size.match(qEnvironmentVariable("ASAN_OPTIONS"));
    return match.hasMatch() ? match.captured(1).toLongLong() * 1024 : 0;
}

} // namespace cx::test
