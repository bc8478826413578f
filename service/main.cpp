// cxserver's command line (cli.md): runs the service, or one of the configuration commands.

#include "configcommands.h"
#include "runservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

int usageError(const QString &message)
{
    const QByteArray text
        = "cxserver: " + message.toLocal8Bit() + "\nTry 'cxserver --help' for more.\n";
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    return cx::server::ExitBadConfiguration;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"cxserver"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CX_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Connection Server for active-active IoT platform clusters.\n"
        "\n"
        "  cxserver --config FILE                  run the service in the foreground\n"
        "  cxserver --config FILE --check-config   validate FILE: findings on stderr\n"
        "  cxserver --config FILE --dump-config    print FILE and every default as JSON\n"
        "  cxserver config set FILE KEY VALUE      change one value in FILE, in place\n"
        "\n"
        "Without --config, the file named by the environment variable CXSERVER_CONFIG is\n"
        "used. Exit codes: 0 success, 1 bad configuration or usage, 2 a needed resource\n"
        "(the configuration file, a port, a keystore) could not be had."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(u"config"_s, u"The configuration file."_s, u"FILE"_s);
    const QCommandLineOption checkOption(u"check-config"_s,
                                         u"Validate the configuration and exit."_s);
    const QCommandLineOption dumpOption(
        u"dump-config"_s, u"Print the configuration with every default as JSON and exit."_s);
    parser.addOptions({configOption, checkOption, dumpOption});
    parser.addPositionalArgument(u"command"_s, u"config set FILE KEY VALUE"_s,
                                 u"[config set FILE KEY VALUE]"_s);
    // Everything after "config" is its arguments, so that a VALUE may start with "-".
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(cx::server::ExitSuccess);
    if (parser.isSet(u"version"_s))
        parser.showVersion();

    QStringList command = parser.positionalArguments();
    command.removeOne(u"--"_s); // "config set FILE KEY -- -1" as well as "... KEY -1"
    if (!command.isEmpty()) {
        if (parser.isSet(configOption) || parser.isSet(checkOption) || parser.isSet(dumpOption))
            return usageError(u"--config, --check-config and --dump-config do not go with a "
                              "command"_s);
        if (command.size() != 5 || command.at(0) != u"config" || command.at(1) != u"set")
            return usageError(u"unknown command: "_s + command.join(u' '));
        return cx::server::setConfigValue(command.at(2), command.at(3), command.at(4));
    }

    QString configPath = parser.value(configOption);
    if (configPath.isEmpty())
        configPath = qEnvironmentVariable("CXSERVER_CONFIG");
    if (configPath.isEmpty())
        return usageError(u"no configuration file: use --config FILE or set CXSERVER_CONFIG"_s);
    if (parser.isSet(checkOption) && parser.isSet(dumpOption))
        return usageError(u"--check-config and --dump-config exclude each other"_s);
    if (parser.isSet(checkOption))
        return cx::server::checkConfig(configPath);
    if (parser.isSet(dumpOption))
        return cx::server::dumpConfig(configPath);

    const cx::server::ConfigLoad load = cx::server::loadConfigFile(configPath);
    if (!load.loaded)
        return load.exitCode;
    return runService(load.loaded->config, configPath);
}
