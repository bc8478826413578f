#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace cx::ctl {

/// Lines of a table whose columns are padded to their widest cell and separated by two
/// spaces; a cell of a column for which rightAligned(column) holds is right-aligned (numbers).
/// Trailing blanks are cut. Each line ends with a newline.
QString alignColumns(const QList<QStringList> &rows,
                     const std::function<bool(qsizetype)> &rightAligned);

} // namespace cx::ctl
