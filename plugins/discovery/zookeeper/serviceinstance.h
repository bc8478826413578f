#pragma once

#include "plugin/platforminstance.h"
#include "result.h"

#include <QByteArray>
#include <QString>

namespace cx::zookeeperdiscovery {

/// One registration znode as read: a Curator ServiceInstance and the znode's creation stamp.
struct Registration
{
    QString id; ///< the instance's identity: Curator's `id`, or the znode name without one
    bool enabled = true; ///< false: registered as disabled (then instance may be incomplete)
    plugin::PlatformInstance instance; ///< its id is the znode name (config.md §5)
    qint64 czxid = 0; ///< the znode's creation transaction: the newest registration wins
    qint64 ctime = 0; ///< the znode's creation time (ms), the tie-breaker
};

/// Reads the data of the registration znode named node: an Apache Curator ServiceInstance
/// JSON object (config.md §4). The address comes from `address` and the port from `port`,
/// or from `sslPort` when tls is set; `"enabled": false` gives a disabled registration whose
/// address and port are not checked. Unknown fields and `payload` are ignored. Data that is
/// not such an object gives an error saying why (for one warning). czxid and ctime are left
/// for the caller, who has the znode's Stat.
Result<Registration> parseServiceInstance(const QString &node, const QByteArray &data, bool tls);

} // namespace cx::zookeeperdiscovery
