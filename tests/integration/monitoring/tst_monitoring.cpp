// The monitoring shipped in installer/monitoring (docs/monitoring.md): Prometheus alert rules
// and a Grafana dashboard built on GET /metrics (config.md §6). promtool (Debian's prometheus
// package) checks the rules, their unit tests and the example configuration; every metric,
// label and label value the rules and the dashboard name is looked up in the /metrics of a
// real cxserver after real traffic; and a real Prometheus scrapes that cxserver, evaluates
// every query of the dashboard and of the rules, and raises an alert for a platform instance
// that went away.

#include "alwayson/header.h"
#include "command.h"
#include "cxserverprocess.h"
#include "freeport.h"
#include "managedprocess.h"
#include "platformsimprocess.h"
#include "staticcluster.h"
#include "testedge.h"
#include "testpaths.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace cx;
using namespace Qt::StringLiterals;
using alwayson::Code;
using test::CxServerProcess;
using test::PlatformSimProcess;
using test::TestEdge;

namespace {

const QByteArray AppKey = "monitoring-app-key-4711";
constexpr quint32 EdgeId = 7;
/// Labels Prometheus attaches to every scraped series, not in /metrics itself.
const QSet<QString> TargetLabels {u"job"_s, u"instance"_s};

QString monitoringFile(const QString &name)
{
    return test::sourcePath(u"installer/monitoring/"_s + name);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// promtool (or prometheus) from PATH; CI installs Debian's prometheus package.
QString tool(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}

test::CommandResult promtool(const QStringList &args, const QString &workingDirectory = {})
{
    test::RunOptions options;
    options.timeoutMs = 30000;
    options.workingDirectory = workingDirectory;
    return test::runCommand(tool(u"promtool"_s), args, options);
}

/// The PromQL of every `expr:` of a rules file: a plain value, or a folded (`>-`) or literal
/// (`|`) block. Minimal YAML, enough for the shipped file (which the test also runs through
/// promtool, so a shape this misreads would not pass there either).
QStringList ruleExpressions(const QByteArray &yaml)
{
    QStringList expressions;
    const QList<QByteArray> lines = yaml.split('\n');
    static const QRegularExpression exprLine(uR"(^(\s*)(?:-\s+)?expr:\s*(.*)$)"_s);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const auto match = exprLine.match(QString::fromUtf8(lines[i]));
        if (!match.hasMatch())
            continue;
        const qsizetype indent = match.capturedLength(1);
        QString value = match.captured(2).trimmed();
        if (value.startsWith(u'>') || value.startsWith(u'|')) {
            QStringList block;
            while (i + 1 < lines.size()) {
                const QString next = QString::fromUtf8(lines[i + 1]);
                qsizetype nextIndent = 0;
                while (nextIndent < next.size() && next[nextIndent].isSpace())
                    ++nextIndent;
                if (nextIndent < next.size() && nextIndent <= indent)
                    break;
                block << next.trimmed();
                ++i;
            }
            value = block.join(u' ').trimmed();
        } else if ((value.startsWith(u'"') || value.startsWith(u'\'')) && value.size() > 1) {
            value = value.mid(1, value.size() - 2);
        }
        expressions << value;
    }
    return expressions;
}

/// Every panel of a dashboard, rows' nested panels included.
void collectPanels(const QJsonArray &panels, QList<QJsonObject> &out)
{
    for (const QJsonValue &value : panels) {
        const QJsonObject panel = value.toObject();
        out << panel;
        collectPanels(panel.value(u"panels"_s).toArray(), out);
    }
}

struct Target
{
    QString panel;
    QString expr;
    QString legend;
};

QList<Target> dashboardTargets(const QJsonObject &dashboard)
{
    QList<QJsonObject> panels;
    collectPanels(dashboard.value(u"panels"_s).toArray(), panels);
    QList<Target> targets;
    for (const QJsonObject &panel : panels) {
        for (const QJsonValue &target : panel.value(u"targets"_s).toArray()) {
            targets << Target {panel.value(u"title"_s).toString(),
                               target.toObject().value(u"expr"_s).toString(),
                               target.toObject().value(u"legendFormat"_s).toString()};
        }
    }
    return targets;
}

/// What Grafana sends to Prometheus for this expression: its variables replaced.
QString substituteVariables(QString expr, const QString &rangeInterval, const QString &instance)
{
    return expr.replace(u"$__rate_interval"_s, rangeInterval)
        .replace(u"$__range"_s, u"1m"_s)
        .replace(u"$__interval"_s, rangeInterval)
        .replace(u"$job"_s, u"cxserver"_s)
        .replace(u"$instance"_s, instance);
}

struct Matcher
{
    QString label;
    QString op;
    QString value;
};

struct Selector
{
    QString metric;
    QList<Matcher> matchers;
};

/// Every vector selector of a cxserver metric in expr, with its label matchers.
QList<Selector> selectors(const QString &expr)
{
    static const QRegularExpression selector(uR"(\b(cxserver_[a-zA-Z0-9_]+)\s*(?:\{([^}]*)\})?)"_s);
    static const QRegularExpression matcher(
        u"([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\""_s);
    QList<Selector> out;
    for (auto it = selector.globalMatch(expr); it.hasNext();) {
        const auto match = it.next();
        Selector s {match.captured(1), {}};
        for (auto m = matcher.globalMatch(match.captured(2)); m.hasNext();) {
            const auto part = m.next();
            s.matchers << Matcher {part.captured(1), part.captured(2), part.captured(3)};
        }
        out << s;
    }
    return out;
}

/// Label names an expression groups or joins by (`by (…)`, `on (…)`, …) and a legend prints.
QStringList labelNamesUsed(const QString &expr, const QString &legend)
{
    static const QRegularExpression grouping(uR"(\b(?:by|without|on|ignoring)\s*\(([^)]*)\))"_s);
    static const QRegularExpression legendLabel(uR"(\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\})"_s);
    QStringList names;
    for (auto it = grouping.globalMatch(expr); it.hasNext();) {
        for (const QString &name : it.next().captured(1).split(u',', Qt::SkipEmptyParts))
            names << name.trimmed();
    }
    for (auto it = legendLabel.globalMatch(legend); it.hasNext();)
        names << it.next().captured(1);
    return names;
}

using Labels = QHash<QString, QString>;

/// A Prometheus text exposition: the families announced by `# TYPE` and the samples.
struct Exposition
{
    QHash<QString, QString> types; ///< family → counter, gauge, histogram…
    QHash<QString, QList<Labels>> samples; ///< sample name → the label sets of its samples

