#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

namespace cx::configurator {

/// What a PKCS#12 keystore holds, for the import dialog.
struct Pkcs12Report
{
    enum class Status { Ok, Unreadable, NotPkcs12, WrongPassword, Undecryptable };

    Status status = Status::Unreadable;
    QString error; ///< a sentence for the user when status is not Ok

    bool hasPrivateKey = false;
    QString keyType; ///< "RSA", "EC", "Ed25519"...
    int keyBits = 0;
    QSslCertificate certificate; ///< the leaf; null when the file holds none
    QList<QSslCertificate> chain; ///< the other certificates, as stored
    QStringList dnsNames; ///< DNS subject alternative names
    QStringList ipAddresses; ///< IP subject alternative names
    QStringList warnings; ///< expired, not yet valid, no private key, RSA < 2048, no SANs

    bool ok() const { return status == Status::Ok; }
    /// Usable as the edge listener's keystore: readable, with a certificate and its key.
    bool usableAsKeyStore() const { return ok() && hasPrivateKey && !certificate.isNull(); }
};

/// Reads a PKCS#12 keystore; "wrong password" is told apart from "not a PKCS#12 file".
/// Warnings are computed against now.
class Pkcs12Inspector
{
    Q_DECLARE_TR_FUNCTIONS(cx::configurator::Pkcs12Inspector)
public:
    static Pkcs12Report inspect(const QString &path, const QByteArray &password,
                                const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// A certificate's distinguished name on one line: "CN=a, O=b".
    static QString distinguishedName(const QSslCertificate &certificate, bool issuer);
    /// Copies path into directory (replacing a file of the same name) with owner-only
    /// permissions; returns the new path. path already in directory: no copy.
    static Result<QString> copyNextToConfig(const QString &path, const QString &directory);
};

} // namespace cx::configurator
