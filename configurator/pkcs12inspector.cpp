#include "pkcs12inspector.h"

#include "config/configfilewriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/x509.h>

namespace cx::configurator {

namespace {

QSslCertificate toQt(X509 *certificate)
{
    unsigned char *der = nullptr;
    const int length = i2d_X509(certificate, &der);
    if (length <= 0)
        return QSslCertificate();
    QSslCertificate result(QByteArray(reinterpret_cast<const char *>(der), length), QSsl::Der);
    OPENSSL_free(der);
    return result;
}

bool verifyMac(PKCS12 *p12, const QByteArray &password)
{
    if (!PKCS12_mac_present(p12))
        return true;
    if (password.isEmpty())
        return PKCS12_verify_mac(p12, nullptr, 0) == 1 || PKCS12_verify_mac(p12, "", 0) == 1;
    return PKCS12_verify_mac(p12, password.constData(), int(password.size())) == 1;
}

QString keyTypeName(EVP_PKEY *key)
{
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS:
        return QStringLiteral("RSA");
    case EVP_PKEY_EC:
        return QStringLiteral("EC");
    case EVP_PKEY_ED25519:
        return QStringLiteral("Ed25519");
    case EVP_PKEY_ED448:
        return QStringLiteral("Ed448");
    case EVP_PKEY_DSA:
        return QStringLiteral("DSA");
    default:
        return QString::fromLatin1(OBJ_nid2sn(EVP_PKEY_get_base_id(key)));
    }
}

} // namespace

QString Pkcs12Inspector::distinguishedName(const QSslCertificate &certificate, bool issuer)
{
    QStringList parts;
    const QList<QByteArray> attributes
        = issuer ? certificate.issuerInfoAttributes() : certificate.subjectInfoAttributes();
    for (const QByteArray &attribute : attributes) {
        const QStringList values
            = issuer ? certificate.issuerInfo(attribute) : certificate.subjectInfo(attribute);
        for (const QString &value : values)
            parts.append(QString::fromLatin1(attribute) + u'=' + value);
    }
    return parts.join(QStringLiteral(", "));
}

Pkcs12Report Pkcs12Inspector::inspect(const QString &path, const QByteArray &password,
                                      const QDateTime &now)
{
    Pkcs12Report report;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report.status = Pkcs12Report::Status::Unreadable;
        report.error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return report;
    }
    const QByteArray data = file.readAll();
    BIO *bio = BIO_new_mem_buf(data.constData(), int(data.size()));
    PKCS12 *p12 = d2i_PKCS12_bio(bio, nullptr);
    BIO_free(bio);
    if (!p12) {
        report.status = Pkcs12Report::Status::NotPkcs12;
        report.error = tr("%1 is not a PKCS#12 keystore.").arg(QFileInfo(path).fileName());
        return report;
    }
    if (!verifyMac(p12, password)) {
        PKCS12_free(p12);
        report.status = Pkcs12Report::Status::WrongPassword;
        report.error = tr("Wrong password for %1.").arg(QFileInfo(path).fileName());
        return report;
    }
    EVP_PKEY *key = nullptr;
    X509 *leaf = nullptr;
    STACK_OF(X509) *others = nullptr;
    const char *pass = password.isEmpty() ? "" : password.constData();
    int parsed = PKCS12_parse(p12, pass, &key, &leaf, &others);
    if (!parsed) {
        // Keystores from older tools use RC2/3DES, which OpenSSL 3 keeps in its legacy
        // provider.
        OSSL_PROVIDER_load(nullptr, "legacy");
        OSSL_PROVIDER_load(nullptr, "default");
        parsed = PKCS12_parse(p12, pass, &key, &leaf, &others);
    }
    PKCS12_free(p12);
    if (!parsed) {
        report.status = Pkcs12Report::Status::Undecryptable;
        report.error = tr("Cannot decrypt %1: it uses an algorithm this system does not "
                          "support.")
                           .arg(QFileInfo(path).fileName());
        return report;
    }
    report.status = Pkcs12Report::Status::Ok;
    if (key) {
        report.hasPrivateKey = true;
        report.keyType = keyTypeName(key);
        report.keyBits = EVP_PKEY_get_bits(key);
        EVP_PKEY_free(key);
    }
    if (leaf) {
        report.certificate = toQt(leaf);
        X509_free(leaf);
    }
    if (others) {
        for (int i = 0; i < sk_X509_num(others); ++i)
            report.chain.append(toQt(sk_X509_value(others, i)));
        sk_X509_pop_free(others, X509_free);
    }
    if (report.certificate.isNull() && !report.chain.isEmpty())
        report.certificate = report.chain.takeFirst();

    if (!report.certificate.isNull()) {
        const auto names = report.certificate.subjectAlternativeNames();
        for (auto it = names.cbegin(); it != names.cend(); ++it) {
            if (it.key() == QSsl::DnsEntry)
                report.dnsNames.append(it.value());
            else if (it.key() == QSsl::IpAddressEntry)
                report.ipAddresses.append(it.value());
        }
        if (report.certificate.expiryDate() < now)
            report.warnings.append(tr("The certificate expired on %1.")
                                       .arg(report.certificate.expiryDate().toString(Qt::ISODate)));
        if (report.certificate.effectiveDate() > now)
            report.warnings.append(
                tr("The certificate is not valid yet: it becomes valid on %1.")
                    .arg(report.certificate.effectiveDate().toString(Qt::ISODate)));
        if (report.dnsNames.isEmpty() && report.ipAddresses.isEmpty())
            report.warnings.append(tr("The certificate has no subject alternative names: "
                                      "clients that check host names will refuse it."));
    } else {
        report.warnings.append(tr("The keystore holds no certificate."));
    }
    if (!report.hasPrivateKey)
        report.warnings.append(
            tr("The keystore holds no private key: the edge listener cannot use it."));
    else if (report.keyType == u"RSA" && report.keyBits < 2048)
        report.warnings.append(
            tr("The RSA key has only %1 bits; use at least 2048.").arg(report.keyBits));
    return report;
}

Result<QString> Pkcs12Inspector::copyNextToConfig(const QString &path, const QString &directory)
{
    const QFileInfo source(path);
    const QString destination = QDir(directory).filePath(source.fileName());
    // As the package lays keystores out: 0640, group cxserver (config::writeConfigFile).
    if (QFileInfo(destination).absoluteFilePath() != source.absoluteFilePath()) {
        if (const Result<void> copied = config::copyConfigFile(path, destination); !copied)
            return Error(tr("Cannot copy %1 to %2.").arg(path, destination),
                         copied.error().message);
    }
    return QFileInfo(destination).absoluteFilePath();
}

} // namespace cx::configurator
