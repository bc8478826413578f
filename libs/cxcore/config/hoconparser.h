#pragma once

#include "cxcore_global.h"
#include "diagnostic.h"
#include "value.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace cx::config {

/// The outcome of reading a HOCON document: the resolved root object (absent when there
/// were errors) and every finding with its FILE:LINE:COL.
struct ParseResult
{
    std::optional<Value> root;
    Diagnostics diagnostics;
};

/// Reads, includes, merges and resolves a HOCON file (config.md §1). Substitutions that the
/// file does not define fall back to environment variables, as Typesafe Config's resolve()
/// does. `include "x"` is relative to the including file.
CXCORE_EXPORT ParseResult parseHoconFile(const QString &path);

/// Same, from text already in memory; fileName is used in origins and as the base for
/// includes (may be empty: includes are then relative to the current directory).
CXCORE_EXPORT ParseResult parseHoconText(const QByteArray &text, const QString &fileName);

} // namespace cx::config
