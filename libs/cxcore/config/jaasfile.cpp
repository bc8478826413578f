#include "jaasfile.h"

#include <QFile>
#include <QFileInfo>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace cx::config {

namespace {

constexpr qsizetype MaxTokenBytes = 4096;

/// One lexical token of a JAAS file.
struct Token
{
    enum class Kind { End, Word, String, Open, Close, Semicolon, Equals };
    Kind kind = Kind::End;
    QString text;
    int line = 0;
    int column = 0;
    qsizetype offset = 0; ///< where it starts in the file, in bytes
    qsizetype length = 0; ///< its length as written, in bytes
};

/// Reads a JAAS file's tokens; the first error stops it.
class Lexer
{
public:
    Lexer(QByteArrayView text, const QString &fileName)
        : m_text(text)
        , m_fileName(fileName)
    { }

    /// The next token, or false with error() set.
    bool next(Token &token);
    const QString &error() const { return m_error; }
    QString at(int line, int column, const QString &message) const
    {
        return Origin {m_fileName, line, column}.describe() + u": "_s + message;
    }

private:
    char peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0';
    }
    bool atEnd() const { return m_pos >= m_text.size(); }
    void advance()
    {
        if (m_text[m_pos] == '\n') {
            ++m_line;
            m_column = 1;
        } else {
            ++m_column;
        }
        ++m_pos;
    }
    bool skipSpaceAndComments();
    bool fail(const QString &message, int line, int column)
    {
        m_error = at(line, column, message);
        return false;
    }
    bool readString(Token &token);
    bool readWord(Token &token);

    QByteArrayView m_text;
    QString m_fileName;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_column = 1;
    QString m_error;
};

bool isDelimiter(char c)
{
    return c == '{' || c == '}' || c == ';' || c == '=' || c == '"' || c == ' ' || c == '\t'
        || c == '\r' || c == '\n';
}

bool Lexer::skipSpaceAndComments()
{
    while (!atEnd()) {
        const char c = peek();
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            advance();
        } else if (c == '/' && peek(1) == '/') {
            while (!atEnd() && peek() != '\n')
                advance();
        } else if (c == '/' && peek(1) == '*') {
            const int line = m_line;
            const int column = m_column;
            advance();
            advance();
            while (!atEnd() && !(peek() == '*' && peek(1) == '/'))
                advance();
            if (atEnd())
                return fail(u"unterminated comment"_s, line, column);
            advance();
            advance();
        } else {
            break;
        }
    }
    return true;
}

bool Lexer::readString(Token &token)
{
    advance(); // the opening quote
    QByteArray bytes;
    while (true) {
        if (atEnd() || peek() == '\n')
            return fail(u"unterminated string; expected a closing \""_s, token.line, token.column);
        char c = peek();
        advance();
        if (c == '"')
            break;
        if (c == '\\') {
            if (atEnd())
                continue; // reported as unterminated above
            const char escaped = peek();
            advance();
            c = escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped == 'r' ? '\r' : escaped;
        }
        if (bytes.size() >= MaxTokenBytes)
            return fail(u"string longer than %1 bytes"_s.arg(MaxTokenBytes), token.line,
                        token.column);
        bytes.append(c);
    }
    token.kind = Token::Kind::String;
    token.text = QString::fromUtf8(bytes);
    return true;
}

bool Lexer::readWord(Token &token)
{
    const qsizetype start = m_pos;
    while (!atEnd() && !isDelimiter(peek())
           && !(peek() == '/' && (peek(1) == '/' || peek(1) == '*')))
        advance();
    if (m_pos - start > MaxTokenBytes)
        return fail(u"word longer than %1 bytes"_s.arg(MaxTokenBytes), token.line, token.column);
    token.kind = Token::Kind::Word;
    token.text = QString::fromUtf8(m_text.sliced(start, m_pos - start));
    return true;
}

bool Lexer::next(Token &token)
{
    if (!skipSpaceAndComments())
        return false;
    token = Token {};
    token.line = m_line;
    token.column = m_column;
    token.offset = m_pos;
    if (atEnd())
        return true;
    const char c = peek();
    const auto single = [&](Token::Kind kind) {
        token.kind = kind;
        token.text = QString(QLatin1Char(c));
        advance();
        return true;
    };
    bool read = false;
    switch (c) {
    case '{':
        read = single(Token::Kind::Open);
        break;
    case '}':
        read = single(Token::Kind::Close);
        break;
    case ';':
        read = single(Token::Kind::Semicolon);
        break;
    case '=':
        read = single(Token::Kind::Equals);
        break;
    case '"':
        read = readString(token);
        break;
    default:
        read = readWord(token);
        break;
    }
    token.length = m_pos - token.offset;
    return read;
}

/// Recursive descent over the tokens: sections of modules of options.
class Parser
{
public:
    Parser(QByteArrayView text, const QString &fileName)
        : m_lexer(text, fileName)
        , m_fileName(fileName)
    { }

