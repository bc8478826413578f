#include "diagnostic.h"

#include <algorithm>

namespace cx::config {

QString Diagnostic::format() const
{
    const QString kind
        = severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
    QString where = origin.file;
    if (origin.line > 0)
        where += u':' + QString::number(origin.line) + u':'
            + QString::number(std::max(origin.column, 1));
    return where + u": " + kind + u": " + message;
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(), [](const Diagnostic &d) {
        return d.severity == Diagnostic::Severity::Error;
    });
}

} // namespace cx::config
