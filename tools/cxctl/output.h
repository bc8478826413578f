#pragma once

#include <QString>
#include <cstdio>

namespace cx::ctl {

/// Writes text as UTF-8 to stream (stdout or stderr) and flushes it.
void print(FILE *stream, const QString &text);

} // namespace cx::ctl
