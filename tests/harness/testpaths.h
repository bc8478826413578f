#pragma once

#include <QString>

namespace cx::test {

/// Absolute path of an executable built by this project (build/bin/NAME).
QString binaryPath(const QString &name);

/// Absolute path of a file in the source tree, e.g. "installer/conf/cxserver-sample.conf".
QString sourcePath(const QString &relative);

} // namespace cx::test
