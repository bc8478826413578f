#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <memory>

struct _zhandle;
struct Stat;

namespace cx::platformsim {

/// Registers the simulator in ZooKeeper as Apache Curator's ServiceDiscovery does
/// (config.md §4): an ephemeral znode `<basePath>/<serviceName>/<id>` holding a
/// ServiceInstance JSON object, with the missing parents created persistent. A new session
/// after an expiry registers again. The C client's callbacks are posted into this object's
/// thread; only the asynchronous API is used.
class ZooKeeperRegistration : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QByteArray connectionString; ///< --zookeeper HOST:PORT[,...]
        QByteArray basePath; ///< --zk-base-path
        QByteArray serviceName; ///< --service-name
        QByteArray id; ///< the znode name (--id)
        quint16 port = 0; ///< the listening port
        bool tls = false; ///< registered as sslPort when set, else as port
        int sessionTimeoutMs = 0; ///< --zk-session-timeout
    };

    explicit ZooKeeperRegistration(Settings settings, QObject *parent = nullptr);
    /// Closes the session: ZooKeeper deletes the znode at once.
    ~ZooKeeperRegistration() override;

    /// Opens the session; registered() follows once the znode exists.
    void start();
    /// The registration znode's path.
    QByteArray path() const { return m_path; }

Q_SIGNALS:
    void registered();
    /// Registering failed for a reason that retrying in this session cannot fix.
    void failed(const QString &message);

private:
    struct Session
    {
        ZooKeeperRegistration *owner;
        quint64 generation;
    };

    static void onWatch(_zhandle *handle, int type, int state, const char *path, void *context);
    static void onParentCreated(int rc, const char *value, const void *data);
    static void onCreated(int rc, const char *value, const void *data);
    static void onDeleted(int rc, const void *data);
    static void onClientLog(const char *message);
    /// Posts handle(generation, rc) of the session in data into the owner's thread.
    template<typename Handler> static void post(const void *data, Handler handler);

    void openSession();
    void closeSession();
    void handleSessionState(int state);
    void createNode();
    void handleCreated(int rc);

    Settings m_settings;
    QByteArray m_path;
    QByteArray m_data;
    _zhandle *m_handle = nullptr; ///< owned: zookeeper_close() in closeSession()
    std::unique_ptr<Session> m_session; ///< outlives m_handle's callbacks
    quint64 m_generation = 0;
    bool m_registering = false; ///< the znode was asked for in this session
    bool m_replaced = false; ///< a stale znode of the same id was deleted in this session
};

} // namespace cx::platformsim
