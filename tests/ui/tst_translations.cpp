// installTranslations() (src/ui/translations.cpp) with the German translation embedded in
// dnswatch_ui: real dashboard strings come out in German; English keeps its source text and
// takes its plural forms ("1 target", "3 targets") from the plural-only English file.
#include "clock.h"
#include "eventlogmodel.h"
#include "mainwindow.h"
#include "pindialog.h"
#include "probe/monitor.h"
#include "screenshot.h"
#include "targettablemodel.h"
#include "translations.h"
#include "translators.h"
#include "words/eventsentence.h"
#include "words/extendederrorwords.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QMenuBar>
#include <QTest>
#include <QToolBar>
#include <QTranslator>

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void cleanup();
    void germanIsEmbedded();
    void germanHeadersAndTitles();
    void germanExtendedErrors();
    void germanPlurals_data();
    void germanPlurals();
    void englishHasItsPlurals_data();
    void englishHasItsPlurals();
    void emptyFollowsSystemLocale();
};

namespace {

QString header(const QAbstractItemModel &model, int section)
{
    return model.headerData(section, Qt::Horizontal, Qt::DisplayRole).toString();
}
} // namespace

void TestTranslations::cleanup() { removeTranslators(); }

void TestTranslations::germanIsEmbedded()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/dnswatch_de.qm")));
    QCOMPARE(translator.language(), QStringLiteral("de_DE"));
    QVERIFY(!translator.isEmpty());
}

void TestTranslations::germanHeadersAndTitles()
{
    QVERIFY(installTranslations(*qApp, QStringLiteral("de")));

    EventLogModel events;
    QCOMPARE(header(events, 0), QStringLiteral("Zeit"));
    QCOMPARE(header(events, 1), QStringLiteral("Ereignis"));
    QCOMPARE(header(events, 2), QStringLiteral("Ziel oder Host"));

    PinDialog dialog(QStringLiteral("db.example.test"));
    QCOMPARE(dialog.windowTitle(),
             QStringLiteral("Fallback-Adressen für db.example.test festlegen"));

    // The main window over a monitor that is never started (no targets, a manual clock).
    ManualClock clock;
    Monitor monitor(AppConfig(), EnvFallback(), MlflowCredentials(), &clock);
    MainWindow window(&monitor);
    const TargetTableModel &targets = *window.targetModel();
    QCOMPARE(header(targets, TargetTableModel::Name), QStringLiteral("Ziel"));
    QCOMPARE(header(targets, TargetTableModel::Source), QStringLiteral("Quelle"));
    QStringList menus;
    for (const QAction *menu : window.menuBar()->actions())
        menus << menu->text();
    QCOMPARE(menus,
             (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Ziele"),
                          QStringLiteral("&Ansicht")}));
    QStringList toolbar;
    for (const QAction *action : window.findChild<QToolBar *>(QStringLiteral("actions"))->actions())
        if (!action->isSeparator())
            toolbar << action->text();
    QVERIFY2(toolbar.contains(QStringLiteral("&Neu auflösen")), qPrintable(toolbar.join(u'|')));
    QVERIFY2(toolbar.contains(QStringLiteral("&Jetzt prüfen")), qPrintable(toolbar.join(u'|')));
    QCOMPARE(QCoreApplication::translate("CacheTableModel", "%1 (looking up)")
                     .arg(QStringLiteral("stale")),
             QStringLiteral("stale (wird aufgelöst)"));
    // For people to see that the German labels fit.
    window.show();
    QVERIFY(saveScreenshot(&window, QStringLiteral("dashboard-de")));
}

void TestTranslations::germanExtendedErrors()
{
    QVERIFY(installTranslations(*qApp, QStringLiteral("de")));
    QCOMPARE(ExtendedErrorWords::words(6), QStringLiteral("DNSSEC ungültig"));
    QCOMPARE(ExtendedErrorWords::words(3), QStringLiteral("Veraltete Antwort"));
    QCOMPARE(ExtendedErrorWords::describe(
                     {{18, QStringLiteral("client refused")}, {4711, QString()}}),
             QStringLiteral("Verboten (EDE 18): client refused; EDE 4711"));
    // The event log says the server's reasons after the event's own sentence.
    ResolverEvent failed;
    failed.time = QDateTime::currentDateTimeUtc();
    failed.kind = ResolverEvent::Kind::ResolutionFailed;
    failed.resolver = QStringLiteral("corp");
    failed.host = QStringLiteral("api.beispiel.test");
    failed.cause = FailureCause::Refused;
    failed.extendedErrors = {{18, QStringLiteral("client refused")}};
    failed.detail = QStringLiteral("127.0.0.1:53 answered REFUSED: Prohibited (EDE 18)");
    QCOMPARE(eventSentence(StoredEvent::fromResolverEvent(failed)),
             QStringLiteral("api.beispiel.test: abgelehnt (REFUSED); keine Fallback-Adressen; "
                            "Grund des Servers: Verboten (EDE 18): client refused"));
    // Words only (an older agent's): they name the reasons themselves, in English.
    StoredEvent wordsOnly = StoredEvent::fromResolverEvent(failed);
    wordsOnly.facts = StoredEvent::Facts::WordsOnly;
    QCOMPARE(eventSentence(wordsOnly), failed.detail);
    // Every code with words has German ones.
    for (quint16 code = 0; code <= ExtendedDnsErrors::LastKnownInfoCode; ++code)
        QVERIFY2(ExtendedErrorWords::words(code) != ExtendedDnsErrors::words(code),
                 qPrintable(ExtendedDnsErrors::words(code)));
}

void TestTranslations::germanPlurals_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one") << 1 << QStringLiteral("1 Ziel wird neu aufgelöst...");
    QTest::newRow("three") << 3 << QStringLiteral("3 Ziele werden neu aufgelöst...");
}

void TestTranslations::germanPlurals()
{
    QFETCH(int, count);
    QFETCH(QString, expected);
    QVERIFY(installTranslations(*qApp, QStringLiteral("de_DE")));
    QCOMPARE(QCoreApplication::translate("MainWindow", "Re-resolving %n target(s)...", nullptr,
                                         count),
             expected);
}

void TestTranslations::englishHasItsPlurals_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("translated");
    QTest::newRow("--lang en") << QStringLiteral("en") << true;
    QTest::newRow("--lang en_GB") << QStringLiteral("en_GB") << true;
    QTest::newRow("no translation yet: English") << QStringLiteral("ja") << false;
}

void TestTranslations::englishHasItsPlurals()
{
    QFETCH(QString, language);
    QFETCH(bool, translated);
    QCOMPARE(installTranslations(*qApp, language), translated);
    EventLogModel events;
    QCOMPARE(header(events, 0), QStringLiteral("Time"));
    QCOMPARE(QCoreApplication::translate("MainWindow", "Re-resolving %n target(s)...", nullptr, 1),
             QStringLiteral("Re-resolving 1 target..."));
    QCOMPARE(QCoreApplication::translate("MainWindow", "Re-resolving %n target(s)...", nullptr, 3),
             QStringLiteral("Re-resolving 3 targets..."));
}

void TestTranslations::emptyFollowsSystemLocale()
{
    // ctest pins LC_ALL=C.UTF-8 (English); run by hand under a German locale it goes German.
    const bool german = QLocale::system().language() == QLocale::German;
    const bool english = QLocale::system().language() == QLocale::English
            || QLocale::system().language() == QLocale::C;
    QCOMPARE(installTranslations(*qApp, QString()), german || english);
    EventLogModel events;
    QCOMPARE(header(events, 0), german ? QStringLiteral("Zeit") : QStringLiteral("Time"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
