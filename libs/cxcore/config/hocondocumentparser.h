#pragma once

#include "diagnostic.h"
#include "hoconlexer.h"
#include "hoconnode.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace cx::config {

/// An include statement: `include "x"`, `include file("x")`, `include required(...)`...
struct HoconIncludeRequest
{
    enum class Kind { Heuristic, File, Url, Classpath };

    Kind kind = Kind::Heuristic;
    bool required = false;
    QString name;
    Origin origin; ///< where the include statement is
    int depth = 0; ///< the nesting the included document starts at (see maxHoconDepth)
};

/// Reads an included document: its (unresolved) root object, an empty object when the file is
/// missing and not required, or nullptr with *error set.
using HoconIncluder = std::function<HoconNodePtr(const HoconIncludeRequest &, Diagnostic *error)>;

/// One `key = value` (or `key { ... }`) of a document and where its parts are, for the
/// in-place editor. Fields of objects inside lists are not listed.
struct HoconAssignment
{
    enum class ValueKind {
        ObjectLiteral, ///< a single `{ ... }`
        Object, ///< several objects concatenated
        Plain, ///< a scalar or a list: hides whatever the key held before
        Unresolved, ///< holds a substitution, or is a `+=`: known only once resolved
    };

    QStringList path; ///< absolute path of the key
    ValueKind valueKind = ValueKind::Plain;
    int parent = -1; ///< index of the assignment whose object holds this one; -1: the root
    qsizetype keyBegin = 0;
    HoconToken separator; ///< ':', '=' or '+=', or the '{' of `key { ... }`
    qsizetype valueBegin = 0; ///< first byte of the value
    qsizetype valueEnd = 0; ///< past the last byte of the value ('}' of an object literal)
};

/// The assignments of a document in the order of their keys, and the root's braces.
struct HoconOutline
{
    QList<HoconAssignment> assignments;
    bool rootBraced = false;
    qsizetype rootOpen = -1; ///< offset of the root's '{' when braced
    qsizetype rootClose = -1; ///< offset of the root's '}' when braced
};

/// Parses one HOCON document into an unresolved tree (Typesafe Config's grammar), reading
/// includes through an includer, and records the outline the editor works from.
class HoconDocumentParser
{
public:
    /// text must outlive the parser. Without an includer, include statements are checked but
    /// not read. depth: the nesting the document starts at, 0 for a file and
    /// HoconIncludeRequest::depth for an included one (see maxHoconDepth).
    HoconDocumentParser(QByteArrayView text, QString fileName, HoconIncluder includer = {},
                        int depth = 0);

    /// The root object, or nullptr after an error (see error()).
    HoconNodePtr parse();

    const Diagnostic &error() const { return m_error; }
    const HoconOutline &outline() const { return m_outline; }

private:
    struct ValueInfo
    {
        qsizetype begin = 0;
        int pieces = 0;
        bool startsWithBrace = false;
    };

    const HoconToken &peek() const { return m_tokens.at(m_index); }
    const HoconToken &next();
    void skipBlank();
    bool separated();
    Origin originOf(const HoconToken &token) const;
    std::nullptr_t fail(const HoconToken &token, const QString &message);
    std::nullptr_t fail(const Origin &origin, const QString &message);
    bool enter(const HoconToken &open);
    bool checkKeyLengths(const QStringList &keys, const HoconToken &at);

    HoconNodePtr parseObject(bool braced, const HoconToken &open);
    bool parseField(HoconNode &object);
    bool parseInclude(HoconNode &object);
    bool closeParentheses(int count);
    std::optional<QStringList> parseKey();
    HoconNodePtr parseValue(ValueInfo *info);
    HoconNodePtr parsePiece();
    HoconNodePtr parseSubstitution(const HoconToken &open);
    HoconNodePtr parseList(const HoconToken &open);

    QList<HoconToken> m_tokens;
    qsizetype m_index = 0;
    qsizetype m_lastEnd = 0;
    QString m_fileName;
    HoconIncluder m_includer;
    Diagnostic m_error;
    bool m_failed = false;
    int m_depth = 0; ///< nesting of the value being read (see maxHoconDepth)
    qint64 m_outlineKeys = 0; ///< see maxHoconOutlineKeys
    int m_listDepth = 0;
    QStringList m_path; ///< keys of the fields whose values are being read
    int m_parentAssignment = -1;
    HoconOutline m_outline;
};

} // namespace cx::config
