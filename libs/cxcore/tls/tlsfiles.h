#pragma once

#include "cxcore_global.h"
#include "result.h"

#include <QByteArray>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>

namespace cx::tls {

/// A TLS server configuration from a PKCS#12 keystore (config.md §2): cxserver's edge
/// listener, the platform simulator. Errors
/// name the file: unreadable, wrong password or not PKCS#12, no private key.
CXCORE_EXPORT Result<QSslConfiguration> edgeTlsConfiguration(const QString &keyStoreFile,
                                                             const QByteArray &password);

/// The platform client's TLS configuration (protocol.md §7): the system CAs, or the
/// certificates of a trust store (PKCS#12 or PEM); peers are always verified.
CXCORE_EXPORT Result<QSslConfiguration> platformTlsConfiguration(const QString &trustStoreFile,
                                                                 const QByteArray &password);

/// Whether \a errors are all host-name mismatches: what turning host-name validation off
/// (protocol.md §7) forgives, for pipes and tunnels alike.
CXCORE_EXPORT bool onlyHostNameMismatch(const QList<QSslError> &errors);

} // namespace cx::tls
