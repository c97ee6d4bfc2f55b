// durationWords() and LocaleWords with the dashboard's translations installed: the two largest
// units with the language's plural forms ("1 day", "2 days"; "1 Tag", "2 Tage"), and numbers in
// the locale's format ("99,5 %" in German).
#include "translations.h"
#include "translators.h"
#include "words/durationwords.h"
#include "words/localewords.h"

#include <QApplication>
#include <QLocale>
#include <QTest>

class TestDurationWords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        removeTranslators();
        QLocale::setDefault(QLocale::c());
    }

    void inWords_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("words");
        const auto row = [](const char *language, qint64 seconds, const char *words) {
            QTest::addRow("%s %lld", language, seconds)
                    << QString::fromLatin1(language) << seconds << QString::fromUtf8(words);
        };
        row("en", 0, "0 s");
        row("en", 1, "1 s");
        row("en", 59, "59 s");
        row("en", 60, "1 min");
        row("en", 200, "3 min 20 s");
        row("en", 3600, "1 h");
        row("en", 3900, "1 h 5 min");
        row("en", 86400, "1 day");
        row("en", 2 * 86400, "2 days");
        row("en", 2 * 86400 + 3 * 3600 + 59, "2 days 3 h");
        row("en", -5, "0 s");
        row("de", 1, "1 s");
        row("de", 200, "3 min 20 s");
        row("de", 3900, "1 h 5 min");
        row("de", 86400, "1 Tag");
        row("de", 2 * 86400, "2 Tage");
        row("de", 86400 + 3600, "1 Tag 1 h");
    }

    void inWords()
    {
        QFETCH(QString, language);
        QFETCH(qint64, seconds);
        QFETCH(QString, words);
        installTranslations(*qApp, language);
        QCOMPARE(durationWords(seconds), words);
    }

    void numbersInTheLocalesFormat()
    {
        QVERIFY(installTranslations(*qApp, QStringLiteral("de")));
        QCOMPARE(LocaleWords::percent(0.995), QStringLiteral("99,5 %"));
        QCOMPARE(LocaleWords::milliseconds(12.34), QStringLiteral("12,3 ms"));
        const QDateTime when = QDateTime(QDate(2026, 12, 6), QTime(15, 33, 50)); // local
        QCOMPARE(LocaleWords::dateTime(when), QStringLiteral("06.12.26 15:33:50"));
        QCOMPARE(LocaleWords::time(when), QStringLiteral("15:33:50"));
        removeTranslators();
        QVERIFY(installTranslations(*qApp, QStringLiteral("en_US")));
        QLocale::setDefault(QLocale(QStringLiteral("en_US")));
        QCOMPARE(LocaleWords::percent(0.995), QStringLiteral("99.5 %"));
        // Only all or nothing reads as such: a rate just short of whole is not "100.0 %".
        QCOMPARE(LocaleWords::percent(0.9996), QStringLiteral("99.9 %"));
        QCOMPARE(LocaleWords::percent(1.0), QStringLiteral("100.0 %"));
        QCOMPARE(LocaleWords::percent(0.0004), QStringLiteral("0.1 %"));
        QCOMPARE(LocaleWords::percent(0.0), QStringLiteral("0.0 %"));
        QCOMPARE(LocaleWords::percent(0.99949, 2), QStringLiteral("99.95 %"));
        QString time = LocaleWords::time(when);
        time.replace(QChar(0x202f), QLatin1Char(' ')); // newer CLDR: a narrow space before PM
        QCOMPARE(time, QStringLiteral("3:33:50 PM"));
    }
};

QTEST_MAIN(TestDurationWords)
#include "tst_durationwords.moc"
