#pragma once

#include "cxcore_global.h"

#include <QStringView>

namespace cx::config {

/// Whether \a text is one of the placeholders the shipped sample configurations hold in
/// place of an operator's own value: "replace-with-…", or a host name under the domains
/// RFC 2606 reserves for examples (example.com, example.net, example.org, *.example).
/// Such a value passes the schema but cannot work: --check-config warns about it.
CXCORE_EXPORT bool isPlaceholder(QStringView text);

} // namespace cx::config
