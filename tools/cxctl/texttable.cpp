#include "texttable.h"

using namespace Qt::StringLiterals;

namespace cx::ctl {

QString alignColumns(const QList<QStringList> &rows,
                     const std::function<bool(qsizetype)> &rightAligned)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        if (widths.size() < row.size())
            widths.resize(row.size(), 0);
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = qMax(widths[c], row.at(c).size());
    }
    QString out;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c > 0)
                line += u"  "_s;
            line += rightAligned(c) ? row.at(c).rightJustified(widths[c])
                                    : row.at(c).leftJustified(widths[c]);
        }
        out += QStringView(line).trimmed() + u'\n';
    }
    return out;
}

} // namespace cx::ctl
