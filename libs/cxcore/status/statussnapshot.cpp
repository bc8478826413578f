#include "statussnapshot.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace cx::status {

namespace {

/// Reads typed fields of one JSON object and remembers the first problem.
class FieldReader
{
public:
    FieldReader(const QJsonObject &object, QString where)
        : m_object(object)
        , m_where(std::move(where))
    { }

    QString string(QLatin1StringView name) { return get(name, QJsonValue::String).toString(); }
    qint64 integer(QLatin1StringView name) { return get(name, QJsonValue::Double).toInteger(); }
    bool boolean(QLatin1StringView name) { return get(name, QJsonValue::Bool).toBool(); }
    QJsonObject object(QLatin1StringView name) { return get(name, QJsonValue::Object).toObject(); }
    QJsonArray array(QLatin1StringView name) { return get(name, QJsonValue::Array).toArray(); }

    const QString &error() const { return m_error; }

private:
    QJsonValue get(QLatin1StringView name, QJsonValue::Type type)
    {
        const QJsonValue value = m_object.value(name);
        if (value.type() != type && m_error.isEmpty())
            m_error = u"status reply: "_s + m_where + name
                + (value.isUndefined() ? u" is missing"_s : u" has the wrong type"_s);
        return value;
    }

    const QJsonObject &m_object;
    QString m_where;
    QString m_error;
};

} // namespace

QJsonObject StatusSnapshot::toJson() const
{
    QJsonArray instanceArray;
    for (const InstanceStatus &i : instances) {
        instanceArray.append(QJsonObject {
            {u"id"_s, i.id},
            {u"address"_s, i.address},
            {u"port"_s, i.port},
            {u"tls"_s, i.tls},
            {u"state"_s, i.state},
            {u"writable"_s, i.writable},
            {u"pipesConnected"_s, i.pipesConnected},
            {u"pipeCount"_s, i.pipeCount},
            {u"pendingBytes"_s, i.pendingBytes},
            {u"inFlight"_s, i.inFlight},
            {u"routed"_s, qint64(i.routed)},
            {u"errors"_s, qint64(i.errors)},
            {u"lastError"_s, i.lastError},
            {u"lastErrorAt"_s, i.lastErrorAt},
        });
    }
    return QJsonObject {
        {u"version"_s, version},
        {u"uptimeSeconds"_s, uptimeSeconds},
        {u"discovery"_s,
         QJsonObject {{u"plugin"_s, discoveryPlugin}, {u"state"_s, discoveryState}}},
        {u"routing"_s, QJsonObject {{u"plugin"_s, routingPlugin}}},
        {u"edges"_s,
         QJsonObject {{u"connected"_s, edgesConnected}, {u"authenticated"_s, edgesAuthenticated}}},
        {u"instances"_s, instanceArray},
    };
}

Result<StatusSnapshot> StatusSnapshot::fromJson(const QJsonObject &object)
{
    StatusSnapshot s;
    FieldReader top(object, QString());
    s.version = top.string("version"_L1);
    s.uptimeSeconds = top.integer("uptimeSeconds"_L1);
    const QJsonObject discovery = top.object("discovery"_L1);
    const QJsonObject routing = top.object("routing"_L1);
    const QJsonObject edges = top.object("edges"_L1);
    const QJsonArray instances = top.array("instances"_L1);
    if (!top.error().isEmpty())
        return Error(top.error());

    FieldReader d(discovery, u"discovery."_s);
    s.discoveryPlugin = d.string("plugin"_L1);
    s.discoveryState = d.string("state"_L1);
    FieldReader r(routing, u"routing."_s);
    s.routingPlugin = r.string("plugin"_L1);
    FieldReader e(edges, u"edges."_s);
    s.edgesConnected = e.integer("connected"_L1);
    s.edgesAuthenticated = e.integer("authenticated"_L1);
    for (const FieldReader *reader : {&d, &r, &e}) {
        if (!reader->error().isEmpty())
            return Error(reader->error());
    }

    for (qsizetype n = 0; n < instances.size(); ++n) {
        const QJsonObject o = instances.at(n).toObject();
        FieldReader f(o, u"instances[%1]."_s.arg(n));
        InstanceStatus i;
        i.id = f.string("id"_L1);
        i.address = f.string("address"_L1);
        i.port = int(f.integer("port"_L1));
        i.tls = f.boolean("tls"_L1);
        i.state = f.string("state"_L1);
        i.writable = f.boolean("writable"_L1);
        i.pipesConnected = int(f.integer("pipesConnected"_L1));
        i.pipeCount = int(f.integer("pipeCount"_L1));
        i.pendingBytes = f.integer("pendingBytes"_L1);
        i.inFlight = f.integer("inFlight"_L1);
        i.routed = quint64(f.integer("routed"_L1));
        i.errors = quint64(f.integer("errors"_L1));
        // Newer fields: optional, so that cxctl reads an older cxserver's reply.
        i.lastError = o.value("lastError"_L1).toString();
        i.lastErrorAt = o.value("lastErrorAt"_L1).toString();
        if (!f.error().isEmpty())
            return Error(f.error());
        s.instances.append(i);
    }
    return s;
}

} // namespace cx::status
