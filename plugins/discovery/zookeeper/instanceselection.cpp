#include "instanceselection.h"

#include <QHash>
#include <tuple>

namespace cx::zookeeperdiscovery {

namespace {

bool isNewer(const Registration &a, const Registration &b)
{
    return std::tie(a.czxid, a.ctime) > std::tie(b.czxid, b.ctime);
}

} // namespace

InstanceSelection selectInstances(const QList<Registration> &registrations,
                                  const AddressPolicy &policy, int maxInstances,
                                  const QSet<QString> &current)
{
    InstanceSelection selection;
    QHash<QString, qsizetype> newest; // Curator id -> index of its newest registration
    newest.reserve(registrations.size());
    for (qsizetype i = 0; i < registrations.size(); ++i) {
        const auto it = newest.find(registrations.at(i).id);
        if (it == newest.end())
            newest.insert(registrations.at(i).id, i);
        else if (isNewer(registrations.at(i), registrations.at(*it)))
            *it = i;
    }

    QList<qsizetype> dialled; // indexes that pass every check but the cap
    for (qsizetype i = 0; i < registrations.size(); ++i) {
        const Registration &registration = registrations.at(i);
        const QString &node = registration.instance.id;
        if (newest.value(registration.id) != i) {
            selection.skipped.append(
                {node,
                 QStringLiteral("a newer registration of instance id \"%1\" is there")
                     .arg(registration.id),
                 true});
            continue;
        }
        if (!registration.enabled)
            continue;
        const QString refusal = policy.refusal(registration.instance.address);
        if (!refusal.isEmpty()) {
            selection.skipped.append(
                {node, QStringLiteral("address %1: %2").arg(registration.instance.address, refusal),
                 false});
            continue;
        }
        dialled.append(i);
    }

    // The cap: the instances published before keep their places, newcomers take the rest.
    QList<bool> kept(registrations.size(), false);
    qsizetype room = maxInstances;
    for (const bool currentFirst : {true, false}) {
        for (const qsizetype i : std::as_const(dialled)) {
            if (room > 0 && current.contains(registrations.at(i).instance.id) == currentFirst) {
                kept[i] = true;
                --room;
            }
        }
    }
    for (const qsizetype i : std::as_const(dialled)) {
        if (kept.at(i))
            selection.instances.append(registrations.at(i).instance);
        else
            selection.skipped.append(
                {registrations.at(i).instance.id,
                 QStringLiteral("service-discovery.max-instances (%1) instances are dialled "
                                "already")
                     .arg(maxInstances),
                 false});
    }
    return selection;
}

} // namespace cx::zookeeperdiscovery
