#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace cx::test {

/// A long-running child process for integration tests (cxserver, a simulator, ZooKeeper,
/// HAProxy). It records everything the child prints, waits for readiness lines with a
/// bound, stops by PID (SIGTERM, then SIGKILL), and prints its log when the current test
/// failed. The destructor always stops the child: nothing outlives the test.
class ManagedProcess : public QObject
{
    Q_OBJECT
public:
    explicit ManagedProcess(QString name, QObject *parent = nullptr);
    ~ManagedProcess() override;

    void setEnvironment(const QProcessEnvironment &environment);
    void setWorkingDirectory(const QString &directory);

    /// Starts program; false (with the reason in log()) when it cannot be started.
    bool start(const QString &program, const QStringList &arguments);

    /// Waits until a line of the child's output (stdout and stderr merged) matches pattern,
    /// looking only at output after the previous successful wait. Returns the match, or an
    /// invalid match on timeout or when the child exits first. Runs the event loop meanwhile.
    QRegularExpressionMatch waitForLine(const QRegularExpression &pattern, int timeoutMs = 15000);

    /// Writes a line (a newline is added) to the child's standard input.
    void writeLine(const QByteArray &line);

    /// Waits for the child to exit by itself; false on timeout.
    bool waitForExit(int timeoutMs = 15000);

    /// SIGTERM, wait up to graceMs for the exit, then SIGKILL. Returns the exit code, or -1
    /// when the child had to be killed or crashed.
    int stop(int graceMs = 10000);
    /// SIGKILL now and reap the child.
    void kill();
    /// SIGSTOP / SIGCONT (e.g. to make a ZooKeeper session expire).
    void pause();
    void resume();

    bool isRunning() const;
    qint64 pid() const;
    int exitCode() const;
    QProcess::ExitStatus exitStatus() const;
    const QString &name() const { return m_name; }
    /// Everything the child printed so far.
    QByteArray log() const { return m_log; }
    /// When the current test function failed, prints the end of log() (the destructor does
    /// it too; a process kept across test functions calls this from cleanup()).
    void printLogIfTestFailed() const;

private:
    void collect();

    QString m_name;
    QProcess m_process;
    QByteArray m_log;
    qsizetype m_searchFrom = 0;
};

/// The resident set size (VmRSS) of process pid in KiB; 0 when it cannot be read.
qint64 residentKib(qint64 pid);

/// The AddressSanitizer quarantine the processes run with (quarantine_size_mb in
/// $ASAN_OPTIONS), in KiB; 0 without one. Freed memory waits there before reuse, so a bound
/// on a process's RSS growth allows this much more under AddressSanitizer.
qint64 asanQuarantineKib();

} // namespace cx::test
