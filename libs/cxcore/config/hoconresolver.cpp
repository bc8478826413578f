#include "hoconresolver.h"

#include "hoconlimits.h"
#include "hoconpath.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace cx::config {

namespace {

struct Outcome
{
    enum class Status { Value, Undefined, Cycle, Error };

    Status status = Status::Undefined;
    HoconNodePtr value;

    static Outcome of(HoconNodePtr value) { return {Status::Value, std::move(value)}; }
    static Outcome undefined() { return {}; }
    /// substitution: the one that was needed again while being looked up
    static Outcome cycle(HoconNodePtr substitution)
    {
        return {Status::Cycle, std::move(substitution)};
    }
    bool isValue() const { return status == Status::Value; }
    /// Cycle and Error stop whatever is being resolved.
    bool stops() const { return status == Status::Cycle || status == Status::Error; }
};

/// Whether node holds no substitution once the parts on path are resolved (what Typesafe
/// Config's partial resolution leaves), or std::nullopt when that takes resolving it.
std::optional<bool> resolvedAlong(const HoconNodePtr &node, const QStringList &path)
{
    if (path.isEmpty() || node->isPlain())
        return !containsHoconSubstitution(node);
    if (node->kind != HoconNode::Kind::Object)
        return std::nullopt;
    for (auto it = node->fields.cbegin(); it != node->fields.cend(); ++it) {
        if (it.key() != path.constFirst() && containsHoconSubstitution(it.value()))
            return false;
    }
    const auto next = node->fields.constFind(path.constFirst());
    return next == node->fields.cend() ? std::optional<bool>(true)
                                       : resolvedAlong(*next, path.mid(1));
}

QString describeSubstitution(const HoconNode &substitution)
{
    return (substitution.optional ? QStringLiteral("${?") : QStringLiteral("${"))
        + renderHoconPath(substitution.path.mid(substitution.prefixLength)) + u'}';
}

/// How much a resolved value holds: its values and characters, counted whole however much of
/// it is shared (see maxHoconCopiedSize), and how deep it nests.
struct Extent
{
    qint64 size = 0;
    int height = 0;
};

/// Which self-references stand for what while a value is resolved (see resolveLayer()): the
/// context around it, the location of the key and the values below it.
struct ReplacementContext
{
    int parent = 0;
    QStringList location;
    const HoconNode *replacement = nullptr;

    bool operator==(const ReplacementContext &other) const = default;
};

size_t qHash(const ReplacementContext &context, size_t seed = 0)
{
    return qHashMulti(seed, context.parent, context.location, context.replacement);
}

qint64 charactersOf(const QStringList &path)
{
    qint64 characters = 0;
    for (const QString &key : path)
        characters += key.size();
    return characters;
}

class HoconResolver
{
public:
    explicit HoconResolver(HoconNodePtr root)
        : m_root(std::move(root))
    { }

    HoconNodePtr resolveRoot(Diagnostic *error)
    {
        const Outcome outcome = resolve(m_root, {});
        if (outcome.isValue())
            return outcome.value;
        *error = m_error;
        return nullptr;
    }

private:
    struct Replacement
    {
        QStringList path;
        HoconNodePtr node; ///< nullptr: the path is undefined
    };

    struct Memo
    {
        HoconNodePtr node; ///< keeps the key's address from being reused
        HoconNodePtr value;
    };

    struct KnownExtent
    {
        HoconNodePtr node; ///< keeps the key's address from being reused
        Extent extent;
    };

    Outcome fail(const Origin &origin, const QString &message)
    {
        if (!m_failed) {
            m_failed = true;
            m_error = Diagnostic {Diagnostic::Severity::Error, origin, message};
        }
        return {Outcome::Status::Error, nullptr};
    }

    /// Counts resolution steps against maxHoconResolveSteps.
    bool spend(qint64 steps, const Origin &origin)
    {
        m_steps += steps;
        if (m_steps <= maxHoconResolveSteps)
            return true;
        fail(origin,
             QStringLiteral("resolving the substitutions takes more than %1 steps")
                 .arg(maxHoconResolveSteps));
        return false;
    }

