#include "hoconnode.h"

#include <algorithm>

namespace cx::config {

namespace {

QList<HoconNodePtr> asStack(const HoconNodePtr &node)
{
    return node->kind == HoconNode::Kind::Merge ? node->items : QList<HoconNodePtr> {node};
}

QString describe(const HoconNode &node)
{
    switch (node.kind) {
    case HoconNode::Kind::Object:
        return QStringLiteral("an object");
    case HoconNode::Kind::List:
        return QStringLiteral("a list");
    case HoconNode::Kind::String:
        return node.whitespace ? QStringLiteral("whitespace")
                               : QStringLiteral("the string \"%1\"").arg(node.text);
    default:
        return node.text;
    }
}

bool isComposite(const HoconNode &node)
{
    return node.kind == HoconNode::Kind::Object || node.kind == HoconNode::Kind::List;
}

} // namespace

std::shared_ptr<HoconNode> makeHoconNode(HoconNode::Kind kind, Origin origin)
{
    auto node = std::make_shared<HoconNode>();
    node->kind = kind;
    node->origin = std::move(origin);
    if (kind == HoconNode::Kind::Null)
        node->text = QStringLiteral("null");
    return node;
}

bool ignoresHoconFallbacks(const HoconNodePtr &node)
{
    if (node->kind == HoconNode::Kind::Object)
        return node->ignoresFallbacks;
    return node->isPlain() && !containsHoconSubstitution(node);
}

HoconNodePtr mergeHoconNodes(const HoconNodePtr &newer, const HoconNodePtr &older)
{
    // As Typesafe Config: a value that still holds substitutions is merged once resolved (the
    // value it hides is then resolved, and checked, too); a resolved one is merged now.
    if (ignoresHoconFallbacks(newer))
        return newer;
    if (newer->kind == HoconNode::Kind::Object) {
        if (older->kind == HoconNode::Kind::Object) {
            auto merged = std::make_shared<HoconNode>(*newer);
            merged->fields = older->fields;
            for (auto it = newer->fields.cbegin(); it != newer->fields.cend(); ++it) {
                const auto previous = older->fields.constFind(it.key());
                merged->fields.insert(it.key(),
                                      previous == older->fields.cend()
                                          ? it.value()
                                          : mergeHoconNodes(it.value(), *previous));
            }
            merged->ignoresFallbacks = older->ignoresFallbacks;
            return merged;
        }
        if (older->isPlain() && !containsHoconSubstitution(newer)) {
            auto hiding = std::make_shared<HoconNode>(*newer);
            hiding->ignoresFallbacks = true;
            return hiding;
        }
    } else if (newer->kind == HoconNode::Kind::Merge
               && ignoresHoconFallbacks(newer->items.constLast())) {
        return newer;
    }
    auto merge = makeHoconNode(HoconNode::Kind::Merge, newer->origin);
    merge->items = asStack(newer) + asStack(older);
    return merge;
}

void mergeHoconNodeInto(HoconNodePtr &older, const HoconNodePtr &newer)
{
    if (older.use_count() != 1 || older->kind != HoconNode::Kind::Object
        || newer->kind != HoconNode::Kind::Object || ignoresHoconFallbacks(newer)) {
        older = mergeHoconNodes(newer, older);
        return;
    }
    // the only reference, to a node made non-const (std::make_shared<HoconNode>)
    auto &target = const_cast<HoconNode &>(*older);
    target.origin = newer->origin;
    for (auto it = newer->fields.cbegin(); it != newer->fields.cend(); ++it) {
        const auto previous = target.fields.find(it.key());
        if (previous == target.fields.end())
            target.fields.insert(it.key(), it.value());
        else
            mergeHoconNodeInto(*previous, it.value());
    }
}

QList<HoconNodePtr> consolidateHoconNodes(const QList<HoconNodePtr> &pieces, Origin *errorOrigin,
                                          QString *error)
{
    QList<HoconNodePtr> joined;
    std::shared_ptr<HoconNode> owned; // joined.last() when built here: appended to in place
    for (const HoconNodePtr &piece : pieces) {
        if (joined.isEmpty() || joined.constLast()->isUnresolved() || piece->isUnresolved()) {
            joined.append(piece);
            owned.reset();
            continue;
        }
        const HoconNode &left = *joined.constLast();
        if (left.kind == HoconNode::Kind::Object && piece->kind == HoconNode::Kind::Object) {
            joined.last() = mergeHoconNodes(piece, joined.constLast());
            owned.reset();
            continue;
        }
        if (isComposite(left) && piece->kind == HoconNode::Kind::String && piece->whitespace)
            continue;
        const bool lists
            = left.kind == HoconNode::Kind::List && piece->kind == HoconNode::Kind::List;
        if (!lists && (isComposite(left) || isComposite(*piece))) {
            *errorOrigin = piece->origin;
            *error = QStringLiteral("cannot concatenate %1 with %2 (quote the text, or separate "
                                    "the values with a comma or a newline)")
                         .arg(describe(left), describe(*piece));
            return {};
        }
        if (!owned) {
            owned = makeHoconNode(lists ? HoconNode::Kind::List : HoconNode::Kind::String,
                                  left.origin);
            owned->text = left.text;
            owned->items = left.items;
            joined.last() = owned;
        }
        // scalars have no items and lists no text: this joins either
        owned->text += piece->text;
        owned->items += piece->items;
    }
    return joined;
}

HoconNodePtr relativizeHoconNode(const HoconNodePtr &node, const QStringList &prefix)
{
    if (node->isPlain() && node->kind != HoconNode::Kind::List)
        return node;
    auto copy = std::make_shared<HoconNode>(*node);
    if (node->kind == HoconNode::Kind::Substitution) {
        copy->path = prefix + node->path;
        copy->prefixLength += static_cast<int>(prefix.size());
    }
    for (HoconNodePtr &item : copy->items)
        item = relativizeHoconNode(item, prefix);
    for (HoconNodePtr &field : copy->fields)
        field = relativizeHoconNode(field, prefix);
    return copy;
}

bool containsHoconSubstitution(const HoconNodePtr &node)
{
    const auto contains = [](const HoconNodePtr &child) {
        return containsHoconSubstitution(child);
    };
    return node->kind == HoconNode::Kind::Substitution
        || std::any_of(node->items.cbegin(), node->items.cend(), contains)
        || std::any_of(node->fields.cbegin(), node->fields.cend(), contains);
}

} // namespace cx::config
