#pragma once

#include "cxcore_global.h"
#include "result.h"

#include <QString>

namespace cx::status {

/// What the default location of the status socket depends on; current() reads it from the
/// process, tests make up their own.
struct CXCORE_EXPORT SocketEnvironment
{
    QString runtimeDir; ///< $XDG_RUNTIME_DIR; empty when unset
    QString tempDir; ///< the temporary folder ($TMPDIR or /tmp)
    uint uid = 0; ///< the effective user id

    static SocketEnvironment current();
};

/// Who asks for the socket's location.
enum class SocketUse {
    Listen, ///< cxserver: creates the private folder when it is missing
    Connect, ///< a client (cxctl, the configurator): creates nothing
};

/// Where the status socket named by admin.socket (config.md §5) lives, as cxserver, cxctl
/// and the configurator all see it. A value with a '/' is a socket path and stays as it is,
/// and so does any value on Windows (a bare name is the pipe `\\.\pipe\NAME`). On Unix a
/// bare name goes where no other local user can create it first: `$XDG_RUNTIME_DIR/NAME`
/// when that variable holds an absolute path, else `<tempdir>/cxserver-<uid>/NAME`, in a
/// folder that must be this user's own and writable by nobody else (created 0700 for
/// SocketUse::Listen). A folder that is not (another owner, group or other write access, a
/// symbolic link or not a folder) is an error that names it.
CXCORE_EXPORT Result<QString> socketLocation(const QString &name, SocketUse use,
                                             const SocketEnvironment &environment
                                             = SocketEnvironment::current());

} // namespace cx::status
