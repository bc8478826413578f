#pragma once

#include "cxcore_global.h"
#include "plugincontext.h"

#include <QObject>
#include <QString>
#include <QtPlugin>

namespace cx::plugin {

/// What a routing backend may ask about the instances of its worker, by index 0..count-1.
/// Implemented by the worker; every call is cheap and lock-free.
class CXCORE_EXPORT RoutingCandidates
{
public:
    virtual ~RoutingCandidates();
    virtual int count() const = 0;
    /// Connected, and the pipe that would carry this endpoint's message is writable
    /// (protocol.md §4 rule 1).
    virtual bool isCandidate(int instance, quint32 endpointId) const = 0;
    /// Requests this worker has outstanding on the instance.
    virtual int inFlight(int instance) const = 0;
};

/// A routing backend picks the instance for each new request (protocol.md §4). One lives
/// in each worker thread and is only ever called from it, so it needs no locking.
class CXCORE_EXPORT RoutingBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// The instance index for a new request, or -1 when there is no candidate.
    virtual int pick(const RoutingCandidates &candidates, quint32 endpointId) = 0;
    /// The instance list changed (indices are not stable across a change).
    virtual void membershipChanged(int instanceCount) = 0;
};

/// The plugin object of a routing plugin: it only creates the backend.
class CXCORE_EXPORT RoutingFactory
{
public:
    virtual ~RoutingFactory();
    /// A new backend owned by parent, or nullptr with *error set.
    virtual RoutingBackend *create(const PluginContext &context, QObject *parent, QString *error)
        = 0;
};

} // namespace cx::plugin

#define CxRoutingFactory_iid "org.cxserver.RoutingFactory/1"
Q_DECLARE_INTERFACE(cx::plugin::RoutingFactory, CxRoutingFactory_iid)
