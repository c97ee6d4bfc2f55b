// printable(): what control characters, bidi controls and broken surrogates look like on their
// way to a terminal, a log, a CSV cell or a table.
#include "printabletext.h"

#include <QTest>

class TestPrintableText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("shown");
        QTest::newRow("plain") << QStringLiteral("svc.test: answered HTTP 503")
                               << QStringLiteral("svc.test: answered HTTP 503");
        QTest::newRow("not ASCII stays")
                << QStringLiteral("Grüße, 東京") << QStringLiteral("Grüße, 東京");
        QTest::newRow("backslash stays") << QStringLiteral("a\\x1b") << QStringLiteral("a\\x1b");
        QTest::newRow("terminal title")
                << QStringLiteral("\x1b]0;owned\x07") << QStringLiteral("\\x1b]0;owned\\x07");
        QTest::newRow("line breaks and tab")
                << QStringLiteral("a\r\nb\tc") << QStringLiteral("a\\r\\nb\\tc");
        QTest::newRow("nul and DEL")
                << QString(QChar(0)) + QStringLiteral("x\x7f") << QStringLiteral("\\x00x\\x7f");
        QTest::newRow("C1 control")
                << QString(QChar(0x9b)) + QStringLiteral("31m") << QStringLiteral("\\x9b31m");
        QTest::newRow("right-to-left override")
                << QStringLiteral("exe.\u202etxt") << QStringLiteral("exe.\\u202etxt");
        QTest::newRow("isolate and mark") << QStringLiteral("\u2066a\u2069\u200f")
                                          << QStringLiteral("\\u2066a\\u2069\\u200f");
        QTest::newRow("line separator")
                << QStringLiteral("a\u2028b") << QStringLiteral("a\\u2028b");
        QTest::newRow("lone surrogate")
                << QString(QChar(0xd800)) + QStringLiteral("x") << QStringLiteral("\\ud800x");
        QTest::newRow("surrogate pair stays")
                << QStringLiteral("\U0001F600") << QStringLiteral("\U0001F600");
    }
    void escapes()
    {
        QFETCH(QString, text);
        QFETCH(QString, shown);
        QCOMPARE(printable(text), shown);
        QCOMPARE(hasUnprintable(text), text != shown);
    }

    void layoutKeepsTabAndLineFeed()
    {
        QCOMPARE(printable(QStringLiteral("one\n\ttwo\r\x1b"), LineBreaks::Keep),
                 QStringLiteral("one\n\ttwo\\r\\x1b"));
        QVERIFY(!hasUnprintable(QStringLiteral("one\ntwo"), LineBreaks::Keep));
    }
};

QTEST_GUILESS_MAIN(TestPrintableText)
#include "tst_printabletext.moc"
