#include "loopbackpeer.h"

#ifdef Q_OS_LINUX
#include <cstring>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#endif

namespace cx::zookeeperdiscovery {

#ifdef Q_OS_LINUX

namespace {

/// A netlink socket closed on scope exit.
struct NetlinkSocket
{
    int fd = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    ~NetlinkSocket()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

bool peerIsSameUser(qintptr descriptor)
{
    sockaddr_in local {};
    sockaddr_in peer {};
    socklen_t length = sizeof(local);
    if (::getsockname(int(descriptor), reinterpret_cast<sockaddr *>(&local), &length) != 0
        || local.sin_family != AF_INET)
        return false;
    length = sizeof(peer);
    if (::getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&peer), &length) != 0
        || peer.sin_family != AF_INET)
        return false;

    NetlinkSocket netlink;
    const timeval bound {1, 0}; // the kernel answers at once; never wait longer than that
    if (netlink.fd < 0
        || ::setsockopt(netlink.fd, SOL_SOCKET, SO_RCVTIMEO, &bound, sizeof(bound)) != 0)
        return false;
    // One exact lookup (no dump) of the peer's end: source is the peer, destination us.
    struct
    {
        nlmsghdr header;
        inet_diag_req_v2 request;
    } query {};
    query.header.nlmsg_len = sizeof(query);
    query.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    query.header.nlmsg_flags = NLM_F_REQUEST;
    query.request.sdiag_family = AF_INET;
    query.request.sdiag_protocol = IPPROTO_TCP;
    query.request.idiag_states = ~0U;
    query.request.id.idiag_sport = peer.sin_port;
    query.request.id.idiag_dport = local.sin_port;
    query.request.id.idiag_src[0] = peer.sin_addr.s_addr;
    query.request.id.idiag_dst[0] = local.sin_addr.s_addr;
    query.request.id.idiag_cookie[0] = INET_DIAG_NOCOOKIE;
    query.request.id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
    sockaddr_nl kernel {};
    kernel.nl_family = AF_NETLINK;
    if (::sendto(netlink.fd, &query, sizeof(query), 0, reinterpret_cast<sockaddr *>(&kernel),
                 sizeof(kernel))
        != ssize_t(sizeof(query)))
        return false;
    alignas(nlmsghdr) char reply[8192];
    const ssize_t received = ::recv(netlink.fd, reply, sizeof(reply), 0);
    if (received < ssize_t(sizeof(nlmsghdr)))
        return false;
    const auto *header = reinterpret_cast<const nlmsghdr *>(reply);
    if (!NLMSG_OK(header, size_t(received)) || header->nlmsg_type != SOCK_DIAG_BY_FAMILY
        || header->nlmsg_len < NLMSG_LENGTH(sizeof(inet_diag_msg)))
        return false;
    const auto *message = static_cast<const inet_diag_msg *>(NLMSG_DATA(header));
    return message->idiag_uid == ::geteuid();
}

#else

bool peerIsSameUser(qintptr)
{
    return false;
}

#endif

} // namespace cx::zookeeperdiscovery
