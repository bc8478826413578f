#include "conversions.h"

#include <QMap>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

namespace cx::config {

namespace {

constexpr qint64 LongMax = std::numeric_limits<qint64>::max();
constexpr qint64 LongMin = std::numeric_limits<qint64>::min();

QString kindOf(const Value &value)
{
    switch (value.type()) {
    case Value::Type::Null:
        return QStringLiteral("null");
    case Value::Type::Boolean:
        return QStringLiteral("a boolean");
    case Value::Type::Number:
        return QStringLiteral("a number");
    case Value::Type::String:
        return QStringLiteral("a string");
    case Value::Type::List:
        return QStringLiteral("a list");
    case Value::Type::Object:
        return QStringLiteral("an object");
    }
    return {};
}

Error wrongKind(const Value &value, QStringView wanted)
{
    return Error {u"is " + kindOf(value) + u", not " + wanted, {}};
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isHexDigit(QChar c)
{
    return isAsciiDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

/// Removes a leading + or - from s; true when it was -.
bool takeSign(QStringView &s)
{
    if (s.isEmpty() || (s.front() != u'+' && s.front() != u'-'))
        return false;
    const bool negative = s.front() == u'-';
    s = s.sliced(1);
    return negative;
}

/// A string, number or boolean: the kinds that have a text form.
bool isScalar(const Value &value)
{
    return value.type() == Value::Type::String || value.type() == Value::Type::Number
        || value.type() == Value::Type::Boolean;
}

/// Java's String.trim(): drops characters up to U+0020 at both ends.
QStringView javaTrim(QStringView s)
{
    while (!s.isEmpty() && s.front().unicode() <= 0x20)
        s = s.sliced(1);
    while (!s.isEmpty() && s.back().unicode() <= 0x20)
        s.chop(1);
    return s;
}

/// Number of leading characters of s for which pred holds.
template<typename Pred> qsizetype countWhile(QStringView s, Pred pred)
{
    qsizetype n = 0;
    while (n < s.size() && pred(s[n]))
        ++n;
    return n;
}

/// A decimal or hexadecimal number split into its parts, as Java's grammars read them.
struct ScannedNumber
{
    bool negative = false;
    QStringView integerDigits;
    QStringView fractionDigits;
    qint64 exponent = 0; ///< power of 10 (decimal) or of 2 (hexadecimal), saturated at ±1e12
};

/// An optionally signed run of decimal digits, saturated far beyond any meaningful exponent.
std::optional<qint64> scanExponent(QStringView s)
{
    const bool negative = takeSign(s);
    if (s.isEmpty() || countWhile(s, isAsciiDigit) != s.size())
        return std::nullopt;
    constexpr qint64 Saturation = 1'000'000'000'000;
    qint64 value = 0;
    for (QChar c : s)
        value = std::min(Saturation, value * 10 + (c.unicode() - u'0'));
    return negative ? -value : value;
}

/// [+-] digits [. digits] [e [+-] digits], at least one mantissa digit: the grammar shared
/// by Java's BigDecimal and (without its extras) Double.parseDouble.
std::optional<ScannedNumber> scanDecimal(QStringView s)
{
    ScannedNumber n;
    n.negative = takeSign(s);
    n.integerDigits = s.first(countWhile(s, isAsciiDigit));
    s = s.sliced(n.integerDigits.size());
    if (!s.isEmpty() && s.front() == u'.') {
        s = s.sliced(1);
        n.fractionDigits = s.first(countWhile(s, isAsciiDigit));
        s = s.sliced(n.fractionDigits.size());
    }
    if (n.integerDigits.isEmpty() && n.fractionDigits.isEmpty())
        return std::nullopt;
    if (!s.isEmpty()) {
        if (s.front() != u'e' && s.front() != u'E')
            return std::nullopt;
        const auto exponent = scanExponent(s.sliced(1));
        if (!exponent)
            return std::nullopt;
        n.exponent = *exponent;
    }
    return n;
}

/// Java's hexadecimal floating-point literal after "0x": hexdigits [. hexdigits] p [+-] digits.
std::optional<ScannedNumber> scanHex(QStringView s)
{
    ScannedNumber n;
    n.integerDigits = s.first(countWhile(s, isHexDigit));
    s = s.sliced(n.integerDigits.size());
    if (!s.isEmpty() && s.front() == u'.') {
        s = s.sliced(1);
        n.fractionDigits = s.first(countWhile(s, isHexDigit));
        s = s.sliced(n.fractionDigits.size());
    }
    if ((n.integerDigits.isEmpty() && n.fractionDigits.isEmpty()) || s.isEmpty()
        || (s.front() != u'p' && s.front() != u'P'))
        return std::nullopt;
    const auto exponent = scanExponent(s.sliced(1));
    if (!exponent)
        return std::nullopt;
    n.exponent = *exponent;
    return n;
}

/// The magnitude of a scanned number as the nearest double; beyond the double range it is
/// infinity or zero, as in Java.
double toDouble(const ScannedNumber &n, bool hex)
{
    const QString text = n.integerDigits + u'.' + n.fractionDigits + (hex ? u'p' : u'e')
        + QString::number(n.exponent);
    const std::string ascii = text.toStdString();
    double result = 0;
    const auto [end, ec]
        = std::from_chars(ascii.data(), ascii.data() + ascii.size(), result,
                          hex ? std::chars_format::hex : std::chars_format::general);
    Q_UNUSED(end);
    if (ec == std::errc::result_out_of_range) {
        // Too large or too small for a double: which one depends on where the first
        // significant digit sits relative to the point, plus the exponent.
        const qsizetype integerSignificant = n.integerDigits.size()
            - countWhile(n.integerDigits, [](QChar c) { return c == u'0'; });
        const qsizetype magnitude = integerSignificant > 0
            ? integerSignificant
            : -countWhile(n.fractionDigits, [](QChar c) { return c == u'0'; });
        return magnitude * (hex ? 4 : 1) + n.exponent > 0 ? std::numeric_limits<double>::infinity()
                                                          : 0.0;
    }
    return result;
}

/// [+-] digits: what Java reads as an integer rather than as a floating-point number.
bool isSignedDigits(QStringView s)
{
    takeSign(s);
    return !s.isEmpty() && countWhile(s, isAsciiDigit) == s.size();
}

/// Java's Long.parseLong: [+-] digits, within the 64-bit range.
std::optional<qint64> parseJavaLong(QStringView s)
{
    if (!isSignedDigits(s))
        return std::nullopt;
    const bool negative = takeSign(s);
    // Accumulate negatively so that the minimum value fits.
    qint64 value = 0;
    for (QChar c : s) {
        const int digit = c.unicode() - u'0';
        if (value < (LongMin + digit) / 10)
            return std::nullopt;
        value = value * 10 - digit;
    }
    if (!negative) {
        if (value == LongMin)
            return std::nullopt;
        value = -value;
    }
    return value;
}

/// Java's Double.parseDouble: trimmed; [+-] then NaN, Infinity, a decimal or a
/// hexadecimal ("0x1.8p3") literal, optionally followed by one of f, F, d, D.
std::optional<double> parseJavaDouble(QStringView text)
{
    QStringView s = javaTrim(text);
    const bool negative = takeSign(s);
    if (s.startsWith(u'+') || s.startsWith(u'-'))
        return std::nullopt;
    if (s == u"NaN")
        return std::numeric_limits<double>::quiet_NaN();
    double magnitude = std::numeric_limits<double>::infinity();
    if (s != u"Infinity") {
        if (!s.isEmpty() && QStringView(u"fFdD").contains(s.back()))
            s.chop(1);
        const bool hex = s.startsWith(u"0x", Qt::CaseInsensitive);
        const auto scanned = hex ? scanHex(s.sliced(2)) : scanDecimal(s);
        if (!scanned)
            return std::nullopt;
        magnitude = toDouble(*scanned, hex);
    }
    return negative ? -magnitude : magnitude;
}

/// Java's (long) cast: toward zero, saturating, NaN to 0.
qint64 truncateToLong(double d)
{
    if (std::isnan(d))
        return 0;
    if (d >= 9223372036854775808.0)
        return LongMax;
    if (d <= -9223372036854775808.0)
        return LongMin;
    return qint64(d);
}

/// The number a Value holds when it is a number or a numeric string (getLong's rules).
std::optional<qint64> numericText(const Value &value)
{
    if (value.type() != Value::Type::Number && value.type() != Value::Type::String)
        return std::nullopt;
    if (const auto l = parseJavaLong(value.text()))
        return l;
    if (const auto d = parseJavaDouble(value.text()))
        return truncateToLong(*d);
    return std::nullopt;
}

/// Splits "1.5 h" into its trimmed number and its unit (the trailing letters).
struct NumberAndUnit
{
    QStringView number;
    QStringView unit;
};

NumberAndUnit splitUnit(QStringView text)
{
    const QStringView s = text.trimmed();
    qsizetype unitStart = s.size();
    while (unitStart > 0 && s[unitStart - 1].isLetter())
        --unitStart;
    return {s.first(unitStart).trimmed(), s.sliced(unitStart)};
}

std::optional<qint64> nanosPerUnit(QStringView unit)
{
    // Typesafe Config accepts a long unit name without its final "s" ("second", "milli").
    QString name = unit.toString();
    if (name.size() > 2 && !name.endsWith(u's'))
        name += u's';
    static const QMap<QString, qint64> units {
        {QString(), 1'000'000},
        {QStringLiteral("ms"), 1'000'000},
        {QStringLiteral("millis"), 1'000'000},
        {QStringLiteral("milliseconds"), 1'000'000},
        {QStringLiteral("us"), 1'000},
        {QStringLiteral("micros"), 1'000},
        {QStringLiteral("microseconds"), 1'000},
        {QStringLiteral("ns"), 1},
        {QStringLiteral("nanos"), 1},
        {QStringLiteral("nanoseconds"), 1},
        {QStringLiteral("d"), 86'400'000'000'000},
        {QStringLiteral("days"), 86'400'000'000'000},
        {QStringLiteral("h"), 3'600'000'000'000},
        {QStringLiteral("hours"), 3'600'000'000'000},
        {QStringLiteral("s"), 1'000'000'000},
        {QStringLiteral("seconds"), 1'000'000'000},
        {QStringLiteral("m"), 60'000'000'000},
        {QStringLiteral("minutes"), 60'000'000'000},
    };
    const auto it = units.constFind(name);
    if (it == units.cend())
        return std::nullopt;
    return it.value();
}

/// A size unit: base^power bytes.
struct SizeUnit
{
    int base = 1024;
    int power = 0;
};

std::optional<SizeUnit> sizeUnit(QStringView unit)
{
    if (unit.isEmpty() || unit == u"b" || unit == u"B" || unit == u"byte" || unit == u"bytes")
        return SizeUnit {};
    static const QLatin1StringView decimalPrefixes[]
        = {QLatin1StringView("kilo"),  QLatin1StringView("mega"), QLatin1StringView("giga"),
           QLatin1StringView("tera"),  QLatin1StringView("peta"), QLatin1StringView("exa"),
           QLatin1StringView("zetta"), QLatin1StringView("yotta")};
    static const QLatin1StringView binaryPrefixes[]
        = {QLatin1StringView("kibi"), QLatin1StringView("mebi"), QLatin1StringView("gibi"),
           QLatin1StringView("tebi"), QLatin1StringView("pebi"), QLatin1StringView("exbi"),
           QLatin1StringView("zebi"), QLatin1StringView("yobi")};
    for (int i = 0; i < 8; ++i) {
        const int power = i + 1;
        const QString decimal = decimalPrefixes[i];
        const QString binary = binaryPrefixes[i];
        const QString upper = binary.first(1).toUpper();
        // Only kilo has a lowercase abbreviation (kB); the others are MB, GB, ...
        const QStringList decimalNames {(power == 1 ? decimal.first(1) : upper) + u'B',
                                        decimal + u"byte", decimal + u"bytes"};
        const QStringList binaryNames {binary.first(1),  upper,
                                       upper + u'i',     upper + u"iB",
                                       binary + u"byte", binary + u"bytes"};
        if (decimalNames.contains(unit))
            return SizeUnit {1000, power};
        if (binaryNames.contains(unit))
            return SizeUnit {1024, power};
    }
    return std::nullopt;
}

/// digits (decimal, most significant first) *= factor, factor small.
void multiplyDecimal(std::string &digits, int factor)
{
    int carry = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        const int product = (*it - '0') * factor + carry;
        *it = char('0' + product % 10);
        carry = product / 10;
    }
    while (carry > 0) {
        digits.insert(digits.begin(), char('0' + carry % 10));
        carry /= 10;
    }
}

/// The exact value of n * base^power, truncated toward zero, if it fits in 64 bits signed
/// (Typesafe Config computes it with BigDecimal and BigInteger).
std::optional<qint64> exactBytes(const ScannedNumber &n, SizeUnit unit)
{
    std::string digits = QString(n.integerDigits + n.fractionDigits).toStdString();
    qint64 exponent = n.exponent - n.fractionDigits.size();
    if (unit.base == 1000)
        exponent += 3 * unit.power;
    else
        for (int i = 0; i < unit.power; ++i)
            multiplyDecimal(digits, 1024);
    digits.erase(0, digits.find_first_not_of('0'));
    if (digits.empty())
        return 0;
    constexpr qsizetype MaxDigits = 19; // 9223372036854775807
    if (exponent >= 0) {
        if (qint64(digits.size()) + exponent > MaxDigits)
            return std::nullopt;
        digits.append(size_t(exponent), '0');
    } else if (-exponent >= qint64(digits.size())) {
        return 0;
    } else {
        digits.resize(digits.size() - size_t(-exponent));
    }
    const std::string limit = n.negative ? "9223372036854775808" : "9223372036854775807";
    if (qsizetype(digits.size()) > MaxDigits
        || (qsizetype(digits.size()) == MaxDigits && digits > limit))
        return std::nullopt;
    // Accumulate negatively so that -2^63 fits.
    qint64 value = 0;
    for (char c : digits)
        value = value * 10 - (c - '0');
    return n.negative ? value : -value;
}

} // namespace

Result<bool> toBoolean(const Value &value)
{
    if (value.type() == Value::Type::Boolean)
        return value.toBool();
    if (value.type() != Value::Type::String)
        return wrongKind(value, u"a boolean");
    const QString &s = value.text();
    if (s == u"true" || s == u"yes" || s == u"on")
        return true;
    if (s == u"false" || s == u"no" || s == u"off")
        return false;
    return Error {QStringLiteral("is not a boolean"), {}};
}

Result<qint64> toLong(const Value &value)
{
    if (const auto n = numericText(value))
        return *n;
    if (value.type() == Value::Type::String)
        return Error {QStringLiteral("is not a number"), {}};
    return wrongKind(value, u"a number");
}

Result<int> toInt(const Value &value)
{
    const Result<qint64> n = toLong(value);
    if (!n)
        return n.error();
    if (*n < std::numeric_limits<int>::min() || *n > std::numeric_limits<int>::max())
        return Error {QStringLiteral("is outside the 32-bit integer range"), {}};
    return int(*n);
}

Result<QString> toString(const Value &value)
{
    if (isScalar(value))
        return value.text();
    return wrongKind(value, u"a string");
}

Result<QStringList> toStringList(const Value &value)
{
    QList<Value> items;
    if (value.type() == Value::Type::List) {
        items = value.items();
    } else if (value.type() == Value::Type::Object) {
        // An object whose keys are non-negative integers is read as a list in key order
        // (what .properties-style "a.0 = x" assignments produce); other keys are ignored.
        QMap<int, Value> indexed;
        for (auto it = value.members().cbegin(); it != value.members().cend(); ++it) {
            const auto index = parseJavaLong(it.key());
            if (index && *index >= 0 && *index <= std::numeric_limits<int>::max())
                indexed.insert(int(*index), it.value());
        }
        if (indexed.isEmpty())
            return wrongKind(value, u"a list");
        items = indexed.values();
    } else {
        return wrongKind(value, u"a list");
    }
    QStringList strings;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Result<QString> s = toString(items.at(i));
        if (!s)
            return Error {
                u"has element " + QString::number(i + 1) + u", which " + s.error().message, {}};
        strings.append(*s);
    }
    return strings;
}

Result<std::chrono::nanoseconds> parseDuration(QStringView text)
{
    const NumberAndUnit parts = splitUnit(text);
    if (parts.number.isEmpty())
        return Error {QStringLiteral("has no number"), {}};
    const auto unitNanos = nanosPerUnit(parts.unit);
    if (!unitNanos)
        return Error {
            u"has an unknown time unit \"" + parts.unit + u"\" (use ns, us, ms, s, m, h or d)", {}};
    if (isSignedDigits(parts.number)) {
        const auto n = parseJavaLong(parts.number);
        if (!n)
            return Error {QStringLiteral("has a number that does not fit in 64 bits"), {}};
        // TimeUnit.toNanos saturates.
        if (*n > LongMax / *unitNanos)
            return std::chrono::nanoseconds(LongMax);
        if (*n < -(LongMax / *unitNanos))
            return std::chrono::nanoseconds(LongMin);
        return std::chrono::nanoseconds(*n * *unitNanos);
    }
    const auto d = parseJavaDouble(parts.number);
    if (!d)
        return Error {QStringLiteral("has no valid number before its unit"), {}};
    return std::chrono::nanoseconds(truncateToLong(*d * double(*unitNanos)));
}

Result<std::chrono::nanoseconds> toDuration(const Value &value)
{
    // A number is read through its text: a bare number means milliseconds.
    if (isScalar(value))
        return parseDuration(value.text());
    return wrongKind(value, u"a duration");
}

Result<qint64> parseBytes(QStringView text)
{
    const NumberAndUnit parts = splitUnit(text);
    if (parts.number.isEmpty())
        return Error {QStringLiteral("has no number"), {}};
    const auto unit = sizeUnit(parts.unit);
    if (!unit)
        return Error {u"has an unknown size unit \"" + parts.unit
                          + u"\" (use for example B, k or KiB = 1024, kB = 1000, "
                            u"M or MiB = 1048576, MB = 1000000, G, GiB, GB)",
                      {}};
    const auto scanned = scanDecimal(parts.number);
    if (!scanned)
        return Error {QStringLiteral("has no valid number before its unit"), {}};
    const auto bytes = exactBytes(*scanned, *unit);
    if (!bytes)
        return Error {QStringLiteral("is too large for a 64-bit byte count"), {}};
    return *bytes;
}

Result<qint64> toBytes(const Value &value)
{
    // getBytes tries getLong first, so "1.5" is 1 byte and "1d" is 1 byte, as in Java.
    if (const auto n = numericText(value))
        return *n;
    if (isScalar(value))
        return parseBytes(value.text());
    return wrongKind(value, u"a size");
}

} // namespace cx::config
