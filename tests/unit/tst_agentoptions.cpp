// agentOptionsFor(): the agent's token from --token-file, read whole or refused with the file,
// the line and the limit; never cut. With --tokens, the tokens file's tokens.
#include "headlessmode.h"

#include <QTemporaryDir>
#include <QTest>

class TestAgentOptions : public QObject
{
    Q_OBJECT

private:
    QString tokenFile(const QByteArray &content)
    {
        const QString path = m_dir.filePath(QStringLiteral("token-%1").arg(m_files++));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write the token file");
        return path;
    }

    std::optional<HeadlessAgent::Options> optionsWith(const QString &path, QString *error)
    {
        CommandLine commandLine;
        commandLine.mode = RunMode::Headless;
        commandLine.tokenFile = path;
        return agentOptionsFor(commandLine, error);
    }

    QTemporaryDir m_dir;
    int m_files = 0;

private Q_SLOTS:
    void readsTheFirstLine_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("token");
        QTest::newRow("with a newline")
                << QByteArray("s3cret\nignored\n") << QStringLiteral("s3cret");
        QTest::newRow("without one") << QByteArray("s3cret") << QStringLiteral("s3cret");
        QTest::newRow("CRLF") << QByteArray("s3cret\r\n") << QStringLiteral("s3cret");
        QTest::newRow("exactly the limit") << QByteArray(4096, 'a') + '\n'
                                           << QString(4096, QLatin1Char('a'));
        QTest::newRow("the limit, no newline")
                << QByteArray(4096, 'a') << QString(4096, QLatin1Char('a'));
    }
    void readsTheFirstLine()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, token);
        QString error;
        const std::optional<HeadlessAgent::Options> options = optionsWith(tokenFile(content),
                                                                          &error);
        QVERIFY2(options, qPrintable(error));
        // One operate token, named "token".
        QCOMPARE(options->tokens.size(), 1);
        QCOMPARE(options->tokens.tokens().first().name, QStringLiteral("token"));
        QCOMPARE(options->tokens.tokens().first().role, AgentToken::Role::Operate);
        QCOMPARE(options->tokens.tokens().first().secret, token.toUtf8());
    }

    void refusesALineLongerThanTheLimit_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("one byte over") << QByteArray(4097, 'a') + '\n';
        QTest::newRow("one byte over, no newline") << QByteArray(4097, 'a');
        QTest::newRow("far over") << QByteArray(100000, 'a') + "\nsecond\n";
    }
    void refusesALineLongerThanTheLimit()
    {
        QFETCH(QByteArray, content);
        const QString path = tokenFile(content);
        QString error;
        QVERIFY(!optionsWith(path, &error));
        QCOMPARE(error,
                 QStringLiteral("--token-file %1: line 1 is longer than 4096 bytes; expected the "
                                "token alone on the first line")
                         .arg(path));
    }

    void aTokensFileGivesNamedTokens()
    {
        const QString path = tokenFile("alice operate 0123456789abcdef0123\nbob read "
                                       "fedcba9876543210fedc\n");
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
        CommandLine commandLine;
        commandLine.mode = RunMode::Headless;
        commandLine.tokensFile = path;
        QString error;
        const std::optional<HeadlessAgent::Options> options = agentOptionsFor(commandLine, &error);
        QVERIFY2(options, qPrintable(error));
        QCOMPARE(options->tokens.size(), 2);
        QCOMPARE(options->tokens.tokens().at(1).name, QStringLiteral("bob"));
        QCOMPARE(options->tokens.tokens().at(1).role, AgentToken::Role::Read);

        // Readable by the group: refused, as ssh refuses such a key.
        QVERIFY(QFile::setPermissions(path,
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
        QVERIFY(!agentOptionsFor(commandLine, &error));
        QVERIFY2(error.contains(QLatin1String("permissions 0640 are too open")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestAgentOptions)
#include "tst_agentoptions.moc"
