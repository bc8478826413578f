#include "pki.h"

#include "command.h"

#include <QDir>
#include <QFile>

namespace cx::test {

Pki::Pki(QString directory)
    : m_dir(std::move(directory))
{ }

QString Pki::path(const QString &file) const
{
    return QDir(m_dir).filePath(file);
}

bool Pki::openssl(const QStringList &arguments)
{
    const CommandResult result = runCommand(QStringLiteral("openssl"), arguments);
    if (result.exitCode == 0 && !result.crashed && !result.timedOut && !result.startFailed)
        return true;
    m_error = QStringLiteral("openssl %1: %2")
                  .arg(arguments.join(u' '), QString::fromUtf8(result.describe()));
    return false;
}

bool Pki::makeCa()
{
    return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                    path(QStringLiteral("ca.key")), QStringLiteral("-out"),
                    path(QStringLiteral("ca.pem")), QStringLiteral("-days"), QStringLiteral("30"),
                    QStringLiteral("-subj"), QStringLiteral("/CN=cxserver test CA")});
}

bool Pki::makeServer(const QString &name, const QStringList &subjectAltNames, int days, int rsaBits)
{
    const QString key = path(name + u".key");
    const QString csr = path(name + u".csr");
    const QString ext = path(name + u".ext");
    if (!openssl({QStringLiteral("req"), QStringLiteral("-newkey"),
                  QStringLiteral("rsa:%1").arg(rsaBits), QStringLiteral("-nodes"),
                  QStringLiteral("-keyout"), key, QStringLiteral("-out"), csr,
                  QStringLiteral("-subj"), QStringLiteral("/CN=%1").arg(name)}))
        return false;
    QFile extensions(ext);
    if (!extensions.open(QIODevice::WriteOnly))
        return false;
    extensions.write("basicConstraints=CA:FALSE\n");
    if (!subjectAltNames.isEmpty())
        extensions.write("subjectAltName=" + subjectAltNames.join(u',').toUtf8() + '\n');
    extensions.close();
    const QStringList arguments {QStringLiteral("x509"),
                                 QStringLiteral("-req"),
                                 QStringLiteral("-in"),
                                 csr,
                                 QStringLiteral("-CA"),
                                 path(QStringLiteral("ca.pem")),
                                 QStringLiteral("-CAkey"),
                                 path(QStringLiteral("ca.key")),
                                 QStringLiteral("-CAcreateserial"),
                                 QStringLiteral("-out"),
                                 path(name + u".pem"),
                                 QStringLiteral("-extfile"),
                                 ext,
                                 QStringLiteral("-days"),
                                 QString::number(days)};
    return openssl(arguments);
}

bool Pki::makeEdgeKeystore(const QString &password)
{
    return makeCa() && makeServer(QStringLiteral("edge"), {QStringLiteral("IP:127.0.0.1")})
        && makePkcs12(QStringLiteral("edge"), password);
}

bool Pki::makePkcs12(const QString &name, const QString &password, bool withKey)
{
    QStringList arguments {QStringLiteral("pkcs12"),    QStringLiteral("-export"),
                           QStringLiteral("-in"),       path(name + u".pem"),
                           QStringLiteral("-certfile"), path(QStringLiteral("ca.pem")),
                           QStringLiteral("-out"),      path(name + u".p12"),
                           QStringLiteral("-passout"),  u"pass:" + password};
    if (withKey)
        arguments << QStringLiteral("-inkey") << path(name + u".key");
    else
        arguments << QStringLiteral("-nokeys");
    return openssl(arguments);
}

} // namespace cx::test
