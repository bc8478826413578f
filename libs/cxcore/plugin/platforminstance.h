#pragma once

#include "cxcore_global.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace cx::plugin {

/// One platform instance as discovery reports it (config.md §4, protocol.md §7).
struct CXCORE_EXPORT PlatformInstance
{
    QString id; ///< discovery id: the znode name, or the URL of a static entry
    QString address; ///< host name or IP literal
    quint16 port = 0;
    bool tls = false;

    /// ws[s]://address:port/Thingworx/WS
    QUrl url() const;
    /// The same URL with another path (tunnels, protocol.md §8).
    QUrl url(const QString &pathAndQuery) const;

    friend bool operator==(const PlatformInstance &, const PlatformInstance &) = default;
};

using Membership = QList<PlatformInstance>;

} // namespace cx::plugin

Q_DECLARE_METATYPE(cx::plugin::PlatformInstance)
