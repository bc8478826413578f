// ENC(v1:...) values (config.md §3): AES-256-GCM round trip, every error, key binding.

#include "secrets/valuecipher.h"

#include <QSet>
#include <QTest>

using namespace cx::secrets;
using namespace Qt::StringLiterals;

namespace {

const QString AppKey = u"cx-server.transport.websockets.app-key"_s;
const QString Credentials = u"cx-server.discovery.auth.credentials"_s;

DataKey freshKey()
{
    return std::move(DataKey::generate()).value();
}

/// The same key in errors_data() and errors().
DataKey fixedKey()
{
    return std::move(DataKey::fromBase64("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")).value();
}

QByteArray payloadOf(const QString &encrypted)
{
    return QByteArray::fromBase64(encrypted.sliced(7).chopped(1).toLatin1());
}

QString withPayload(const QByteArray &payload)
{
    return u"ENC(v1:"_s + QLatin1StringView(payload.toBase64()) + u')';
}

} // namespace

class tst_ValueCipher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void errors_data();
    void errors();
    void wrongKey();
    void movedToAnotherKey();
    void noncesAreUnique();
};

void tst_ValueCipher::roundTrip_data()
{
    QTest::addColumn<QString>("plaintext");
    QTest::addRow("ascii") << u"s3cr3t-app-key"_s;
    QTest::addRow("empty") << QString();
    QTest::addRow("unicode") << u"pässwörd ✓ \"quoted\" \\ ${x}"_s;
    QTest::addRow("long") << QString(5000, u'x');
    QTest::addRow("looks encrypted") << u"ENC(v1:abc)"_s;
}

void tst_ValueCipher::roundTrip()
{
    QFETCH(QString, plaintext);
    const DataKey key = freshKey();
    const cx::Result<QString> encrypted = valuecipher::encrypt(key, AppKey, plaintext);
    QVERIFY(encrypted.ok());
    QVERIFY(encrypted->startsWith(u"ENC(v1:"));
    QVERIFY(encrypted->endsWith(u')'));
    QVERIFY(valuecipher::isEncrypted(*encrypted));
    QCOMPARE(payloadOf(*encrypted).size(), 12 + plaintext.toUtf8().size() + 16);
    if (plaintext.size() > 3)
        QVERIFY(!encrypted->contains(plaintext));
    const cx::Result<QString> decrypted = valuecipher::decrypt(key, AppKey, *encrypted);
    QVERIFY2(decrypted.ok(), qPrintable(decrypted.ok() ? QString() : decrypted.error().message));
    QCOMPARE(*decrypted, plaintext);
}

void tst_ValueCipher::errors_data()
{
    const QString good = *valuecipher::encrypt(fixedKey(), AppKey, u"secret"_s);
    const QByteArray payload = payloadOf(good);
    auto flipped = [&payload](qsizetype at) {
        QByteArray p = payload;
        p[at] = char(p.at(at) ^ 0x01);
        return withPayload(p);
    };

    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::addRow("no closing parenthesis") << good.chopped(1) << u"truncated"_s;
    QTest::addRow("cut in the middle") << good.first(20) << u"truncated"_s;
    QTest::addRow("unknown version")
        << u"ENC(v2:"_s + good.sliced(7) << u"unknown format version \"v2\""_s;
    QTest::addRow("no version") << u"ENC(abc)"_s << u"no format version"_s;
    QTest::addRow("bad base64") << u"ENC(v1:@@not*base64@@)"_s << u"not valid base64"_s;
    QTest::addRow("too short") << withPayload(payload.first(27)) << u"truncated"_s;
    QTest::addRow("payload cut") << withPayload(payload.chopped(1)) << u"cannot decrypt"_s;
    QTest::addRow("nonce altered") << flipped(0) << u"cannot decrypt"_s;
    QTest::addRow("ciphertext altered") << flipped(12) << u"cannot decrypt"_s;
    QTest::addRow("tag altered") << flipped(payload.size() - 1) << u"cannot decrypt"_s;
    QTest::addRow("empty") << u"ENC()"_s << u"no format version"_s;
}

void tst_ValueCipher::errors()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    const cx::Result<QString> decrypted = valuecipher::decrypt(fixedKey(), AppKey, value);
    QVERIFY(!decrypted.ok());
    QVERIFY2(decrypted.error().message.startsWith(AppKey + u':'),
             qPrintable(decrypted.error().message));
    QVERIFY2(decrypted.error().message.contains(expected), qPrintable(decrypted.error().message));
    QVERIFY(!decrypted.error().message.contains(u"secret"));
}

void tst_ValueCipher::wrongKey()
{
    const DataKey key = freshKey();
    const DataKey other = freshKey();
    const QString encrypted = *valuecipher::encrypt(key, AppKey, u"secret"_s);
    const cx::Result<QString> decrypted = valuecipher::decrypt(other, AppKey, encrypted);
    QVERIFY(!decrypted.ok());
    const QString expected = AppKey
        + u": cannot decrypt: wrong key, or the value was altered or moved from another key";
    QCOMPARE(decrypted.error().message, expected);
}

void tst_ValueCipher::movedToAnotherKey()
{
    const DataKey key = freshKey();
    const QString encrypted = *valuecipher::encrypt(key, AppKey, u"secret"_s);
    const cx::Result<QString> moved = valuecipher::decrypt(key, Credentials, encrypted);
    QVERIFY(!moved.ok());
    QVERIFY(moved.error().message.startsWith(Credentials + u": cannot decrypt"));
    QVERIFY(valuecipher::decrypt(key, AppKey, encrypted).ok());
}

void tst_ValueCipher::noncesAreUnique()
{
    const DataKey key = freshKey();
    QSet<QByteArray> nonces;
    QSet<QString> values;
    constexpr int Count = 5000;
    for (int i = 0; i < Count; ++i) {
        const QString encrypted = *valuecipher::encrypt(key, AppKey, u"same secret"_s);
        nonces.insert(payloadOf(encrypted).first(12));
        values.insert(encrypted);
    }
    QCOMPARE(nonces.size(), Count);
    QCOMPARE(values.size(), Count);
}

QTEST_GUILESS_MAIN(tst_ValueCipher)
#include "tst_valuecipher.moc"
