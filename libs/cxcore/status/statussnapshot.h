#pragma once

#include "cxcore_global.h"
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace cx::status {

/// One platform instance in a status reply (config.md §5), summed over the workers.
struct CXCORE_EXPORT InstanceStatus
{
    QString id; ///< discovery id: the znode name, or the URL of a static entry
    QString address;
    int port = 0;
    bool tls = false;
    QString state; ///< "connecting", "connected" or "down"
    bool writable = false; ///< at least one connected pipe is writable
    int pipesConnected = 0;
    int pipeCount = 0;
    qint64 pendingBytes = 0;
    qint64 inFlight = 0;
    quint64 routed = 0;
    quint64 errors = 0;
    QString lastError; ///< why connecting last failed; empty: never (optional in replies)
    QString lastErrorAt; ///< when, ISO 8601 UTC; empty: never

    friend bool operator==(const InstanceStatus &, const InstanceStatus &) = default;
};

/// The object `{"op":"status"}` answers with (config.md §5). It never holds a secret.
struct CXCORE_EXPORT StatusSnapshot
{
    QString version;
    qint64 uptimeSeconds = 0;
    QString discoveryPlugin;
    QString discoveryState; ///< "connected", "connecting", "disconnected" or "static"
    QString routingPlugin;
    qint64 edgesConnected = 0;
    qint64 edgesAuthenticated = 0;
    QList<InstanceStatus> instances;

    QJsonObject toJson() const;
    /// Reads a status object; an error names the first missing or mistyped field.
    static Result<StatusSnapshot> fromJson(const QJsonObject &object);

    friend bool operator==(const StatusSnapshot &, const StatusSnapshot &) = default;
};

} // namespace cx::status
