// cxserver's command line (cli.md): runs the service, or one of the configuration commands.

#include "configcommands.h"
#include "runservice.h"

#ifdef Q_OS_WIN
#include "windows/windowsservice.h"
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

int usageError(const QString &message)
{
    const QByteArray text = "cxserver: " + message.toLocal8Bit() + '\n'
        + QCoreApplication::translate("cxserver", "Try 'cxserver --help' for more.").toLocal8Bit()
        + '\n';
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    return cx::server::ExitBadConfiguration;
}

/// The options that say where the data key of encrypted secrets comes from (cli.md).
struct KeyOptions
{
    QCommandLineOption keyFile {
        u"key-file"_s,
        QCoreApplication::translate("cxserver",
                                    "Read the data key of encrypted secrets from KEY "
                                    "(base64 text, readable by its owner only)."),
        u"KEY"_s};
    QCommandLineOption keychain {
        u"keychain"_s,
        QCoreApplication::translate("cxserver",
                                    "Read the data key from the OS keychain (service "
                                    "cxserver, entry: the config file's absolute path).")};

    cx::secrets::KeySourceOptions read(const QCommandLineParser &parser,
                                       const QString &configPath) const
    {
        return {parser.value(keyFile), parser.isSet(keychain), configPath};
    }
};

/// `config encrypt|decrypt|rotate-key|new-key ...`: args are everything after the
/// subcommand, options included.
int runSecretsCommand(const QString &subcommand, const QStringList &args)
{
    const KeyOptions keyOptions;
    const QCommandLineOption newKeyFile(
        u"new-key-file"_s, QCoreApplication::translate("cxserver", "rotate-key: the new key."),
        u"NEW"_s);
    QCommandLineParser parser;
    parser.addOptions({keyOptions.keyFile, keyOptions.keychain});
    if (subcommand == u"rotate-key")
        parser.addOption(newKeyFile);
    if (!parser.parse(QStringList {u"cxserver config "_s + subcommand} + args))
        return usageError(parser.errorText());
    const QStringList files = parser.positionalArguments();
    const QString file = files.value(0);
    const cx::secrets::KeySourceOptions keys = keyOptions.read(parser, file);

    if (subcommand == u"new-key") {
        if (parser.isSet(keyOptions.keyFile) == parser.isSet(keyOptions.keychain)
            || files.size() != (parser.isSet(keyOptions.keychain) ? 1 : 0))
            return usageError(QCoreApplication::translate(
                "cxserver",
                "usage: config new-key --key-file KEY, or config new-key --keychain FILE"));
        return cx::server::newKey(keys);
    }
    if (files.size() != 1)
        return usageError(QCoreApplication::translate(
                              "cxserver", "usage: config %1 FILE [--key-file KEY | --keychain]")
                              .arg(subcommand)
                          + (subcommand == u"rotate-key" ? u" --new-key-file NEW"_s : QString()));
    if (subcommand == u"encrypt")
        return cx::server::encryptConfig(file, keys);
    if (subcommand == u"decrypt")
        return cx::server::decryptConfig(file, keys);
    if (!parser.isSet(newKeyFile))
        return usageError(
            QCoreApplication::translate("cxserver", "config rotate-key needs --new-key-file NEW"));
    return cx::server::rotateConfigKey(file, keys, parser.value(newKeyFile));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"cxserver"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CX_VERSION));
    // Messages for the user follow the system locale (translations/cxserver_*.ts); log
    // lines stay English.
    QTranslator translator;
    if (translator.load(QLocale(), u"cxserver"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(&translator);
#ifdef Q_OS_WIN
    // The Windows service: install|uninstall|start|stop through the SCM, and --service when
    // the SCM runs cxserver (the command line that install registers).
    if (const std::optional<int> exitCode
        = cx::service::windows::runServiceCommand(QCoreApplication::arguments()))
        return *exitCode;
    cx::service::windows::ServiceSession scmSession;
    QStringList arguments = QCoreApplication::arguments();
    if (arguments.value(1) == u"--service") {
        arguments.removeAt(1);
        if (!scmSession.begin())
            return cx::server::ExitNoResource;
    }
#else
    const QStringList arguments = QCoreApplication::arguments();
#endif

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cxserver",
        "Connection Server for active-active IoT platform clusters.\n"
        "\n"
        "  cxserver --config FILE                  run the service in the foreground\n"
        "  cxserver --config FILE --check-config   validate FILE: findings on stderr\n"
        "  cxserver --config FILE --dump-config    print FILE and every default as JSON\n"
        "  cxserver config set FILE KEY VALUE      change one value in FILE, in place\n"
        "  cxserver config encrypt|decrypt FILE    encrypt or decrypt FILE's secrets in place\n"
        "  cxserver config rotate-key FILE --new-key-file NEW\n"
        "                                          re-encrypt FILE's secrets under NEW\n"
        "  cxserver config new-key --key-file KEY  write a fresh data key (mode 0400)\n"
        "  cxserver config new-key --keychain FILE store a fresh data key for FILE in the OS\n"
        "                                          keychain\n"
        "\n"
        "The data key of encrypted secrets comes from the first of: --key-file KEY;\n"
        "--keychain; the file named by CXSERVER_KEY_FILE; the systemd credential\n"
        "$CREDENTIALS_DIRECTORY/cxserver.key. Commands take these options after FILE.\n"
        "\n"
        "Without --config, the file named by the environment variable CXSERVER_CONFIG is\n"
        "used. Exit codes: 0 success, 1 bad configuration or usage, 2 a needed resource\n"
        "(the configuration file, a port, a keystore) could not be had."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(
        u"config"_s, QCoreApplication::translate("cxserver", "The configuration file."), u"FILE"_s);
    const QCommandLineOption checkOption(
        u"check-config"_s,
        QCoreApplication::translate("cxserver", "Validate the configuration and exit."));
    const QCommandLineOption dumpOption(
        u"dump-config"_s,
        QCoreApplication::translate(
            "cxserver", "Print the configuration with every default as JSON and exit."));
    const KeyOptions keyOptions;
    parser.addOptions(
        {configOption, checkOption, dumpOption, keyOptions.keyFile, keyOptions.keychain});
    parser.addPositionalArgument(u"command"_s,
                                 u"config set|encrypt|decrypt|rotate-key|new-key ..."_s,
                                 u"[config COMMAND ...]"_s);
    // Everything after "config" is its arguments, so that a VALUE may start with "-".
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(cx::server::ExitSuccess);
    if (parser.isSet(u"version"_s))
        parser.showVersion();

    QStringList command = parser.positionalArguments();
    command.removeOne(u"--"_s); // "config set FILE KEY -- -1" as well as "... KEY -1"
    if (!command.isEmpty()) {
        if (parser.isSet(configOption) || parser.isSet(checkOption) || parser.isSet(dumpOption))
            return usageError(QCoreApplication::translate(
                "cxserver", "--config, --check-config and --dump-config do not go with a command"));
        if (parser.isSet(keyOptions.keyFile) || parser.isSet(keyOptions.keychain))
            return usageError(
                QCoreApplication::translate("cxserver",
                                            "--key-file and --keychain go after the command: "
                                            "config COMMAND FILE --key-file KEY"));
        static const QStringList secretsCommands {u"encrypt"_s, u"decrypt"_s, u"rotate-key"_s,
                                                  u"new-key"_s};
        if (command.size() >= 2 && command.at(0) == u"config"
            && secretsCommands.contains(command.at(1)))
            return runSecretsCommand(command.at(1), command.mid(2));
        if (command.size() != 5 || command.at(0) != u"config" || command.at(1) != u"set")
            return usageError(QCoreApplication::translate("cxserver", "unknown command: %1")
                                  .arg(command.join(u' ')));
        return cx::server::setConfigValue(command.at(2), command.at(3), command.at(4));
    }

    QString configPath = parser.value(configOption);
    if (configPath.isEmpty())
        configPath = qEnvironmentVariable("CXSERVER_CONFIG");
    if (configPath.isEmpty())
        return usageError(QCoreApplication::translate(
            "cxserver", "no configuration file: use --config FILE or set CXSERVER_CONFIG"));
    if (parser.isSet(checkOption) && parser.isSet(dumpOption))
        return usageError(QCoreApplication::translate(
            "cxserver", "--check-config and --dump-config exclude each other"));
    const cx::secrets::KeySourceOptions keys = keyOptions.read(parser, configPath);
    if (parser.isSet(checkOption))
        return cx::server::checkConfig(configPath, keys);
    if (parser.isSet(dumpOption))
        return cx::server::dumpConfig(configPath, keys);

    cx::server::ConfigLoad load = cx::server::loadConfigFile(configPath, keys);
    if (!load.loaded)
        return load.exitCode;
#ifdef Q_OS_WIN
    return scmSession.finish(runService(std::move(*load.loaded), configPath, keys));
#else
    return runService(std::move(*load.loaded), configPath, keys);
#endif
}
