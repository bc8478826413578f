#include "staticcluster.h"

namespace cx::test {

Sims startSims(int count, const QByteArray &appKey, const QStringList &arguments)
{
    Sims sims;
    for (int i = 0; i < count; ++i) {
        auto sim = std::make_unique<PlatformSimProcess>(QStringLiteral("sim%1").arg(i));
        if (!sim->start(appKey, arguments))
            return {};
        sims.push_back(std::move(sim));
    }
    return sims;
}

std::unique_ptr<CxServerProcess> startStaticServer(const Sims &sims, const QByteArray &appKey,
                                                   const QString &settings, bool waitForAll)
{
    QStringList urls;
    for (const auto &sim : sims)
        urls << u'"' + sim->url() + u'"';
    auto server = std::make_unique<CxServerProcess>();
    const QString config = QStringLiteral("  transport.websockets.app-key = \"%1\"\n"
                                          "  transport.websockets.platforms = [%2]\n%3")
                               .arg(QString::fromUtf8(appKey), urls.join(u", "), settings);
    if (!server->start(config))
        return nullptr;
    if (waitForAll && !server->waitForInstances(int(sims.size())))
        return nullptr;
    return server;
}

} // namespace cx::test
