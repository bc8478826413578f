#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

namespace cx::ctl {

/// The sockets a `--sockets-file` names: one status socket (a name or a path) per line;
/// blank lines and lines starting with # are skipped, as is what follows " #" on a line.
/// An error when the file cannot be read or names none.
Result<QStringList> readSocketsFile(const QString &path);

/// Sockets in the order given, each once.
QStringList uniqueSockets(const QStringList &sockets);

} // namespace cx::ctl