    static Exposition parse(const QByteArray &text)
    {
        Exposition e;
        for (const QByteArray &raw : text.split('\n')) {
            const QString line = QString::fromUtf8(raw);
            if (line.startsWith(u"# TYPE "_s)) {
                const QStringList parts = line.split(u' ', Qt::SkipEmptyParts);
                if (parts.size() == 4)
                    e.types.insert(parts[2], parts[3]);
                continue;
            }
            if (line.isEmpty() || line.startsWith(u'#'))
                continue;
            qsizetype i = 0;
            while (i < line.size() && line[i] != u'{' && line[i] != u' ')
                ++i;
            const QString name = line.left(i);
            Labels labels;
            if (i < line.size() && line[i] == u'{') {
                ++i;
                while (i < line.size() && line[i] != u'}') {
                    const qsizetype eq = line.indexOf(u'=', i);
                    if (eq < 0 || eq + 1 >= line.size() || line[eq + 1] != u'"')
                        break;
                    const QString key = line.mid(i, eq - i).trimmed();
                    QString value;
                    qsizetype j = eq + 2;
                    for (; j < line.size() && line[j] != u'"'; ++j) {
                        if (line[j] == u'\\' && j + 1 < line.size()) {
                            ++j;
                            value += line[j] == u'n' ? u'\n' : line[j];
                        } else {
                            value += line[j];
                        }
                    }
                    labels.insert(key, value);
                    i = j + 1;
                    if (i < line.size() && line[i] == u',')
                        ++i;
                }
            }
            e.samples[name] << labels;
        }
        return e;
    }

