#pragma once

#include <QtGlobal>

namespace cx::zookeeperdiscovery {

/// Whether the peer of \a descriptor, a TCP connection accepted on 127.0.0.1, is a socket
/// of this process's user (Linux: the kernel's sock_diag tells the owner of the peer's end).
/// Another local user could otherwise borrow what a loopback listener adds on its way out,
/// such as a TLS client certificate. False when it cannot be told (another system).
bool peerIsSameUser(qintptr descriptor);

} // namespace cx::zookeeperdiscovery
