#pragma once

#include "tunnelconfig.h"

#include <QCommandLineOption>
#include <QList>

class QCommandLineParser;

namespace cx::tools {
class OptionReader;
}

namespace cx::edgesim {

/// The command-line options of tunnel mode (--tunnel-device, --tunnel-client and theirs);
/// --url, --app-key, --insecure and --ca are shared with the load generator.
QList<QCommandLineOption> tunnelOptions();

/// Whether the command line asks for tunnel mode.
bool isTunnelMode(const QCommandLineParser &parser);

/// The tunnel configuration of a parsed command line in tunnel mode; a usage error goes to
/// \a options (and the result is then meaningless).
TunnelConfig readTunnelConfig(const QCommandLineParser &parser, tools::OptionReader &options);

} // namespace cx::edgesim