    /// The family a sample name belongs to (histogram series carry a suffix); empty if none.
    QString familyOf(const QString &name) const
    {
        if (types.contains(name))
            return name;
        for (const QString &suffix : {u"_bucket"_s, u"_sum"_s, u"_count"_s}) {
            if (name.endsWith(suffix)) {
                const QString base = name.chopped(suffix.size());
                if (types.value(base) == u"histogram")
                    return base;
            }
        }
        return {};
    }
    /// Label names the samples of this sample name carry.
    QSet<QString> labelNames(const QString &name) const
    {
        QSet<QString> names;
        for (const Labels &labels : samples.value(name))
            for (auto it = labels.cbegin(); it != labels.cend(); ++it)
                names.insert(it.key());
        return names;
    }
};

/// What in \a expr (from \a where) names a metric, a label or a label value that the scrape
/// does not have. Empty when everything exists.
QStringList missingFromScrape(const Exposition &scrape, const QString &where, const QString &expr,
                              const QString &legend = {})
{
    QStringList problems;
    const QList<Selector> used = selectors(expr);
    static const QRegularExpression upSelector(uR"(\bup\{)"_s);
    if (used.isEmpty() && !upSelector.match(expr).hasMatch())
        problems << where + u": names no cxserver metric: "_s + expr;
    QSet<QString> knownLabels = TargetLabels;
    knownLabels << u"exported_instance"_s; // the cxserver's own `instance`, renamed by the scrape
    for (const Selector &s : used) {
        const QString family = scrape.familyOf(s.metric);
        if (family.isEmpty()) {
            problems << where + u": no metric family "_s + s.metric;
            continue;
        }
        const QList<Labels> samples = scrape.samples.value(s.metric);
        if (samples.isEmpty()) {
            problems << where + u": no sample of "_s + s.metric;
            continue;
        }
        const QSet<QString> names = scrape.labelNames(s.metric);
        knownLabels.unite(names);
        for (const Matcher &m : s.matchers) {
            if (TargetLabels.contains(m.label))
                continue;
            const QString label = m.label == u"exported_instance" ? u"instance"_s : m.label;
            if (!names.contains(label)) {
                problems << where + u": "_s + s.metric + u" has no label "_s + label;
                continue;
            }
            bool found = m.op.startsWith(u'!');
            const QRegularExpression regex(QRegularExpression::anchoredPattern(m.value));
            for (const Labels &labels : samples) {
                if ((m.op == u"=" && labels.value(label) == m.value)
                    || (m.op == u"=~" && labels.contains(label)
                        && regex.match(labels.value(label)).hasMatch()))
                    found = true;
            }
            if (!found)
                problems << where + u": no sample "_s + s.metric + u'{' + m.label + m.op + u'"'
                        + m.value + u"\"}"_s;
        }
    }
    for (const QString &name : labelNamesUsed(expr, legend)) {
        if (!knownLabels.contains(name))
            problems << where + u": label "_s + name + u" is on none of its metrics"_s;
    }
    return problems;
}

quint8 codeOf(const std::optional<QByteArray> &message)
{
    return message ? alwayson::parseHeader(*message).header.code : 0;
}

} // namespace

class tst_Monitoring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void alertRulesPassPromtool();
    void exampleConfigurationPassesPromtool();
    void dashboardIsAValidGrafanaDashboard();
    void everyMetricNamedExistsInARealScrape();
    void realPrometheusEvaluatesEveryQueryAndAlerts();

private:
    /// Two simulators, the second never answering, a cxserver with a 300 ms request timeout,
    /// and an edge whose requests were answered both by a platform and with 0xA4.
    void startClusterWithTraffic();

    test::Sims m_sims;
    std::unique_ptr<CxServerProcess> m_server;
    std::unique_ptr<TestEdge> m_edge;
};

void tst_Monitoring::initTestCase()
{
    // Not a skip: CI installs Debian's prometheus package (tools/dev/debian-packages.txt).
    QVERIFY2(!tool(u"promtool"_s).isEmpty(), "promtool not found: apt-get install prometheus");
    QVERIFY2(!tool(u"prometheus"_s).isEmpty(), "prometheus not found: apt-get install prometheus");
}

