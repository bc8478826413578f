// libFuzzer target: the JAAS login configuration reader (discovery.sasl-jaas-file) and the
// ZooKeeper SASL login taken from it, for both mechanisms.

#include "config/jaasfile.h"
#include "config/zookeepersasl.h"
#include "fuzzcheck.h"

#include <QStringList>
#include <cstddef>
#include <cstdint>

using namespace cx::config;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString fileName = QStringLiteral("jaas.conf");
    const QByteArrayView text(reinterpret_cast<const char *>(data), qsizetype(size));
    const cx::Result<JaasFile> jaas = JaasFile::parse(text, fileName);
    if (!jaas) {
        CX_FUZZ_CHECK(jaas.error().message.startsWith(fileName + u':'));
        return 0;
    }
    static const QStringList flags {QStringLiteral("required"), QStringLiteral("requisite"),
                                    QStringLiteral("sufficient"), QStringLiteral("optional")};
    CX_FUZZ_CHECK(jaas->sections.size() <= JaasFile::MaxSections);
    for (const JaasFile::Section &section : jaas->sections) {
        CX_FUZZ_CHECK(!section.name.isEmpty() && section.origin.line >= 1);
        CX_FUZZ_CHECK(section.modules.size() <= JaasFile::MaxModulesPerSection);
        for (const JaasFile::Module &module : section.modules) {
            CX_FUZZ_CHECK(flags.contains(module.flag));
            CX_FUZZ_CHECK(module.options.size() <= JaasFile::MaxOptionsPerModule);
            for (const JaasFile::Option &option : module.options) {
                CX_FUZZ_CHECK(module.option(option.name) != nullptr);
                // The span a secret is rewritten in is the value as written.
                CX_FUZZ_CHECK(option.offset >= 0 && option.length > 0
                              && option.offset + option.length <= text.size());
                const QByteArrayView raw = text.sliced(option.offset, option.length);
                CX_FUZZ_CHECK(raw.startsWith('"') || QString::fromUtf8(raw) == option.value);
            }
        }
    }
    for (const QString &mechanism : {QStringLiteral("GSSAPI"), QStringLiteral("DIGEST-MD5")}) {
        const cx::Result<ZooKeeperSaslLogin> login
            = ZooKeeperSaslLogin::fromJaas(*jaas, fileName, mechanism);
        if (!login)
            CX_FUZZ_CHECK(login.error().message.startsWith(fileName));
        else if (mechanism == u"GSSAPI")
            CX_FUZZ_CHECK(!login->principal.isEmpty() && !login->keyTab.isEmpty());
        else
            CX_FUZZ_CHECK(!login->username.isEmpty() && !login->password.isEmpty());
    }
    return 0;
}
