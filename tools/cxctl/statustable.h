#pragma once

#include "status/statussnapshot.h"

#include <QString>

namespace cx::ctl {

/// The status as a person reads it: a summary line, then one row per platform instance
/// (id, address, state, writable, pipes, pending bytes, in-flight, routed, errors).
QString renderStatusTable(const status::StatusSnapshot &status);

/// "1h 02m 03s", "4m 05s", "6s".
QString formatUptime(qint64 seconds);

/// "ws://10.0.0.11:8080", "wss://…".
QString formatAddress(const status::InstanceStatus &instance);

/// "512 B", "64.0 KiB", "3.5 MiB".
QString formatBytes(qint64 bytes);

} // namespace cx::ctl
