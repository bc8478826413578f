#pragma once

#include "cxcore_global.h"
#include "result.h"

#include <QByteArray>
#include <QString>

namespace cx::config {

/// In-place editing of a HOCON file (config.md §1 "Editing"): changes one value and keeps
/// every other byte (comments, blank lines, key order, quoting of untouched values).
namespace editor {

/// Returns `text` with the value at `path` (a full HOCON path such as
/// "cx-server.transport.websockets.app-key") replaced by `hoconValue`, which is HOCON
/// source text ("\"abc\"", "10", "true", "[1, 2]"). When the key is set several times the
/// last (winning) assignment is changed. When it is absent, a `key = value` line is
/// added inside the deepest existing enclosing object, indented like its siblings, or a
/// dotted assignment is appended. Errors: unparsable input, or a path that crosses a
/// non-object value.
CXCORE_EXPORT Result<QByteArray> setValue(const QByteArray &text, const QString &path,
                                          const QString &hoconValue);

} // namespace editor
} // namespace cx::config
