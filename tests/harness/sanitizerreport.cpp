#include "sanitizerreport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <atomic>

using namespace Qt::StringLiterals;

namespace cx::test {

void keepSanitizerReport(const QString &name, const QByteArray &output)
{
    const QString folder = qEnvironmentVariable("CX_SANITIZER_REPORT_DIR");
    if (folder.isEmpty() || !output.contains("runtime error: "))
        return;
    static std::atomic<int> reports = 0;
    const QString fileName = u"ubsan-%1-%2-%3.log"_s.arg(QFileInfo(name).fileName())
                                 .arg(QCoreApplication::applicationPid())
                                 .arg(++reports);
    QFile report(QDir(folder).filePath(fileName));
    if (report.open(QIODevice::WriteOnly))
        report.write(output);
}

} // namespace cx::test
