#pragma once

#include <QtGlobal>

namespace cx::test {

/// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, then released).
/// For child processes that cannot report the port they chose themselves.
quint16 freePort();

} // namespace cx::test
