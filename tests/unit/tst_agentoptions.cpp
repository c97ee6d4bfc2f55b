// agentOptionsFor(): the agent's token from --token-file, read whole or refused with the file,
// the line and the limit; never cut.
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
        QCOMPARE(options->token, token);
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
};

QTEST_GUILESS_MAIN(TestAgentOptions)
#include "tst_agentoptions.moc"
