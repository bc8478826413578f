#pragma once

#include "addresspolicy.h"
#include "plugin/platforminstance.h"
#include "serviceinstance.h"

#include <QList>
#include <QSet>
#include <QString>

namespace cx::zookeeperdiscovery {

/// A registration that is not dialled, and why.
struct SkippedRegistration
{
    QString node; ///< the znode name
    QString reason; ///< for a log line: "it is a link-local address"
    bool superseded = false; ///< an older registration of a Curator id: normal, not a warning
};

/// The instances to dial and what was left out.
struct InstanceSelection
{
    plugin::Membership instances; ///< in the order of the registrations given
    QList<SkippedRegistration> skipped;
};

/// Chooses the instances cxserver dials among the registrations read (config.md §4), in
/// O(n): one per Curator id, the newest registration (highest czxid, then ctime) winning, so
/// that the znodes Curator leaves behind (DYNAMIC_SEQUENTIAL, a re-registration) do not
/// double an instance's share; a disabled winner leaves its id out; then the addresses policy
/// refuses; then at most maxInstances, the instances of current (znode names published
/// before) first, so that the cap never drops an instance in use for a newcomer.
InstanceSelection selectInstances(const QList<Registration> &registrations,
                                  const AddressPolicy &policy, int maxInstances,
                                  const QSet<QString> &current);

} // namespace cx::zookeeperdiscovery
