// The paths pane over a Monitor whose target compares two real dnsmasq that answer differently:
// after a probe it shows each resolver's answer side by side and says they disagree.
#include "clock.h"
#include "dnsserverfixture.h"
#include "pathspane.h"
#include "probe/monitor.h"
#include "screenshot.h"
#include "translations.h"

#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

class TestPathsPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEveryPathSideBySide()
    {
        DnsServerFixture left;
        DnsServerFixture right;
        QString error;
        QVERIFY2(left.startDnsmasq({QStringLiteral("--host-record=svc.test,10.0.0.1,60")}, &error),
                 qPrintable(error));
        QVERIFY2(right.startDnsmasq({QStringLiteral("--host-record=svc.test,10.0.0.2,60")}, &error),
                 qPrintable(error));
        const QString json = QStringLiteral(R"({"resolvers": [
              {"name": "left", "servers": ["%1"], "timeout_ms": 500, "attempts": 1},
              {"name": "right", "servers": ["%2"], "timeout_ms": 500, "attempts": 1}],
            "targets": [{"name": "svc", "host": "svc.test", "resolver": "left", "record": "A",
                         "interval_s": 3600, "compare": ["right"]},
                        {"name": "plain", "host": "svc.test", "resolver": "left",
                         "interval_s": 3600}]})")
                                     .arg(left.server(), right.server());
        const ConfigLoadResult loaded = parseConfig(json.toUtf8(), QStringLiteral("test"));
        QVERIFY(loaded.config);
        SystemClock clock;
        Monitor monitor(*loaded.config, EnvFallback(), MlflowCredentials(), &clock);
        PathsPane pane(&monitor);
        QVERIFY(!pane.table()->accessibleName().isEmpty());
        QVERIFY(!pane.verdict()->accessibleName().isEmpty());

        pane.showTarget(QStringLiteral("plain"));
        QCOMPARE(pane.table()->rowCount(), 0);
        QVERIFY2(pane.verdict()->text().contains(QLatin1String("compares no resolvers")),
                 qPrintable(pane.verdict()->text()));

        pane.showTarget(QStringLiteral("svc"));
        monitor.engine()->scheduler()->probeNow(QStringLiteral("svc"));
        QTRY_COMPARE_WITH_TIMEOUT(pane.table()->rowCount(), 2, 10000);
        const auto cell = [&](int row, int column) {
            return pane.table()->item(row, column)->text();
        };
        QCOMPARE(cell(0, 0), QStringLiteral("left"));
        QCOMPARE(cell(0, 1), QStringLiteral("10.0.0.1"));
        QCOMPARE(cell(1, 0), QStringLiteral("right"));
        QCOMPARE(cell(1, 1), QStringLiteral("10.0.0.2"));
        QCOMPARE(cell(1, 5), QStringLiteral("differs"));
        QVERIFY(cell(0, 2).endsWith(QLatin1String(" s"))); // TTL left
        QVERIFY2(pane.verdict()->text().contains(QLatin1String("answer differently (right)")),
                 qPrintable(pane.verdict()->text()));

        // For people to look at: light, dark, and German (a pane made after the switch).
        pane.resize(1000, 220);
        QVERIFY(saveScreenshot(&pane, QStringLiteral("paths-pane")));
        const QPalette light = qApp->palette();
        qApp->setPalette(darkPalette());
        QVERIFY(saveScreenshot(&pane, QStringLiteral("paths-pane-dark")));
        qApp->setPalette(light);
        QVERIFY(installTranslations(*qApp, QStringLiteral("de")));
        PathsPane german(&monitor);
        german.showTarget(QStringLiteral("svc"));
        german.resize(1000, 220);
        QCOMPARE(german.table()->horizontalHeaderItem(1)->text(), QStringLiteral("Antwort"));
        QCOMPARE(german.table()->item(1, 5)->text(), QStringLiteral("weicht ab"));
        const QString latency = german.table()->item(1, 3)->text();
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d+,\\d ms$")).match(latency).hasMatch(),
                 qPrintable(latency)); // German decimal comma
        QVERIFY(saveScreenshot(&german, QStringLiteral("paths-pane-de")));
        left.kill();
        right.kill();
    }
};

QTEST_MAIN(TestPathsPane)
#include "tst_pathspane.moc"
