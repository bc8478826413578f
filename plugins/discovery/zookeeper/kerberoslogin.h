#pragma once

#include "result.h"

#include <QByteArray>

namespace cx::zookeeperdiscovery {

/// The Kerberos side of a GSSAPI login to ZooKeeper (discovery.sasl.mechanism "GSSAPI").
///
/// Cyrus SASL's GSSAPI module takes the process's default Kerberos credentials and has no
/// setting of its own, so login() points Kerberos, through its environment, at
/// discovery.sasl.krb5-conf.file (KRB5_CONFIG), a credential cache in memory (KRB5CCNAME)
/// and the JAAS keytab as the client keytab (KRB5_CLIENT_KTNAME, from which MIT Kerberos
/// gets a new ticket by itself when one expires), then logs the JAAS principal in once: a
/// wrong principal, keytab or key is a clear error at start. A KDC that cannot be reached
/// is not (Kerberos tries again at each login to ZooKeeper); \a warning says so.
class KerberosLogin
{
public:
    static Result<void> login(const QByteArray &principal, const QByteArray &keyTab,
                              const QByteArray &krb5Conf, QString *warning);
};

} // namespace cx::zookeeperdiscovery
