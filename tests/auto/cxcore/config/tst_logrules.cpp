#include "config/logrules.h"

#include <QLoggingCategory>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cx::config;

class tst_LogRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ruleProblems_data();
    void ruleProblems();
    void levelsApply();
    void offSilencesEverything();
};

void tst_LogRules::ruleProblems_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<bool>("valid");
    QTest::addRow("category") << u"cx.worker=debug"_s << true;
    QTest::addRow("spaces") << u" cx.worker = warning "_s << true;
    QTest::addRow("wildcard suffix") << u"cx.discovery.*=off"_s << true;
    QTest::addRow("everything") << u"*=critical"_s << true;
    QTest::addRow("no equals") << u"cx.worker"_s << false;
    QTest::addRow("unknown level") << u"cx.worker=verbose"_s << false;
    QTest::addRow("empty category") << u"=info"_s << false;
    QTest::addRow("inner wildcard") << u"cx.*.worker=info"_s << false;
    QTest::addRow("newline smuggles a rule") << u"cx.worker=info\n*.debug=true"_s << false;
}

void tst_LogRules::ruleProblems()
{
    QFETCH(QString, rule);
    QFETCH(bool, valid);
    QCOMPARE(logRuleProblem(rule).isEmpty(), valid);
}

void tst_LogRules::levelsApply()
{
    QLoggingCategory worker("cx.worker");
    QLoggingCategory server("cx.server");
    QLoggingCategory lifecycle("cx.lifecycle");
    QLoggingCategory zookeeper("cx.discovery.zookeeper");
    QLoggingCategory qtInternal("qt.network.ssl");

    QLoggingCategory::setFilterRules(loggingFilterRules(u"warning"_s, {}));
    QVERIFY(!server.isInfoEnabled());
    QVERIFY(server.isWarningEnabled());
    QVERIFY(lifecycle.isInfoEnabled()); // start/ready/stop always show
    QVERIFY(!qtInternal.isDebugEnabled());

    QLoggingCategory::setFilterRules(
        loggingFilterRules(u"info"_s, {u"cx.worker=debug"_s, u"cx.discovery.*=critical"_s}));
    QVERIFY(worker.isDebugEnabled());
    QVERIFY(!server.isDebugEnabled());
    QVERIFY(server.isInfoEnabled());
    QVERIFY(!zookeeper.isWarningEnabled());
    QVERIFY(zookeeper.isCriticalEnabled());
    QVERIFY(!qtInternal.isDebugEnabled());
    QLoggingCategory::setFilterRules(QString());
}

void tst_LogRules::offSilencesEverything()
{
    QLoggingCategory server("cx.server");
    QLoggingCategory lifecycle("cx.lifecycle");
    QLoggingCategory::setFilterRules(loggingFilterRules(u"off"_s, {u"cx.lifecycle=off"_s}));
    QVERIFY(!server.isCriticalEnabled());
    QVERIFY(!lifecycle.isInfoEnabled()); // a rule that names it wins
    QLoggingCategory::setFilterRules(QString());
}

QTEST_GUILESS_MAIN(tst_LogRules)
#include "tst_logrules.moc"
