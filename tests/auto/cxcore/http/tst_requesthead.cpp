#include "http/requesthead.h"

#include <QTest>

using namespace cx::http;

class tst_RequestHead : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headLength();
    void originForm();
    void absoluteForm_data();
    void absoluteForm();
    void fields();
    void http10WithoutHost();
    void refused_data();
    void refused();
};

void tst_RequestHead::headLength()
{
    QCOMPARE(cx::http::headLength("GET / HTTP/1.1\r\nHost: a\r\n"), 0);
    QCOMPARE(cx::http::headLength("GET / HTTP/1.1\r\nHost: a\r\n\r\nbody"), 27);
}

void tst_RequestHead::originForm()
{
    const RequestParse parse = parseRequestHead("GET /a/%2e%2e/b?x=%41&y HTTP/1.1\r\nHost: h");
    QVERIFY2(parse.ok(), parse.refusal.constData());
    QCOMPARE(parse.head.method, QByteArrayView("GET"));
    QCOMPARE(parse.head.path, QByteArrayView("/a/%2e%2e/b")); // never decoded
    QCOMPARE(parse.head.query, QByteArrayView("x=%41&y"));
    QCOMPARE(parse.head.versionMajor, 1);
    QCOMPARE(parse.head.versionMinor, 1);
    QVERIFY(parse.head.atLeast11());
    QVERIFY(parseRequestHead("GET /a HTTP/1.1\r\nHost: h").head.query.isNull());
}

void tst_RequestHead::absoluteForm_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addRow("http") << QByteArray("http://h:1/p?q") << QByteArray("/p") << QByteArray("q");
    QTest::addRow("WSS, no path") << QByteArray("WSS://h") << QByteArray("/") << QByteArray();
    QTest::addRow("query only") << QByteArray("ws://[::1]:8?a=b") << QByteArray("/")
                                << QByteArray("a=b");
}

void tst_RequestHead::absoluteForm()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    const QByteArray head = "GET " + target + " HTTP/1.1\r\nHost: h";
    const RequestParse parse = parseRequestHead(head);
    QVERIFY2(parse.ok(), parse.refusal.constData());
    QCOMPARE(parse.head.path, QByteArrayView(path));
    QCOMPARE(parse.head.query.toByteArray(), query);
}

void tst_RequestHead::fields()
{
    const RequestParse parse
        = parseRequestHead("GET / HTTP/1.1\r\nHost: h\r\nX-A:  one \r\nx-a: two\r\nEmpty:");
    QVERIFY2(parse.ok(), parse.refusal.constData());
    QCOMPARE(parse.head.field("X-a"), QByteArrayView("one"));
    QCOMPARE(parse.head.fieldCount("x-A"), 2);
    QVERIFY(!parse.head.field("empty").isNull());
    QCOMPARE(parse.head.field("empty"), QByteArrayView(""));
    QVERIFY(parse.head.field("missing").isNull());
    QCOMPARE(parse.head.fieldCount("missing"), 0);
}

void tst_RequestHead::http10WithoutHost()
{
    // Load balancers' health checks often send HTTP/1.0 without Host: well-formed.
    const RequestParse parse = parseRequestHead("GET /health HTTP/1.0");
    QVERIFY2(parse.ok(), parse.refusal.constData());
    QVERIFY(!parse.head.atLeast11());
}

void tst_RequestHead::refused_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("status");
    const QByteArray bad = "400 Bad Request";
    QTest::addRow("empty") << QByteArray() << bad;
    QTest::addRow("no version") << QByteArray("GET /") << bad;
    QTest::addRow("lowercase version") << QByteArray("GET / http/1.1\r\nHost: h") << bad;
    QTest::addRow("version 1.10") << QByteArray("GET / HTTP/1.10\r\nHost: h") << bad;
    QTest::addRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\nHost: h")
                              << QByteArray("505 HTTP Version Not Supported");
    QTest::addRow("method not a token") << QByteArray("G(T / HTTP/1.1\r\nHost: h") << bad;
    QTest::addRow("space in target") << QByteArray("GET /a b HTTP/1.1\r\nHost: h") << bad;
    QTest::addRow("tab separator") << QByteArray("GET\t/ HTTP/1.1\r\nHost: h") << bad;
    QTest::addRow("fragment") << QByteArray("GET /a#f HTTP/1.1\r\nHost: h") << bad;
    QTest::addRow("authority form") << QByteArray("CONNECT h:443 HTTP/1.1\r\nHost: h") << bad;
    QTest::addRow("1.1 without Host") << QByteArray("GET / HTTP/1.1") << bad;
    QTest::addRow("1.1 with two Hosts")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nhost: b") << bad;
    QTest::addRow("obs-fold") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n b") << bad;
    QTest::addRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : h") << bad;
    QTest::addRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nnothing") << bad;
    QTest::addRow("NUL in value") << QByteArray("GET / HTTP/1.1\r\nHost: h") + '\0' + 'x' << bad;
    QTest::addRow("bare LF line") << QByteArray("GET / HTTP/1.1\r\nHost: h\nX: y") << bad;
    QTest::addRow("bare CR at a value's end")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\r\nX: b") << bad;
    QTest::addRow("form feed around a value") << QByteArray("GET / HTTP/1.1\r\nHost: \x0c"
                                                            "a\x0b")
                                              << bad;
    QTest::addRow("1.0 with two Hosts")
        << QByteArray("GET / HTTP/1.0\r\nHost: a\r\nHost: b") << bad;
}

void tst_RequestHead::refused()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, status);
    QCOMPARE(parseRequestHead(head).refusal, status);
}

QTEST_GUILESS_MAIN(tst_RequestHead)
#include "tst_requesthead.moc"
