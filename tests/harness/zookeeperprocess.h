#pragma once

#include "managedprocess.h"

#include <QStringList>
#include <QTemporaryDir>

namespace cx::test {

/// A real standalone ZooKeeper server (Debian's `zookeeper` package) for integration
/// tests: its zoo.cfg and data live in a temporary folder, it listens on 127.0.0.1 on a
/// free port (tickTime 500 ms, so session timeouts from 1 s to 10 s are accepted) and it is
/// ready when it runs (it logs whether auditing is on). It can be stopped and started again on
/// the same port with the same data (sessions and znodes survive).
class ZooKeeperProcess : public ManagedProcess
{
    Q_OBJECT
public:
    explicit ZooKeeperProcess(QString name = QStringLiteral("zookeeper"),
                              QObject *parent = nullptr);

    /// Before the first start(): \a configLines are appended to zoo.cfg (authentication
    /// providers, enforce.auth...) and \a jvmOptions given to Java (a JAAS file...).
    void configure(const QString &configLines, const QStringList &jvmOptions);
    /// Before the first start(): also serve TLS on a secureClientPort of 127.0.0.1 (Netty),
    /// with the PKCS#12 \a keyStore and the PEM CA file \a trustStore that client
    /// certificates must chain to (ZooKeeper asks for one by default).
    void enableSecureClientPort(const QString &keyStore, const QString &password,
                                const QString &trustStore);
    /// "127.0.0.1:SECUREPORT" once enableSecureClientPort() was called.
    QString secureConnectionString() const;

    /// The server's temporary folder, for files its configuration names.
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    /// Writes the config on the first call and starts the server; false when it did not
    /// become ready in time (or Java or the ZooKeeper jars are missing).
    bool start(int timeoutMs = 30000);

    quint16 port() const { return m_port; }
    /// "127.0.0.1:PORT", for discovery.connectionString and --zookeeper.
    QString connectionString() const;

private:
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    quint16 m_securePort = 0;
    QString m_configLines;
    QStringList m_jvmOptions;
};

} // namespace cx::test
