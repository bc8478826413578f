#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace cx::zookeeperdiscovery {

/// Which discovered addresses cxserver may dial (config.md §2): never a link-local,
/// multicast, broadcast or unspecified address; and, when allowed networks are given
/// (`service-discovery.allowed-networks`), only an address literal inside one of them.
class AddressPolicy
{
public:
    /// networks: CIDR strings such as "10.0.0.0/8" (a bare address is one host); the config
    /// schema has checked them, one that does not parse is ignored.
    explicit AddressPolicy(const QStringList &networks = {});

    /// Why address must not be dialled (for a log line), or empty when it may be. A host
    /// name passes only when no allowed networks are set: cxserver cannot tell where it
    /// resolves to at connection time.
    QString refusal(const QString &address) const;

    /// True for a loopback address literal and for "localhost".
    static bool isLoopback(const QString &address);

private:
    QList<QPair<QHostAddress, int>> m_networks;
};

} // namespace cx::zookeeperdiscovery
