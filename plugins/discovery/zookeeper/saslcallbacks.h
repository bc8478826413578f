#pragma once

#include <QByteArray>
#include <sasl/sasl.h>
#include <vector>

namespace cx::zookeeperdiscovery {

/// The Cyrus SASL callbacks of one ZooKeeper handle: they answer the user, authentication
/// name and password prompts of DIGEST-MD5 from memory (the C client's own helper reads the
/// password from a file), and pick the realm the server offers. GSSAPI needs no prompt: its
/// credentials come from Kerberos (kerberoslogin.h). The ZooKeeper client only references
/// the array: this object must outlive the handle.
class SaslCallbacks
{
public:
    /// DIGEST-MD5 with \a username and \a password; both empty for GSSAPI.
    SaslCallbacks(QByteArray username, QByteArray password);
    ~SaslCallbacks();
    SaslCallbacks(const SaslCallbacks &) = delete;
    SaslCallbacks &operator=(const SaslCallbacks &) = delete;

    const sasl_callback_t *array() const { return m_callbacks.data(); }

    /// Initializes the Cyrus SASL client library once per process; false when it fails.
    static bool initializeLibrary();

private:
    static int simple(void *context, int id, const char **result, unsigned *length);
    static int secret(sasl_conn_t *connection, void *context, int id, sasl_secret_t **result);
    static int realm(void *context, int id, const char **available, const char **result);

    QByteArray m_username;
    std::vector<unsigned char> m_secret; ///< a sasl_secret_t: length, then the bytes
    std::vector<sasl_callback_t> m_callbacks;
};

} // namespace cx::zookeeperdiscovery