    /// Counts a copy of value against maxHoconCopiedSize.
    bool copy(const HoconNodePtr &value, const Origin &origin)
    {
        m_copied += extentOf(value).size;
        if (m_copied <= maxHoconCopiedSize)
            return true;
        fail(origin,
             QStringLiteral("substitutions expand to more than %1 values and characters")
                 .arg(maxHoconCopiedSize));
        return false;
    }

    /// The extent of a resolved value; sizes stop growing past maxHoconCopiedSize.
    Extent extentOf(const HoconNodePtr &node)
    {
        if (node->items.isEmpty() && node->fields.isEmpty())
            return Extent {1 + node->text.size(), 0};
        const auto known = m_extents.constFind(node.get());
        if (known != m_extents.cend())
            return known->extent;
        Extent extent {1, 0};
        const auto add = [this, &extent](const HoconNodePtr &child, qsizetype keyLength) {
            const Extent inner = extentOf(child);
            extent.size = std::min(extent.size + keyLength + inner.size, maxHoconCopiedSize + 1);
            extent.height = std::max(extent.height, inner.height + 1);
        };
        for (const HoconNodePtr &item : node->items)
            add(item, 0);
        for (auto it = node->fields.cbegin(); it != node->fields.cend(); ++it)
            add(it.value(), it.key().size());
        m_extents.insert(node.get(), KnownExtent {node, extent});
        return extent;
    }

    Outcome resolve(const HoconNodePtr &node, const QStringList &location)
    {
        if (node->isPlain() && node->kind != HoconNode::Kind::List)
            return Outcome::of(node);
        if (m_failed || !spend(1, node->origin))
            return {Outcome::Status::Error, nullptr};
        const auto memoKey = qMakePair(node.get(), m_contexts.value(m_contexts.size() - 1));
        const auto memo = m_memo.constFind(memoKey);
        if (memo != m_memo.cend())
            return Outcome::of(memo->value);
        // a step for each value it holds, which it visits
        if (!spend(node->items.size() + node->fields.size(), node->origin))
            return {Outcome::Status::Error, nullptr};
        if (m_depth >= maxHoconResolveNesting) {
            return fail(node->origin,
                        QStringLiteral("values and substitutions are nested more "
                                       "than %1 levels deep")
                            .arg(maxHoconResolveNesting));
        }
        ++m_depth;
        Outcome outcome;
        switch (node->kind) {
        case HoconNode::Kind::List:
            outcome = resolveList(node, location);
            break;
        case HoconNode::Kind::Object:
            outcome = resolveObject(node, location);
            break;
        case HoconNode::Kind::Substitution:
            outcome = resolveSubstitution(node);
            break;
        case HoconNode::Kind::Concatenation:
            outcome = resolveConcatenation(node, location);
            break;
        default:
            outcome = resolveMerge(*node, location);
            break;
        }
        --m_depth;
        if (!outcome.isValue())
            return outcome;
        if (extentOf(outcome.value).height > maxHoconResolvedDepth) {
            return fail(node->origin,
                        QStringLiteral("values are nested more than %1 levels deep once "
                                       "substitutions are resolved")
                            .arg(maxHoconResolvedDepth));
        }
        m_memo.insert(memoKey, Memo {node, outcome.value});
        return outcome;
    }

    Outcome resolveList(const HoconNodePtr &node, const QStringList &location)
    {
        auto list = makeHoconNode(HoconNode::Kind::List, node->origin);
        for (const HoconNodePtr &item : node->items) {
            const Outcome outcome = resolve(item, location);
            if (outcome.stops())
                return outcome;
            if (outcome.isValue())
                list->items.append(outcome.value);
        }
        return Outcome::of(list);
    }

