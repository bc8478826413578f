#pragma once

#include "status/clusterwatch.h"

#include <QDateTime>
#include <QString>

namespace cx::ctl {

/// The watch as plain text (no escape codes): a header with the time, the interval and the
/// cluster's totals; one section per cxserver (up with its summary and a table of its
/// instances, or down since when and why); the latest events, oldest first.
QString renderWatch(const status::ClusterWatch &watch, const QDateTime &now, int intervalMs);

} // namespace cx::ctl
