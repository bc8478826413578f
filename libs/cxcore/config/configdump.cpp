#include "configdump.h"

#include "configschema.h"
#include "jsonrender.h"

using namespace Qt::StringLiterals;

namespace cx::config {

namespace {

/// object with leaf at path, the objects on the way created (or replacing a non-object).
Value withLeaf(const Value &object, QStringList path, const Value &leaf)
{
    if (path.isEmpty())
        return leaf;
    QMap<QString, Value> members = object.isObject() ? object.members() : QMap<QString, Value>();
    const QString key = path.takeFirst();
    members.insert(key, withLeaf(members.value(key), path, leaf));
    return Value::object(members, object.origin());
}

/// object (at prefix below cx-server) with every unknown key whose closest known key is a
/// secret shown as "***": a misspelt "app-kee" holds a secret all the same.
Value withUnknownSecretsMasked(const Value &object, const QString &prefix)
{
    QMap<QString, Value> members = object.members();
    for (auto it = members.begin(); it != members.end(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
        if (schema::findKey(path) || it->isNull())
            continue;
        if (it->isObject()) {
            *it = withUnknownSecretsMasked(*it, path);
            continue;
        }
        const schema::KeySpec *closest = schema::findKey(schema::suggestKey(path));
        if (closest && closest->secret)
            *it = Value::string(u"***"_s, it->origin());
    }
    return Value::object(members, object.origin());
}

} // namespace

QByteArray dumpServerConfig(const LoadedServerConfig &loaded)
{
    Value root = loaded.root;
    const Value *cxServer = root.find({schema::RootKey});
    if (cxServer && cxServer->isObject())
        root = withLeaf(root, {schema::RootKey}, withUnknownSecretsMasked(*cxServer, QString()));
    for (const schema::KeySpec &key : schema::keys()) {
        const QStringList path = QStringList {schema::RootKey} + key.path.split(u'.');
        const Value *value = root.find(path);
        if (value && !value->isNull()) {
            if (key.secret)
                root = withLeaf(root, path, Value::string(u"***"_s, value->origin()));
        } else if (key.path == u"discovery.plugin") {
            root = withLeaf(root, path, Value::string(loaded.config.discoveryPlugin));
        } else {
            root = withLeaf(root, path, key.defaultValue);
        }
    }
    return renderJson(root);
}

} // namespace cx::config
