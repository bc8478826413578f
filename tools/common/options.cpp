#include "options.h"

#include <QCoreApplication>
#include <cstdio>

namespace cx::tools {

qint64 OptionReader::integer(const QString &name, qint64 fallback, qint64 min, qint64 max)
{
    if (!ok() || !m_parser.isSet(name))
        return fallback;
    bool parsed = false;
    const qint64 value = m_parser.value(name).toLongLong(&parsed);
    if (!parsed || value < min || value > max) {
        fail(u"--" + name + u" wants an integer from " + QString::number(min) + u" to "
             + QString::number(max) + u", not \"" + m_parser.value(name) + u"\"");
        return fallback;
    }
    return value;
}

double OptionReader::real(const QString &name, double fallback, double min, double max)
{
    if (!ok() || !m_parser.isSet(name))
        return fallback;
    bool parsed = false;
    const double value = m_parser.value(name).toDouble(&parsed);
    if (!parsed || !(value >= min && value <= max)) {
        fail(u"--" + name + u" wants a number from " + QString::number(min) + u" to "
             + QString::number(max) + u", not \"" + m_parser.value(name) + u"\"");
        return fallback;
    }
    return value;
}

void OptionReader::fail(const QString &message)
{
    if (ok())
        m_error = message;
}

int usageError(const char *tool, const QString &message)
{
    std::fprintf(stderr, "%s: %s (see --help)\n", tool, qPrintable(message));
    return 1;
}

int parseToolArguments(QCommandLineParser &parser, const char *tool)
{
    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(tool, parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            tool, QStringLiteral("unexpected argument ") + parser.positionalArguments().first());
    return 0;
}

} // namespace cx::tools
