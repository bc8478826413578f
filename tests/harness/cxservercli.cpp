#include "cxservercli.h"

#include "testpaths.h"

#include <QFile>

namespace cx::test {

RunOptions cliOptions(const QList<std::pair<QString, QString>> &extra)
{
    RunOptions options;
    for (const char *name : {"CXSERVER_CONFIG", "CXSERVER_KEY_FILE", "CREDENTIALS_DIRECTORY"})
        options.environment.remove(QString::fromLatin1(name));
    // The tests read cxserver's English messages, whatever the machine's locale.
    options.environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    for (const auto &[name, value] : extra)
        options.environment.insert(name, value);
    return options;
}

CommandResult runCxserver(const QStringList &args, const RunOptions &options)
{
    return runCommand(binaryPath(QStringLiteral("cxserver")), args, options);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace cx::test
