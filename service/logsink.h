#pragma once

#include <QLoggingCategory>

namespace cx::server {

/// The service's life: starting, ready, reloads, stopping, stopped. Logged at info and
/// shown whatever logging.level says (unless a logging.rules entry names cx.lifecycle).
Q_DECLARE_LOGGING_CATEGORY(lcLifecycle)

/// Where the service's log lines go (architecture.md "Logging"): every line carries its
/// category. Under systemd (JOURNAL_STREAM set) each line goes to stderr with its syslog
/// priority as a "<N>" prefix, which journald turns into the entry's priority, and without
/// a timestamp (journald stamps it); elsewhere lines are timestamped. Levels are set by
/// QLoggingCategory filter rules (logging.level, logging.rules; changed by a reload).
void installLogSink();

} // namespace cx::server
