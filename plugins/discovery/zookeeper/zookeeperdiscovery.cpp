#include "zookeeperdiscovery.h"

#include "serviceinstance.h"

#include <QLoggingCategory>
#include <QMetaObject>
#include <cerrno>
#include <cstring>
#include <utility>
#include <zookeeper/zookeeper.h>

namespace cx::zookeeperdiscovery {

Q_LOGGING_CATEGORY(lcZooKeeper, "cx.discovery.zookeeper")
// The C client's own messages (connection attempts, retries): debug only, our own lines
// say what matters once.
Q_LOGGING_CATEGORY(lcClient, "cx.discovery.zookeeper.client", QtWarningMsg)

namespace {

constexpr int InitRetryMs = 2000;

QString describe(int rc)
{
    return QString::fromUtf8(zerror(rc));
}

} // namespace

ZooKeeperDiscovery::ZooKeeperDiscovery(Settings settings, QObject *parent)
    : DiscoveryBackend(parent)
    , m_settings(std::move(settings))
{
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setInterval(InitRetryMs);
    connect(&m_retryTimer, &QTimer::timeout, this, &ZooKeeperDiscovery::openSession);
}

ZooKeeperDiscovery::~ZooKeeperDiscovery()
{
    closeSession();
}

void ZooKeeperDiscovery::start()
{
    qCInfo(lcZooKeeper).noquote() << "discovering platform instances in ZooKeeper"
                                  << m_settings.connectionString << "under"
                                  << m_settings.servicePath;
    openSession();
}

plugin::Membership ZooKeeperDiscovery::instances() const
{
    return m_instances;
}

plugin::DiscoveryBackend::State ZooKeeperDiscovery::state() const
{
    return m_state;
}

void ZooKeeperDiscovery::openSession()
{
    m_session = std::make_unique<Session>(Session {this, ++m_generation});
    setState(State::Connecting);
    // zookeeper_init2 does not wait for the connection: the session events report it.
    m_handle
        = zookeeper_init2(m_settings.connectionString.constData(), &onWatch,
                          m_settings.sessionTimeoutMs, nullptr, m_session.get(), 0, &onClientLog);
    if (!m_handle) {
        if (!m_initFailureReported)
            qCWarning(lcZooKeeper).noquote()
                << "cannot create a ZooKeeper client for" << m_settings.connectionString << ":"
                << QString::fromLocal8Bit(std::strerror(errno)) << "; retrying every" << InitRetryMs
                << "ms";
        m_initFailureReported = true;
        m_session.reset();
        setState(State::Disconnected);
        m_retryTimer.start();
        return;
    }
    m_initFailureReported = false;
    // The client keeps the credentials and sends them first on every (re)connection of
    // this session, before any request. SASL (discovery.sasl-enabled) would be set up here
    // with zookeeper_init_sasl(); the C client Debian ships is built without SASL, so the
    // configuration validation rejects it before a backend is created.
    if (!m_settings.authScheme.isEmpty()) {
        const int rc = zoo_add_auth(
            m_handle, m_settings.authScheme.constData(), m_settings.authCredentials.constData(),
            int(m_settings.authCredentials.size()), &onAuth, m_session.get());
        if (rc != ZOK)
            qCWarning(lcZooKeeper).noquote()
                << "cannot register the discovery.auth credentials"
                << "(scheme" << m_settings.authScheme << "):" << describe(rc);
    }
}

void ZooKeeperDiscovery::closeSession()
{
    m_retryTimer.stop();
    if (m_handle) {
        // Completes every pending call (ZCLOSING) and joins the client's threads: no
        // callback uses m_session after this.
        zookeeper_close(m_handle);
        m_handle = nullptr;
    }
    m_session.reset();
    for (Node &node : m_nodes) // their reads were answered ZCLOSING, to a closed generation
        node.pending = false;
}

void ZooKeeperDiscovery::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ZooKeeperDiscovery::onWatch(zhandle_t *, int type, int state, const char *path, void *context)
{
    const auto *session = static_cast<const Session *>(context);
    ZooKeeperDiscovery *owner = session->owner;
    const quint64 generation = session->generation;
    QByteArray pathCopy(path);
    QMetaObject::invokeMethod(
        owner,
        [owner, generation, type, state, pathCopy = std::move(pathCopy)] {
            owner->handleWatch(generation, type, state, pathCopy);
        },
        Qt::QueuedConnection);
}

void ZooKeeperDiscovery::onChildren(int rc, const String_vector *children, const void *data)
{
    const auto *session = static_cast<const Session *>(data);
    ZooKeeperDiscovery *owner = session->owner;
    const quint64 generation = session->generation;
    QStringList names;
    if (rc == ZOK && children) {
        names.reserve(children->count);
        for (int i = 0; i < children->count; ++i)
            names.append(QString::fromUtf8(children->data[i]));
    }
    QMetaObject::invokeMethod(
        owner,
        [owner, generation, rc, names = std::move(names)] {
            owner->handleChildren(generation, rc, names);
        },
        Qt::QueuedConnection);
}

void ZooKeeperDiscovery::onData(int rc, const char *value, int length, const Stat *,
                                const void *data)
{
    const std::unique_ptr<const Read> read(static_cast<const Read *>(data));
    ZooKeeperDiscovery *owner = read->session->owner;
    const quint64 generation = read->session->generation;
    std::optional<QByteArray> bytes;
    if (rc == ZOK)
        bytes = value && length > 0 ? QByteArray(value, length) : QByteArray();
    QMetaObject::invokeMethod(
        owner,
        [owner, generation, node = read->node, rc, bytes = std::move(bytes)] {
            owner->handleData(generation, node, rc, bytes);
        },
        Qt::QueuedConnection);
}

void ZooKeeperDiscovery::onExists(int rc, const Stat *, const void *data)
{
    const auto *session = static_cast<const Session *>(data);
    ZooKeeperDiscovery *owner = session->owner;
    const quint64 generation = session->generation;
    // The path appeared between the listing and this watch: list again.
    if (rc == ZOK)
        QMetaObject::invokeMethod(
            owner,
            [owner, generation] {
                if (generation == owner->m_generation)
                    owner->listChildren();
            },
            Qt::QueuedConnection);
}

void ZooKeeperDiscovery::onAuth(int rc, const void *data)
{
    const auto *session = static_cast<const Session *>(data);
    ZooKeeperDiscovery *owner = session->owner;
    if (rc != ZOK && rc != ZCLOSING)
        QMetaObject::invokeMethod(
            owner,
            [owner, rc] {
                qCCritical(lcZooKeeper).noquote()
                    << "ZooKeeper rejected the discovery.auth credentials (scheme"
                    << owner->m_settings.authScheme << "):" << describe(rc);
            },
            Qt::QueuedConnection);
}

void ZooKeeperDiscovery::onClientLog(const char *message)
{
    qCDebug(lcClient).noquote() << message;
}

void ZooKeeperDiscovery::handleWatch(quint64 generation, int type, int state,
                                     const QByteArray &path)
{
    if (generation != m_generation)
        return;
    if (type == ZOO_SESSION_EVENT) {
        handleSessionEvent(state);
    } else if (path == m_settings.servicePath) {
        // children changed, or the service path was created or deleted
        if (type != ZOO_NOTWATCHING_EVENT)
            listChildren();
    } else if (type == ZOO_CHANGED_EVENT) {
        readNode(QString::fromUtf8(path.mid(m_settings.servicePath.size() + 1)));
    }
    // A deleted child shows in the children watch as well.
}

void ZooKeeperDiscovery::handleSessionEvent(int state)
{
    if (state == ZOO_CONNECTED_STATE) {
        qCInfo(lcZooKeeper) << "connected to ZooKeeper";
        setState(State::Connected);
        // Also after a reconnection within the session: a listing or read that failed with
        // the connection is made again (the client does not register a watch twice).
        listChildren();
    } else if (state == ZOO_CONNECTING_STATE) {
        if (m_state == State::Connected)
            qCWarning(lcZooKeeper) << "lost the connection to ZooKeeper; routing to the"
                                   << m_instances.size() << "known instances meanwhile";
        setState(State::Disconnected);
    } else if (state == ZOO_EXPIRED_SESSION_STATE) {
        qCWarning(lcZooKeeper) << "the ZooKeeper session expired; opening a new session and "
                                  "listing the instances again";
        closeSession();
        openSession();
    } else if (state == ZOO_AUTH_FAILED_STATE) {
        qCCritical(lcZooKeeper).noquote()
            << "ZooKeeper refused the authentication (discovery.auth.scheme"
            << m_settings.authScheme << "); check discovery.auth.credentials";
        setState(State::Disconnected);
    }
}

void ZooKeeperDiscovery::listChildren()
{
    const int rc = zoo_awget_children(m_handle, m_settings.servicePath.constData(), &onWatch,
                                      m_session.get(), &onChildren, m_session.get());
    if (rc != ZOK) // the next connected event lists again
        qCDebug(lcZooKeeper) << "cannot list" << m_settings.servicePath << ":" << describe(rc);
}

void ZooKeeperDiscovery::handleChildren(quint64 generation, int rc, const QStringList &children)
{
    if (generation != m_generation)
        return;
    if (rc == ZNONODE) {
        if (!m_missingReported)
            qCWarning(lcZooKeeper).noquote()
                << m_settings.servicePath
                << "does not exist in ZooKeeper: no platform instance is registered";
        m_missingReported = true;
        m_nodes.clear();
        m_listed = true;
        const int existsRc = zoo_awexists(m_handle, m_settings.servicePath.constData(), &onWatch,
                                          m_session.get(), &onExists, m_session.get());
        if (existsRc != ZOK)
            qCDebug(lcZooKeeper) << "cannot watch" << m_settings.servicePath << ":"
                                 << describe(existsRc);
        publishIfComplete();
        return;
    }
    if (rc == ZNOAUTH) {
        reportNoAuth(m_settings.servicePath);
        return;
    }
    if (rc != ZOK) { // connection loss or closing: listed again when connected
        qCDebug(lcZooKeeper) << "listing" << m_settings.servicePath << "failed:" << describe(rc);
        return;
    }
    m_missingReported = false;
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        if (children.contains(it.key()))
            ++it;
        else
            it = m_nodes.erase(it);
    }
    for (const QString &child : children) {
        const Node &node = m_nodes[child];
        if (node.readIn != m_generation && !node.pending)
            readNode(child);
    }
    m_listed = true;
    publishIfComplete();
}

