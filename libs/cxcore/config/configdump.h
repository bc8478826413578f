#pragma once

#include "cxcore_global.h"
#include "serverconfig.h"

#include <QByteArray>

namespace cx::config {

/// The `--dump-config` document (cli.md): the resolved file as one compact JSON object rooted
/// above cx-server, as Typesafe Config's concise render writes it, plus the default of every
/// known key the file leaves unset or null (discovery.plugin: the plugin it derives to).
/// Values keep their HOCON type ("64k" stays a string); a secret that is set shows as
/// "***", one that is not as null. Meant for a configuration without errors.
CXCORE_EXPORT QByteArray dumpServerConfig(const LoadedServerConfig &loaded);

} // namespace cx::config
