#include "jsonrender.h"

#include <algorithm>

namespace cx::config {

namespace {

bool isAllDigits(const QString &key)
{
    return !key.isEmpty()
        && std::all_of(key.begin(), key.end(), [](QChar c) { return c.isDigit(); });
}

/// Compares two all-digit keys by numeric value (any length); equal values by their text.
bool numericallyBefore(const QString &a, const QString &b)
{
    const auto significant = [](const QString &key) {
        qsizetype first = 0;
        while (first < key.size() - 1 && key[first].digitValue() == 0)
            ++first;
        return QStringView(key).mid(first);
    };
    const QStringView x = significant(a);
    const QStringView y = significant(b);
    if (x.size() != y.size())
        return x.size() < y.size();
    for (qsizetype i = 0; i < x.size(); ++i) {
        if (x[i].digitValue() != y[i].digitValue())
            return x[i].digitValue() < y[i].digitValue();
    }
    return a < b;
}

/// Typesafe Config's render order for object keys.
bool renderedBefore(const QString &a, const QString &b)
{
    const bool aDigits = isAllDigits(a);
    const bool bDigits = isAllDigits(b);
    if (aDigits && bDigits)
        return numericallyBefore(a, b);
    if (aDigits != bDigits)
        return aDigits;
    return a < b;
}

/// The source text of a number as valid JSON: leading zeros dropped, a bare '.' dropped or
/// completed with a 0. Text that is no number at all is rendered as a string.
QString jsonNumber(const QString &source)
{
    qsizetype i = 0;
    const auto digitsFrom = [&source](qsizetype from) {
        qsizetype to = from;
        while (to < source.size() && source[to] >= u'0' && source[to] <= u'9')
            ++to;
        return source.mid(from, to - from);
    };
    QString json;
    if (i < source.size() && source[i] == u'-') {
        json += u'-';
        ++i;
    }
    QString integer = digitsFrom(i);
    i += integer.size();
    while (integer.size() > 1 && integer.startsWith(u'0'))
        integer.remove(0, 1);
    json += integer.isEmpty() ? QStringLiteral("0") : integer;
    QString fraction;
    if (i < source.size() && source[i] == u'.') {
        fraction = digitsFrom(i + 1);
        i += 1 + fraction.size();
    }
    if (integer.isEmpty() && fraction.isEmpty())
        return quoteJsonString(source);
    if (!fraction.isEmpty())
        json += u'.' + fraction;
    if (i < source.size() && (source[i] == u'e' || source[i] == u'E')) {
        json += source[i++];
        if (i < source.size() && (source[i] == u'+' || source[i] == u'-'))
            json += source[i++];
        const QString exponent = digitsFrom(i);
        if (exponent.isEmpty())
            return quoteJsonString(source);
        json += exponent;
        i += exponent.size();
    }
    return i == source.size() ? json : quoteJsonString(source);
}

void render(const Value &value, QString &out)
{
    switch (value.type()) {
    case Value::Type::Null:
    case Value::Type::Boolean:
        out += value.text();
        return;
    case Value::Type::Number:
        out += jsonNumber(value.text());
        return;
    case Value::Type::String:
        out += quoteJsonString(value.text());
        return;
    case Value::Type::List: {
        out += u'[';
        bool first = true;
        for (const Value &item : value.items()) {
            if (!first)
                out += u',';
            first = false;
            render(item, out);
        }
        out += u']';
        return;
    }
    case Value::Type::Object: {
        QStringList keys = value.members().keys();
        std::sort(keys.begin(), keys.end(), renderedBefore);
        out += u'{';
        bool first = true;
        for (const QString &key : std::as_const(keys)) {
            if (!first)
                out += u',';
            first = false;
            out += quoteJsonString(key) + u':';
            render(value.members().value(key), out);
        }
        out += u'}';
        return;
    }
    }
}

} // namespace

QByteArray renderJson(const Value &value)
{
    QString out;
    render(value, out);
    return out.toUtf8();
}

QString quoteJsonString(QStringView text)
{
    QString quoted = QStringLiteral("\"");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"':
            quoted += u"\\\"";
            break;
        case '\\':
            quoted += u"\\\\";
            break;
        case '\n':
            quoted += u"\\n";
            break;
        case '\b':
            quoted += u"\\b";
            break;
        case '\f':
            quoted += u"\\f";
            break;
        case '\r':
            quoted += u"\\r";
            break;
        case '\t':
            quoted += u"\\t";
            break;
        default:
            if (c.unicode() < 0x20 || (c.unicode() >= 0x7F && c.unicode() <= 0x9F))
                quoted += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                quoted += c;
        }
    }
    return quoted + u'"';
}

} // namespace cx::config
