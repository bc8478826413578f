// Test-only routing plugin for tst_operations: it makes a backend for worker 0 and refuses
// every other worker, so a reload to it must fail whole. Its backend always picks the first
// candidate, which a test tells apart from round robin.

#include "plugin/routing.h"

#include <QObject>

namespace cx::test {

class FirstCandidate final : public plugin::RoutingBackend
{
    Q_OBJECT
public:
    using RoutingBackend::RoutingBackend;

    int pick(const plugin::RoutingCandidates &candidates, quint32 endpointId) override
    {
        for (int i = 0; i < candidates.count(); ++i)
            if (candidates.isCandidate(i, endpointId))
                return i;
        return -1;
    }
    void membershipChanged(int) override { }
};

class WorkerZeroOnlyFactory final : public QObject, public plugin::RoutingFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID CxRoutingFactory_iid FILE "worker-zero-only.json")
    Q_INTERFACES(cx::plugin::RoutingFactory)
public:
    plugin::RoutingBackend *create(const plugin::PluginContext &context, QObject *parent,
                                   QString *error) override
    {
        if (context.workerIndex == 0)
            return new FirstCandidate(parent);
        *error = QStringLiteral("made for worker 0 only");
        return nullptr;
    }
};

} // namespace cx::test

#include "workerzeroonly.moc"
