#include "plugin/routing.h"

#include <QObject>

// Defined nowhere: the dynamic loader fails to resolve it when the plugin is loaded.
extern "C" int cxtest_missing_symbol;

/// A routing plugin whose metadata is fine but whose library cannot be loaded.
class UnresolvedPlugin final : public QObject, public cx::plugin::RoutingFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID CxRoutingFactory_iid FILE "unresolved.json")
    Q_INTERFACES(cx::plugin::RoutingFactory)
public:
    cx::plugin::RoutingBackend *create(const cx::plugin::PluginContext &, QObject *,
                                       QString *error) override
    {
        *error = QString::number(cxtest_missing_symbol);
        return nullptr;
    }
};

#include "unresolvedplugin.moc"
