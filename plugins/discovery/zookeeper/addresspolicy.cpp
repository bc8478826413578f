#include "addresspolicy.h"

#include <algorithm>

namespace cx::zookeeperdiscovery {

namespace {

/// The address literal in text, an IPv4-mapped IPv6 address as IPv4; null for a host name.
QHostAddress literal(const QString &text)
{
    QHostAddress address(text);
    bool mapped = false;
    const quint32 ipv4 = address.toIPv4Address(&mapped);
    if (mapped && address.protocol() == QAbstractSocket::IPv6Protocol)
        address.setAddress(ipv4);
    return address;
}

} // namespace

AddressPolicy::AddressPolicy(const QStringList &networks)
{
    for (const QString &network : networks) {
        const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(network.trimmed());
        if (!subnet.first.isNull())
            m_networks.append(subnet);
    }
}

QString AddressPolicy::refusal(const QString &address) const
{
    const QHostAddress ip = literal(address);
    if (ip.isNull())
        return m_networks.isEmpty() ? QString()
                                    : QStringLiteral("it is a host name, not an address inside "
                                                     "service-discovery.allowed-networks");
    if (ip.isLinkLocal())
        return QStringLiteral("it is a link-local address");
    if (ip.isMulticast() || ip.isBroadcast())
        return QStringLiteral("it is a multicast or broadcast address");
    if (ip == QHostAddress::AnyIPv4 || ip == QHostAddress::AnyIPv6)
        return QStringLiteral("it is the unspecified address");
    const bool allowed = m_networks.isEmpty()
        || std::any_of(m_networks.cbegin(), m_networks.cend(),
                       [&](const QPair<QHostAddress, int> &net) { return ip.isInSubnet(net); });
    return allowed ? QString() : QStringLiteral("it is outside service-discovery.allowed-networks");
}

bool AddressPolicy::isLoopback(const QString &address)
{
    return address.compare(QLatin1StringView("localhost"), Qt::CaseInsensitive) == 0
        || literal(address).isLoopback();
}

} // namespace cx::zookeeperdiscovery
