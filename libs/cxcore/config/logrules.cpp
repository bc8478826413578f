#include "logrules.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cx::config {

namespace {

/// Qt's message types in order of severity, as filter rules name them.
const QStringList &qtTypes()
{
    static const QStringList types {u"debug"_s, u"info"_s, u"warning"_s, u"critical"_s};
    return types;
}

/// The filter lines that set pattern to level.
QString linesFor(const QString &pattern, const QString &level)
{
    const qsizetype threshold = level == u"off" ? qtTypes().size() : qtTypes().indexOf(level);
    QString lines;
    for (qsizetype i = 0; i < qtTypes().size(); ++i)
        lines += pattern + u'.' + qtTypes().at(i) + (i >= threshold ? u"=true\n"_s : u"=false\n"_s);
    return lines;
}

} // namespace

const QStringList &logLevelNames()
{
    static const QStringList names {u"debug"_s, u"info"_s, u"warning"_s, u"critical"_s, u"off"_s};
    return names;
}

QString logRuleProblem(const QString &rule)
{
    static const QRegularExpression category(
        u"^(\\*|[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*(\\.\\*)?)$"_s);
    const qsizetype equals = rule.indexOf(u'=');
    if (equals < 0)
        return u"is not CATEGORY=LEVEL"_s;
    const QString name = rule.left(equals).trimmed();
    const QString level = rule.mid(equals + 1).trimmed();
    if (!category.match(name).hasMatch())
        return u"does not name a category such as cx.worker or cx.discovery.*"_s;
    if (!logLevelNames().contains(level))
        return u"has an unknown level; expected one of "_s + logLevelNames().join(u", "_s);
    return {};
}

QString loggingFilterRules(const QString &level, const QStringList &rules)
{
    // cx.lifecycle (start, ready, reload, stop) shows whatever the level, unless a rule
    // names it.
    QString filter = linesFor(u"*"_s, level) + u"qt.*.debug=false\n"_s
        + linesFor(u"cx.lifecycle"_s, u"info"_s);
    for (const QString &rule : rules) {
        const qsizetype equals = rule.indexOf(u'=');
        filter += linesFor(rule.left(equals).trimmed(), rule.mid(equals + 1).trimmed());
    }
    return filter;
}

} // namespace cx::config
