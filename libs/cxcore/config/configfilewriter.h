#pragma once

#include "cxcore_global.h"
#include "result.h"

#include <QByteArrayView>
#include <QString>

namespace cx::config {

/// The group of cxserver's service account: the Linux package makes /etc/cxserver and its
/// files root:cxserver, so that the service (user cxserver) can read what root wrote.
inline constexpr char ServiceGroup[] = "cxserver";

/// Writes \a bytes over \a path the way every writer of cxserver's files must (cxserver
/// config, the configurator's editor and wizard), so that a save never locks the service
/// out of its own files (docs/configuration.md "How files are written"):
/// - atomically: a temporary file in the same folder, renamed over the target;
/// - an existing file keeps its owner, group and mode (an error, nothing written, when the
///   writer may not give them back, e.g. a group it is not a member of);
/// - a new file gets mode 0640 and, where the writer may give it (root, or a member), the
///   group \a newFileGroup; otherwise the writer's own group.
/// On Windows only the atomic replacement applies (ACLs are inherited from the folder).
CXCORE_EXPORT Result<void> writeConfigFile(const QString &path, QByteArrayView bytes,
                                           const QString &newFileGroup
                                           = QString::fromLatin1(ServiceGroup));

/// The largest file copyConfigFile() copies.
inline constexpr qint64 MaxCopiedFileBytes = 16 * 1024 * 1024;

/// Copies \a source (a regular file of at most MaxCopiedFileBytes) over \a destination by
/// the same rules (a keystore placed next to the configuration that names it).
CXCORE_EXPORT Result<void> copyConfigFile(const QString &source, const QString &destination,
                                          const QString &newFileGroup
                                          = QString::fromLatin1(ServiceGroup));

} // namespace cx::config
