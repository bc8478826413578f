#pragma once

#include "cxcore_global.h"
#include "result.h"

#include <QString>
#include <QStringList>

namespace cx::status {

/// The sockets a `--sockets-file` names: one status socket (a name or a path) per line;
/// blank lines and lines starting with # are skipped, as is what follows " #" on a line.
/// An error when the file cannot be read or names none.
CXCORE_EXPORT Result<QStringList> readSocketsFile(const QString &path);

/// Sockets in the order given, each once.
CXCORE_EXPORT QStringList uniqueSockets(const QStringList &sockets);

} // namespace cx::status