void tst_Monitoring::cleanup()
{
    m_edge.reset();
    m_server.reset();
    m_sims.clear();
}

void tst_Monitoring::startClusterWithTraffic()
{
    auto answering = std::make_unique<PlatformSimProcess>(u"sim0"_s);
    QVERIFY(answering->start(AppKey));
    auto mute = std::make_unique<PlatformSimProcess>(u"sim1"_s);
    QVERIFY(mute->start(AppKey, {u"--drop-rate"_s, u"1"_s})); // AUTH is still answered
    m_sims.push_back(std::move(answering));
    m_sims.push_back(std::move(mute));
    m_server = test::startStaticServer(
        m_sims, AppKey, u"  transport.websockets.request.default_timeout-ms = 300\n"_s);
    QVERIFY(m_server);
    m_edge = std::make_unique<TestEdge>();
    QVERIFY(m_edge->open(m_server->edgeUrl()));
    QCOMPARE(m_edge->authenticate(AppKey, EdgeId), int(Code::Success));
    int answered = 0;
    int timedOut = 0;
    for (quint32 id = 100; id < 110; ++id)
        m_edge->request(quint8(Code::Get), id, EdgeId);
    for (quint32 id = 100; id < 110; ++id) {
        const quint8 code = codeOf(m_edge->waitForResponse(id));
        answered += code == quint8(Code::Success);
        timedOut += code == quint8(Code::GatewayTimeout);
    }
    QCOMPARE(answered + timedOut, 10);
    QVERIFY(answered > 0);
    QVERIFY(timedOut > 0);
}

void tst_Monitoring::alertRulesPassPromtool()
{
    const auto check = promtool({u"check"_s, u"rules"_s, monitoringFile(u"cxserver-alerts.yml"_s)});
    QVERIFY2(check.exitCode == 0 && !check.timedOut, check.describe().constData());
    QVERIFY2(check.out.contains("SUCCESS"), check.out.constData());

    // Alert unit tests (promtool test rules): pending and firing times, labels, annotations.
    const auto unit
        = promtool({u"test"_s, u"rules"_s, monitoringFile(u"cxserver-alerts.test.yml"_s)});
    QVERIFY2(unit.exitCode == 0 && !unit.timedOut,
             QByteArray(unit.describe() + '\n' + unit.out).constData());

    // Every alert has a severity, a summary and a description.
    const QByteArray yaml = readFile(monitoringFile(u"cxserver-alerts.yml"_s));
    const int alerts = int(yaml.count("- alert: "));
    QVERIFY(alerts >= 10);
    QCOMPARE(int(yaml.count("          severity: ")), alerts);
    QCOMPARE(int(yaml.count("          summary: ")), alerts);
    QCOMPARE(int(yaml.count("          description: ")), alerts);
    QCOMPARE(int(ruleExpressions(yaml).size()), alerts);
}

void tst_Monitoring::exampleConfigurationPassesPromtool()
{
    // The example scrape configuration, with the rule file it names beside it.
    const auto check
        = promtool({u"check"_s, u"config"_s, monitoringFile(u"prometheus-cxserver.yml"_s)});
    QVERIFY2(check.exitCode == 0 && !check.timedOut, check.describe().constData());
    QVERIFY2(check.out.contains("1 rule files found"), check.out.constData());
}

