#include "hoconlexer.h"

#include <algorithm>
#include <cctype>

namespace cx::config {

namespace {

constexpr char32_t endOfInput = 0xFFFFFFFF;
constexpr char32_t invalidUtf8 = 0xFFFFFFFE;

/// Whitespace as HOCON (and Java's Character.isWhitespace) defines it, newline included.
bool isHoconWhitespace(char32_t c)
{
    switch (c) {
    case ' ':
    case '\t':
    case '\n':
    case 0x0B:
    case '\f':
    case '\r':
    case 0x1C:
    case 0x1D:
    case 0x1E:
    case 0x1F:
    case 0x00A0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

/// Characters that end unquoted text and may not start it (HOCON "forbidden characters").
bool isForbiddenInUnquotedText(char32_t c)
{
    switch (c) {
    case '$':
    case '"':
    case '{':
    case '}':
    case '[':
    case ']':
    case ':':
    case '=':
    case ',':
    case '+':
    case '#':
    case '`':
    case '^':
    case '?':
    case '!':
    case '@':
    case '*':
    case '&':
    case '\\':
        return true;
    default:
        return isHoconWhitespace(c);
    }
}

bool isNumberCharacter(char32_t c)
{
    return (c >= '0' && c <= '9') || c == 'e' || c == 'E' || c == '+' || c == '-' || c == '.';
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

/// What Java's Long.parseLong accepts (the lexer only passes [-0-9] text here).
bool isJavaLong(QStringView text)
{
    const QStringView digits = text.startsWith(u'-') ? text.mid(1) : text;
    if (digits.isEmpty() || !std::all_of(digits.begin(), digits.end(), isDigit))
        return false;
    bool ok = false;
    [[maybe_unused]] const qint64 value = text.toLongLong(&ok);
    return ok;
}

/// What Java's Double.parseDouble accepts from number characters: an optional sign, digits with
/// an optional fraction (at least one digit overall), an optional exponent with digits.
bool isJavaDouble(QStringView text)
{
    qsizetype i = 0;
    const auto digitsFrom = [&text](qsizetype from) {
        qsizetype to = from;
        while (to < text.size() && isDigit(text[to]))
            ++to;
        return to - from;
    };
    if (i < text.size() && (text[i] == u'-' || text[i] == u'+'))
        ++i;
    qsizetype mantissaDigits = digitsFrom(i);
    i += mantissaDigits;
    if (i < text.size() && text[i] == u'.') {
        ++i;
        const qsizetype fraction = digitsFrom(i);
        i += fraction;
        mantissaDigits += fraction;
    }
    if (mantissaDigits == 0)
        return false;
    if (i < text.size() && (text[i] == u'e' || text[i] == u'E')) {
        ++i;
        if (i < text.size() && (text[i] == u'-' || text[i] == u'+'))
            ++i;
        const qsizetype exponent = digitsFrom(i);
        if (exponent == 0)
            return false;
        i += exponent;
    }
    return i == text.size();
}

/// Java's Character.isISOControl: what quoted strings may not hold unescaped.
bool isIsoControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

class HoconLexer
{
public:
    /// A byte order mark is skipped (as whitespace, for Typesafe Config) and takes no column.
    explicit HoconLexer(QByteArrayView text)
        : m_text(text)
        , m_pos(text.startsWith("\xef\xbb\xbf") ? 3 : 0)
    { }

    QList<HoconToken> tokenize()
    {
        QList<HoconToken> tokens;
        for (;;) {
            tokens.append(nextToken());
            const HoconTokenType type = tokens.constLast().type;
            if (type == HoconTokenType::End || type == HoconTokenType::Invalid)
                return tokens;
        }
    }

private:
    struct Decoded
    {
        char32_t value;
        int length;
    };

    /// Decodes the code point at byte offset pos (strict UTF-8: no overlong forms, no
    /// surrogates, nothing above U+10FFFF).
    Decoded decodeAt(qsizetype pos) const
    {
        if (pos >= m_text.size())
            return {endOfInput, 0};
        const auto byte = [this](qsizetype i) {
            return i < m_text.size() ? static_cast<unsigned char>(m_text[i]) : 0u;
        };
        const unsigned b0 = byte(pos);
        if (b0 < 0x80)
            return {b0, 1};
        int length = 0;
        unsigned low = 0x80, high = 0xBF;
        char32_t value = 0;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            length = 2;
            value = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            length = 3;
            value = b0 & 0x0F;
            if (b0 == 0xE0)
                low = 0xA0;
            else if (b0 == 0xED)
                high = 0x9F;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            length = 4;
            value = b0 & 0x07;
            if (b0 == 0xF0)
                low = 0x90;
            else if (b0 == 0xF4)
                high = 0x8F;
        } else {
            return {invalidUtf8, 0};
        }
        for (int i = 1; i < length; ++i) {
            const unsigned b = byte(pos + i);
            if (pos + i >= m_text.size() || b < low || b > high)
                return {invalidUtf8, 0};
            low = 0x80;
            high = 0xBF;
            value = (value << 6) | (b & 0x3F);
        }
        return {value, length};
    }

    char32_t current() const { return decodeAt(m_pos).value; }
    char32_t peekAfterCurrent() const
    {
        const Decoded d = decodeAt(m_pos);
        return d.length == 0 ? endOfInput : decodeAt(m_pos + d.length).value;
    }

    void advance()
    {
        const Decoded d = decodeAt(m_pos);
        m_pos += d.length;
        if (d.value == '\n') {
            ++m_line;
            m_column = 1;
        } else {
            ++m_column;
        }
    }

    /// Appends the current character to text and advances.
    void take(QString &text)
    {
        const char32_t c = current();
        text.append(QStringView(QChar::fromUcs4(c)));
        advance();
    }

    HoconToken startToken(HoconTokenType type) const
    {
        HoconToken token;
        token.type = type;
        token.begin = m_pos;
        token.line = m_line;
        token.column = m_column;
        return token;
    }

    HoconToken finish(HoconToken token) const
    {
        token.end = m_pos;
        return token;
    }

    /// An Invalid token at the current character.
    HoconToken invalidHere(const QString &message) const
    {
        HoconToken token = startToken(HoconTokenType::Invalid);
        token.end = m_pos;
        token.text = message;
        return token;
    }

    static HoconToken invalidAt(HoconToken token, const QString &message)
    {
        token.type = HoconTokenType::Invalid;
        token.end = token.begin;
        token.text = message;
        return token;
    }

    HoconToken invalidUtf8Here() const
    {
        return invalidHere(QStringLiteral("invalid UTF-8 byte sequence"));
    }

    HoconToken single(HoconTokenType type)
    {
        HoconToken token = startToken(type);
        advance();
        return finish(token);
    }

    HoconToken nextToken()
    {
        const char32_t c = current();
        if (c == endOfInput)
            return finish(startToken(HoconTokenType::End));
        if (c == invalidUtf8)
            return invalidUtf8Here();
        switch (c) {
        case '\n':
            return single(HoconTokenType::Newline);
        case '#':
            return comment(1);
        case '"':
            return quoted();
        case '$':
            return substitutionOpen();
        case '{':
            return single(HoconTokenType::OpenBrace);
        case '}':
            return single(HoconTokenType::CloseBrace);
        case '[':
            return single(HoconTokenType::OpenBracket);
        case ']':
            return single(HoconTokenType::CloseBracket);
        case ',':
            return single(HoconTokenType::Comma);
        case ':':
            return single(HoconTokenType::Colon);
        case '=':
            return single(HoconTokenType::Equals);
        case '+':
            return plusEquals();
        default:
            break;
        }
        if (c == '/' && peekAfterCurrent() == '/')
            return comment(2);
        if (isHoconWhitespace(c))
            return whitespace();
        if ((c >= '0' && c <= '9') || c == '-')
            return number();
        if (isForbiddenInUnquotedText(c))
            return reservedCharacter(c);
        return unquoted();
    }

    HoconToken reservedCharacter(char32_t c) const
    {
        return invalidHere(QStringLiteral("reserved character '%1' is not allowed outside quotes")
                               .arg(QString::fromUcs4(&c, 1)));
    }

    HoconToken whitespace()
    {
        HoconToken token = startToken(HoconTokenType::Whitespace);
        for (char32_t c = current();
             c != '\n' && c != endOfInput && c != invalidUtf8 && isHoconWhitespace(c);
             c = current())
            take(token.text);
        return finish(token);
    }

    HoconToken comment(int markerLength)
    {
        HoconToken token = startToken(HoconTokenType::Comment);
        for (int i = 0; i < markerLength; ++i)
            advance();
        for (char32_t c = current(); c != '\n' && c != endOfInput; c = current()) {
            if (c == invalidUtf8)
                return invalidUtf8Here();
            take(token.text);
        }
        return finish(token);
    }

    HoconToken plusEquals()
    {
        HoconToken token = startToken(HoconTokenType::PlusEquals);
        if (peekAfterCurrent() != '=')
            return invalidHere(QStringLiteral("'+' is only allowed in '+=' outside quotes"));
        advance();
        advance();
        return finish(token);
    }

    HoconToken substitutionOpen()
    {
        HoconToken token = startToken(HoconTokenType::SubstitutionOpen);
        if (peekAfterCurrent() != '{')
            return invalidHere(QStringLiteral("'$' must be followed by '{' (a substitution)"));
        advance();
        advance();
        if (current() == '?') {
            token.optional = true;
            advance();
        }
        return finish(token);
    }

    /// Unquoted text; "true", "false" and "null" end the token as soon as they are complete,
    /// as in Typesafe Config ("truex" is true followed by "x").
    HoconToken unquoted()
    {
        HoconToken token = startToken(HoconTokenType::UnquotedText);
        for (char32_t c = current(); c != endOfInput && c != invalidUtf8
             && !isForbiddenInUnquotedText(c) && !(c == '/' && peekAfterCurrent() == '/');
             c = current()) {
            take(token.text);
            if (token.text == u"true")
                token.type = HoconTokenType::True;
            else if (token.text == u"false")
                token.type = HoconTokenType::False;
            else if (token.text == u"null")
                token.type = HoconTokenType::Null;
            if (token.type != HoconTokenType::UnquotedText)
                break;
        }
        return finish(token);
    }

    /// A run of number characters is a number when Java would parse it (a long without '.',
    /// 'e' or 'E', a double with); otherwise it is unquoted text, or an error if it holds '+'.
    HoconToken number()
    {
        HoconToken token = startToken(HoconTokenType::Number);
        while (isNumberCharacter(current()))
            take(token.text);
        const bool floating
            = token.text.contains(u'.') || token.text.contains(u'e') || token.text.contains(u'E');
        if (floating ? isJavaDouble(token.text) : isJavaLong(token.text))
            return finish(token);
        const qsizetype plus = token.text.indexOf(u'+');
        if (plus >= 0) {
            HoconToken at = token;
            at.begin += plus;
            at.column += static_cast<int>(plus);
            return invalidAt(
                at, QStringLiteral("reserved character '+' is not allowed outside quotes"));
        }
        token.type = HoconTokenType::UnquotedText;
        return finish(token);
    }

    HoconToken quoted()
    {
        HoconToken token = startToken(HoconTokenType::QuotedString);
        advance();
        if (current() == '"') {
            advance();
            if (current() != '"')
                return finish(token); // ""
            advance();
            return tripleQuoted(token);
        }
        for (;;) {
            const char32_t c = current();
            if (c == endOfInput)
                return invalidAt(token, QStringLiteral("unterminated quoted string"));
            if (c == invalidUtf8)
                return invalidUtf8Here();
            if (c == '"') {
                advance();
                return finish(token);
            }
            if (c == '\\') {
                if (!escape(token.text))
                    return m_escapeError;
                continue;
            }
            if (c == '\n') {
                return invalidHere(QStringLiteral("newline in a quoted string (use \\n, or a "
                                                  "triple-quoted string)"));
            }
            if (isIsoControl(c)) {
                return invalidHere(
                    QStringLiteral("control character U+%1 must be escaped in a quoted string")
                        .arg(QString::number(static_cast<uint>(c), 16).toUpper(), 4,
                             QLatin1Char('0')));
            }
            take(token.text);
        }
    }

    /// Reads a backslash escape into text; on error sets m_escapeError and returns false.
    bool escape(QString &text)
    {
        const HoconToken at = startToken(HoconTokenType::Invalid);
        advance();
        const char32_t c = current();
        switch (c) {
        case '"':
        case '\\':
        case '/':
            text.append(QChar(static_cast<char16_t>(c)));
            advance();
            return true;
        case 'b':
            text.append(u'\b');
            advance();
            return true;
        case 'f':
            text.append(u'\f');
            advance();
            return true;
        case 'n':
            text.append(u'\n');
            advance();
            return true;
        case 'r':
            text.append(u'\r');
            advance();
            return true;
        case 't':
            text.append(u'\t');
            advance();
            return true;
        case 'u': {
            advance();
            QString hex;
            for (int i = 0; i < 4 && current() < 0x80 && std::isxdigit(static_cast<int>(current()));
                 ++i)
                take(hex);
            if (hex.size() != 4) {
                m_escapeError = invalidAt(
                    at, QStringLiteral("'\\u' must be followed by four hexadecimal digits"));
                return false;
            }
            text.append(QChar(static_cast<char16_t>(hex.toUInt(nullptr, 16))));
            return true;
        }
        default:
            m_escapeError = invalidAt(
                at,
                QStringLiteral("invalid escape sequence in a quoted string (use \\\\ for a "
                               "backslash)"));
            return false;
        }
    }

    /// After the opening """: everything up to the last three quotes of the first run of three
    /// or more is the string, newlines and backslashes included.
    HoconToken tripleQuoted(HoconToken token)
    {
        for (;;) {
            const char32_t c = current();
            if (c == endOfInput)
                return invalidAt(token, QStringLiteral("unterminated triple-quoted string"));
            if (c == invalidUtf8)
                return invalidUtf8Here();
            if (c != '"') {
                take(token.text);
                continue;
            }
            int quotes = 0;
            while (current() == '"') {
                advance();
                ++quotes;
            }
            if (quotes >= 3) {
                token.text.append(QString(quotes - 3, u'"'));
                return finish(token);
            }
            token.text.append(QString(quotes, u'"'));
        }
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_column = 1;
    HoconToken m_escapeError;
};

} // namespace

QList<HoconToken> tokenizeHocon(QByteArrayView text)
{
    return HoconLexer(text).tokenize();
}

bool isHoconPathToken(HoconTokenType type)
{
    switch (type) {
    case HoconTokenType::Whitespace:
    case HoconTokenType::QuotedString:
    case HoconTokenType::UnquotedText:
    case HoconTokenType::Number:
    case HoconTokenType::True:
    case HoconTokenType::False:
    case HoconTokenType::Null:
        return true;
    default:
        return false;
    }
}

QString describeHoconToken(const HoconToken &token)
{
    switch (token.type) {
    case HoconTokenType::End:
        return QStringLiteral("end of file");
    case HoconTokenType::Newline:
        return QStringLiteral("newline");
    case HoconTokenType::Whitespace:
        return QStringLiteral("whitespace");
    case HoconTokenType::Comment:
        return QStringLiteral("a comment");
    case HoconTokenType::Comma:
        return QStringLiteral("','");
    case HoconTokenType::Colon:
        return QStringLiteral("':'");
    case HoconTokenType::Equals:
        return QStringLiteral("'='");
    case HoconTokenType::PlusEquals:
        return QStringLiteral("'+='");
    case HoconTokenType::OpenBrace:
        return QStringLiteral("'{'");
    case HoconTokenType::CloseBrace:
        return QStringLiteral("'}'");
    case HoconTokenType::OpenBracket:
        return QStringLiteral("'['");
    case HoconTokenType::CloseBracket:
        return QStringLiteral("']'");
    case HoconTokenType::SubstitutionOpen:
        return QStringLiteral("a substitution");
    case HoconTokenType::QuotedString:
        return QStringLiteral("the string \"%1\"").arg(token.text);
    case HoconTokenType::Invalid:
        return token.text;
    default:
        return u'\'' + token.text + u'\'';
    }
}

} // namespace cx::config
