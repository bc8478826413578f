#pragma once

#include "diagnostic.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <memory>

namespace cx::config {

struct HoconNode;
using HoconNodePtr = std::shared_ptr<const HoconNode>;

/// A HOCON value as read, before resolution (internal to the reader). Besides plain values it
/// holds substitutions, concatenations that contain substitutions, and merges: the values set
/// for one key that can only be combined once their substitutions are resolved.
struct HoconNode
{
    enum class Kind {
        Null,
        Boolean,
        Number,
        String,
        List,
        Object,
        Substitution,
        Concatenation,
        Merge
    };

    Kind kind = Kind::Null;
    Origin origin;
    QString text; ///< Boolean, Number, String: the text (a number's source text)
    bool whitespace = false; ///< String: the whitespace between two words of a concatenation
    bool ignoresFallbacks = false; ///< Object: set over a non-object, older values stay hidden
    QList<HoconNodePtr> items; ///< List: items; Concatenation: pieces; Merge: values, newest first
    QMap<QString, HoconNodePtr> fields; ///< Object
    QStringList path; ///< Substitution: the path from the root
    int prefixLength = 0; ///< Substitution: leading keys of path added by an include
    bool optional = false; ///< Substitution: ${?...}

    /// Null, Boolean, Number, String or List: once resolved, hides anything set before it.
    bool isPlain() const { return kind < Kind::Object; }
    /// Substitution, Concatenation or Merge: known only once resolved.
    bool isUnresolved() const { return kind > Kind::Object; }
};

std::shared_ptr<HoconNode> makeHoconNode(HoconNode::Kind kind, Origin origin);

/// A resolved scalar or list, or an object set over one: nothing set before it shows through.
bool ignoresHoconFallbacks(const HoconNodePtr &node);

/// `newer` set over `older` for the same key (Typesafe's withFallback): objects merge key by
/// key, a resolved plain value hides what was before, and a value that holds substitutions
/// becomes a Merge with it, combined once resolved.
HoconNodePtr mergeHoconNodes(const HoconNodePtr &newer, const HoconNodePtr &older);

/// older = mergeHoconNodes(newer, older), done in place where older is an object that nothing
/// else holds (the reader's own tree), so that setting many keys of one object stays linear.
void mergeHoconNodeInto(HoconNodePtr &older, const HoconNodePtr &newer);

/// Concatenates adjacent pieces of a value that hold no substitution, left to right: strings
/// and other scalars by their text, lists by appending, objects by merging (right over left);
/// whitespace after an object or a list is dropped. The result has one node, or several when
/// substitutions are left. Sets *errorOrigin and *error (and returns nothing) when two pieces
/// do not go together, such as a string and a list.
QList<HoconNodePtr> consolidateHoconNodes(const QList<HoconNodePtr> &pieces, Origin *errorOrigin,
                                          QString *error);

/// The node with `prefix` put before the path of every substitution in it (what an include
/// inside an object does to the included document).
HoconNodePtr relativizeHoconNode(const HoconNodePtr &node, const QStringList &prefix);

bool containsHoconSubstitution(const HoconNodePtr &node);

} // namespace cx::config