    Outcome resolveObject(const HoconNodePtr &node, const QStringList &location)
    {
        auto object = makeHoconNode(HoconNode::Kind::Object, node->origin);
        object->ignoresFallbacks = node->ignoresFallbacks;
        for (auto it = node->fields.cbegin(); it != node->fields.cend(); ++it) {
            const QStringList fieldLocation = location + QStringList {it.key()};
            const std::optional<HoconNodePtr> replaced = replacementAt(fieldLocation);
            const HoconNodePtr &field = replaced ? *replaced : it.value();
            if (!field)
                continue;
            const Outcome outcome = resolve(field, fieldLocation);
            if (outcome.stops())
                return outcome;
            if (outcome.isValue())
                object->fields.insert(it.key(), outcome.value);
        }
        return Outcome::of(object);
    }

    Outcome resolveConcatenation(const HoconNodePtr &node, const QStringList &location)
    {
        QList<HoconNodePtr> pieces;
        for (const HoconNodePtr &piece : node->items) {
            const Outcome outcome = resolve(piece, location);
            if (outcome.stops())
                return outcome;
            if (outcome.isValue())
                pieces.append(outcome.value);
        }
        if (pieces.isEmpty())
            return Outcome::undefined();
        Origin errorOrigin;
        QString error;
        const QList<HoconNodePtr> joined = consolidateHoconNodes(pieces, &errorOrigin, &error);
        if (joined.isEmpty())
            return fail(errorOrigin, error);
        if (!copy(joined.constFirst(), node->origin))
            return {Outcome::Status::Error, nullptr};
        return Outcome::of(joined.constFirst());
    }

    /// The values set for one key, newest first: each is resolved, then they are merged.
    Outcome resolveMerge(const HoconNode &merge, const QStringList &location)
    {
        HoconNodePtr merged;
        for (qsizetype i = 0; i < merge.items.size(); ++i) {
            const Outcome outcome = resolveLayer(merge, i, location);
            if (outcome.stops())
                return outcome;
            if (outcome.isValue())
                merged = merged ? mergeHoconNodes(merged, outcome.value) : outcome.value;
        }
        return merged ? Outcome::of(merged) : Outcome::undefined();
    }

    /// Resolves one value of a merge. While a substitution or concatenation of it is resolved,
    /// its own key stands for the values below it, so that `a = ${a} [2]` extends the a before.
    Outcome resolveLayer(const HoconNode &merge, qsizetype index, const QStringList &location)
    {
        const HoconNodePtr &layer = merge.items.at(index);
        if (layer->kind != HoconNode::Kind::Substitution
            && layer->kind != HoconNode::Kind::Concatenation)
            return resolve(layer, location);
        const QList<HoconNodePtr> below = merge.items.mid(index + 1);
        HoconNodePtr replacement;
        if (below.size() == 1) {
            replacement = below.constFirst();
        } else if (below.size() > 1) {
            auto rest = makeHoconNode(HoconNode::Kind::Merge, below.constFirst()->origin);
            rest->items = below;
            replacement = rest;
        }
        // telling this context from others hashes its location
        if (!spend(charactersOf(location), layer->origin))
            return {Outcome::Status::Error, nullptr};
        m_replacements.append(Replacement {location, replacement});
        m_replacementNodes.append(replacement);
        const ReplacementContext context {m_contexts.value(m_contexts.size() - 1), location,
                                          replacement.get()};
        m_contexts.append(static_cast<int>(
            m_contextIds.insert(context, static_cast<int>(m_contextIds.size()) + 1).value()));
        const Outcome outcome = resolve(layer, location);
        m_replacements.removeLast();
        m_contexts.removeLast();
        return outcome;
    }

    std::optional<HoconNodePtr> replacementAt(const QStringList &path) const
    {
        for (auto it = m_replacements.crbegin(); it != m_replacements.crend(); ++it) {
            if (it->path == path)
                return it->node;
        }
        return std::nullopt;
    }

