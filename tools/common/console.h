#pragma once

#include <QByteArray>

namespace cx::tools {

/// Writes \a line and a newline to stdout and flushes, so that a test waiting for the line
/// (or a pipe into another tool) sees it at once.
void printLine(const QByteArray &line);

} // namespace cx::tools
