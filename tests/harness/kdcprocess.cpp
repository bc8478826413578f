#include "kdcprocess.h"

#include "command.h"
#include "freeport.h"

#include <QFile>
#include <QRegularExpression>

namespace cx::test {

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

KdcProcess::KdcProcess(QString name, QObject *parent)
    : ManagedProcess(std::move(name), parent)
    , m_environment(QProcessEnvironment::systemEnvironment())
{ }

bool KdcProcess::createRealm()
{
    m_port = freePort();
    const QByteArray port = QByteArray::number(m_port);
    const QByteArray dir = QFile::encodeName(m_dir.path());
    const QByteArray realm = QByteArray(Realm.data(), Realm.size());
    const QByteArray krb5Conf = "[libdefaults]\n"
                                "    default_realm = "
        + realm
        + "\n"
          "    dns_lookup_kdc = false\n"
          "    dns_lookup_realm = false\n"
          "    rdns = false\n"
          "    dns_canonicalize_hostname = false\n"
          "    udp_preference_limit = 1\n"
          "[realms]\n    "
        + realm + " = {\n        kdc = 127.0.0.1:" + port + "\n    }\n";
    const QByteArray kdcConf = "[kdcdefaults]\n"
                               "    kdc_listen = 127.0.0.1:"
        + port + "\n    kdc_tcp_listen = 127.0.0.1:" + port + "\n[realms]\n    " + realm
        + " = {\n"
          "        database_name = "
        + dir + "/principal\n        key_stash_file = " + dir + "/stash\n        acl_file = " + dir
        + "/kadm5.acl\n"
          "        supported_enctypes = aes256-cts-hmac-sha1-96:normal\n"
          "    }\n"
          "[logging]\n"
          "    kdc = STDERR\n";
    if (!m_dir.isValid() || !writeFile(krb5ConfPath(), krb5Conf)
        || !writeFile(m_dir.filePath(QStringLiteral("kdc.conf")), kdcConf)
        || !writeFile(m_dir.filePath(QStringLiteral("kadm5.acl")), {}))
        return false;
    m_environment.insert(QStringLiteral("KRB5_CONFIG"), krb5ConfPath());
    m_environment.insert(QStringLiteral("KRB5_KDC_PROFILE"),
                         m_dir.filePath(QStringLiteral("kdc.conf")));
    setEnvironment(m_environment);
    RunOptions options;
    options.environment = m_environment;
    const CommandResult created
        = runCommand(QStringLiteral("/usr/sbin/kdb5_util"),
                     {QStringLiteral("create"), QStringLiteral("-s"), QStringLiteral("-r"),
                      QString(Realm), QStringLiteral("-P"), QStringLiteral("cxtest-master-key")},
                     options);
    if (created.exitCode != 0) {
        qWarning("kdb5_util create: %s", created.describe().constData());
        return false;
    }
    return true;
}

bool KdcProcess::kadmin(const QString &query)
{
    RunOptions options;
    options.environment = m_environment;
    const CommandResult result
        = runCommand(QStringLiteral("/usr/sbin/kadmin.local"),
                     {QStringLiteral("-r"), QString(Realm), QStringLiteral("-q"), query}, options);
    // kadmin.local exits 0 even when the query fails; its errors name the query.
    if (result.exitCode != 0 || result.err.contains("kadmin.local: ")) {
        qWarning("kadmin.local -q \"%s\": %s", qPrintable(query), result.describe().constData());
        return false;
    }
    return true;
}

bool KdcProcess::addPrincipal(const QString &principal, const QString &keyTab)
{
    return kadmin(QStringLiteral("addprinc -randkey ") + principal)
        && kadmin(QStringLiteral("ktadd -k ") + keyTab + u' ' + principal);
}

bool KdcProcess::start(int timeoutMs)
{
    if (m_port == 0 && !createRealm())
        return false;
    if (!ManagedProcess::start(QStringLiteral("/usr/sbin/krb5kdc"),
                               {QStringLiteral("-n"), QStringLiteral("-r"), QString(Realm)}))
        return false;
    return waitForLine(QRegularExpression(QStringLiteral("commencing operation")), timeoutMs)
        .hasMatch();
}

} // namespace cx::test
