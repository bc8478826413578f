#pragma once

#include <QtGlobal>

namespace cx::test {

/// A TCP port on 127.0.0.1 that was free a moment ago (bound, then released), chosen at
/// random below the kernel's ephemeral range so that no outgoing connection takes it before
/// the child binds it. For child processes that cannot report the port they chose themselves.
quint16 freePort();

} // namespace cx::test
