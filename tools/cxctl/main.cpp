// cxctl: status, watch and reload of a running cxserver over its status socket (cli.md).

#include "ctlcommand.h"
#include "signalwatcher.h"
#include "status/socketlist.h"
#include "watchcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

/// The Linux package's socket when it exists, else admin.socket's default.
QString defaultSocket()
{
    const QString packaged = u"/run/cxserver/cxserver.sock"_s;
    return QFileInfo::exists(packaged) ? packaged : u"cxserver"_s;
}

int usageError(const QString &message)
{
    const QByteArray text = "cxctl: " + message.toLocal8Bit() + "\nTry 'cxctl --help' for more.\n";
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    return cx::ctl::ExitFailed;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"cxctl"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CX_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Shows and controls a running cxserver through its status socket.\n"
        "\n"
        "  cxctl [--socket NAME] status [--json]   instances, pipes and edges as a table\n"
        "  cxctl [--socket NAME]... [--sockets-file FILE] [--interval-ms MS] watch\n"
        "                                          one or more cxservers side by side,\n"
        "                                          refreshed until Ctrl-C\n"
        "  cxctl [--socket NAME] reload            re-read cxserver.conf (as SIGHUP does)\n"
        "\n"
        "watch shows, per cxserver, up or \"down since HH:MM:SS\" (it reconnects with a\n"
        "backoff of 0.5 s doubling up to 5 s), its edges, and per instance the state, pipes,\n"
        "in-flight, routed and errors as totals and per second, and the last error; an\n"
        "instance that left the reply stays listed as down for 10 minutes. Below, the last\n"
        "10 events (cxserver up/down, instance added/removed/state changed). On a terminal\n"
        "the screen is redrawn in place; otherwise one plain block per interval.\n"
        "\n"
        "NAME is the service's admin.socket: a bare name or a socket path. Default:\n"
        "/run/cxserver/cxserver.sock when it exists (the Linux package), else \"cxserver\".\n"
        "A bare name is looked for where cxserver puts it for the same user:\n"
        "$XDG_RUNTIME_DIR/NAME, else <tempdir>/cxserver-<uid>/NAME.\n"
        "Exit codes: 0 success, 1 usage error or reload rejected, 2 cxserver not reachable\n"
        "(not running, or access denied: use the service account, its group or root)."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption socketOption(
        u"socket"_s, u"The status socket (admin.socket). watch: repeat it for several."_s,
        u"NAME"_s, defaultSocket());
    const QCommandLineOption socketsFileOption(
        u"sockets-file"_s,
        u"watch: also the sockets listed in FILE, one per line (# starts a comment)."_s, u"FILE"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"status: print the raw JSON object."_s);
    const QCommandLineOption intervalOption(
        u"interval-ms"_s, u"watch: refresh interval (default 1000)."_s, u"MS"_s, u"1000"_s);
    parser.addOptions({socketOption, socketsFileOption, jsonOption, intervalOption});
    parser.addPositionalArgument(u"command"_s, u"status, watch or reload"_s);
    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    if (parser.isSet(u"version"_s))
        parser.showVersion();

    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(u"give one command: status, watch or reload"_s);
    const QString name = args.first();
    enum class Kind { Status, Watch, Reload };
    Kind kind = Kind::Status;
    if (name == u"watch")
        kind = Kind::Watch;
    else if (name == u"reload")
        kind = Kind::Reload;
    else if (name != u"status")
        return usageError(u"unknown command: "_s + name);
    if (parser.isSet(jsonOption) && kind != Kind::Status)
        return usageError(u"--json goes with status"_s);
    bool numeric = false;
    const int interval = parser.value(intervalOption).toInt(&numeric);
    if (!numeric || interval < 100)
        return usageError(u"--interval-ms wants a number of at least 100"_s);

    // Ctrl-C ends watch normally.
    cx::tools::SignalWatcher signals;
    QObject::connect(&signals, &cx::tools::SignalWatcher::terminationRequested, &app,
                     [] { QCoreApplication::exit(cx::ctl::ExitOk); });

    if (kind == Kind::Watch) {
        QStringList sockets;
        if (parser.isSet(socketOption) || !parser.isSet(socketsFileOption))
            sockets = parser.values(socketOption);
        if (parser.isSet(socketsFileOption)) {
            const auto listed = cx::status::readSocketsFile(parser.value(socketsFileOption));
            if (!listed)
                return usageError(listed.error().message);
            sockets += listed.value();
        }
        cx::ctl::WatchCommand watch(cx::status::uniqueSockets(sockets), interval);
        watch.start();
        return QCoreApplication::exec();
    }
    if (parser.isSet(socketsFileOption) || parser.values(socketOption).size() > 1)
        return usageError(name + u" takes one --socket (several go with watch)"_s);
    using OneShot = cx::ctl::CtlCommand::Kind;
    cx::ctl::CtlCommand command(kind == Kind::Reload ? OneShot::Reload : OneShot::Status,
                                parser.value(socketOption), parser.isSet(jsonOption));
    QObject::connect(
        &command, &cx::ctl::CtlCommand::finished, &app,
        [](int exitCode) { QCoreApplication::exit(exitCode); }, Qt::QueuedConnection);
    command.start();
    return QCoreApplication::exec();
}
