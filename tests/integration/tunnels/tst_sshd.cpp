// The sshd harness (tests/harness/sshdprocess.h) on its own, no tunnel: a real OpenSSH
// server on 127.0.0.1 on a free port lets the current user in with the generated client key
// and the pinned host key, runs a command, streams 5 MB intact, and refuses another key.

#include "command.h"
#include "sshdprocess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace cx::test;
using namespace Qt::StringLiterals;

class tst_Sshd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runsACommand();
    void streamsFiveMegabytesIntact();
    void refusesAnotherKey();
    void stopsByPid();

private:
    CommandResult ssh(const QStringList &arguments, const QString &command) const;

    SshdProcess m_sshd;
};

CommandResult tst_Sshd::ssh(const QStringList &arguments, const QString &command) const
{
    RunOptions options;
    options.timeoutMs = 30000;
    return runCommand(u"ssh"_s,
                      arguments + QStringList {SshdProcess::user() + u"@127.0.0.1"_s, command},
                      options);
}

void tst_Sshd::initTestCase()
{
    QVERIFY2(!SshdProcess::user().isEmpty(), "no user name for this uid");
    QVERIFY2(m_sshd.start(), m_sshd.log().constData());
    QVERIFY(m_sshd.port() != 22);
}

void tst_Sshd::runsACommand()
{
    const CommandResult result = ssh(m_sshd.clientArguments(), u"echo ok"_s);
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QCOMPARE(result.out, QByteArray("ok\n"));
    QVERIFY2(result.err.isEmpty(), result.err.constData()); // host key known, nothing to say
}

void tst_Sshd::streamsFiveMegabytesIntact()
{
    QByteArray payload(5 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(payload.data()),
                                          payload.size() / int(sizeof(quint32)));
    const QString path = m_sshd.directory() + u"/payload.bin"_s;
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(payload) == payload.size());
    file.close();
    const QByteArray expected = QCryptographicHash::hash(payload, QCryptographicHash::Sha256);

    const CommandResult result = ssh(m_sshd.clientArguments(), u"cat "_s + path);
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QCOMPARE(result.out.size(), payload.size());
    QCOMPARE(QCryptographicHash::hash(result.out, QCryptographicHash::Sha256).toHex(),
             expected.toHex());
}

void tst_Sshd::refusesAnotherKey()
{
    // Public keys only, and only the generated one.
    const QString otherKey = m_sshd.directory() + u"/other_key"_s;
    const CommandResult generated = runCommand(
        u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-f"_s, otherKey});
    QVERIFY2(generated.exitCode == 0, generated.describe().constData());
    QStringList arguments = m_sshd.clientArguments();
    const qsizetype key = arguments.indexOf(u"-i"_s);
    QVERIFY(key >= 0);
    arguments[key + 1] = otherKey;
    const CommandResult result = ssh(arguments, u"echo ok"_s);
    QCOMPARE(result.exitCode, 255);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains("Permission denied"), result.err.constData());
}

void tst_Sshd::stopsByPid()
{
    QVERIFY(m_sshd.isRunning());
    m_sshd.stop(5000);
    QVERIFY(!m_sshd.isRunning());
    const CommandResult result = ssh(m_sshd.clientArguments(), u"echo ok"_s);
    QCOMPARE(result.exitCode, 255); // nothing listens any more
}

QTEST_GUILESS_MAIN(tst_Sshd)
#include "tst_sshd.moc"
