#include "command.h"

#include "sanitizerreport.h"

#include <QProcess>

namespace cx::test {

QByteArray CommandResult::describe() const
{
    QByteArray what = startFailed ? QByteArray("failed to start")
        : timedOut                ? QByteArray("timed out")
        : crashed                 ? QByteArray("crashed")
                                  : "exit " + QByteArray::number(exitCode);
    return what + "; stdout: " + out.left(2000) + "; stderr: " + err.left(2000);
}

CommandResult runCommand(const QString &program, const QStringList &args, const RunOptions &options)
{
    CommandResult result;
    QProcess process;
    process.setProcessEnvironment(options.environment);
    if (!options.workingDirectory.isEmpty())
        process.setWorkingDirectory(options.workingDirectory);
    process.start(program, args);
    if (!process.waitForStarted(options.timeoutMs)) {
        result.startFailed = true;
        result.err = process.errorString().toUtf8();
        return result;
    }
    if (!options.input.isEmpty())
        process.write(options.input);
    process.closeWriteChannel();
    if (!process.waitForFinished(options.timeoutMs)) {
        result.timedOut = true;
        process.kill();
        process.waitForFinished(5000);
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.crashed = !result.timedOut && process.exitStatus() == QProcess::CrashExit;
    result.exitCode = process.exitCode();
    keepSanitizerReport(program, result.err);
    return result;
}

} // namespace cx::test
