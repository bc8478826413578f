#include "recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace cx::configurator {

namespace {
const QString Organization = QStringLiteral("cxserver");
const QString Application = QStringLiteral("cxconfigurator");
const QString Key = QStringLiteral("recentFiles");
} // namespace

QStringList RecentFiles::list()
{
    QStringList existing;
    const QSettings store(Organization, Application);
    const QStringList stored = store.value(Key).toStringList();
    for (const QString &path : stored) {
        if (QFileInfo::exists(path))
            existing.append(path);
    }
    return existing;
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QSettings store(Organization, Application);
    QStringList stored = store.value(Key).toStringList();
    stored.removeAll(absolute);
    stored.prepend(absolute);
    while (stored.size() > MaxCount)
        stored.removeLast();
    store.setValue(Key, stored);
}

} // namespace cx::configurator
