#pragma once

#include "command.h"

#include <QList>
#include <QString>
#include <utility>

namespace cx::test {

/// Options for running the cxserver command line in tests: the system environment without
/// the variables that choose a config file or a key source (CXSERVER_CONFIG,
/// CXSERVER_KEY_FILE, CREDENTIALS_DIRECTORY), plus `extra`.
RunOptions cliOptions(const QList<std::pair<QString, QString>> &extra = {});

/// Runs the built cxserver with args to completion.
CommandResult runCxserver(const QStringList &args, const RunOptions &options = cliOptions());

/// The bytes of a file; empty when it cannot be read.
QByteArray readFile(const QString &path);

} // namespace cx::test
