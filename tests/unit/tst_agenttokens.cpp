// The agent's tokens: a tokens file read whole (comments, blank lines, CRLF) or refused with the
// file, the line and what was expected, never quoting a secret; refused when group or others
// have any permission on it; a presented token matched against every configured one.
#include "agenttokens.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

const QByteArray AliceSecret = "alice-0123456789abcdef";
const QByteArray BobSecret = "bob-fedcba9876543210";

} // namespace

class TestAgentTokens : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString writeFile(const QByteArray &content, mode_t mode)
    {
        const QString path = m_dir.filePath(QStringLiteral("tokens-%1").arg(m_files++));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write the tokens file");
        file.close();
        if (::chmod(QFile::encodeName(path).constData(), mode) != 0)
            qFatal("cannot chmod the tokens file");
        return path;
    }

private Q_SLOTS:
    void readsNamesRolesAndTokens()
    {
        const QByteArray text = "# operators\r\n\r\nalice operate " + AliceSecret
                + "\r\n   # the dashboard of site B\n\tbob\tread\t" + BobSecret + "  \n";
        const AgentTokensLoad load = parseAgentTokens(text, QStringLiteral("t"));
        QVERIFY2(load.tokens, qPrintable(load.error));
        QCOMPARE(load.tokens->size(), 2);
        const AgentToken alice = load.tokens->tokens().at(0);
        QCOMPARE(alice.name, QStringLiteral("alice"));
        QCOMPARE(alice.role, AgentToken::Role::Operate);
        QCOMPARE(alice.secret, AliceSecret);
        const AgentToken bob = load.tokens->tokens().at(1);
        QCOMPARE(bob.name, QStringLiteral("bob"));
        QCOMPARE(bob.role, AgentToken::Role::Read);
        QCOMPARE(bob.secret, BobSecret);
    }

    void refusesABadFileSayingWhereAndWhat_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        const QByteArray alice = "alice operate " + AliceSecret + "\n";
        QTest::newRow("two fields") << QByteArray("alice " + AliceSecret + "\n")
                                    << QStringLiteral("t:1: found 2 field(s); expected three: "
                                                      "NAME ROLE TOKEN (e.g. \"alice operate "
                                                      "<secret>\")");
        QTest::newRow("four fields")
                << QByteArray("# x\nalice operate " + AliceSecret + " extra\n")
                << QStringLiteral("t:2: found 4 field(s); expected three: NAME ROLE TOKEN (e.g. "
                                  "\"alice operate <secret>\")");
        QTest::newRow("bad name")
                << QByteArray("al/ice operate " + AliceSecret + "\n")
                << QStringLiteral("t:1: the name (first field) must be 1 to 64 letters, digits, "
                                  "'.', '_', '-' or '@'");
        QTest::newRow("bad role")
                << QByteArray(alice + "bob admin " + BobSecret + "\n")
                << QStringLiteral("t:2: the role of bob (second field) must be read or operate");
        QTest::newRow("role and token swapped")
                << QByteArray("bob " + BobSecret + " read\n")
                << QStringLiteral("t:1: the role of bob (second field) must be read or operate");
        QTest::newRow("short token")
                << QByteArray("bob read short\n")
                << QStringLiteral("t:1: the token of bob (third field) must be at least 16 "
                                  "printable characters without spaces");
        QTest::newRow("control character in the token")
                << QByteArray("bob read fedcba9876543210\x01\n")
                << QStringLiteral("t:1: the token of bob (third field) must be at least 16 "
                                  "printable characters without spaces");
        QTest::newRow("name twice")
                << QByteArray(alice + "\nalice read " + BobSecret + "\n")
                << QStringLiteral("t:3: the name alice is given again (first on line 1); each "
                                  "token needs a name of its own");
        QTest::newRow("token twice")
                << QByteArray(alice + "bob read " + AliceSecret + "\n")
                << QStringLiteral("t:2: the token of bob is the same as the one on line 1; each "
                                  "name needs a token of its own");
        QTest::newRow("line too long")
                << QByteArray("bob read " + QByteArray(5000, 'x') + "\n")
                << QStringLiteral("t:1: the line is longer than 4096 bytes; expected NAME ROLE "
                                  "TOKEN");
        QTest::newRow("empty") << QByteArray()
                               << QStringLiteral("t: holds no token; expected lines NAME ROLE "
                                                 "TOKEN (ROLE read or operate)");
        QTest::newRow("comments only")
                << QByteArray("# alice operate x\n\n")
                << QStringLiteral("t: holds no token; expected lines NAME ROLE TOKEN (ROLE read "
                                  "or operate)");
    }
    void refusesABadFileSayingWhereAndWhat()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        const AgentTokensLoad load = parseAgentTokens(text, QStringLiteral("t"));
        QVERIFY(!load.tokens);
        QCOMPARE(load.error, error);
        // No secret is quoted back, whichever field it was put in.
        QVERIFY(!load.error.contains(QString::fromLatin1(AliceSecret)));
        QVERIFY(!load.error.contains(QString::fromLatin1(BobSecret)));
    }

    void aPresentedTokenMatchesOnlyItself()
    {
        const AgentTokensLoad load = parseAgentTokens(
                QByteArray("alice operate " + AliceSecret + "\nbob read " + BobSecret + "\n"),
                QStringLiteral("t"));
        QVERIFY(load.tokens);
        QCOMPARE(load.tokens->match(AliceSecret)->name, QStringLiteral("alice"));
        QCOMPARE(load.tokens->match(BobSecret)->name, QStringLiteral("bob"));
        QVERIFY(!load.tokens->match(AliceSecret.chopped(1)));
        QVERIFY(!load.tokens->match(QByteArray(AliceSecret + "x")));
        QVERIFY(!load.tokens->match(QByteArray()));
        QVERIFY(!AgentTokens().match(QByteArray()));
        QCOMPARE(AgentTokens::single(QStringLiteral("s3cret"))
                         .match(QByteArrayLiteral("s3cret"))
                         ->role,
                 AgentToken::Role::Operate);
        QVERIFY(AgentTokens::single(QString()).isEmpty());
    }

    void aFileOthersMayReadIsRefused_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("taken");
        QTest::newRow("0600") << 0600 << true;
        QTest::newRow("0400") << 0400 << true;
        QTest::newRow("0640") << 0640 << false;
        QTest::newRow("0604") << 0604 << false;
        QTest::newRow("0620") << 0620 << false;
        QTest::newRow("0644") << 0644 << false;
    }
    void aFileOthersMayReadIsRefused()
    {
        QFETCH(int, mode);
        QFETCH(bool, taken);
        const QString path = writeFile("alice operate " + AliceSecret + "\n", mode_t(mode));
        const AgentTokensLoad load = loadAgentTokens(path);
        QCOMPARE(bool(load.tokens), taken);
        if (!taken)
            QCOMPARE(load.error,
                     QStringLiteral("--tokens %1: permissions %2 are too open: group or others "
                                    "may read or change the tokens; expected 0600 or 0400 (chmod "
                                    "600 %1)")
                             .arg(path, QStringLiteral("0%1").arg(mode, 0, 8)));
    }

    void aBadFileNamesItselfAndTheLine()
    {
        const QString path = writeFile("alice operate " + AliceSecret + "\nbob\n", 0600);
        const AgentTokensLoad load = loadAgentTokens(path);
        QVERIFY(!load.tokens);
        QVERIFY2(load.error.startsWith(QStringLiteral("--tokens %1:2: found 1 field(s)").arg(path)),
                 qPrintable(load.error));
    }

    void aMissingFileOrAFolderIsRefused()
    {
        const QString missing = m_dir.filePath(QStringLiteral("missing"));
        AgentTokensLoad load = loadAgentTokens(missing);
        QVERIFY(!load.tokens);
        QVERIFY2(load.error.startsWith(QStringLiteral("--tokens %1: ").arg(missing)),
                 qPrintable(load.error));
        const QString folder = m_dir.filePath(QStringLiteral("folder"));
        QVERIFY(QDir().mkdir(folder));
        QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0700) == 0);
        load = loadAgentTokens(folder);
        QVERIFY(!load.tokens);
        QVERIFY2(load.error.startsWith(QStringLiteral("--tokens %1: ").arg(folder)),
                 qPrintable(load.error));
    }
};

QTEST_GUILESS_MAIN(TestAgentTokens)
#include "tst_agenttokens.moc"