    Result<JaasFile> parse();

private:
    bool advance() { return m_lexer.next(m_token); }
    Origin origin() const { return {m_fileName, m_token.line, m_token.column}; }
    QString describe() const
    {
        return m_token.kind == Token::Kind::End ? u"the end of the file"_s
                                                : u"\""_s + m_token.text + u'"';
    }
    Error unexpected(const QString &expected) const
    {
        return Error(m_lexer.at(m_token.line, m_token.column,
                                u"expected "_s + expected + u", found "_s + describe()));
    }
    Error limit(const QString &what, int max) const
    {
        return Error(
            m_lexer.at(m_token.line, m_token.column, u"more than %1 %2"_s.arg(max).arg(what)));
    }
    std::optional<Error> parseSection(JaasFile::Section &section);
    std::optional<Error> parseModule(JaasFile::Module &module);

    Lexer m_lexer;
    QString m_fileName;
    Token m_token;
};

std::optional<Error> Parser::parseModule(JaasFile::Module &module)
{
    static const QStringList flags {u"required"_s, u"requisite"_s, u"sufficient"_s, u"optional"_s};
    module.className = m_token.text;
    module.origin = origin();
    if (!advance())
        return Error(m_lexer.error());
    if (m_token.kind != Token::Kind::Word || !flags.contains(m_token.text, Qt::CaseInsensitive))
        return unexpected(u"a control flag (required, requisite, sufficient or optional)"_s);
    module.flag = m_token.text.toLower();
    if (!advance())
        return Error(m_lexer.error());
    while (m_token.kind != Token::Kind::Semicolon) {
        if (m_token.kind != Token::Kind::Word)
            return unexpected(u"an option name or \";\""_s);
        if (module.options.size() >= JaasFile::MaxOptionsPerModule)
            return limit(u"options in one login module"_s, JaasFile::MaxOptionsPerModule);
        JaasFile::Option option;
        option.name = m_token.text;
        if (!advance())
            return Error(m_lexer.error());
        if (m_token.kind != Token::Kind::Equals)
            return unexpected(u"\"=\" after the option name \""_s + option.name + u'"');
        if (!advance())
            return Error(m_lexer.error());
        if (m_token.kind != Token::Kind::Word && m_token.kind != Token::Kind::String)
            return unexpected(u"a value for the option \""_s + option.name + u'"');
        option.value = m_token.text;
        option.origin = origin();
        option.offset = m_token.offset;
        option.length = m_token.length;
        module.options.append(option);
        if (!advance())
            return Error(m_lexer.error());
    }
    return std::nullopt;
}

std::optional<Error> Parser::parseSection(JaasFile::Section &section)
{
    section.name = m_token.text;
    section.origin = origin();
    if (!advance())
        return Error(m_lexer.error());
    if (m_token.kind != Token::Kind::Open)
        return unexpected(u"\"{\" after the section name \""_s + section.name + u'"');
    if (!advance())
        return Error(m_lexer.error());
    while (m_token.kind != Token::Kind::Close) {
        if (m_token.kind != Token::Kind::Word)
            return unexpected(u"a login module class or \"}\""_s);
        if (section.modules.size() >= JaasFile::MaxModulesPerSection)
            return limit(u"login modules in one section"_s, JaasFile::MaxModulesPerSection);
        JaasFile::Module module;
        if (auto error = parseModule(module))
            return error;
        section.modules.append(module);
        if (!advance())
            return Error(m_lexer.error());
    }
    if (!advance())
        return Error(m_lexer.error());
    if (m_token.kind != Token::Kind::Semicolon)
        return unexpected(u"\";\" after the \"}\" of section \""_s + section.name + u'"');
    return std::nullopt;
}

Result<JaasFile> Parser::parse()
{
    JaasFile file;
    if (!advance())
        return Error(m_lexer.error());
    while (m_token.kind != Token::Kind::End) {
        if (m_token.kind != Token::Kind::Word)
            return unexpected(u"a section name"_s);
        if (file.sections.size() >= JaasFile::MaxSections)
            return limit(u"sections"_s, JaasFile::MaxSections);
        JaasFile::Section section;
        if (auto error = parseSection(section))
            return *error;
        file.sections.append(section);
        if (!advance())
            return Error(m_lexer.error());
    }
    return file;
}

} // namespace

const JaasFile::Option *JaasFile::Module::option(const QString &name) const
{
    for (auto it = options.crbegin(); it != options.crend(); ++it) {
        if (it->name == name)
            return &*it;
    }
    return nullptr;
}

const JaasFile::Section *JaasFile::section(const QString &name) const
{
    for (const Section &candidate : sections) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

Result<JaasFile> JaasFile::parse(QByteArrayView text, const QString &fileName)
{
    if (text.size() > MaxBytes)
        return Error(fileName + u": larger than %1 bytes; not a JAAS file"_s.arg(MaxBytes));
    return Parser(text, fileName).parse();
}

Result<QByteArray> JaasFile::readText(const QString &path)
{
    if (!QFileInfo(path).isFile()) // never a FIFO or a device, which could block or not end
        return Error(path + u": not a file"_s);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(path + u": cannot read: "_s + file.errorString());
    if (file.size() > MaxBytes)
        return Error(path + u": larger than %1 bytes; not a JAAS file"_s.arg(MaxBytes));
    return file.read(MaxBytes + 1);
}

Result<JaasFile> JaasFile::read(const QString &path)
{
    const Result<QByteArray> text = readText(path);
    if (!text)
        return text.error();
    return parse(*text, path);
}

} // namespace cx::config
