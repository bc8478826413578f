#include "testpaths.h"

#include <QDir>

namespace cx::test {

QString binaryPath(const QString &name)
{
    return QDir(QStringLiteral(CX_BIN_DIR)).absoluteFilePath(name);
}

QString sourcePath(const QString &relative)
{
    return QDir(QStringLiteral(CX_SOURCE_DIR)).absoluteFilePath(relative);
}

} // namespace cx::test
