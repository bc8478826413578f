#include "value.h"

namespace cx::config {

Value Value::null(Origin origin)
{
    Value v;
    v.m_origin = std::move(origin);
    return v;
}

Value Value::boolean(bool b, Origin origin)
{
    Value v;
    v.m_type = Type::Boolean;
    v.m_bool = b;
    v.m_text = b ? QStringLiteral("true") : QStringLiteral("false");
    v.m_origin = std::move(origin);
    return v;
}

Value Value::number(QString text, Origin origin)
{
    Value v;
    v.m_type = Type::Number;
    v.m_text = std::move(text);
    v.m_origin = std::move(origin);
    return v;
}

Value Value::string(QString s, Origin origin)
{
    Value v;
    v.m_type = Type::String;
    v.m_text = std::move(s);
    v.m_origin = std::move(origin);
    return v;
}

Value Value::list(QList<Value> items, Origin origin)
{
    Value v;
    v.m_type = Type::List;
    v.m_text.clear();
    v.m_items = std::move(items);
    v.m_origin = std::move(origin);
    return v;
}

Value Value::object(QMap<QString, Value> members, Origin origin)
{
    Value v;
    v.m_type = Type::Object;
    v.m_text.clear();
    v.m_members = std::move(members);
    v.m_origin = std::move(origin);
    return v;
}

const Value *Value::find(const QStringList &path) const
{
    const Value *current = this;
    for (const QString &key : path) {
        if (current->m_type != Type::Object)
            return nullptr;
        const auto it = current->m_members.constFind(key);
        if (it == current->m_members.cend())
            return nullptr;
        current = &it.value();
    }
    return current;
}

} // namespace cx::config
