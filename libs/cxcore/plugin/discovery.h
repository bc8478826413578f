#pragma once

#include "cxcore_global.h"
#include "platforminstance.h"
#include "plugincontext.h"

#include <QObject>
#include <QString>
#include <QtPlugin>

namespace cx::plugin {

/// A discovery backend keeps the membership of the platform cluster current. It lives on
/// the main thread; the service publishes each change to the workers as a snapshot.
class CXCORE_EXPORT DiscoveryBackend : public QObject
{
    Q_OBJECT
public:
    /// config.md §5 `discovery.state`
    enum class State { Static, Connecting, Connected, Disconnected };
    Q_ENUM(State)

    using QObject::QObject;

    /// Begins discovery; instancesChanged() follows as soon as the membership is known.
    virtual void start() = 0;
    virtual Membership instances() const = 0;
    virtual State state() const = 0;

    static QString stateName(State state);

Q_SIGNALS:
    void instancesChanged(const cx::plugin::Membership &instances);
    void stateChanged(cx::plugin::DiscoveryBackend::State state);
    /// The backend cannot go on: its credentials were refused, which retrying does not
    /// mend (config.md §2). \a reason names the key to check; the service stops (exit 1).
    void failed(const QString &reason);
};

/// The plugin object of a discovery plugin: it only creates the backend.
class CXCORE_EXPORT DiscoveryFactory
{
public:
    virtual ~DiscoveryFactory();
    /// A new backend owned by parent, or nullptr with *error set (a sentence for the user).
    virtual DiscoveryBackend *create(const PluginContext &context, QObject *parent, QString *error)
        = 0;
};

} // namespace cx::plugin

#define CxDiscoveryFactory_iid "org.cxserver.DiscoveryFactory/1"
Q_DECLARE_INTERFACE(cx::plugin::DiscoveryFactory, CxDiscoveryFactory_iid)
