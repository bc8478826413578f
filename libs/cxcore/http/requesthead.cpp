#include "requesthead.h"

namespace cx::http {

namespace {

/// RFC 9110 §5.6.2 tchar.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// Visible characters of a request target (RFC 3986 allows no space or control).
bool isTargetText(QByteArrayView text)
{
    for (const char c : text) {
        if (uchar(c) <= 0x20 || uchar(c) >= 0x7F)
            return false;
    }
    return true;
}

/// A field value may hold visible characters, obs-text, spaces and tabs; no other control.
bool isFieldValue(QByteArrayView text)
{
    for (const char c : text) {
        if ((uchar(c) < 0x20 && c != '\t') || uchar(c) == 0x7F)
            return false;
    }
    return true;
}

/// Splits the target into path and query. False when it is neither origin-form nor an
/// absolute URI with an http, https, ws or wss scheme.
bool splitTarget(QByteArrayView target, RequestHead *head)
{
    QByteArrayView rest = target;
    if (!rest.startsWith('/')) {
        const qsizetype schemeEnd = rest.indexOf("://");
        if (schemeEnd <= 0)
            return false;
        const QByteArrayView scheme = rest.first(schemeEnd);
        const bool known = scheme.compare("http", Qt::CaseInsensitive) == 0
            || scheme.compare("https", Qt::CaseInsensitive) == 0
            || scheme.compare("ws", Qt::CaseInsensitive) == 0
            || scheme.compare("wss", Qt::CaseInsensitive) == 0;
        if (!known)
            return false;
        rest = rest.sliced(schemeEnd + 3);
        qsizetype authorityEnd = 0;
        while (authorityEnd < rest.size() && rest[authorityEnd] != '/' && rest[authorityEnd] != '?'
               && rest[authorityEnd] != '#')
            ++authorityEnd;
        if (authorityEnd == 0)
            return false; // no host
        rest = rest.sliced(authorityEnd);
    }
    if (rest.contains('#'))
        return false; // a fragment is never sent
    const qsizetype question = rest.indexOf('?');
    head->path = question < 0 ? rest : rest.first(question);
    head->query = question < 0 ? QByteArrayView() : rest.sliced(question + 1);
    if (head->path.isEmpty())
        head->path = "/";
    return true;
}

/// Reads "HTTP/d.d".
bool parseVersion(QByteArrayView text, RequestHead *head)
{
    if (text.size() != 8 || !text.startsWith("HTTP/") || !isDigit(text[5]) || text[6] != '.'
        || !isDigit(text[7]))
        return false;
    head->versionMajor = text[5] - '0';
    head->versionMinor = text[7] - '0';
    return true;
}

/// \a text without the optional white space (SP, HTAB) around a field value (RFC 9112 §5.1);
/// other characters, controls included, stay for isFieldValue() to judge.
QByteArrayView withoutOws(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

/// Calls \a visit(name, value) for each field line of \a fields; stops when it returns false.
template<typename Visit> void forEachField(QByteArrayView fields, Visit visit)
{
    qsizetype start = 0;
    while (start < fields.size()) {
        qsizetype end = fields.indexOf("\r\n", start);
        if (end < 0)
            end = fields.size();
        const QByteArrayView line = fields.sliced(start, end - start);
        const qsizetype colon = line.indexOf(':');
        if (!visit(line.first(qMax<qsizetype>(colon, 0)), withoutOws(line.sliced(colon + 1))))
            return;
        start = end + 2;
    }
}

} // namespace

qsizetype headLength(QByteArrayView bytes)
{
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    return end < 0 ? 0 : end + 4;
}

QByteArrayView RequestHead::field(QByteArrayView name) const
{
    QByteArrayView found;
    forEachField(fields, [&](QByteArrayView fieldName, QByteArrayView value) {
        if (fieldName.compare(name, Qt::CaseInsensitive) != 0)
            return true;
        found = value.isNull() ? QByteArrayView("") : value;
        return false;
    });
    return found;
}

int RequestHead::fieldCount(QByteArrayView name) const
{
    return int(fieldValues(name).size());
}

QList<QByteArrayView> RequestHead::fieldValues(QByteArrayView name) const
{
    QList<QByteArrayView> values;
    forEachField(fields, [&](QByteArrayView fieldName, QByteArrayView value) {
        if (fieldName.compare(name, Qt::CaseInsensitive) == 0)
            values.append(value);
        return true;
    });
    return values;
}

RequestParse parseRequestHead(QByteArrayView bytes)
{
    RequestParse parse;
    RequestHead &head = parse.head;
    const auto refuse = [&parse](const char *status) {
        parse.refusal = status;
        return parse;
    };
    const qsizetype lineEnd = bytes.indexOf("\r\n");
    const QByteArrayView requestLine = lineEnd < 0 ? bytes : bytes.first(lineEnd);
    head.fields = lineEnd < 0 ? QByteArrayView() : bytes.sliced(lineEnd + 2);

    // method SP request-target SP HTTP-version, single spaces (RFC 9112 §3)
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype lastSpace = requestLine.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace + 1)
        return refuse("400 Bad Request");
    head.method = requestLine.first(firstSpace);
    head.target = requestLine.sliced(firstSpace + 1, lastSpace - firstSpace - 1);
    if (!isToken(head.method) || !isTargetText(head.target)
        || !parseVersion(requestLine.sliced(lastSpace + 1), &head))
        return refuse("400 Bad Request");
    if (head.versionMajor != 1)
        return refuse("505 HTTP Version Not Supported");
    if (!splitTarget(head.target, &head))
        return refuse("400 Bad Request");

    bool wellFormed = true;
    forEachField(head.fields, [&](QByteArrayView name, QByteArrayView value) {
        // A line without a colon gives an empty name; white space before the colon or a
        // folded line (leading white space) leaves a name that is not a token.
        wellFormed = isToken(name) && isFieldValue(value);
        return wellFormed;
    });
    if (!wellFormed)
        return refuse("400 Bad Request");
    // RFC 9112 §3.2: one Host at most, and exactly one from HTTP/1.1 on.
    const int hosts = head.fieldCount("host");
    if (hosts > 1 || (head.atLeast11() && hosts != 1))
        return refuse("400 Bad Request");
    return parse;
}

} // namespace cx::http
