#include "diagnostic.h"

#include <algorithm>

namespace cx::config {

QString Origin::describe() const
{
    if (line <= 0)
        return file;
    return file + u':' + QString::number(line) + u':' + QString::number(std::max(column, 1));
}

QString Diagnostic::format() const
{
    const QString kind
        = severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
    return origin.describe() + u": " + kind + u": " + message;
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(), [](const Diagnostic &d) {
        return d.severity == Diagnostic::Severity::Error;
    });
}

} // namespace cx::config