void ZooKeeperDiscovery::readNode(const QString &name)
{
    const auto it = m_nodes.find(name);
    if (it == m_nodes.end())
        return;
    auto read = std::make_unique<Read>(Read {m_session.get(), name});
    const QByteArray path = m_settings.servicePath + '/' + name.toUtf8();
    const int rc
        = zoo_awget(m_handle, path.constData(), &onWatch, m_session.get(), &onData, read.get());
    if (rc != ZOK) { // read again when listed again after the reconnection
        qCDebug(lcZooKeeper) << "cannot read" << path << ":" << describe(rc);
        return;
    }
    read.release(); // onData owns it now
    it->pending = true;
}

void ZooKeeperDiscovery::handleData(quint64 generation, const QString &name, int rc,
                                    const std::optional<QByteArray> &data)
{
    if (generation != m_generation)
        return;
    const auto it = m_nodes.find(name);
    if (it == m_nodes.end())
        return;
    it->pending = false;
    if (rc == ZNONODE) {
        m_nodes.erase(it);
    } else if (rc == ZNOAUTH) {
        reportNoAuth(m_settings.servicePath + '/' + name.toUtf8());
    } else if (rc == ZOK) {
        it->readIn = generation;
        Result<std::optional<plugin::PlatformInstance>> parsed
            = parseServiceInstance(name, *data, m_settings.tls);
        if (parsed) {
            it->instance = std::move(parsed).value();
            if (!it->instance)
                qCDebug(lcZooKeeper) << "instance" << name << "is registered as disabled";
        } else {
            if (!it->warned)
                qCWarning(lcZooKeeper).noquote()
                    << "skipping the registration" << m_settings.servicePath + '/' + name.toUtf8()
                    << ":" << parsed.error().message;
            it->warned = true;
            it->instance.reset();
        }
    } else {
        qCDebug(lcZooKeeper) << "reading" << name << "failed:" << describe(rc);
    }
    publishIfComplete();
}

