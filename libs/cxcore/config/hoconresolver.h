#pragma once

#include "diagnostic.h"
#include "hoconnode.h"
#include "value.h"

#include <optional>

namespace cx::config {

/// Resolves a document's root object as Typesafe Config's resolve() does: substitutions are
/// looked up from the root (a self-reference sees the value set before it), a path the
/// document does not define falls back to the environment variable of that name, an undefined
/// ${?x} removes its field. Returns the resolved tree, or std::nullopt with *error set.
std::optional<Value> resolveHocon(const HoconNodePtr &root, Diagnostic *error);

} // namespace cx::config
