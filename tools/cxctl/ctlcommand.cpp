#include "ctlcommand.h"

#include "output.h"
#include "statustable.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace cx::ctl {

namespace {

constexpr int ReplyTimeoutMs = 10000;

} // namespace

CtlCommand::CtlCommand(Kind kind, QString socketName, bool json, QObject *parent)
    : QObject(parent)
    , m_kind(kind)
    , m_socketName(std::move(socketName))
    , m_json(json)
{
    connect(&m_client, &status::StatusClient::connected, this, &CtlCommand::onConnected);
    connect(&m_client, &status::StatusClient::replyReceived, this, &CtlCommand::onReply);
    connect(&m_client, &status::StatusClient::failed, this, &CtlCommand::onFailed);
    connect(&m_client, &status::StatusClient::disconnected, this, [this] {
        onFailed(status::StatusClient::Failure::NotRunning,
                 u"cxserver closed the status socket %1"_s.arg(m_socketName));
    });
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(ReplyTimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(ExitUnreachable,
             u"cxserver did not answer on %1 within %2 s"_s.arg(m_socketName)
                 .arg(ReplyTimeoutMs / 1000));
    });
}

void CtlCommand::start()
{
    m_timeout.start();
    m_client.connectToService(m_socketName);
}

void CtlCommand::onConnected()
{
    switch (m_kind) {
    case Kind::Status:
        m_client.send({{u"op"_s, u"status"_s}});
        break;
    case Kind::Reload:
        m_client.send({{u"op"_s, u"reload"_s}});
        break;
    }
}

void CtlCommand::onReply(const QJsonObject &reply)
{
    if (m_done)
        return;
    if (reply.contains(u"error"_s) && !reply.contains(u"ok"_s)) {
        fail(ExitUnreachable,
             u"cxserver refused the request: "_s + reply.value(u"error"_s).toString());
        return;
    }
    if (m_kind == Kind::Reload) {
        const auto list = [&](const QString &key) {
            QStringList items;
            for (const QJsonValue &v : reply.value(key).toArray())
                items.append(v.toString());
            return items;
        };
        if (!reply.value(u"ok"_s).toBool()) {
            QString text = u"reload rejected: "_s + reply.value(u"error"_s).toString() + u'\n';
            for (const QString &error : list(u"errors"_s))
                text += u"  "_s + error + u'\n';
            print(stderr, text);
            m_done = true;
            Q_EMIT finished(ExitFailed);
            return;
        }
        const QStringList applied = list(u"applied"_s);
        const QStringList restart = list(u"restartNeeded"_s);
        QString text = applied.isEmpty() ? u"reload applied: nothing changed\n"_s
                                         : u"reload applied: "_s + applied.join(u", "_s) + u'\n';
        if (!restart.isEmpty())
            text += u"restart needed for: "_s + restart.join(u", "_s)
                + u" (the running values stay until then)\n"_s;
        print(stdout, text);
        m_done = true;
        Q_EMIT finished(ExitOk);
        return;
    }
    showStatus(reply);
}

void CtlCommand::showStatus(const QJsonObject &reply)
{
    if (m_json) {
        print(stdout, QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Indented)));
        m_done = true;
        Q_EMIT finished(ExitOk);
        return;
    }
    const auto status = status::StatusSnapshot::fromJson(reply);
    if (!status) {
        fail(ExitUnreachable, status.error().message);
        return;
    }
    print(stdout, renderStatusTable(status.value()));
    m_done = true;
    Q_EMIT finished(ExitOk);
}

void CtlCommand::onFailed(status::StatusClient::Failure failure, const QString &message)
{
    if (m_done)
        return;
    Q_UNUSED(failure); // every kind of failure means the service could not be used
    fail(ExitUnreachable, message);
}

void CtlCommand::fail(int exitCode, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    print(stderr, u"cxctl: "_s + message + u'\n');
    Q_EMIT finished(exitCode);
}

} // namespace cx::ctl
