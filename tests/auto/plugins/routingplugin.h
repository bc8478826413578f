#pragma once

#include "plugin/pluginloader.h"
#include "plugin/routing.h"

#include <QString>
#include <QTest>
#include <memory>

/// A new backend of the routing plugin `id`, loaded from the build's plugins folder
/// (CX_ROUTING_PLUGIN_DIR), for worker workerIndex; nullptr (with a warning) on failure.
inline std::unique_ptr<cx::plugin::RoutingBackend> createRouting(const QString &id, int workerIndex)
{
    using namespace cx::plugin;
    const cx::Result<RoutingFactory *> factory
        = loadFactory<RoutingFactory>(QStringLiteral(CX_ROUTING_PLUGIN_DIR), id);
    if (!factory) {
        qWarning("%s", qPrintable(factory.error().forLog()));
        return nullptr;
    }
    QString error;
    std::unique_ptr<RoutingBackend> backend(
        factory.value()->create(PluginContext {nullptr, workerIndex}, nullptr, &error));
    if (!backend)
        qWarning("create() failed: %s", qPrintable(error));
    return backend;
}
