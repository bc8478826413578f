#include "pluginloader.h"

#include <QDir>
#include <QJsonObject>
#include <QLibrary>
#include <QPluginLoader>
#include <QVersionNumber>

namespace cx::plugin {

Result<PluginMetaData> PluginMetaData::read(const QString &path)
{
    QPluginLoader loader(path);
    const QJsonObject root = loader.metaData();
    if (root.isEmpty())
        return Error {QStringLiteral("%1 is not a cxserver plugin").arg(path),
                      loader.errorString()};
    const QJsonObject meta = root.value(QLatin1StringView("MetaData")).toObject();
    PluginMetaData data;
    data.path = path;
    data.iid = root.value(QLatin1StringView("IID")).toString();
    data.id = meta.value(QLatin1StringView("Id")).toString();
    data.name = meta.value(QLatin1StringView("Name")).toString();
    data.version = meta.value(QLatin1StringView("Version")).toString();
    data.compatVersion = meta.value(QLatin1StringView("CompatVersion")).toString();
    data.description = meta.value(QLatin1StringView("Description")).toString();
    if (data.id.isEmpty() || data.version.isEmpty() || data.compatVersion.isEmpty())
        return Error {
            QStringLiteral("plugin %1 has no Id, Version or CompatVersion in its metadata")
                .arg(path)};
    return data;
}

QString PluginMetaData::incompatibility(const char *expectedIid) const
{
    if (iid != QLatin1StringView(expectedIid))
        return QStringLiteral("interface %1, expected %2").arg(iid, QLatin1StringView(expectedIid));
    const QVersionNumber api = QVersionNumber::fromString(QLatin1StringView(PluginApiVersion));
    const QVersionNumber newest = QVersionNumber::fromString(version);
    const QVersionNumber oldest = QVersionNumber::fromString(compatVersion);
    if (newest.isNull() || oldest.isNull() || oldest > newest)
        return QStringLiteral("unreadable versions %1 / %2").arg(version, compatVersion);
    if (api < oldest || api > newest)
        return QStringLiteral("plugin API %1..%2, cxserver offers %3")
            .arg(compatVersion, version, api.toString());
    return {};
}

Result<QObject *> loadPlugin(const QString &directory, const char *iid, const QString &id)
{
    const QDir dir(directory);
    if (!dir.exists())
        return Error {QStringLiteral("plugin \"%1\": folder %2 does not exist").arg(id, directory)};
    QStringList seen;
    const QStringList files = dir.entryList(QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &file : files) {
        const QString path = dir.absoluteFilePath(file);
        if (!QLibrary::isLibrary(path))
            continue;
        const Result<PluginMetaData> meta = PluginMetaData::read(path);
        if (!meta)
            continue; // not ours; a broken plugin with the right Id is reported below as not found
        seen << meta->id;
        if (meta->id != id)
            continue;
        const QString why = meta->incompatibility(iid);
        if (!why.isEmpty())
            return Error {
                QStringLiteral("plugin \"%1\" (%2) cannot be used: %3").arg(id, path, why)};
        QPluginLoader loader(path);
        QObject *instance = loader.instance();
        if (!instance)
            return Error {QStringLiteral("plugin \"%1\" (%2) failed to load: %3")
                              .arg(id, path, loader.errorString())};
        return instance;
    }
    return Error {
        QStringLiteral("plugin \"%1\" not found in %2 (available: %3)")
            .arg(id, directory, seen.isEmpty() ? QStringLiteral("none") : seen.join(u", "))};
}

} // namespace cx::plugin