void tst_Monitoring::dashboardIsAValidGrafanaDashboard()
{
    QJsonParseError error;
    const QJsonDocument document
        = QJsonDocument::fromJson(readFile(monitoringFile(u"cxserver-dashboard.json"_s)), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject dashboard = document.object();
    QVERIFY(dashboard.value(u"schemaVersion"_s).toInt() >= 36);
    QVERIFY(!dashboard.value(u"title"_s).toString().isEmpty());
    QVERIFY(!dashboard.value(u"uid"_s).toString().isEmpty());

    // Variables: the Prometheus data source, the job, and the cxservers (scrape targets).
    QHash<QString, QJsonObject> variables;
    for (const QJsonValue &v :
         dashboard.value(u"templating"_s).toObject().value(u"list"_s).toArray())
        variables.insert(v.toObject().value(u"name"_s).toString(), v.toObject());
    QCOMPARE(variables.value(u"datasource"_s).value(u"type"_s).toString(), u"datasource"_s);
    QCOMPARE(variables.value(u"datasource"_s).value(u"query"_s).toString(), u"prometheus"_s);
    QCOMPARE(variables.value(u"instance"_s).value(u"type"_s).toString(), u"query"_s);
    QVERIFY(variables.value(u"instance"_s).value(u"definition"_s).toString().contains(u"instance"));
    QVERIFY(variables.value(u"instance"_s).value(u"multi"_s).toBool());
    QVERIFY(variables.contains(u"job"_s));

    // Panels: unique ids, placed, every query on the variable data source and on the
    // selected cxservers.
    QList<QJsonObject> panels;
    collectPanels(dashboard.value(u"panels"_s).toArray(), panels);
    QSet<int> ids;
    int queries = 0;
    for (const QJsonObject &panel : panels) {
        const QString title = panel.value(u"title"_s).toString();
        const int id = panel.value(u"id"_s).toInt();
        QVERIFY2(id > 0 && !ids.contains(id), qPrintable(title));
        ids.insert(id);
        const QJsonObject grid = panel.value(u"gridPos"_s).toObject();
        QVERIFY2(grid.value(u"w"_s).toInt() > 0 && grid.value(u"h"_s).toInt() > 0
                     && grid.value(u"x"_s).toInt() + grid.value(u"w"_s).toInt() <= 24,
                 qPrintable(title));
        if (panel.value(u"type"_s).toString() == u"row")
            continue;
        QVERIFY2(!title.isEmpty(), "a panel without a title");
        QCOMPARE(panel.value(u"datasource"_s).toObject().value(u"uid"_s).toString(),
                 u"${datasource}"_s);
        const QJsonArray targets = panel.value(u"targets"_s).toArray();
        QVERIFY2(!targets.isEmpty(), qPrintable(title));
        for (const QJsonValue &t : targets) {
            const QJsonObject target = t.toObject();
            const QString expr = target.value(u"expr"_s).toString();
            QVERIFY2(expr.contains(uR"(instance=~"$instance")"_s)
                         && expr.contains(uR"(job=~"$job")"_s),
                     qPrintable(title + u": "_s + expr));
            QCOMPARE(target.value(u"datasource"_s).toObject().value(u"uid"_s).toString(),
                     u"${datasource}"_s);
            ++queries;
        }
    }
    QVERIFY(queries >= 20);

    // Every query is valid PromQL: as recording rules, through promtool.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray rules = "groups:\n  - name: dashboard\n    rules:\n";
    int n = 0;
    for (const Target &target : dashboardTargets(dashboard)) {
        const QString expr = substituteVariables(target.expr, u"5m"_s, u".+"_s);
        rules += "      - record: dashboard_query_" + QByteArray::number(++n) + "\n        expr: "
            + QJsonDocument(QJsonArray {expr}).toJson(QJsonDocument::Compact).mid(1).chopped(1)
            + '\n';
    }
    QFile file(dir.filePath(u"dashboard-rules.yml"_s));
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(rules) == rules.size());
    file.close();
    const auto check = promtool({u"check"_s, u"rules"_s, file.fileName()});
    QVERIFY2(check.exitCode == 0, QByteArray(check.describe() + '\n' + rules).constData());
    QVERIFY2(check.out.contains(QByteArray(QByteArray::number(n) + " rules found")),
             check.out.constData());
}

