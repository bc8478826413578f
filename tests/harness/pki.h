#pragma once

#include <QString>
#include <QStringList>

namespace cx::test {

/// Test certificates made with the openssl command line in a folder the test owns: a CA,
/// server certificates signed by it (with or without SANs), and PKCS#12
/// keystores. Nothing here is ever committed: every run makes its own.
class Pki
{
public:
    explicit Pki(QString directory);

    /// Creates ca.key / ca.pem. False (with error()) on failure.
    bool makeCa();
    /// Creates NAME.key / NAME.pem signed by the CA, with subjectAltName entries such as
    /// "IP:127.0.0.1", "DNS:localhost" (none when empty), valid for days from now.
    bool makeServer(const QString &name, const QStringList &subjectAltNames, int days = 30,
                    int rsaBits = 2048);
    /// Bundles NAME.key + NAME.pem (+ the CA) into NAME.p12 with password (no key when
    /// withKey is false).
    bool makePkcs12(const QString &name, const QString &password, bool withKey = true);

    /// The CA, edge.pem for IP 127.0.0.1 and edge.p12 with \a password: what a cxserver with
    /// TLS on its edge port needs (CxServerProcess::edgeTlsSettings).
    bool makeEdgeKeystore(const QString &password);

    QString path(const QString &file) const;
    const QString &error() const { return m_error; }

private:
    bool openssl(const QStringList &arguments);

    QString m_dir;
    QString m_error;
};

} // namespace cx::test
