#pragma once

#include "managedprocess.h"

#include <QStringList>
#include <QTemporaryDir>

namespace cx::test {

/// A real OpenSSH server (Debian's `openssh-server`) for integration tests, e.g. ssh through
/// remote-access tunnels. Everything lives in a temporary folder: an ed25519 host key, an
/// ed25519 client key pair whose public half is the only authorized key, a known_hosts file
/// pinning the host key, and an sshd_config with public-key authentication only (no
/// password, no keyboard-interactive, no PAM, StrictModes off). It listens on 127.0.0.1 on
/// a free port (never 22), runs in the foreground (`sshd -D -e`) and is stopped by PID.
///
/// sshd lets in only the user it runs as: user() is the current user. As root (CI) that is
/// root, who may log in with a key (PermitRootLogin prohibit-password); root's sshd needs
/// its privilege separation directory /run/sshd, which start() creates when it is missing.
/// As a normal user sshd runs unprivileged (no privilege separation directory needed) and
/// lets in only that user (checked with a throwaway account). Without PAM, a root sshd
/// refuses an account whose password is locked ("!..." in /etc/shadow; root's "*" in Debian's
/// images is not locked).
class SshdProcess : public ManagedProcess
{
    Q_OBJECT
public:
    explicit SshdProcess(QString name = QStringLiteral("sshd"), QObject *parent = nullptr);

    /// Generates the keys and the config on the first call, then starts sshd; true once
    /// its port accepts a connection and sends the "SSH-2.0" banner. False (the reason in
    /// log()) when sshd or ssh-keygen is missing, rejects the config or is not ready in time.
    bool start(int timeoutMs = 15000);

    quint16 port() const { return m_port; }
    /// The user ssh logs in as: the one running the test (and sshd).
    static QString user();
    /// The options an `ssh` client needs to log in without a question: no config file
    /// (-F none), the client key only (-i, IdentitiesOnly=yes), the host key pinned
    /// (StrictHostKeyChecking=yes against this server's known_hosts file, looked up under a
    /// HostKeyAlias, so it holds whatever host and port the client connects to), BatchMode,
    /// LogLevel=ERROR and -p \a port (port() when 0). Add the destination: user()@127.0.0.1.
    /// A client that reaches this sshd through something else (a local tunnel endpoint)
    /// passes that port.
    QStringList clientArguments(quint16 port = 0) const;
    /// The private key file of the client key pair.
    QString clientKeyPath() const;
    /// The temporary folder (config, keys, known_hosts); files put there go away with this.
    QString directory() const { return m_dir.path(); }

private:
    bool prepare();

    QTemporaryDir m_dir;
    quint16 m_port = 0;
    QByteArray m_hostKey; ///< "ssh-ed25519 AAAA..." from the host key's .pub
};

} // namespace cx::test
