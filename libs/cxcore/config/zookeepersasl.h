#pragma once

#include "cxcore_global.h"
#include "jaasfile.h"
#include "result.h"

#include <QString>

namespace cx::config {

/// The SASL login of ZooKeeper discovery (config.md §2), taken from the JAAS file's `Client`
/// section as ZooKeeper's Java client reads it: `Krb5LoginModule` with `useKeyTab=true`,
/// `keyTab` and `principal` for GSSAPI, `DigestLoginModule` with `username` and `password`
/// for DIGEST-MD5.
struct CXCORE_EXPORT ZooKeeperSaslLogin
{
    QString username; ///< DIGEST-MD5
    QString password; ///< DIGEST-MD5; a secret, never in a message
    QString principal; ///< GSSAPI, such as "cxserver/host.example.com@EXAMPLE.COM"
    QString keyTab; ///< GSSAPI: the keytab file holding the principal's key

    /// The login for \a mechanism ("GSSAPI" or "DIGEST-MD5"); an error names the place in
    /// the JAAS file ("FILE:LINE:COL: ...", \a fileName being the file).
    static Result<ZooKeeperSaslLogin> fromJaas(const JaasFile &jaas, const QString &fileName,
                                               const QString &mechanism);
};

/// The login module of the JAAS file's Client section whose class is \a moduleClass, with or
/// without its package ("DigestLoginModule", "Krb5LoginModule"); nullptr when none.
CXCORE_EXPORT const JaasFile::Module *clientLoginModule(const JaasFile &jaas,
                                                        const QString &moduleClass);

} // namespace cx::config
