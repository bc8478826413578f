#include "hocondocumentparser.h"

#include "hoconlimits.h"
#include "hoconpath.h"

namespace cx::config {

namespace {

/// Tokens that are values on their own: whitespace between two of them is part of a
/// concatenation ("a b"), whitespace next to anything else is not.
bool isWord(HoconTokenType type)
{
    switch (type) {
    case HoconTokenType::QuotedString:
    case HoconTokenType::UnquotedText:
    case HoconTokenType::Number:
    case HoconTokenType::True:
    case HoconTokenType::False:
    case HoconTokenType::Null:
    case HoconTokenType::SubstitutionOpen:
        return true;
    default:
        return false;
    }
}

bool startsValue(HoconTokenType type)
{
    return isWord(type) || type == HoconTokenType::OpenBrace || type == HoconTokenType::OpenBracket;
}

bool isSeparator(HoconTokenType type)
{
    return type == HoconTokenType::Colon || type == HoconTokenType::Equals
        || type == HoconTokenType::PlusEquals;
}

void insertField(HoconNode &object, const QString &key, const HoconNodePtr &value)
{
    const auto previous = object.fields.find(key);
    if (previous == object.fields.end())
        object.fields.insert(key, value);
    else
        mergeHoconNodeInto(*previous, value);
}

QString nestedTooDeep()
{
    return QStringLiteral("values are nested more than %1 levels deep (objects, lists, the keys "
                          "of a dotted path and includes count)")
        .arg(maxHoconDepth);
}

HoconAssignment::ValueKind valueKindOf(const HoconNode &value, int pieces, bool startsWithBrace)
{
    if (value.kind == HoconNode::Kind::Object) {
        return pieces == 1 && startsWithBrace ? HoconAssignment::ValueKind::ObjectLiteral
                                              : HoconAssignment::ValueKind::Object;
    }
    return value.isPlain() ? HoconAssignment::ValueKind::Plain
                           : HoconAssignment::ValueKind::Unresolved;
}

} // namespace

HoconDocumentParser::HoconDocumentParser(QByteArrayView text, QString fileName,
                                         HoconIncluder includer, int depth)
    : m_tokens(tokenizeHocon(text))
    , m_fileName(std::move(fileName))
    , m_includer(std::move(includer))
    , m_depth(depth)
{ }

const HoconToken &HoconDocumentParser::next()
{
    const HoconToken &token = m_tokens.at(m_index);
    if (m_index + 1 < m_tokens.size())
        ++m_index;
    if (token.type != HoconTokenType::Whitespace && token.type != HoconTokenType::Newline
        && token.type != HoconTokenType::Comment)
        m_lastEnd = token.end;
    return token;
}

void HoconDocumentParser::skipBlank()
{
    for (;;) {
        switch (peek().type) {
        case HoconTokenType::Whitespace:
        case HoconTokenType::Newline:
        case HoconTokenType::Comment:
            next();
            break;
        default:
            return;
        }
    }
}

/// After a field or a list item: a comma, or one or more newlines (then maybe a comma).
bool HoconDocumentParser::separated()
{
    bool sawNewline = false;
    for (;;) {
        switch (peek().type) {
        case HoconTokenType::Whitespace:
        case HoconTokenType::Comment:
            next();
            break;
        case HoconTokenType::Newline:
            sawNewline = true;
            next();
            break;
        case HoconTokenType::Comma:
            next();
            return true;
        default:
            return sawNewline;
        }
    }
}

Origin HoconDocumentParser::originOf(const HoconToken &token) const
{
    return Origin {m_fileName, token.line, token.column};
}

std::nullptr_t HoconDocumentParser::fail(const HoconToken &token, const QString &message)
{
    return fail(originOf(token), token.type == HoconTokenType::Invalid ? token.text : message);
}

std::nullptr_t HoconDocumentParser::fail(const Origin &origin, const QString &message)
{
    if (!m_failed) {
        m_failed = true;
        m_error = Diagnostic {Diagnostic::Severity::Error, origin, message};
    }
    return nullptr;
}

bool HoconDocumentParser::enter(const HoconToken &open)
{
    if (++m_depth <= maxHoconDepth)
        return true;
    fail(open, nestedTooDeep());
    return false;
}

/// Refuses a path (at the token `at`) with a key longer than maxHoconKeyLength.
bool HoconDocumentParser::checkKeyLengths(const QStringList &keys, const HoconToken &at)
{
    for (const QString &key : keys) {
        if (key.size() > maxHoconKeyLength) {
            fail(at, QStringLiteral("a key is longer than %1 characters").arg(maxHoconKeyLength));
            return false;
        }
    }
    return true;
}

HoconNodePtr HoconDocumentParser::parse()
{
    skipBlank();
    const HoconToken &first = peek();
    if (first.type == HoconTokenType::OpenBracket)
        return fail(first, QStringLiteral("the root of a document must be an object, not a list"));
    if (first.type != HoconTokenType::OpenBrace)
        return parseObject(false, first);
    next();
    m_outline.rootBraced = true;
    m_outline.rootOpen = first.begin;
    HoconNodePtr root = parseObject(true, first);
    if (!root)
        return nullptr;
    m_outline.rootClose = m_lastEnd - 1;
    skipBlank();
    if (peek().type != HoconTokenType::End) {
        return fail(
            peek(),
            QStringLiteral("unexpected %1 after the root object").arg(describeHoconToken(peek())));
    }
    return root;
}

HoconNodePtr HoconDocumentParser::parseObject(bool braced, const HoconToken &open)
{
    if (!enter(open))
        return nullptr;
    auto object = makeHoconNode(HoconNode::Kind::Object, originOf(open));
    for (;;) {
        skipBlank();
        const HoconToken &token = peek();
        if (token.type == HoconTokenType::CloseBrace) {
            if (!braced)
                return fail(token, QStringLiteral("'}' without a matching '{'"));
            next();
            break;
        }
        if (token.type == HoconTokenType::End) {
            if (braced) {
                return fail(token,
                            QStringLiteral("end of file: the object opened at line %1, "
                                           "column %2 is not closed by '}'")
                                .arg(open.line)
                                .arg(open.column));
            }
            break;
        }
        const bool include = token.type == HoconTokenType::UnquotedText && token.text == u"include";
        if (!(include ? parseInclude(*object) : parseField(*object)))
            return nullptr;
        if (separated())
            continue;
        skipBlank();
        const HoconToken &after = peek();
        if (braced && after.type == HoconTokenType::CloseBrace) {
            next();
            break;
        }
        if (!braced && after.type == HoconTokenType::End)
            break;
        if (!braced && after.type == HoconTokenType::CloseBrace)
            return fail(after, QStringLiteral("'}' without a matching '{'"));
        return fail(
            after,
            QStringLiteral("expected ',' or a newline%1 after a field, got %2")
                .arg(braced ? QStringLiteral(" or '}'") : QString(), describeHoconToken(after)));
    }
    --m_depth;
    return object;
}

bool HoconDocumentParser::parseField(HoconNode &object)
{
    const HoconToken keyToken = peek();
    const std::optional<QStringList> keys = parseKey();
    if (!keys || !checkKeyLengths(*keys, keyToken))
        return false;
    // the keys after the first nest the value in objects
    const int dottedDepth = static_cast<int>(keys->size()) - 1;
    if (keys->size() > maxHoconDepth || m_depth + dottedDepth > maxHoconDepth) {
        fail(keyToken, nestedTooDeep());
        return false;
    }
    skipBlank();
    const HoconToken separator = peek();
    const bool objectWithoutSeparator = separator.type == HoconTokenType::OpenBrace;
    if (!objectWithoutSeparator && !isSeparator(separator.type)) {
        fail(separator,
             QStringLiteral("expected '=', ':' or '{' after the key %1, got %2")
                 .arg(renderHoconPath(*keys), describeHoconToken(separator)));
        return false;
    }
    // a += b stands for a = ${?a} [b]: b is in a list, where no substitution path leads
    const bool append = separator.type == HoconTokenType::PlusEquals;
    if (append && m_listDepth > 0) {
        fail(separator, QStringLiteral("'+=' cannot be used inside a list"));
        return false;
    }
    next();

    const QStringList path = m_path + *keys;
    m_outlineKeys += path.size();
    if (m_outlineKeys > maxHoconOutlineKeys) {
        fail(keyToken,
             QStringLiteral("the paths of the fields have more than %1 keys in all")
                 .arg(maxHoconOutlineKeys));
        return false;
    }
    int index = -1;
    if (m_listDepth == 0) {
        index = static_cast<int>(m_outline.assignments.size());
        HoconAssignment assignment;
        assignment.path = path;
        assignment.parent = m_parentAssignment;
        assignment.keyBegin = keyToken.begin;
        assignment.separator = separator;
        m_outline.assignments.append(assignment);
    }
    const QStringList outerPath = std::exchange(m_path, path);
    const int outerParent = std::exchange(m_parentAssignment, index);
    ValueInfo info {separator.begin, 1, true};
    m_depth += dottedDepth;
    m_listDepth += append ? 1 : 0;
    HoconNodePtr value = objectWithoutSeparator ? parseObject(true, separator) : parseValue(&info);
    m_listDepth -= append ? 1 : 0;
    m_depth -= dottedDepth;
    m_path = outerPath;
    m_parentAssignment = outerParent;
    if (!value)
        return false;

    if (index >= 0) {
        HoconAssignment &assignment = m_outline.assignments[index];
        assignment.valueBegin = info.begin;
        assignment.valueEnd = m_lastEnd;
        assignment.valueKind = append ? HoconAssignment::ValueKind::Unresolved
                                      : valueKindOf(*value, info.pieces, info.startsWithBrace);
    }
    if (append) {
        auto self = makeHoconNode(HoconNode::Kind::Substitution, originOf(separator));
        self->path = path;
        self->optional = true;
        auto list = makeHoconNode(HoconNode::Kind::List, value->origin);
        list->items.append(value);
        auto concatenation = makeHoconNode(HoconNode::Kind::Concatenation, originOf(separator));
        concatenation->items = {self, list};
        value = concatenation;
    }
    for (qsizetype i = keys->size() - 1; i >= 1; --i) {
        auto parent = makeHoconNode(HoconNode::Kind::Object, originOf(keyToken));
        parent->fields.insert(keys->at(i), value);
        value = parent;
    }
    insertField(object, keys->first(), value);
    return true;
}

std::optional<QStringList> HoconDocumentParser::parseKey()
{
    const HoconToken &first = peek();
    if (!isHoconPathToken(first.type)) {
        fail(first, QStringLiteral("expected a key, got %1").arg(describeHoconToken(first)));
        return std::nullopt;
    }
    HoconPathBuilder builder;
    while (isHoconPathToken(peek().type))
        builder.add(next());
    QString error;
    std::optional<QStringList> keys = builder.finish(&error);
    if (!keys)
        fail(first, QStringLiteral("invalid key: %1").arg(error));
    return keys;
}

bool HoconDocumentParser::parseInclude(HoconNode &object)
{
    const HoconToken &includeToken = next();
    HoconIncludeRequest request;
    request.origin = originOf(includeToken);
    request.depth = m_depth - 1; // the included root stands for the object around the include
    int parentheses = 0;
    // "required(" and "file(" are unquoted text, possibly in one token: "required(file("
    std::optional<HoconToken> word;
    const auto takeWord = [this, &word] {
        skipBlank();
        if (peek().type == HoconTokenType::UnquotedText)
            word = next();
    };
    const auto opens = [&word, &parentheses](QStringView name) {
        if (!word || !word->text.startsWith(name))
            return false;
        ++parentheses;
        word->text.remove(0, name.size());
        word->begin += name.size();
        word->column += static_cast<int>(name.size());
        if (word->text.isEmpty())
            word.reset();
        return true;
    };
    takeWord();
    request.required = opens(u"required(");
    if (request.required && !word)
        takeWord();
    if (opens(u"file("))
        request.kind = HoconIncludeRequest::Kind::File;
    else if (opens(u"url("))
        request.kind = HoconIncludeRequest::Kind::Url;
    else if (opens(u"classpath("))
        request.kind = HoconIncludeRequest::Kind::Classpath;
    if (word) {
        fail(*word,
             QStringLiteral("expected a quoted file name, file(\"...\") or required(\"...\") "
                            "after include, got %1")
                 .arg(describeHoconToken(*word)));
        return false;
    }
    skipBlank();
    if (peek().type != HoconTokenType::QuotedString) {
        fail(peek(),
             QStringLiteral("expected a quoted file name after include, got %1")
                 .arg(describeHoconToken(peek())));
        return false;
    }
    request.name = next().text;
    if (!closeParentheses(parentheses))
        return false;
    if (!m_includer)
        return true;

    Diagnostic error;
    HoconNodePtr included = m_includer(request, &error);
    if (!included) {
        fail(error.origin, error.message);
        return false;
    }
    if (m_listDepth > 0 && containsHoconSubstitution(included)) {
        fail(includeToken,
             QStringLiteral("a file with substitutions cannot be included inside a "
                            "list"));
        return false;
    }
    if (!m_path.isEmpty())
        included = relativizeHoconNode(included, m_path);
    for (auto it = included->fields.cbegin(); it != included->fields.cend(); ++it)
        insertField(object, it.key(), it.value());
    return true;
}

/// Reads the ')' closing file(, required(...: unquoted text, so "))" is one token.
bool HoconDocumentParser::closeParentheses(int count)
{
    while (count > 0) {
        skipBlank();
        const HoconToken &token = peek();
        if (token.type != HoconTokenType::UnquotedText || !token.text.startsWith(u')')) {
            fail(token,
                 QStringLiteral("expected ')' in the include statement, got %1")
                     .arg(describeHoconToken(token)));
            return false;
        }
        int closed = 0;
        while (closed < count && closed < token.text.size() && token.text.at(closed) == u')')
            ++closed;
        if (closed < token.text.size()) {
            HoconToken rest = token;
            rest.begin += closed;
            rest.column += closed;
            fail(rest,
                 QStringLiteral("unexpected '%1' after the include statement")
                     .arg(token.text.mid(closed)));
            return false;
        }
        count -= closed;
        next();
    }
    return true;
}

/// A value: one piece, or several on the same line (a concatenation).
HoconNodePtr HoconDocumentParser::parseValue(ValueInfo *info)
{
    skipBlank();
    *info = ValueInfo {peek().begin, 0, peek().type == HoconTokenType::OpenBrace};
    QList<HoconNodePtr> pieces;
    const HoconToken *pendingWhitespace = nullptr;
    bool previousWasWord = false;
    for (;;) {
        const HoconToken &token = peek();
        if (token.type == HoconTokenType::Whitespace) {
            pendingWhitespace = &next();
            continue;
        }
        if (!startsValue(token.type))
            break;
        const bool word = isWord(token.type);
        if (pendingWhitespace && previousWasWord && word) {
            auto whitespace = makeHoconNode(HoconNode::Kind::String, originOf(*pendingWhitespace));
            whitespace->text = pendingWhitespace->text;
            whitespace->whitespace = true;
            pieces.append(whitespace);
        }
        pendingWhitespace = nullptr;
        HoconNodePtr piece = parsePiece();
        if (!piece)
            return nullptr;
        pieces.append(piece);
        ++info->pieces;
        previousWasWord = word;
    }
    if (pieces.isEmpty())
        return fail(peek(),
                    QStringLiteral("expected a value, got %1").arg(describeHoconToken(peek())));
    Origin errorOrigin;
    QString error;
    const QList<HoconNodePtr> joined = consolidateHoconNodes(pieces, &errorOrigin, &error);
    if (joined.isEmpty())
        return fail(errorOrigin, error);
    if (joined.size() == 1)
        return joined.first();
    auto concatenation = makeHoconNode(HoconNode::Kind::Concatenation, pieces.first()->origin);
    concatenation->items = joined;
    return concatenation;
}

HoconNodePtr HoconDocumentParser::parsePiece()
{
    const HoconToken &token = next();
    switch (token.type) {
    case HoconTokenType::SubstitutionOpen:
        return parseSubstitution(token);
    case HoconTokenType::OpenBrace:
        return parseObject(true, token);
    case HoconTokenType::OpenBracket:
        return parseList(token);
    case HoconTokenType::Null:
        return makeHoconNode(HoconNode::Kind::Null, originOf(token));
    default:
        break;
    }
    HoconNode::Kind kind = HoconNode::Kind::String;
    if (token.type == HoconTokenType::Number)
        kind = HoconNode::Kind::Number;
    else if (token.type == HoconTokenType::True || token.type == HoconTokenType::False)
        kind = HoconNode::Kind::Boolean;
    auto scalar = makeHoconNode(kind, originOf(token));
    scalar->text = token.text;
    return scalar;
}

HoconNodePtr HoconDocumentParser::parseSubstitution(const HoconToken &open)
{
    HoconPathBuilder builder;
    for (;;) {
        const HoconToken &token = next();
        if (token.type == HoconTokenType::CloseBrace)
            break;
        if (token.type == HoconTokenType::End)
            return fail(open, QStringLiteral("substitution '${' is not closed by '}'"));
        if (!isHoconPathToken(token.type)) {
            return fail(token,
                        QStringLiteral("%1 is not allowed in a substitution")
                            .arg(describeHoconToken(token)));
        }
        builder.add(token);
    }
    QString error;
    const std::optional<QStringList> path = builder.finish(&error);
    if (!path)
        return fail(open, QStringLiteral("invalid substitution: %1").arg(error));
    if (path->size() > maxHoconResolvedDepth) {
        return fail(
            open,
            QStringLiteral("a substitution path has more than %1 keys").arg(maxHoconResolvedDepth));
    }
    if (!checkKeyLengths(*path, open))
        return nullptr;
    auto substitution = makeHoconNode(HoconNode::Kind::Substitution, originOf(open));
    substitution->path = *path;
    substitution->optional = open.optional;
    return substitution;
}

HoconNodePtr HoconDocumentParser::parseList(const HoconToken &open)
{
    if (!enter(open))
        return nullptr;
    ++m_listDepth;
    auto list = makeHoconNode(HoconNode::Kind::List, originOf(open));
    skipBlank();
    if (peek().type == HoconTokenType::CloseBracket) {
        next();
    } else {
        for (;;) {
            if (!startsValue(peek().type)) {
                return fail(
                    peek(),
                    QStringLiteral("expected a value or ']' after %1, got %2")
                        .arg(list->items.isEmpty() ? QStringLiteral("'['") : QStringLiteral("','"),
                             describeHoconToken(peek())));
            }
            ValueInfo info;
            HoconNodePtr item = parseValue(&info);
            if (!item)
                return nullptr;
            list->items.append(item);
            const bool more = separated();
            skipBlank();
            if (peek().type == HoconTokenType::CloseBracket) {
                next();
                break;
            }
            if (!more) {
                return fail(peek(),
                            QStringLiteral("expected ',', a newline or ']' in a list, got %1")
                                .arg(describeHoconToken(peek())));
            }
        }
    }
    --m_listDepth;
    --m_depth;
    return list;
}

} // namespace cx::config
