#pragma once

#include <QByteArray>
#include <QString>

namespace cx::test {

/// Keeps a child's output as a sanitizer report when it holds one and the sanitizer runs ask
/// for it ($CX_SANITIZER_REPORT_DIR, set by tools/dev/sanitize.sh). GCC's UBSan, linked with
/// ASan, ignores log_path and prints "runtime error:" to stderr, which the harness captures:
/// written to that folder, it fails the sanitizer stage even when no test noticed.
void keepSanitizerReport(const QString &name, const QByteArray &output);

} // namespace cx::test
