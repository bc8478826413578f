#pragma once

#include <QLoggingCategory>

namespace cx::zookeeperdiscovery {

/// The ZooKeeper discovery plugin's log category, "cx.discovery.zookeeper".
Q_DECLARE_LOGGING_CATEGORY(lcZooKeeper)

} // namespace cx::zookeeperdiscovery
