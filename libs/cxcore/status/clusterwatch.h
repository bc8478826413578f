#pragma once

#include "cxcore_global.h"
#include "statussnapshot.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace cx::status {

/// One line of the watch's event list.
struct WatchEvent
{
    QDateTime at;
    QString text;
};

/// One platform instance as the watch shows it: its latest row and what the watch derives
/// from successive rows.
struct InstanceView
{
    InstanceStatus status; ///< the latest row (the last one seen, once gone)
    bool ratesKnown = false; ///< false until two snapshots in a row listed it
    double routedPerSecond = 0;
    double errorsPerSecond = 0;
    QDateTime stateSince; ///< when the watch saw its state begin; null: before the watch
    QDateTime goneSince; ///< null while listed; else the first snapshot without it

    bool isGone() const { return goneSince.isValid(); }
};

/// Sums over the listed instances (gone ones not counted).
struct WatchTotals
{
    quint64 routed = 0;
    quint64 errors = 0;
    double routedPerSecond = 0;
    double errorsPerSecond = 0;
    qint64 edgesConnected = 0;
    qint64 edgesAuthenticated = 0;
};

/// One cxserver as the watch shows it.
struct CXCORE_EXPORT ServerView
{
    QString socket; ///< as given on the command line or in the sockets file
    bool up = false; ///< its latest snapshot came and nothing was lost since
    QDateTime downSince; ///< null while up or before the first attempt failed
    QString downReason;
    std::optional<StatusSnapshot> last; ///< the latest snapshot (summary and rows)
    QDateTime lastAt; ///< when it came
    QList<InstanceView> instances; ///< in reply order, then the gone ones

    WatchTotals totals() const;
};

/// The state of `cxctl watch` over several cxservers, fed with snapshots and losses as they
/// come and told the time, so that it can be checked without a clock: per server up / down
/// since, per instance rates from successive snapshots and down since when it left the
/// reply, and a bounded list of events (server up / down, instance added / removed / state
/// changed). Knows nothing of sockets or text.
class CXCORE_EXPORT ClusterWatch
{
public:
    static constexpr int DefaultMaxEvents = 10;
    static constexpr qint64 DefaultForgetGoneMs = 10 * 60 * 1000;

    explicit ClusterWatch(const QStringList &sockets, int maxEvents = DefaultMaxEvents,
                          qint64 forgetGoneMs = DefaultForgetGoneMs);

    /// Server number server (index into the sockets) answered with snapshot at now.
    void addSnapshot(qsizetype server, const StatusSnapshot &snapshot, const QDateTime &now);
    /// Server number server could not be reached or stopped answering at now, for reason.
    void markDown(qsizetype server, const QString &reason, const QDateTime &now);

    const QList<ServerView> &servers() const { return m_servers; }
    /// Oldest first, at most maxEvents.
    const QList<WatchEvent> &events() const { return m_events; }
    /// Sums over the servers that are up.
    WatchTotals totals() const;

private:
    void addEvent(const QDateTime &at, const QString &text);
    void updateInstances(ServerView &server, const StatusSnapshot &snapshot, const QDateTime &now,
                         bool continuous);

    QList<ServerView> m_servers;
    QList<WatchEvent> m_events;
    int m_maxEvents;
    qint64 m_forgetGoneMs;
};

} // namespace cx::status