    Outcome resolveSubstitution(const HoconNodePtr &node)
    {
        if (m_active.contains(node.get()))
            return Outcome::cycle(node);
        m_active.insert(node.get());
        Outcome found = lookup(node->path);
        if (found.status == Outcome::Status::Undefined && node->prefixLength > 0)
            found = lookup(node->path.mid(node->prefixLength));
        m_active.remove(node.get());

        switch (found.status) {
        case Outcome::Status::Error:
            return found;
        case Outcome::Status::Cycle:
            // ${?a} needing itself is undefined (so that a += x works for a new a); a cycle
            // through other substitutions is refused even when optional, as the one that
            // would come out undefined depends on the order of resolution
            if (found.value == node) {
                if (node->optional)
                    return Outcome::undefined();
                return fail(node->origin,
                            QStringLiteral("substitution %1 is part of a cycle")
                                .arg(describeSubstitution(*node)));
            }
            return fail(node->origin,
                        QStringLiteral("substitution %1 is part of a cycle with %2")
                            .arg(describeSubstitution(*node), describeSubstitution(*found.value)));
        case Outcome::Status::Value: {
            if (!copy(found.value, node->origin))
                return {Outcome::Status::Error, nullptr};
            auto value = std::make_shared<HoconNode>(*found.value);
            value->origin = node->origin;
            return Outcome::of(value);
        }
        case Outcome::Status::Undefined:
            break;
        }
        if (const std::optional<QString> variable = environmentVariable(*node)) {
            auto value = makeHoconNode(HoconNode::Kind::String, node->origin);
            value->text = *variable;
            return Outcome::of(value);
        }
        if (node->optional)
            return Outcome::undefined();
        return fail(node->origin,
                    QStringLiteral("could not resolve substitution %1: the configuration does not "
                                   "set it and there is no such environment variable")
                        .arg(describeSubstitution(*node)));
    }

    /// As Typesafe Config: the environment seen as an object of strings, so only a one-key
    /// path can name a variable.
    static std::optional<QString> environmentVariable(const HoconNode &substitution)
    {
        const QStringList path = substitution.path.mid(substitution.prefixLength);
        if (path.size() != 1 || path.constFirst().isEmpty() || path.constFirst().contains(u'=')
            || path.constFirst().contains(QChar(0)))
            return std::nullopt;
        const QByteArray name = path.constFirst().toLocal8Bit();
        if (!qEnvironmentVariableIsSet(name.constData()))
            return std::nullopt;
        return qEnvironmentVariable(name.constData());
    }

    /// The resolved value at a path from the root, resolving only what lies on the way.
    Outcome lookup(const QStringList &path)
    {
        HoconNodePtr current = m_root;
        QStringList location;
        for (const QString &key : path) {
            const QStringList parentLocation = location;
            location.append(key);
            if (const std::optional<HoconNodePtr> replaced = replacementAt(location)) {
                if (!*replaced)
                    return Outcome::undefined();
                current = *replaced;
                continue;
            }
            const Outcome outcome = child(current, parentLocation, key, path.mid(location.size()));
            if (!outcome.isValue())
                return outcome;
            current = outcome.value;
        }
        return resolve(current, location);
    }

    /// The node below node (at location) for key; rest: the keys looked up after it.
    Outcome child(const HoconNodePtr &node, const QStringList &location, const QString &key,
                  const QStringList &rest)
    {
        switch (node->kind) {
        case HoconNode::Kind::Object: {
            const auto field = node->fields.constFind(key);
            return field == node->fields.cend() ? Outcome::undefined() : Outcome::of(*field);
        }
        case HoconNode::Kind::Merge:
            return childOfMerge(*node, location, key, rest);
        case HoconNode::Kind::Substitution:
        case HoconNode::Kind::Concatenation: {
            const Outcome outcome = resolve(node, location);
            return outcome.isValue() ? child(outcome.value, location, key, rest) : outcome;
        }
        default:
            return Outcome::undefined();
        }
    }

