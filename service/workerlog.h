#pragma once

#include <QLoggingCategory>

namespace cx::server {

/// "cx.worker": what a worker says about its edges, requests and platform instances
/// (docs/operations.md "Logs"). Defined in worker.cpp.
Q_DECLARE_LOGGING_CATEGORY(lcWorker)

} // namespace cx::server
