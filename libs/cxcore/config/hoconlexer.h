#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace cx::config {

enum class HoconTokenType {
    End,
    Newline,
    Whitespace,
    Comment,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    SubstitutionOpen, ///< "${" or "${?" (see HoconToken::optional); the path tokens follow
    QuotedString, ///< "..." or """..."""
    UnquotedText,
    Number,
    True,
    False,
    Null,
    Invalid, ///< a lexical error; text holds the message, the position is the offending character
};

/// One token of a HOCON document, with where it is: byte offsets into the UTF-8 text (what
/// the in-place editor splices) and the 1-based line and column (in characters) for messages.
struct HoconToken
{
    HoconTokenType type = HoconTokenType::End;
    qsizetype begin = 0; ///< offset of the first byte
    qsizetype end = 0; ///< offset past the last byte
    int line = 1;
    int column = 1;
    /// QuotedString: the decoded string; UnquotedText, Number, True, False, Null: the source
    /// text; Whitespace: the whitespace characters; Comment: the text after # or //;
    /// Invalid: the error message.
    QString text;
    bool optional = false; ///< SubstitutionOpen: "${?"
};

/// Splits UTF-8 HOCON text into tokens the way Typesafe Config's tokenizer does (numbers are
/// kept as their source text; "64k" is the number 64 followed by the unquoted text "k"). The
/// list always ends with an End token, or with an Invalid token at the first lexical error
/// (invalid UTF-8, a bad escape, an unterminated string, a reserved character...).
QList<HoconToken> tokenizeHocon(QByteArrayView text);

/// True for the token types that can make up a key or a substitution path.
bool isHoconPathToken(HoconTokenType type);

/// Describes a token for a message: "'='", "end of file", "newline", "'foo'".
QString describeHoconToken(const HoconToken &token);

} // namespace cx::config
