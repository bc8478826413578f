#pragma once

#include <QStringList>

namespace cx::configurator {

/// The configurations opened or saved last, newest first, kept in the configurator's
/// settings (QSettings "cxserver"/"cxconfigurator", key recentFiles); at most MaxCount.
class RecentFiles
{
public:
    static constexpr int MaxCount = 8;

    /// Those that still exist.
    static QStringList list();
    /// Puts path first (absolute), dropping an older entry of it and the oldest beyond
    /// MaxCount.
    static void add(const QString &path);
};

} // namespace cx::configurator
