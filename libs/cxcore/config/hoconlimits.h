#pragma once

#include <QtGlobal>

namespace cx::config {

// Limits of the HOCON reader (config.md §1): they bound the time, the memory and the stack it
// spends on any input. Each is far above what a real cxserver.conf needs (a few KB, objects
// five levels deep, a handful of substitutions); going over one is an error diagnostic with
// the FILE:LINE:COL where it happened, never a crash, a hang or a huge allocation.

/// Bytes read for one document and every file it includes, together. The reader keeps a
/// token and a node for as little as two bytes (`1,`): a hostile megabyte takes it about
/// 300 MB and two seconds.
constexpr qint64 maxHoconInputBytes = 1024 * 1024;

/// Files included inside each other, as Typesafe Config ("nested more than 50 times").
constexpr int maxHoconIncludeDepth = 50;

/// How deep a document's values nest: every '{' and '[', every key of a dotted path after the
/// first, and the objects an include statement sits in count. Bounds the recursion of the
/// reader and of everything that walks the tree it builds, destructors included.
constexpr int maxHoconDepth = 512;

/// Characters in one key of a path: each of `a` and `b` in `a.b = 1` or `${a.b}`.
constexpr int maxHoconKeyLength = 1024;

/// Keys in the paths of all the fields of one document, summed (what the outline records for
/// the editor: `a { b = 1, c = 2 }` counts 1 + 2 + 2).
constexpr qint64 maxHoconOutlineKeys = 1'000'000;

/// How deep the resolved values nest: a substitution can put a deep object inside another.
constexpr int maxHoconResolvedDepth = 1024;

/// Resolutions inside resolutions: objects inside objects, a substitution whose value holds
/// substitutions... Bounds the recursion of the resolver.
constexpr int maxHoconResolveNesting = 2048;

/// Resolution steps: each value resolved and each value it holds (again for every
/// self-reference that sees a different value below it), plus the characters of the paths
/// that tell those apart. `a = ${a} ${a}` repeated doubles the steps at every line: this keeps
/// any such document to about a tenth of a second.
constexpr qint64 maxHoconResolveSteps = 250'000;

/// Values and characters that substitutions and concatenations copy, each counted whole
/// (an object of ten strings copied twice counts twice): what stops `a1 = {x = ${a0},
/// y = ${a0}}`, `a2 = {x = ${a1}, y = ${a1}}`... from doubling the resolved tree at each line.
constexpr qint64 maxHoconCopiedSize = 250'000;

} // namespace cx::config
