#pragma once

#include "cxcore_global.h"

#include <QList>
#include <QString>

namespace cx::config {

/// Where a value or a finding comes from. line and column are 1-based; 0 means unknown.
struct Origin
{
    QString file; ///< the file name as given by the caller (not made absolute)
    int line = 0;
    int column = 0;

    /// "FILE:LINE:COL" (FILE alone when no position is known).
    CXCORE_EXPORT QString describe() const;
};

/// One finding about a configuration file: a syntax error, a type error, an unknown key...
struct CXCORE_EXPORT Diagnostic
{
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    Origin origin;
    QString message;

    /// "FILE:LINE:COL: error: message" (config.md §2); FILE alone when no position is known.
    QString format() const;
};

using Diagnostics = QList<Diagnostic>;

/// True when any diagnostic is an error.
CXCORE_EXPORT bool hasErrors(const Diagnostics &diagnostics);

} // namespace cx::config
