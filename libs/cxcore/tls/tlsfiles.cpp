#include "tlsfiles.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <algorithm>

namespace cx::tls {

Result<QSslConfiguration> edgeTlsConfiguration(const QString &keyStoreFile,
                                               const QByteArray &password)
{
    QFile file(keyStoreFile);
    if (!file.open(QIODevice::ReadOnly))
        return Error(
            QStringLiteral("cannot read keystore %1: %2").arg(keyStoreFile, file.errorString()));
    QSslKey key;
    QSslCertificate certificate;
    QList<QSslCertificate> chain;
    if (!QSslCertificate::importPkcs12(&file, &key, &certificate, &chain, password))
        return Error(
            QStringLiteral("cannot open keystore %1: wrong password, or not a PKCS#12 file")
                .arg(keyStoreFile));
    if (key.isNull() || certificate.isNull())
        return Error(
            QStringLiteral("keystore %1 holds no private key and certificate").arg(keyStoreFile));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPrivateKey(key);
    configuration.setLocalCertificateChain(QList<QSslCertificate> {certificate} + chain);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // devices authenticate with AUTH
    return configuration;
}

Result<QSslConfiguration> platformTlsConfiguration(const QString &trustStoreFile,
                                                   const QByteArray &password)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (trustStoreFile.isEmpty())
        return configuration; // the system CAs
    QFile file(trustStoreFile);
    if (!file.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("cannot read trust store %1: %2")
                         .arg(trustStoreFile, file.errorString()));
    QList<QSslCertificate> certificates;
    QSslKey key;
    QSslCertificate certificate;
    if (QSslCertificate::importPkcs12(&file, &key, &certificate, &certificates, password)) {
        if (!certificate.isNull())
            certificates.prepend(certificate);
    } else {
        file.seek(0);
        certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    }
    if (certificates.isEmpty())
        return Error(
            QStringLiteral(
                "trust store %1 holds no certificate (PKCS#12 with the right password, or PEM)")
                .arg(trustStoreFile));
    configuration.setCaCertificates(certificates);
    return configuration;
}

bool onlyHostNameMismatch(const QList<QSslError> &errors)
{
    return std::all_of(errors.cbegin(), errors.cend(), [](const QSslError &error) {
        return error.error() == QSslError::HostNameMismatch;
    });
}

} // namespace cx::tls
