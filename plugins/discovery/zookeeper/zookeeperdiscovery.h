#pragma once

#include "instanceselection.h"
#include "plugin/discovery.h"
#include "saslcallbacks.h"
#include "tlsbridge.h"

#include <QByteArray>
#include <QMap>
#include <QSet>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <memory>
#include <optional>

struct _zhandle;
struct String_vector;
struct Stat;

namespace cx::zookeeperdiscovery {

/// The `zookeeper` discovery backend (config.md §4): watches the children of
/// `<basePath>/<service-name>` and reads each child's Curator ServiceInstance data.
///
/// The ZooKeeper C client (multi-threaded) runs its own I/O and completion threads; every
/// watch event and completion is posted into this object's thread with a queued call, and
/// only the asynchronous API is used, so the event loop never waits on ZooKeeper. Each
/// ZooKeeper session is a generation: events of a closed session are dropped.
///
/// The membership is published only once it is known (a listing and every read it needed
/// have answered) and only when it differs from the last one. While ZooKeeper is
/// unreachable the last membership stays; after a session expiry a new session lists
/// again and the difference is published.
///
/// As Curator re-registers by deleting and re-creating a znode, a child's delete event
/// makes it stale: the next listing reads it again (and re-arms its data watch) if it is
/// back. Registrations are deduplicated by Curator id and filtered by the address policy
/// and the instance cap (instanceselection.h); a change to the children costs O(n log n).
class ZooKeeperDiscovery final : public plugin::DiscoveryBackend
{
    Q_OBJECT
public:
    /// What the backend needs from the configuration (it outlives a reload).
    struct Settings
    {
        QByteArray connectionString; ///< discovery.connectionString
        QByteArray servicePath; ///< <discovery.basePath>/<service-name>, without a trailing /
        int sessionTimeoutMs = 0; ///< discovery.session-timeout
        QByteArray authScheme; ///< discovery.auth.scheme; empty: no authentication
        QByteArray authCredentials; ///< discovery.auth.credentials; a secret, never logged
        bool tls = false; ///< service-discovery.tls-enabled: sslPort and wss
        QStringList allowedNetworks; ///< service-discovery.allowed-networks; empty: any
        int maxInstances = 0; ///< service-discovery.max-instances
        /// discovery.sasl-enabled: the mechanism and the login of the JAAS file.
        struct Sasl
        {
            QByteArray mechanism; ///< "GSSAPI" or "DIGEST-MD5"
            QByteArray serviceName; ///< discovery.sasl.service-name
            QByteArray username; ///< DIGEST-MD5
            QByteArray password; ///< DIGEST-MD5; a secret, handed to the SASL callbacks
        };
        std::optional<Sasl> sasl;
        /// discovery.tls.enabled: trust store and client certificate for the TLS bridge.
        std::optional<QSslConfiguration> zooKeeperTls;
    };

    explicit ZooKeeperDiscovery(Settings settings, QObject *parent = nullptr);
    /// Closes the ZooKeeper session (its ephemeral nodes, if any, go with it).
    ~ZooKeeperDiscovery() override;

    /// Opens the ZooKeeper session (state Connecting); instancesChanged() follows once the
    /// registrations have been read.
    void start() override;
    plugin::Membership instances() const override;
    State state() const override;

private:
    /// The context the C client hands back to the callbacks of one session.
    struct Session
    {
        ZooKeeperDiscovery *owner;
        quint64 generation;
    };
    /// The context of one data read: the node it is for.
    struct Read
    {
        const Session *session;
        QString node;
    };
    /// What is known of one child of the service path.
    struct Node
    {
        std::optional<Registration> registration; ///< empty: not read yet, or bad data
        /// The session generation its data was last read (and watched) in; 0: stale, read
        /// it on the next listing.
        quint64 readIn = 0;
        int pendingReads = 0; ///< reads under way
        bool warned = false; ///< its bad data was reported once already
    };

    // C client callbacks: they run on the client's threads and only post to the owner.
    static void onWatch(_zhandle *handle, int type, int state, const char *path, void *context);
    static void onChildren(int rc, const String_vector *children, const void *data);
    static void onData(int rc, const char *value, int length, const Stat *stat, const void *data);
    static void onExists(int rc, const Stat *stat, const void *data);
    static void onAuth(int rc, const void *data);
    static void onClientLog(const char *message);

    void openSession();
    void closeSession();
    void setState(State state);
    void handleWatch(quint64 generation, int type, int state, const QByteArray &path);
    void handleSessionEvent(int state);
    /// Credentials refused: says which key to check and fails (config.md §2).
    void failAuthentication();
    /// The TLS bridge could not authenticate \a server or was refused by it.
    void failTls(const QString &server, const QString &reason);
    void listChildren();
    void handleChildren(quint64 generation, int rc, const QStringList &children);
    void readNode(const QString &name);
    void handleData(quint64 generation, const QString &name, int rc,
                    const std::optional<QByteArray> &data, qint64 czxid, qint64 ctime);
    void reportNoAuth(const QByteArray &path);
    void publishIfComplete();
    void reportSkipped(const QList<SkippedRegistration> &skipped);
    void warnIfClearText();

    Settings m_settings;
    std::unique_ptr<SaslCallbacks> m_saslCallbacks; ///< with SASL; outlives m_handle
    ZooKeeperTlsBridge *m_tlsBridge = nullptr; ///< with TLS; a child
    QByteArray m_clientConnectionString; ///< what the C client connects to
    _zhandle *m_handle = nullptr; ///< owned: zookeeper_close() in closeSession()
    std::unique_ptr<Session> m_session; ///< outlives m_handle's callbacks
    quint64 m_generation = 0;
    State m_state = State::Disconnected;
    QMap<QString, Node> m_nodes;
    int m_pendingReads = 0; ///< reads of this session under way, for every node
    bool m_listed = false; ///< a listing answered: the membership is known
    AddressPolicy m_policy;
    QSet<QString> m_reportedSkips; ///< "node: reason" of the skips logged already
    bool m_clearTextWarned = false;
    bool m_initFailureReported = false;
    /// A session of this backend logged in once (names what a refusal may mean).
    bool m_loggedIn = false;
    int m_loginRetries = 0; ///< refusals in a row since a session last connected
    bool m_missingReported = false;
    bool m_noAuthReported = false;
    plugin::Membership m_instances;
    QTimer m_retryTimer; ///< retries zookeeper_init() when it fails at once
    /// Watches the handle's state: a SASL login the server refuses sets ZOO_AUTH_FAILED_STATE
    /// without a session event (the 3.8 C client), and would otherwise go unnoticed.
    QTimer m_authCheck;
};

} // namespace cx::zookeeperdiscovery
