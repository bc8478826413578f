#pragma once

#include "configfilewriter.h"
#include "cxcore_global.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cx::config {

/// The files a configuration makes cxserver read: the configuration itself, then the
/// absolute path in every key that names a file (schema::KeySpec::namesFile()). A text
/// that does not parse gives the configuration alone.
CXCORE_EXPORT QStringList filesReadByService(const QString &configPath, const QByteArray &text);

/// Why the service account (the user and the group named \a group, as the package makes
/// them) could not read \a path, e.g. "/etc/cxserver/edge.p12 is 0600 root:root: the group
/// cxserver may not read it"; empty when it can, when \a path does not exist (other checks
/// say so), when \a group does not exist on this machine, and on Windows.
CXCORE_EXPORT QString serviceCannotRead(const QString &path,
                                        const QString &group = QString::fromLatin1(ServiceGroup));

} // namespace cx::config
