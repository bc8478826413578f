#include "sshdprocess.h"

#include "command.h"
#include "freeport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTcpSocket>
#include <QTest>
#include <pwd.h>
#include <unistd.h>

namespace cx::test {

namespace {

constexpr QLatin1StringView Sshd("/usr/sbin/sshd"); // re-executes itself: an absolute path
constexpr QLatin1StringView HostKeyAlias("cxtest-sshd");

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

SshdProcess::SshdProcess(QString name, QObject *parent)
    : ManagedProcess(std::move(name), parent)
{ }

QString SshdProcess::user()
{
    const passwd *entry = ::getpwuid(::geteuid());
    return entry != nullptr ? QString::fromLocal8Bit(entry->pw_name) : QString();
}

QString SshdProcess::clientKeyPath() const
{
    return m_dir.filePath(QStringLiteral("client_key"));
}

QStringList SshdProcess::clientArguments(quint16 port) const
{
    return {QStringLiteral("-F"),
            QStringLiteral("none"),
            QStringLiteral("-i"),
            clientKeyPath(),
            QStringLiteral("-o"),
            QStringLiteral("IdentitiesOnly=yes"),
            QStringLiteral("-o"),
            QStringLiteral("UserKnownHostsFile=") + m_dir.filePath(QStringLiteral("known_hosts")),
            QStringLiteral("-o"),
            QStringLiteral("GlobalKnownHostsFile=/dev/null"),
            QStringLiteral("-o"),
            QStringLiteral("HostKeyAlias=") + HostKeyAlias,
            QStringLiteral("-o"),
            QStringLiteral("StrictHostKeyChecking=yes"),
            QStringLiteral("-o"),
            QStringLiteral("UpdateHostKeys=no"),
            QStringLiteral("-o"),
            QStringLiteral("BatchMode=yes"),
            QStringLiteral("-o"),
            QStringLiteral("ConnectTimeout=10"),
            QStringLiteral("-o"),
            QStringLiteral("LogLevel=ERROR"),
            QStringLiteral("-p"),
            QString::number(port != 0 ? port : m_port)};
}

bool SshdProcess::prepare()
{
    if (!m_dir.isValid())
        return false;
    const QDir dir(m_dir.path());
    for (const QString &key : {QStringLiteral("host_key"), QStringLiteral("client_key")}) {
        const CommandResult generated
            = runCommand(QStringLiteral("ssh-keygen"),
                         {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                          QStringLiteral("-N"), QString(), QStringLiteral("-C"), key,
                          QStringLiteral("-f"), dir.filePath(key)});
        if (generated.exitCode != 0) {
            qWarning("ssh-keygen: %s", generated.describe().constData());
            return false;
        }
    }
    QFile hostPub(dir.filePath(QStringLiteral("host_key.pub")));
    QFile clientPub(dir.filePath(QStringLiteral("client_key.pub")));
    if (!hostPub.open(QIODevice::ReadOnly) || !clientPub.open(QIODevice::ReadOnly))
        return false;
    // "ssh-ed25519 AAAA... comment": the type and the key pin it.
    const QList<QByteArray> hostFields = hostPub.readAll().trimmed().split(' ');
    if (hostFields.size() < 2)
        return false;
    m_hostKey = hostFields.at(0) + ' ' + hostFields.at(1);
    m_port = freePort();
    // Public keys only, for the one user sshd runs as. MaxStartups well above the default
    // (10): tests open many ssh sessions at once.
    const QString config = QStringLiteral("ListenAddress 127.0.0.1\n"
                                          "Port %1\n"
                                          "HostKey %2\n"
                                          "PidFile %3\n"
                                          "AuthorizedKeysFile %4\n"
                                          "PubkeyAuthentication yes\n"
                                          "PasswordAuthentication no\n"
                                          "KbdInteractiveAuthentication no\n"
                                          "UsePAM no\n"
                                          "StrictModes no\n"
                                          "PermitRootLogin prohibit-password\n"
                                          "PrintMotd no\n"
                                          "PrintLastLog no\n"
                                          "X11Forwarding no\n"
                                          "MaxStartups 200\n"
                                          "MaxSessions 50\n"
                                          "Subsystem sftp internal-sftp\n")
                               .arg(m_port)
                               .arg(dir.filePath(QStringLiteral("host_key")),
                                    dir.filePath(QStringLiteral("sshd.pid")),
                                    dir.filePath(QStringLiteral("authorized_keys")));
    return writeFile(dir.filePath(QStringLiteral("authorized_keys")), clientPub.readAll())
        && writeFile(dir.filePath(QStringLiteral("known_hosts")),
                     QByteArray(HostKeyAlias.data(), HostKeyAlias.size()) + ' ' + m_hostKey + '\n')
        && writeFile(dir.filePath(QStringLiteral("sshd_config")), config.toUtf8());
}

bool SshdProcess::start(int timeoutMs)
{
    if (!QFileInfo(Sshd).isExecutable()) {
        qWarning("SshdProcess: %s is missing (Debian package openssh-server)", Sshd.data());
        return false;
    }
    if (m_port == 0 && !prepare())
        return false;
    // sshd started by root chroots its unauthenticated child into the privilege separation
    // directory (Debian: /run/sshd, normally made by the ssh service); it must exist, owned
    // by root and not writable by others. An unprivileged sshd does not need it.
    const QString privsep = QStringLiteral("/run/sshd");
    if (::geteuid() == 0 && !QFileInfo(privsep).isDir()) {
        if (!QDir().mkpath(privsep)
            || !QFile::setPermissions(privsep,
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                          | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                                          | QFile::ExeOther)) {
            qWarning("SshdProcess: cannot create %s", qPrintable(privsep));
            return false;
        }
    }
    if (!ManagedProcess::start(Sshd,
                               {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"),
                                m_dir.filePath(QStringLiteral("sshd_config"))}))
        return false;
    // Ready when a connection gets the server's identification string.
    return QTest::qWaitFor(
               [this] {
                   if (!isRunning())
                       return true;
                   QTcpSocket probe;
                   probe.connectToHost(QStringLiteral("127.0.0.1"), m_port);
                   if (!probe.waitForConnected(200))
                       return false;
                   QByteArray banner;
                   while (!banner.contains('\n') && probe.waitForReadyRead(500))
                       banner += probe.readAll();
                   return banner.startsWith("SSH-2.0-");
               },
               timeoutMs)
        && isRunning();
}

} // namespace cx::test