void tst_Monitoring::everyMetricNamedExistsInARealScrape()
{
    startClusterWithTraffic();
    if (QTest::currentTestFailed())
        return;
    // The timeouts come last (after the answers): once their series is published, all is.
    const QByteArray text = m_server->metricsWhen([](const QByteArray &text) {
        return text.contains(R"(cxserver_error_responses_total{code="0xA4",to="edge"})");
    });
    const Exposition scrape = Exposition::parse(text);
    QVERIFY(scrape.types.size() >= 20);
    // The traffic made every kind of series the rules look at, 0xA4 to edges included.
    QVERIFY2(text.contains(R"(cxserver_error_responses_total{code="0xA4",to="edge"})"),
             text.constData());

    QStringList problems;
    const QStringList ruleExprs
        = ruleExpressions(readFile(monitoringFile(u"cxserver-alerts.yml"_s)));
    QVERIFY(ruleExprs.size() >= 10);
    QSet<QString> named;
    for (const QString &expr : ruleExprs) {
        problems << missingFromScrape(scrape, u"cxserver-alerts.yml"_s, expr);
        for (const Selector &s : selectors(expr))
            named.insert(scrape.familyOf(s.metric));
    }
    const QJsonObject dashboard
        = QJsonDocument::fromJson(readFile(monitoringFile(u"cxserver-dashboard.json"_s))).object();
    const QList<Target> targets = dashboardTargets(dashboard);
    QVERIFY(targets.size() >= 20);
    for (const Target &target : targets) {
        problems << missingFromScrape(scrape, u"dashboard panel \""_s + target.panel + u'"',
                                      target.expr, target.legend);
        for (const Selector &s : selectors(target.expr))
            named.insert(scrape.familyOf(s.metric));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

    // The other way round: the dashboard and the rules together show every family.
    QStringList unused;
    for (auto it = scrape.types.cbegin(); it != scrape.types.cend(); ++it) {
        if (!named.contains(it.key()))
            unused << it.key();
    }
    QVERIFY2(unused.isEmpty(),
             qPrintable(u"not on the dashboard nor in a rule: "_s + unused.join(u", "_s)));

    // promtool's own lint of the exposition finds nothing.
    test::RunOptions options;
    options.input = text;
    const auto lint = test::runCommand(tool(u"promtool"_s), {u"check"_s, u"metrics"_s}, options);
    QVERIFY2(lint.exitCode == 0, QByteArray(lint.describe() + '\n' + lint.out).constData());
}

void tst_Monitoring::realPrometheusEvaluatesEveryQueryAndAlerts()
{
    startClusterWithTraffic();
    if (QTest::currentTestFailed())
        return;

    // A Prometheus scraping this cxserver every second under the job the rules expect, with
    // the shipped rules evaluated every second.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const quint16 webPort = test::freePort();
    const QString target = u"127.0.0.1:%1"_s.arg(m_server->healthPort());
    const QByteArray config = u"global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                              u"rule_files:\n  - \"%1\"\n"
                              u"scrape_configs:\n  - job_name: cxserver\n"
                              u"    metrics_path: /metrics\n    scrape_timeout: 1s\n"
                              u"    static_configs:\n      - targets: [\"%2\"]\n"_s
                                  .arg(monitoringFile(u"cxserver-alerts.yml"_s), target)
                                  .toUtf8();
    QFile file(dir.filePath(u"prometheus.yml"_s));
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(config) == config.size());
    file.close();
    test::ManagedProcess prometheus(u"prometheus"_s);
    QVERIFY(prometheus.start(tool(u"prometheus"_s),
                             {u"--config.file="_s + file.fileName(),
                              u"--storage.tsdb.path="_s + dir.filePath(u"data"_s),
                              u"--web.listen-address=127.0.0.1:%1"_s.arg(webPort)}));
    QVERIFY2(
        prometheus
            .waitForLine(QRegularExpression(u"Server is ready to receive web requests"_s), 20000)
            .hasMatch(),
        prometheus.log().constData());
    const QString server = u"http://127.0.0.1:%1"_s.arg(webPort);
    const auto query = [&](const QString &expr, QJsonArray *result) -> QString {
        const auto r = promtool({u"query"_s, u"instant"_s, u"-o"_s, u"json"_s, server, expr});
        if (r.exitCode != 0 || r.timedOut)
            return QString::fromUtf8(r.describe());
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(r.out, &error);
        if (error.error != QJsonParseError::NoError || !json.isArray())
            return u"not a JSON vector: "_s + QString::fromUtf8(r.out);
        *result = json.array();
        return QString();
    };

    // Enough scrapes for a rate over 10 s: more traffic in between, so that rates are not 0.
    QJsonArray result;
    QElapsedTimer timer;
    timer.start();
    quint32 id = 1000;
    while (timer.elapsed() < 20000) {
        m_edge->request(quint8(Code::Get), ++id, EdgeId);
        m_edge->waitForResponse(id, 2000);
        if (query(uR"(count_over_time(cxserver_up{job="cxserver"}[1m]))"_s, &result).isEmpty()
            && !result.isEmpty()
            && result.at(0).toObject().value(u"value"_s).toArray().at(1).toString().toInt() >= 6)
            break;
        QTest::qWait(200);
    }
    QVERIFY2(!result.isEmpty(), prometheus.log().constData());
    QVERIFY(result.at(0).toObject().value(u"value"_s).toArray().at(1).toString().toInt() >= 6);

    // Every dashboard query, as Grafana sends it for this cxserver, gives series.
    const QJsonObject dashboard
        = QJsonDocument::fromJson(readFile(monitoringFile(u"cxserver-dashboard.json"_s))).object();
    // Grafana puts the selected cxservers in as a regex, escaped again for the PromQL string.
    const QString escapedTarget = QRegularExpression::escape(target).replace(u"\\"_s, u"\\\\"_s);
    QStringList problems;
    for (const Target &t : dashboardTargets(dashboard)) {
        const QString expr = substituteVariables(t.expr, u"10s"_s, escapedTarget);
        const QString error = query(expr, &result);
        if (!error.isEmpty())
            problems << t.panel + u": "_s + expr + u": "_s + error;
        else if (result.isEmpty())
            problems << t.panel + u": no series for "_s + expr;
    }
    // Every alert expression evaluates (most give nothing on a healthy cluster).
    for (const QString &expr :
         ruleExpressions(readFile(monitoringFile(u"cxserver-alerts.yml"_s)))) {
        const QString error = query(expr, &result);
        if (!error.isEmpty())
            problems << expr + u": "_s + error;
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    // The per-instance series keep the platform instance in exported_instance.
    QVERIFY(query(uR"(cxserver_instance_pipes_connected{job="cxserver"})"_s, &result).isEmpty());
    QSet<QString> platformInstances;
    for (const QJsonValue &series : result) {
        const QJsonObject metric = series.toObject().value(u"metric"_s).toObject();
        QCOMPARE(metric.value(u"instance"_s).toString(), target);
        platformInstances.insert(metric.value(u"exported_instance"_s).toString());
    }
    QCOMPARE(platformInstances, (QSet<QString> {m_sims[0]->url(), m_sims[1]->url()}));

    // A platform instance goes away: its alert becomes pending (firing after a minute) with
    // the instance named; the cluster still has an instance, so not NoPlatformInstance.
    m_sims[1]->stop();
    const QString downUrl = m_sims[1]->url();
    const QString pending
        = uR"(ALERTS{alertname="CxServerPlatformInstanceDown", alertstate="pending"})"_s;
    QTRY_VERIFY_WITH_TIMEOUT(query(pending, &result).isEmpty() && result.size() == 1, 15000);
    const QJsonObject alert = result.at(0).toObject().value(u"metric"_s).toObject();
    QCOMPARE(alert.value(u"exported_instance"_s).toString(), downUrl);
    QCOMPARE(alert.value(u"instance"_s).toString(), target);
    QCOMPARE(alert.value(u"severity"_s).toString(), u"warning"_s);
    QVERIFY(query(uR"(ALERTS{alertname="CxServerNoPlatformInstance"})"_s, &result).isEmpty());
    QVERIFY(result.isEmpty());
    QVERIFY(query(uR"(ALERTS{alertname="CxServerDown"})"_s, &result).isEmpty());
    QVERIFY(result.isEmpty());
    prometheus.stop();
}

QTEST_GUILESS_MAIN(tst_Monitoring)
#include "tst_monitoring.moc"
