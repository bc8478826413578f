// Reads each HOCON file named on the command line with cx::config::parseHoconFile and prints
// one line per file: "OK <compact JSON>" or "ERROR <FILE:LINE:COL: error: message>". The
// differential test runs Typesafe Config over the same files and compares.

#include "config/hoconparser.h"
#include "config/jsonrender.h"

#include <QCoreApplication>
#include <QStringList>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList files = app.arguments().mid(1);
    if (files.isEmpty()) {
        std::fputs("usage: hocon2json FILE...\n", stderr);
        return 2;
    }
    for (const QString &file : files) {
        const cx::config::ParseResult result = cx::config::parseHoconFile(file);
        QByteArray line;
        if (result.root) {
            line = "OK " + cx::config::renderJson(*result.root);
        } else {
            QStringList messages;
            for (const cx::config::Diagnostic &diagnostic : result.diagnostics)
                messages.append(diagnostic.format());
            line = "ERROR " + messages.join(u' ').toUtf8().replace('\n', ' ');
        }
        line += '\n';
        std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    }
    return 0;
}
