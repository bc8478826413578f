#pragma once

#include <QCommandLineParser>
#include <QString>

namespace cx::tools {

/// Reads numeric option values from a parsed command line with range checks. The first
/// error is kept (later reads return their default); a tool checks ok() once after reading
/// all its options and exits 1 with error().
class OptionReader
{
public:
    explicit OptionReader(const QCommandLineParser &parser)
        : m_parser(parser)
    { }

    /// The integer value of option \a name in [min, max], or \a fallback when it is absent.
    qint64 integer(const QString &name, qint64 fallback, qint64 min, qint64 max);
    /// The decimal value of option \a name in [min, max], or \a fallback when it is absent.
    double real(const QString &name, double fallback, double min, double max);
    /// Records a usage error found by the tool itself (e.g. two options that conflict).
    void fail(const QString &message);

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }

private:
    const QCommandLineParser &m_parser;
    QString m_error;
};

/// Prints "TOOL: message (see --help)" to stderr; returns 1, the usage-error exit code.
int usageError(const char *tool, const QString &message);

/// Parses the process's arguments with \a parser: shows --help (and exits 0), and rejects
/// parse errors and positional arguments. Returns 0 when the tool may go on, else the exit
/// code (1).
int parseToolArguments(QCommandLineParser &parser, const char *tool);

} // namespace cx::tools
