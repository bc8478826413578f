#include "zookeeperdiscovery.h"

#include "zookeeperlog.h"

#include <QLoggingCategory>
#include <QMetaObject>
#include <cerrno>
#include <cstring>
#include <utility>
#include <zookeeper/zookeeper.h>

using namespace Qt::StringLiterals;

namespace cx::zookeeperdiscovery {

Q_LOGGING_CATEGORY(lcZooKeeper, "cx.discovery.zookeeper")
// The C client's own messages (connection attempts, retries): debug only, our own lines
// say what matters once.
Q_LOGGING_CATEGORY(lcClient, "cx.discovery.zookeeper.client", QtWarningMsg)

namespace {

constexpr int InitRetryMs = 2000;
constexpr int AuthCheckMs = 250;
/// A refused login is tried again before cxserver stops: ZooKeeper 3.8 may refuse a correct
/// DIGEST-MD5 login. Its server checks every connection's login against one shared "user
/// name" field, so a login made at the same moment as another user's can be checked against
/// that user's password; most often right after the server starts, when every client logs
/// in at once (docs/zookeeper.md). A login accepted before is tried again this many times
/// (after 1, 2 and 4 s: a server restarting), a first one once (after 1 s: wrong
/// credentials are the likelier cause, and the operator waits for the verdict).
constexpr int MaxLoginRetries = 3;
constexpr int MaxFirstLoginRetries = 1;

QString describe(int rc)
{
    return QString::fromUtf8(zerror(rc));
}

} // namespace

ZooKeeperDiscovery::ZooKeeperDiscovery(Settings settings, QObject *parent)
    : DiscoveryBackend(parent)
    , m_settings(std::move(settings))
    , m_policy(m_settings.allowedNetworks)
{
    if (m_settings.sasl) {
        // The callbacks keep the password from here on, for every session of this backend.
        m_saslCallbacks = std::make_unique<SaslCallbacks>(
            m_settings.sasl->username, std::exchange(m_settings.sasl->password, {}));
    }
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ZooKeeperDiscovery::openSession);
    m_authCheck.setInterval(AuthCheckMs);
    connect(&m_authCheck, &QTimer::timeout, this, [this] {
        if (m_handle && zoo_state(m_handle) == ZOO_AUTH_FAILED_STATE)
            failAuthentication();
    });
}

ZooKeeperDiscovery::~ZooKeeperDiscovery()
{
    closeSession();
}