    /// The value a key of a merge would hold once merged: what each object of the merge holds
    /// for it, down to the first value that hides the rest.
    Outcome childOfMerge(const HoconNode &merge, const QStringList &location, const QString &key,
                         const QStringList &rest)
    {
        HoconNodePtr merged;
        bool otherKeysHoldSubstitutions = false;
        for (qsizetype i = 0; i < merge.items.size(); ++i) {
            HoconNodePtr layer = merge.items.at(i);
            if (layer->isUnresolved()) {
                const Outcome outcome = resolveLayer(merge, i, location);
                if (outcome.stops())
                    return outcome;
                if (!outcome.isValue())
                    continue;
                layer = outcome.value;
            }
            if (layer->kind != HoconNode::Kind::Object) {
                if (merged && !ignoresHoconFallbacks(merged)) {
                    // Objects with substitutions over a non-object: while looking up, Typesafe
                    // Config resolves only what lies on the path, and when the objects stay
                    // unresolved it does not merge them with the value below and sees only
                    // the keys whose values hide what is below them. Give the same answer
                    // where it is certain, otherwise refuse rather than answer differently.
                    const std::optional<bool> resolved = otherKeysHoldSubstitutions
                        ? std::optional<bool>(false)
                        : resolvedAlong(merged, rest);
                    if (!resolved) {
                        return fail(merge.origin,
                                    QStringLiteral("cannot look up %1: %2 was set to a value that "
                                                   "is not an object, then to an object with "
                                                   "substitutions; set it to objects only")
                                        .arg(renderHoconPath(location + QStringList {key}),
                                             renderHoconPath(location)));
                    }
                    if (!*resolved)
                        return Outcome::undefined();
                }
                break;
            }
            for (auto it = layer->fields.cbegin(); it != layer->fields.cend(); ++it) {
                otherKeysHoldSubstitutions = otherKeysHoldSubstitutions
                    || (it.key() != key && containsHoconSubstitution(it.value()));
            }
            const auto field = layer->fields.constFind(key);
            if (field != layer->fields.cend())
                merged = merged ? mergeHoconNodes(merged, *field) : *field;
            if (layer->ignoresFallbacks)
                break;
        }
        return merged ? Outcome::of(merged) : Outcome::undefined();
    }

    HoconNodePtr m_root;
    QList<Replacement> m_replacements;
    QList<int> m_contexts; ///< identifies m_replacements for the memo, one per level
    QHash<ReplacementContext, int> m_contextIds; ///< every context seen, numbered from 1
    /// every replacement used: contexts hold their addresses, which must stay unique
    QList<HoconNodePtr> m_replacementNodes;
    QHash<QPair<const HoconNode *, int>, Memo> m_memo; ///< by node and context (0: none)
    QHash<const HoconNode *, KnownExtent> m_extents;
    QSet<const HoconNode *> m_active; ///< substitutions being looked up
    int m_depth = 0;
    qint64 m_steps = 0;
    qint64 m_copied = 0;
    Diagnostic m_error;
    bool m_failed = false;
};

Value toValue(const HoconNodePtr &node, QHash<const HoconNode *, Value> &converted)
{
    switch (node->kind) {
    case HoconNode::Kind::Boolean:
        return Value::boolean(node->text == u"true", node->origin);
    case HoconNode::Kind::Number:
        return Value::number(node->text, node->origin);
    case HoconNode::Kind::String:
        return Value::string(node->text, node->origin);
    case HoconNode::Kind::List:
    case HoconNode::Kind::Object:
        break;
    default:
        return Value::null(node->origin);
    }
    const auto done = converted.constFind(node.get());
    if (done != converted.cend())
        return *done;
    Value value;
    if (node->kind == HoconNode::Kind::List) {
        QList<Value> items;
        for (const HoconNodePtr &item : node->items)
            items.append(toValue(item, converted));
        value = Value::list(items, node->origin);
    } else {
        QMap<QString, Value> members;
        for (auto it = node->fields.cbegin(); it != node->fields.cend(); ++it)
            members.insert(it.key(), toValue(it.value(), converted));
        value = Value::object(members, node->origin);
    }
    converted.insert(node.get(), value);
    return value;
}

} // namespace

std::optional<Value> resolveHocon(const HoconNodePtr &root, Diagnostic *error)
{
    HoconResolver resolver(root);
    const HoconNodePtr resolved = resolver.resolveRoot(error);
    if (!resolved)
        return std::nullopt;
    QHash<const HoconNode *, Value> converted;
    return toValue(resolved, converted);
}

} // namespace cx::config
