#pragma once

#include "cxcore_global.h"
#include "result.h"
#include "value.h"

#include <QString>
#include <QStringList>
#include <chrono>

namespace cx::config {

/// Reading a resolved Value as a typed setting, exactly as Typesafe Config 1.3 does it
/// (config.md §2: "Values convert as Typesafe Config converts them"):
///
/// - getBoolean: a boolean, or one of the strings true/yes/on/false/no/off (case-sensitive).
/// - getLong / getInt: a number, or a string that Java reads as a long or, failing that, as
///   a double ("5", " 5 ", "1e3", "1.5", "1d", "NaN"). A double is truncated toward zero
///   and saturated at the 64-bit limits (NaN is 0); getInt then rejects values outside
///   the 32-bit range.
/// - getString: a string, or a number (its source text) or a boolean ("true"/"false").
/// - getStringList: a list whose elements convert as getString does, or an object whose
///   non-negative integer keys ("0", "1", ...) give the order of its elements.
/// - getDuration: a number or a string "NUMBER [UNIT]"; a bare number means milliseconds;
///   units ns, us, ms, s, m, h, d and their long forms (nanos, nanosecond(s), millis, ...).
/// - getBytes: as getLong when the text is a plain number; else "NUMBER [UNIT]" with the
///   units of HOCON.md "Size in bytes format" (B, k/K/Ki/KiB = 1024, kB = 1000, ...),
///   computed exactly, truncated toward zero, within the signed 64-bit range.
///
/// A null value converts to nothing: callers decide what null means. On failure the Error
/// message is a predicate that reads after the value, e.g. `is not a number` or
/// `has an unknown time unit "sec" (use ns, us, ms, s, m, h or d)`; it never repeats the
/// value itself, so that a caller can leave a secret out.

CXCORE_EXPORT Result<bool> toBoolean(const Value &value);
CXCORE_EXPORT Result<qint64> toLong(const Value &value);
CXCORE_EXPORT Result<int> toInt(const Value &value);
CXCORE_EXPORT Result<QString> toString(const Value &value);
CXCORE_EXPORT Result<QStringList> toStringList(const Value &value);
CXCORE_EXPORT Result<std::chrono::nanoseconds> toDuration(const Value &value);
CXCORE_EXPORT Result<qint64> toBytes(const Value &value);

/// The string forms behind toDuration and toBytes ("30s", "1.5 h", "64k", "1 MiB").
CXCORE_EXPORT Result<std::chrono::nanoseconds> parseDuration(QStringView text);
CXCORE_EXPORT Result<qint64> parseBytes(QStringView text);

} // namespace cx::config
