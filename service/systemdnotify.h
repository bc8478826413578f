#pragma once

#include <QByteArrayView>

/// sd_notify(3) without libsystemd: the service tells systemd (Type=notify) that it is
/// ready, reloading or stopping. One datagram to the AF_UNIX socket named by $NOTIFY_SOCKET
/// (a path, or an abstract name written with a leading '@'). Does nothing when
/// NOTIFY_SOCKET is unset, so it is safe to call in a terminal, in tests and on Windows.
namespace cx::service::systemd {

/// Sends \a state, newline-separated "KEY=VALUE" assignments such as "READY=1",
/// "STOPPING=1", "RELOADING=1" or "STATUS=text". Returns true when the datagram was sent or
/// there is no systemd to send it to; false (with one warning in the log) when
/// $NOTIFY_SOCKET names a socket that cannot be reached.
bool notify(QByteArrayView state);

/// True when $NOTIFY_SOCKET is set: the process runs under systemd as Type=notify.
bool isEnabled();

} // namespace cx::service::systemd
