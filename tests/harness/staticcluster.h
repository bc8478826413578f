#pragma once

#include "cxserverprocess.h"
#include "platformsimprocess.h"

#include <QStringList>
#include <memory>
#include <vector>

namespace cx::test {

using Sims = std::vector<std::unique_ptr<PlatformSimProcess>>;

/// count platform simulators ("sim0", "sim1", …) accepting appKey, each started with
/// arguments; empty when any of them failed to start.
Sims startSims(int count, const QByteArray &appKey, const QStringList &arguments = {});

/// A cxserver with the static discovery of these simulators (its pipes authenticate with
/// appKey), plus settings (HOCON lines inside cx-server). Null when it did not start or,
/// with waitForAll, did not connect to every simulator in time.
std::unique_ptr<CxServerProcess> startStaticServer(const Sims &sims, const QByteArray &appKey,
                                                   const QString &settings = {},
                                                   bool waitForAll = true);

} // namespace cx::test
