#include "zookeepersasl.h"

using namespace Qt::StringLiterals;

namespace cx::config {

namespace {

QString at(const Origin &origin, const QString &message)
{
    return origin.describe() + u": "_s + message;
}

/// The value of a required option, or an error naming the module.
Result<QString> required(const JaasFile::Module &module, const QString &name,
                         const QString &mechanism)
{
    const JaasFile::Option *option = module.option(name);
    if (!option || option->value.isEmpty())
        return Error(
            at(module.origin,
               module.className + u" has no "_s + name + u", which "_s + mechanism + u" needs"_s));
    return option->value;
}

} // namespace

const JaasFile::Module *clientLoginModule(const JaasFile &jaas, const QString &moduleClass)
{
    const JaasFile::Section *client = jaas.section(u"Client"_s);
    if (!client)
        return nullptr;
    for (const JaasFile::Module &module : client->modules) {
        if (module.className == moduleClass || module.className.endsWith(u'.' + moduleClass))
            return &module;
    }
    return nullptr;
}

Result<ZooKeeperSaslLogin> ZooKeeperSaslLogin::fromJaas(const JaasFile &jaas,
                                                        const QString &fileName,
                                                        const QString &mechanism)
{
    const JaasFile::Section *client = jaas.section(u"Client"_s);
    if (!client)
        return Error(fileName
                     + u": no Client section; the ZooKeeper client's login is read from "
                       u"Client { ... };"_s);
    const bool digest = mechanism == u"DIGEST-MD5"_s;
    const QString moduleClass = digest ? u"DigestLoginModule"_s : u"Krb5LoginModule"_s;
    const JaasFile::Module *module = clientLoginModule(jaas, moduleClass);
    if (!module)
        return Error(at(client->origin,
                        u"the Client section has no "_s + moduleClass + u", which "_s + mechanism
                            + u" needs"_s));
    ZooKeeperSaslLogin login;
    if (digest) {
        Result<QString> username = required(*module, u"username"_s, mechanism);
        if (!username)
            return username.error();
        Result<QString> password = required(*module, u"password"_s, mechanism);
        if (!password)
            return password.error();
        login.username = *username;
        login.password = *password;
        return login;
    }
    const JaasFile::Option *useKeyTab = module->option(u"useKeyTab"_s);
    if (!useKeyTab || useKeyTab->value.compare(u"true"_s, Qt::CaseInsensitive) != 0)
        return Error(at(useKeyTab ? useKeyTab->origin : module->origin,
                        u"cxserver logs in to Kerberos from a keytab: expected useKeyTab=true "
                        u"with keyTab and principal"_s));
    Result<QString> keyTab = required(*module, u"keyTab"_s, mechanism);
    if (!keyTab)
        return keyTab.error();
    Result<QString> principal = required(*module, u"principal"_s, mechanism);
    if (!principal)
        return principal.error();
    login.keyTab = *keyTab;
    login.principal = *principal;
    return login;
}

} // namespace cx::config
