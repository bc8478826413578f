#pragma once

#include "managedprocess.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>

namespace cx::test {

/// A real MIT Kerberos KDC (Debian's krb5-kdc) for integration tests: realm CX.TEST, whose
/// database, stash, kdc.conf and krb5.conf live in a temporary folder, listening on
/// 127.0.0.1 on a free port (TCP, and UDP on the same number). The krb5.conf it writes is
/// for its clients: no DNS, no host name canonicalization, TCP only. The system's own
/// Kerberos configuration and services are neither read nor touched.
class KdcProcess : public ManagedProcess
{
    Q_OBJECT
public:
    static constexpr QLatin1StringView Realm {"CX.TEST"};

    explicit KdcProcess(QString name = QStringLiteral("krb5kdc"), QObject *parent = nullptr);

    /// Creates the realm on the first call and starts the KDC; false when it is not serving
    /// in time (or the krb5-kdc tools are missing), with the reason in log().
    bool start(int timeoutMs = 30000);
    /// Adds \a principal (with the realm, such as "cxserver@CX.TEST") with a random key and
    /// writes that key to \a keyTab; false with the reason in log().
    bool addPrincipal(const QString &principal, const QString &keyTab);

    QString krb5ConfPath() const { return m_dir.filePath(QStringLiteral("krb5.conf")); }
    quint16 port() const { return m_port; }

private:
    bool createRealm();
    bool kadmin(const QString &query);

    QTemporaryDir m_dir;
    QProcessEnvironment m_environment;
    quint16 m_port = 0;
};

} // namespace cx::test