void ZooKeeperDiscovery::reportNoAuth(const QByteArray &path)
{
    if (m_noAuthReported)
        return;
    m_noAuthReported = true;
    if (m_settings.authScheme.isEmpty())
        qCCritical(lcZooKeeper).noquote()
            << "ZooKeeper denies reading" << path
            << "(NOAUTH): the node has an ACL; set discovery.auth.scheme and "
               "discovery.auth.credentials";
    else
        qCCritical(lcZooKeeper).noquote()
            << "ZooKeeper denies reading" << path << "(NOAUTH) with the discovery.auth"
            << "credentials of scheme" << m_settings.authScheme
            << ": the credentials are wrong or lack the READ permission";
}

void ZooKeeperDiscovery::publishIfComplete()
{
    if (!m_listed)
        return;
    plugin::Membership instances;
    for (const Node &node : std::as_const(m_nodes)) {
        if (node.pending)
            return;
        if (node.instance)
            instances.append(*node.instance);
    }
    if (instances == m_instances)
        return;
    m_instances = std::move(instances);
    QStringList ids;
    for (const plugin::PlatformInstance &instance : std::as_const(m_instances))
        ids.append(instance.id + u'=' + instance.address + u':' + QString::number(instance.port));
    qCInfo(lcZooKeeper).noquote() << "membership:" << m_instances.size() << "instance(s)"
                                  << ids.join(u", ");
    Q_EMIT instancesChanged(m_instances);
}

} // namespace cx::zookeeperdiscovery
