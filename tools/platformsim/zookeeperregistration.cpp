#include "zookeeperregistration.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <zookeeper/zookeeper.h>

using namespace Qt::StringLiterals;

namespace cx::platformsim {

ZooKeeperRegistration::ZooKeeperRegistration(Settings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
    QByteArray base = m_settings.basePath;
    while (base.endsWith('/'))
        base.chop(1);
    m_path = base + '/' + m_settings.serviceName + '/' + m_settings.id;
    if (!m_path.startsWith('/'))
        m_path.prepend('/');

    const QString name = QString::fromUtf8(m_settings.serviceName);
    const QJsonValue port = m_settings.tls ? QJsonValue() : QJsonValue(m_settings.port);
    const QJsonValue sslPort = m_settings.tls ? QJsonValue(m_settings.port) : QJsonValue();
    const QJsonObject instance {
        {u"name"_s, name},
        {u"id"_s, QString::fromUtf8(m_settings.id)},
        {u"address"_s, u"127.0.0.1"_s},
        {u"port"_s, port},
        {u"sslPort"_s, sslPort},
        {u"payload"_s, QJsonValue()},
        {u"registrationTimeUTC"_s, QDateTime::currentMSecsSinceEpoch()},
        {u"serviceType"_s, u"DYNAMIC"_s},
        {u"uriSpec"_s, QJsonValue()},
        {u"enabled"_s, true},
    };
    m_data = QJsonDocument(instance).toJson(QJsonDocument::Compact);
}

ZooKeeperRegistration::~ZooKeeperRegistration()
{
    closeSession();
}

void ZooKeeperRegistration::start()
{
    openSession();
}

template<typename Handler> void ZooKeeperRegistration::post(const void *data, Handler handler)
{
    const auto *session = static_cast<const Session *>(data);
    ZooKeeperRegistration *owner = session->owner;
    const quint64 generation = session->generation;
    QMetaObject::invokeMethod(
        owner,
        [owner, generation, handler] {
            if (generation == owner->m_generation)
                handler(owner);
        },
        Qt::QueuedConnection);
}

void ZooKeeperRegistration::onWatch(_zhandle *, int type, int state, const char *, void *context)
{
    if (type == ZOO_SESSION_EVENT)
        post(context, [state](ZooKeeperRegistration *owner) { owner->handleSessionState(state); });
}

void ZooKeeperRegistration::onParentCreated(int rc, const char *, const void *data)
{
    if (rc != ZOK && rc != ZNODEEXISTS && rc != ZCLOSING)
        post(data, [rc](ZooKeeperRegistration *owner) {
            Q_EMIT owner->failed(u"cannot create the parents of "_s
                                 + QString::fromUtf8(owner->m_path) + u": "_s
                                 + QString::fromUtf8(zerror(rc)));
        });
}

void ZooKeeperRegistration::onCreated(int rc, const char *, const void *data)
{
    post(data, [rc](ZooKeeperRegistration *owner) { owner->handleCreated(rc); });
}

void ZooKeeperRegistration::onDeleted(int rc, const void *data)
{
    post(data, [rc](ZooKeeperRegistration *owner) {
        if (rc == ZOK || rc == ZNONODE)
            owner->createNode();
        else
            owner->handleCreated(ZNODEEXISTS);
    });
}

void ZooKeeperRegistration::onClientLog(const char *)
{
    // The simulator's output is read by tests and people: the client's chatter stays out.
}

void ZooKeeperRegistration::openSession()
{
    m_session = std::make_unique<Session>(Session {this, ++m_generation});
    m_registering = false;
    m_replaced = false;
    m_handle
        = zookeeper_init2(m_settings.connectionString.constData(), &onWatch,
                          m_settings.sessionTimeoutMs, nullptr, m_session.get(), 0, &onClientLog);
    if (!m_handle)
        Q_EMIT failed(u"cannot create a ZooKeeper client for "_s
                      + QString::fromUtf8(m_settings.connectionString));
}

void ZooKeeperRegistration::closeSession()
{
    if (m_handle) {
        zookeeper_close(m_handle);
        m_handle = nullptr;
    }
    m_session.reset();
}

void ZooKeeperRegistration::handleSessionState(int state)
{
    if (state == ZOO_EXPIRED_SESSION_STATE) {
        closeSession();
        openSession();
    } else if (state == ZOO_CONNECTED_STATE && !m_registering) {
        // Once per session: a reconnection within the session keeps the ephemeral znode.
        m_registering = true;
        // The requests of one session are answered in order: each parent exists (created
        // now or before) when the next request runs.
        for (qsizetype slash = m_path.indexOf('/', 1); slash > 0;
             slash = m_path.indexOf('/', slash + 1)) {
            const QByteArray parent = m_path.left(slash);
            zoo_acreate(m_handle, parent.constData(), nullptr, -1, &ZOO_OPEN_ACL_UNSAFE,
                        ZOO_PERSISTENT, &onParentCreated, m_session.get());
        }
        createNode();
    }
}

void ZooKeeperRegistration::createNode()
{
    zoo_acreate(m_handle, m_path.constData(), m_data.constData(), int(m_data.size()),
                &ZOO_OPEN_ACL_UNSAFE, ZOO_EPHEMERAL, &onCreated, m_session.get());
}

void ZooKeeperRegistration::handleCreated(int rc)
{
    if (rc == ZOK) {
        Q_EMIT registered();
    } else if (rc == ZNODEEXISTS && !m_replaced) {
        // A znode of the same id left by an earlier run whose session has not expired yet:
        // replace it, as Curator does.
        m_replaced = true;
        zoo_adelete(m_handle, m_path.constData(), -1, &onDeleted, m_session.get());
    } else if (rc == ZCONNECTIONLOSS) {
        m_registering = false; // asked again on the reconnection
    } else if (rc != ZCLOSING) {
        Q_EMIT failed(u"cannot register "_s + QString::fromUtf8(m_path) + u": "_s
                      + QString::fromUtf8(zerror(rc)));
    }
}

} // namespace cx::platformsim
