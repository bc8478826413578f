#include "plugin/routing.h"

#include <QObject>

/// A routing plugin for tst_pluginloader; its metadata file is chosen at build time.
class TestPlugin final : public QObject, public cx::plugin::RoutingFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID CxRoutingFactory_iid FILE CX_TEST_PLUGIN_METADATA)
    Q_INTERFACES(cx::plugin::RoutingFactory)
public:
    cx::plugin::RoutingBackend *create(const cx::plugin::PluginContext &, QObject *,
                                       QString *error) override
    {
        *error = QStringLiteral("test plugin");
        return nullptr;
    }
};

#include "testplugin.moc"
