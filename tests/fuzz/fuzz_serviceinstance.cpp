// libFuzzer target: the ZooKeeper discovery plugin's reader of a registration znode's data,
// an Apache Curator ServiceInstance JSON object (config.md §4), which any process allowed to
// write below the base path can set. Read both without and with TLS (port or sslPort).

#include "fuzzcheck.h"
#include "serviceinstance.h"

#include <cstddef>
#include <cstdint>

using namespace cx::zookeeperdiscovery;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const bool tls : {false, true}) {
        const auto parsed = parseServiceInstance(QStringLiteral("instance-1"), json, tls);
        if (!parsed) {
            CX_FUZZ_CHECK(!parsed.error().message.isEmpty());
            continue;
        }
        CX_FUZZ_CHECK(!parsed->id.isEmpty());
        if (!parsed->enabled)
            continue;
        const cx::plugin::PlatformInstance &instance = parsed->instance;
        CX_FUZZ_CHECK(instance.id == QStringLiteral("instance-1") && instance.tls == tls);
        CX_FUZZ_CHECK(!instance.address.isEmpty() && instance.port >= 1);
        (void)instance.url();
    }
    return 0;
}
