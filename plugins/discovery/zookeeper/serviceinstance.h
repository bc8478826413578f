#pragma once

#include "plugin/platforminstance.h"
#include "result.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace cx::zookeeperdiscovery {

/// Reads the data of one registration znode: an Apache Curator ServiceInstance JSON object
/// (config.md §4). The instance takes its id from the znode name, its address from
/// `address` and its port from `port`, or from `sslPort` when tls is set. Unknown fields
/// and `payload` are ignored. An instance registered with `"enabled": false` gives an empty
/// optional; data that is not such an object gives an error saying why (for one warning).
Result<std::optional<plugin::PlatformInstance>>
parseServiceInstance(const QString &id, const QByteArray &data, bool tls);

} // namespace cx::zookeeperdiscovery
