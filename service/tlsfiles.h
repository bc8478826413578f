#pragma once

#include "result.h"

#include <QByteArray>
#include <QSslConfiguration>
#include <QString>

namespace cx::server {

/// The edge listener's TLS configuration from a PKCS#12 keystore (config.md §2). Errors
/// name the file: unreadable, wrong password or not PKCS#12, no private key.
Result<QSslConfiguration> edgeTlsConfiguration(const QString &keyStoreFile,
                                               const QByteArray &password);

/// The platform client's TLS configuration (protocol.md §7): the system CAs, or the
/// certificates of a trust store (PKCS#12 or PEM); peers are always verified.
Result<QSslConfiguration> platformTlsConfiguration(const QString &trustStoreFile,
                                                   const QByteArray &password);

} // namespace cx::server
