#pragma once

#include "cxcore_global.h"
#include "result.h"

#include <QObject>
#include <QString>
#include <QtPlugin>

namespace cx::plugin {

/// The plugin API version this build of cxserver offers inside each interface's major
/// version (the IID carries the major). A plugin fits when CompatVersion <= this <= Version.
inline constexpr char PluginApiVersion[] = "1.0.0";

/// What a plugin's JSON metadata says (architecture.md "Plugins"), read before loading it.
struct CXCORE_EXPORT PluginMetaData
{
    QString path;
    QString iid;
    QString id;
    QString name;
    QString version;
    QString compatVersion;
    QString description;

    /// Reads the metadata of a plugin file without loading it; an error when the file is
    /// not a Qt plugin or lacks the keys.
    static Result<PluginMetaData> read(const QString &path);
    /// Why this plugin does not fit this build (empty when it does).
    QString incompatibility(const char *expectedIid) const;
};

/// Finds the plugin with metadata Id `id` in `directory` whose IID is `iid`, checks its
/// metadata and loads it. Errors name the plugin, its path and the reason. The plugin stays
/// loaded for the life of the process.
CXCORE_EXPORT Result<QObject *> loadPlugin(const QString &directory, const char *iid,
                                           const QString &id);

/// loadPlugin() and a cast to the factory interface.
template<typename Factory>
Result<Factory *> loadFactory(const QString &directory, const QString &id)
{
    const char *iid = qobject_interface_iid<Factory *>();
    Result<QObject *> object = loadPlugin(directory, iid, id);
    if (!object)
        return object.error();
    if (auto *factory = qobject_cast<Factory *>(object.value()))
        return factory;
    return Error {QStringLiteral("plugin \"%1\" in %2 does not implement %3")
                      .arg(id, directory, QLatin1StringView(iid))};
}

} // namespace cx::plugin