void ZooKeeperDiscovery::start()
{
    qCInfo(lcZooKeeper).noquote() << "discovering platform instances in ZooKeeper"
                                  << m_settings.connectionString << "under"
                                  << m_settings.servicePath
                                  << (m_settings.zooKeeperTls ? "over TLS" : "");
    m_clientConnectionString = m_settings.connectionString;
    if (m_settings.zooKeeperTls) {
        m_tlsBridge
            = new ZooKeeperTlsBridge(*m_settings.zooKeeperTls, m_settings.sessionTimeoutMs, this);
        connect(m_tlsBridge, &ZooKeeperTlsBridge::refused, this, &ZooKeeperDiscovery::failTls);
        const Result<QByteArray> bridged = m_tlsBridge->start(m_settings.connectionString);
        if (!bridged) {
            Q_EMIT failed(bridged.error().message);
            return;
        }
        m_clientConnectionString = *bridged;
    }
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
    // zookeeper_init does not wait for the connection: the session events report it.
    if (m_settings.sasl) {
        // DIGEST-MD5 names the server as ZooKeeper's Java client does ("zk-sasl-md5"), which
        // its server expects; GSSAPI uses the address of the server connected to, which
        // Kerberos canonicalizes into the host of its principal (service-name/HOST@REALM).
        const bool digest = m_settings.sasl->mechanism == "DIGEST-MD5";
        zoo_sasl_params_t params {m_settings.sasl->serviceName.constData(),
                                  digest ? "zk-sasl-md5" : nullptr,
                                  m_settings.sasl->mechanism.constData(), m_saslCallbacks->array()};
        m_handle = zookeeper_init_sasl(m_clientConnectionString.constData(), &onWatch,
                                       m_settings.sessionTimeoutMs, nullptr, m_session.get(), 0,
                                       &onClientLog, &params);
    } else {
        m_handle = zookeeper_init2(m_clientConnectionString.constData(), &onWatch,
                                   m_settings.sessionTimeoutMs, nullptr, m_session.get(), 0,
                                   &onClientLog);
    }
    if (!m_handle) {
        if (!m_initFailureReported)
            qCWarning(lcZooKeeper).noquote()
                << "cannot create a ZooKeeper client for" << m_settings.connectionString << ":"
                << QString::fromLocal8Bit(std::strerror(errno)) << "; retrying every" << InitRetryMs
                << "ms";
        m_initFailureReported = true;
        m_session.reset();
        setState(State::Disconnected);
        m_retryTimer.start(InitRetryMs);
        return;
    }
    m_initFailureReported = false;
    if (m_settings.sasl)
        m_authCheck.start();
    // The client keeps the credentials and sends them first on every (re)connection of
    // this session, before any request (after the SASL exchange, when there is one).
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
    m_authCheck.stop();
    if (m_handle) {
        // Completes every pending call (ZCLOSING) and joins the client's threads: no
        // callback uses m_session after this.
        zookeeper_close(m_handle);
        m_handle = nullptr;
    }
    m_session.reset();
    m_pendingReads = 0;
    for (Node &node : m_nodes) // their reads were answered ZCLOSING, to a closed generation
        node.pendingReads = 0;
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

void ZooKeeperDiscovery::onData(int rc, const char *value, int length, const Stat *stat,
                                const void *data)
{
    const std::unique_ptr<const Read> read(static_cast<const Read *>(data));
    ZooKeeperDiscovery *owner = read->session->owner;
    const quint64 generation = read->session->generation;
    std::optional<QByteArray> bytes;
    if (rc == ZOK)
        bytes = value && length > 0 ? QByteArray(value, length) : QByteArray();
    const qint64 czxid = rc == ZOK && stat ? stat->czxid : 0;
    const qint64 ctime = rc == ZOK && stat ? stat->ctime : 0;
    QMetaObject::invokeMethod(
        owner,
        [owner, generation, node = read->node, rc, bytes = std::move(bytes), czxid, ctime] {
            owner->handleData(generation, node, rc, bytes, czxid, ctime);
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
    } else if (type == ZOO_DELETED_EVENT) {
        // The children watch fires as well. Curator re-registers by deleting and creating
        // the node again, maybe before that listing: it then shows the same name, to be read
        // (and watched) again. Until then the instance stays, so it does not flap.
        const auto it
            = m_nodes.find(QString::fromUtf8(path.mid(m_settings.servicePath.size() + 1)));
        if (it != m_nodes.end())
            it->readIn = 0;
    }
}

void ZooKeeperDiscovery::handleSessionEvent(int state)
{
    if (state == ZOO_CONNECTED_STATE) {
        qCInfo(lcZooKeeper) << "connected to ZooKeeper";
        m_loggedIn = true;
        m_loginRetries = 0;
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
        failAuthentication();
    }
}

void ZooKeeperDiscovery::failTls(const QString &server, const QString &reason)
{
    m_authCheck.stop();
    setState(State::Disconnected);
    Q_EMIT failed(u"TLS to ZooKeeper "_s + server + u" failed: "_s + reason
                  + u"; check discovery.tls.trust-store.file, discovery.tls.key-store.file and "
                    u"the server's name in discovery.connectionString"_s);
}

void ZooKeeperDiscovery::failAuthentication()
{
    m_authCheck.stop();
    setState(State::Disconnected);
    const int retries = m_loggedIn ? MaxLoginRetries : MaxFirstLoginRetries;
    if (m_loginRetries < retries) {
        const int delayMs = 1000 << m_loginRetries++;
        qCWarning(lcZooKeeper).noquote()
            << (m_loggedIn ? "ZooKeeper refused the login it accepted before (a server "
                             "restarting?); trying again in"
                           : "ZooKeeper refused the login (wrong credentials, or a server "
                             "just started?); trying again in")
            << delayMs << "ms, attempt" << m_loginRetries << "of" << retries;
        closeSession(); // a handle whose login failed is done: a new session logs in again
        m_retryTimer.start(delayMs);
        return;
    }
    if (m_settings.sasl) {
        const bool digest = m_settings.sasl->mechanism == "DIGEST-MD5";
        Q_EMIT failed(u"ZooKeeper refused the SASL "_s
                      + QString::fromUtf8(m_settings.sasl->mechanism)
                      + (digest ? u" login: check the username and password of the Client "
                                  u"section of discovery.sasl-jaas-file"_s
                                : u" login: check the principal and keytab of the Client "
                                  u"section of discovery.sasl-jaas-file, and "
                                  u"discovery.sasl.service-name"_s));
    } else {
        Q_EMIT failed(u"ZooKeeper refused the authentication (discovery.auth.scheme "_s
                      + QString::fromUtf8(m_settings.authScheme)
                      + u"): check discovery.auth.credentials"_s);
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
    const QSet<QString> present(children.cbegin(), children.cend());
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        if (present.contains(it.key()))
            ++it;
        else
            it = m_nodes.erase(it);
    }
    for (const QString &child : children) {
        const Node &node = m_nodes[child];
        if (node.readIn != m_generation && node.pendingReads == 0)
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
    ++it->pendingReads;
    ++m_pendingReads;
}

void ZooKeeperDiscovery::handleData(quint64 generation, const QString &name, int rc,
                                    const std::optional<QByteArray> &data, qint64 czxid,
                                    qint64 ctime)
{
    if (generation != m_generation)
        return;
    --m_pendingReads;
    const auto it = m_nodes.find(name);
    if (it == m_nodes.end()) { // gone from a listing meanwhile
        publishIfComplete();
        return;
    }
    --it->pendingReads;
    if (rc == ZNONODE) { // deleted: a listing follows and finds it again if re-created
        m_nodes.erase(it);
    } else if (rc == ZNOAUTH) {
        reportNoAuth(m_settings.servicePath + '/' + name.toUtf8());
    } else if (rc == ZOK) {
        it->readIn = generation;
        Result<Registration> parsed = parseServiceInstance(name, *data, m_settings.tls);
        if (parsed) {
            if (it->registration && it->registration->czxid != czxid)
                qCDebug(lcZooKeeper) << "instance" << name << "was registered again";
            it->registration = std::move(parsed).value();
            it->registration->czxid = czxid;
            it->registration->ctime = ctime;
            if (!it->registration->enabled)
                qCDebug(lcZooKeeper) << "instance" << name << "is registered as disabled";
        } else {
            if (!it->warned)
                qCWarning(lcZooKeeper).noquote()
                    << "skipping the registration" << m_settings.servicePath + '/' + name.toUtf8()
                    << ":" << parsed.error().message;
            it->warned = true;
            it->registration.reset();
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
    if (!m_listed || m_pendingReads > 0)
        return;
    QList<Registration> registrations;
    registrations.reserve(m_nodes.size());
    for (const Node &node : std::as_const(m_nodes)) {
        if (node.registration)
            registrations.append(*node.registration);
    }
    QSet<QString> current;
    current.reserve(m_instances.size());
    for (const plugin::PlatformInstance &instance : std::as_const(m_instances))
        current.insert(instance.id);
    InstanceSelection selection
        = selectInstances(registrations, m_policy, m_settings.maxInstances, current);
    reportSkipped(selection.skipped);
    if (selection.instances == m_instances)
        return;
    m_instances = std::move(selection.instances);
    warnIfClearText();
    QStringList ids;
    for (const plugin::PlatformInstance &instance : std::as_const(m_instances))
        ids.append(instance.id + u'=' + instance.address + u':' + QString::number(instance.port));
    qCInfo(lcZooKeeper).noquote() << "membership:" << m_instances.size() << "instance(s)"
                                  << ids.join(u", ");
    Q_EMIT instancesChanged(m_instances);
}

void ZooKeeperDiscovery::reportSkipped(const QList<SkippedRegistration> &skipped)
{
    QSet<QString> reported; // only the current skips: one that comes back is logged again
    reported.reserve(skipped.size());
    for (const SkippedRegistration &skip : skipped) {
        const QString key = skip.node + u' ' + skip.reason;
        reported.insert(key);
        if (m_reportedSkips.contains(key))
            continue;
        const QByteArray path = m_settings.servicePath + '/' + skip.node.toUtf8();
        if (skip.superseded)
            qCInfo(lcZooKeeper).noquote()
                << "ignoring the registration" << path << ":" << skip.reason;
        else
            qCWarning(lcZooKeeper).noquote()
                << "not dialling the registration" << path << ":" << skip.reason;
    }
    m_reportedSkips = std::move(reported);
}

void ZooKeeperDiscovery::warnIfClearText()
{
    if (m_settings.tls || m_clearTextWarned)
        return;
    for (const plugin::PlatformInstance &instance : std::as_const(m_instances)) {
        if (AddressPolicy::isLoopback(instance.address))
            continue;
        m_clearTextWarned = true;
        qCWarning(lcZooKeeper).noquote()
            << "transport.websockets.service-discovery.tls-enabled is false: the app key "
               "goes in clear text to instance"
            << instance.id << "at" << instance.address
            << "(not a loopback address); enable TLS on the platforms and set it to true";
        return;
    }
}

} // namespace cx::zookeeperdiscovery
