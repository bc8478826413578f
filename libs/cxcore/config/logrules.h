#pragma once

#include "cxcore_global.h"

#include <QString>
#include <QStringList>

namespace cx::config {

/// The log levels of `logging.level` and of `logging.rules`, least to most severe.
CXCORE_EXPORT const QStringList &logLevelNames();

/// Why one `logging.rules` element ("cx.worker=debug", "cx.discovery.*=warning") is not a
/// rule, or empty when it is one.
CXCORE_EXPORT QString logRuleProblem(const QString &rule);

/// Qt filter rules (QLoggingCategory::setFilterRules) for a global level and per-category
/// rules already validated: the level applies to every category, Qt's own debug output stays
/// off, cx.lifecycle stays at info, and each rule then sets its categories to its level
/// ("off" silences them).
CXCORE_EXPORT QString loggingFilterRules(const QString &level, const QStringList &rules);

} // namespace cx::config
