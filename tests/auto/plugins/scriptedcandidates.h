#pragma once

#include "plugin/routing.h"

#include <QList>

/// The worker's side of routing for the routing plugin tests, scripted: which instances are
/// connected, which are not writable for one endpoint (the pipe that would carry its
/// messages is full), and how many requests are in flight on each. Calls with an instance
/// out of range are counted, never answered from outside the lists.
class ScriptedCandidates final : public cx::plugin::RoutingCandidates
{
public:
    explicit ScriptedCandidates(QList<bool> connected, QList<int> fullForEndpoint = {},
                                quint32 endpoint = 0)
        : m_connected(std::move(connected))
        , m_full(std::move(fullForEndpoint))
        , m_endpoint(endpoint)
        , m_inFlight(m_connected.size(), 0)
    { }

    int count() const override { return int(m_connected.size()); }
    bool isCandidate(int instance, quint32 endpointId) const override
    {
        if (!inRange(instance))
            return false;
        return m_connected.at(instance) && !(endpointId == m_endpoint && m_full.contains(instance));
    }
    int inFlight(int instance) const override
    {
        return inRange(instance) ? m_inFlight.at(instance) : 0;
    }

    /// Sets the requests in flight on each instance; instances past the list have none.
    void setInFlight(const QList<int> &inFlight)
    {
        for (qsizetype i = 0; i < m_inFlight.size(); ++i)
            m_inFlight[i] = inFlight.value(i);
    }
    /// One more request in flight on instance, as the worker counts a request it sent.
    void addInFlight(int instance) { ++m_inFlight[instance]; }

    /// How many calls named an instance out of range.
    int outOfRange() const { return m_outOfRange; }

private:
    bool inRange(int instance) const
    {
        if (instance >= 0 && instance < count())
            return true;
        ++m_outOfRange;
        return false;
    }

    QList<bool> m_connected;
    QList<int> m_full;
    quint32 m_endpoint;
    QList<int> m_inFlight;
    mutable int m_outOfRange = 0;
};

/// count instances, all connected.
inline QList<bool> allConnected(int count)
{
    return QList<bool>(count, true);
}
