#pragma once

#include "cxcore_global.h"
#include "value.h"

#include <QByteArray>
#include <QString>

namespace cx::config {

/// Renders a resolved value as compact JSON (UTF-8), as Typesafe Config's
/// `root().render(ConfigRenderOptions.concise())` does: no whitespace; object keys ordered with
/// all-digit keys first by numeric value, then the others by string comparison; strings
/// escaped as quoteJsonString() does; numbers as their source text, normalised only where it
/// is not valid JSON ("007" → 7, "1." → 1, "-.5" → -0.5).
CXCORE_EXPORT QByteArray renderJson(const Value &value);

/// A JSON string literal: '"', '\\' and the control characters escaped (\n, \b, \f, \r, \t,
/// others as \u00XX), everything else as is. Also valid as a HOCON quoted string.
CXCORE_EXPORT QString quoteJsonString(QStringView text);

} // namespace cx::config
