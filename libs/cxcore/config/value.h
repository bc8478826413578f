#pragma once

#include "cxcore_global.h"
#include "diagnostic.h"

#include <QList>
#include <QMap>
#include <QString>

namespace cx::config {

/// A fully resolved HOCON value: includes read, objects merged, substitutions and value
/// concatenations resolved. Immutable once built; cheap to copy (Qt implicit sharing).
class CXCORE_EXPORT Value
{
public:
    enum class Type { Null, Boolean, Number, String, List, Object };

    Value() = default; ///< a Null value with no origin
    static Value null(Origin origin = {});
    static Value boolean(bool b, Origin origin = {});
    /// A number, kept as its source text ("10", "1.50", "1e3") so that rendering and
    /// conversions are exact, as Typesafe Config keeps its original text.
    static Value number(QString text, Origin origin = {});
    static Value string(QString s, Origin origin = {});
    static Value list(QList<Value> items, Origin origin = {});
    static Value object(QMap<QString, Value> members, Origin origin = {});

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isObject() const { return m_type == Type::Object; }
    const Origin &origin() const { return m_origin; }

    bool toBool() const { return m_bool; }
    /// String: the string. Number: its source text. Boolean: "true"/"false". Null: "null".
    /// List/Object: empty.
    const QString &text() const { return m_text; }
    const QList<Value> &items() const { return m_items; }
    const QMap<QString, Value> &members() const { return m_members; }

    /// The value at a path of keys below this object ({"transport","websockets","app-key"}),
    /// or nullptr when a step is missing or not an object.
    const Value *find(const QStringList &path) const;

private:
    Type m_type = Type::Null;
    bool m_bool = false;
    Origin m_origin;
    QString m_text = QStringLiteral("null");
    QList<Value> m_items;
    QMap<QString, Value> m_members;
};

/// Splits a HOCON path expression ("a.b", "a.\"b.c\"") into keys. Empty list on bad syntax.
CXCORE_EXPORT QStringList splitPath(QStringView path);

} // namespace cx::config
