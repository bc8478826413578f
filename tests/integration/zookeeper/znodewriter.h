#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTest>
#include <memory>
#include <saslcallbacks.h>
#include <zookeeper/zookeeper.h>

namespace cx::test {

/// Writes znodes from the test process with the ZooKeeper C client's synchronous API (the
/// client queues the requests until its session is established, SASL login included).
/// - With a digest (`user:password`) the session authenticates and creates nodes readable
///   only by it, unless an ACL is given.
/// - With a SASL DIGEST-MD5 login (cxserver's own SASL callbacks, saslcallbacks.h) the
///   nodes get the ACL given. A refused login is tried again (MaxLogins in all): ZooKeeper
///   3.8 may refuse a correct login made at the same moment as another user's, cxserver's
///   for one (docs/zookeeper.md).
class ZnodeWriter
{
public:
    static constexpr int SessionTimeoutMs = 10000;
    static constexpr int MaxLogins = 3;

    explicit ZnodeWriter(const QString &connectionString, const QByteArray &digest = {},
                         ACL_vector *acl = nullptr)
        : m_handle(zookeeper_init(connectionString.toUtf8().constData(), nullptr, SessionTimeoutMs,
                                  nullptr, nullptr, 0))
        , m_acl(acl                    ? acl
                    : digest.isEmpty() ? &ZOO_OPEN_ACL_UNSAFE
                                       : &ZOO_CREATOR_ALL_ACL)
    {
        if (m_handle && !digest.isEmpty())
            zoo_add_auth(m_handle, "digest", digest.constData(), int(digest.size()), nullptr,
                         nullptr);
    }
    ZnodeWriter(const QString &connectionString, const QByteArray &saslUser,
                const QByteArray &saslPassword, ACL_vector *acl)
        : m_callbacks(std::make_unique<zookeeperdiscovery::SaslCallbacks>(saslUser, saslPassword))
        , m_connectionString(connectionString.toUtf8())
        , m_acl(acl)
    {
        openSaslSession();
    }
    ~ZnodeWriter()
    {
        if (m_handle)
            zookeeper_close(m_handle);
    }
    ZnodeWriter(const ZnodeWriter &) = delete;
    ZnodeWriter &operator=(const ZnodeWriter &) = delete;

    /// Creates path (persistent, missing parents too) holding data, once the session is
    /// established (a request queued before may be lost with a first connection the server
    /// drops while it starts); true on success.
    bool create(const QByteArray &path, const QByteArray &data)
    {
        if (!waitForSession())
            return false;
        for (qsizetype slash = path.indexOf('/', 1); slash > 0;
             slash = path.indexOf('/', slash + 1)) {
            const int result = zoo_create(m_handle, path.left(slash).constData(), nullptr, -1,
                                          m_acl, ZOO_PERSISTENT, nullptr, 0);
            if (result != ZOK && result != ZNODEEXISTS) {
                m_lastError = zerror(result);
                return false;
            }
        }
        const int result = zoo_create(m_handle, path.constData(), data.constData(),
                                      int(data.size()), m_acl, ZOO_PERSISTENT, nullptr, 0);
        m_lastError = zerror(result);
        return result == ZOK;
    }
    /// What the last create() failed with, for a test's message.
    const char *lastError() const { return m_lastError.constData(); }
    bool remove(const QByteArray &path)
    {
        return m_handle && zoo_delete(m_handle, path.constData(), -1) == ZOK;
    }

    bool set(const QByteArray &path, const QByteArray &data)
    {
        return m_handle
            && zoo_set(m_handle, path.constData(), data.constData(), int(data.size()), -1) == ZOK;
    }

private:
    void openSaslSession()
    {
        zoo_sasl_params_t params {"zookeeper", "zk-sasl-md5", "DIGEST-MD5", m_callbacks->array()};
        m_handle = zookeeper_init_sasl(m_connectionString.constData(), nullptr, SessionTimeoutMs,
                                       nullptr, nullptr, 0, nullptr, &params);
    }
    /// Waits for the session, logging in again when a SASL login is refused; false with
    /// lastError() set when there is none.
    bool waitForSession()
    {
        for (int login = 1; m_handle; ++login) {
            const bool settled = QTest::qWaitFor(
                [this] {
                    const int state = zoo_state(m_handle);
                    return state == ZOO_CONNECTED_STATE || state == ZOO_AUTH_FAILED_STATE;
                },
                SessionTimeoutMs);
            if (settled && zoo_state(m_handle) == ZOO_CONNECTED_STATE)
                return true;
            if (!settled || !m_callbacks || login == MaxLogins)
                break;
            qWarning("ZooKeeper refused the writer's SASL login (attempt %d of %d); again", login,
                     MaxLogins);
            zookeeper_close(m_handle);
            openSaslSession();
        }
        m_lastError = "no session within " + QByteArray::number(SessionTimeoutMs) + " ms, state "
            + stateName();
        return false;
    }
    /// The handle's state, named (the client fails a SASL login without a log line).
    QByteArray stateName() const
    {
        if (!m_handle)
            return "no handle";
        const int state = zoo_state(m_handle);
        if (state == ZOO_AUTH_FAILED_STATE)
            return "auth failed";
        if (state == ZOO_CONNECTING_STATE)
            return "connecting";
        if (state == ZOO_ASSOCIATING_STATE)
            return "associating (login under way)";
        if (state == ZOO_EXPIRED_SESSION_STATE)
            return "session expired";
        return QByteArray::number(state);
    }

    std::unique_ptr<zookeeperdiscovery::SaslCallbacks> m_callbacks; ///< outlives m_handle
    QByteArray m_connectionString; ///< for a new SASL login
    zhandle_t *m_handle = nullptr;
    ACL_vector *m_acl;
    QByteArray m_lastError;
};

/// A Curator ServiceInstance registration (config.md §4) of a plain instance on 127.0.0.1.
inline QByteArray curatorJson(quint16 port, bool enabled = true)
{
    const QJsonObject instance {
        {QStringLiteral("name"), QStringLiteral("thingworx-http")},
        {QStringLiteral("address"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("port"), port},
        {QStringLiteral("sslPort"), QJsonValue()},
        {QStringLiteral("payload"),
         QJsonObject {{QStringLiteral("@class"), QStringLiteral("x.Payload")}}},
        {QStringLiteral("serviceType"), QStringLiteral("DYNAMIC")},
        {QStringLiteral("enabled"), enabled},
    };
    return QJsonDocument(instance).toJson(QJsonDocument::Compact);
}

} // namespace cx::test
