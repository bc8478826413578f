#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace cx::test {

/// How to run a command to completion.
struct RunOptions
{
    int timeoutMs = 30000;
    QByteArray input; ///< written to stdin, then closed
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString workingDirectory;
};

/// What a finished (or killed) command produced.
struct CommandResult
{
    int exitCode = -1;
    bool crashed = false; ///< ended by a signal
    bool timedOut = false; ///< killed after timeoutMs
    bool startFailed = false;
    QByteArray out;
    QByteArray err;

    /// "exit 1; stderr: ..." for failure messages.
    QByteArray describe() const;
};

/// Runs program with args, bounded by options.timeoutMs (killed after it).
CommandResult runCommand(const QString &program, const QStringList &args,
                         const RunOptions &options = {});

} // namespace cx::test
