// The "Zone signatures" table of the Paths tab over a Monitor on a ManualClock, its zones
// answered by a scripted responder: near.test expires in 3 days (under warn_days 7: expiring
// soon, the degraded colour), far.test in 30 (ok, the healthy colour), quiet.test never answers
// (unknown, with the reason). Without "dnssec_zones" the section is not shown.
#include "clock.h"
#include "fakednsresponder.h"
#include "pathspane.h"
#include "probe/monitor.h"
#include "rrsigrecord.h"
#include "screenshot.h"
#include "statepalette.h"
#include "zonesignaturestable.h"

#include <QApplication>
#include <QLabel>
#include <QTest>

class TestZoneSignaturesTable : public QObject
{
    Q_OBJECT

private:
    static AppConfig configWith(const QString &server, const QString &zones)
    {
        const QString json = QStringLiteral(R"({"resolvers": [
              {"name": "lab", "servers": ["%1"], "timeout_ms": 500, "attempts": 1}],
            "targets": [{"name": "svc", "host": "svc.test", "resolver": "lab",
                         "interval_s": 3600}]%2})")
                                     .arg(server, zones);
        const ConfigLoadResult loaded = parseConfig(json.toUtf8(), QStringLiteral("test"));
        return loaded.config.value_or(AppConfig());
    }

    QString cell(const ZoneSignaturesTable *table, int row, int column) const
    {
        const QTableWidgetItem *item = table->item(row, column);
        return item ? item->text() : QString();
    }

private Q_SLOTS:
    void showsEachZoneColouredByLevel()
    {
        ManualClock clock;
        FakeDnsResponder responder;
        QVERIFY(responder.listen());
        responder.setScript([&](const DnsWire::Message &query, const QByteArray &,
                                FakeDnsResponder::Transport) {
            const QString zone = query.questions.value(0).name;
            const int days = zone == QLatin1String("near.test") ? 3 : 30;
            if (zone == QLatin1String("quiet.test")
                || query.questions.value(0).type != quint16(DnsWire::RecordType::SOA))
                return QList<FakeDnsResponder::Reply>();
            return QList<FakeDnsResponder::Reply>{
                    {signedSoaResponse(query, clock.wallTime().addSecs(days * 86400 + 3600))}};
        });
        const AppConfig config = configWith(responder.serverString(),
                                            QStringLiteral(R"(, "dnssec_zones": [
                    {"zone": "near.test", "resolver": "lab"},
                    {"zone": "far.test", "resolver": "lab"},
                    {"zone": "quiet.test", "resolver": "lab"}])"));
        QCOMPARE(config.dnssecZones.size(), 3);
        Monitor monitor(config, EnvFallback(), MlflowCredentials(), &clock);
        PathsPane pane(&monitor);
        pane.resize(1000, 360);
        pane.show();
        ZoneSignaturesTable *table = pane.zones();
        QVERIFY(table->isVisible());
        QVERIFY(!table->accessibleName().isEmpty());
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(cell(table, 0, ZoneSignaturesTable::DetailColumn),
                 QStringLiteral("not checked yet"));

        QTRY_COMPARE_WITH_TIMEOUT(monitor.zones()->checksDone(), 2, 5000);
        clock.advance(1000); // quiet.test's timeout
        QTRY_COMPARE_WITH_TIMEOUT(monitor.zones()->checksDone(), 3, 5000);

        QCOMPARE(cell(table, 0, ZoneSignaturesTable::ZoneColumn), QStringLiteral("near.test"));
        QCOMPARE(cell(table, 0, ZoneSignaturesTable::ResolverColumn), QStringLiteral("lab"));
        QCOMPARE(cell(table, 0, ZoneSignaturesTable::DaysLeftColumn), QStringLiteral("3"));
        QCOMPARE(cell(table, 0, ZoneSignaturesTable::LevelColumn), QStringLiteral("expiring soon"));
        QCOMPARE(cell(table, 0, ZoneSignaturesTable::ValidatedColumn),
                 QStringLiteral("not validated"));
        QCOMPARE(cell(table, 0, ZoneSignaturesTable::DetailColumn), QStringLiteral("under 7 days"));
        QVERIFY(cell(table, 0, ZoneSignaturesTable::ExpiresColumn) != QLatin1String("-"));
        QCOMPARE(cell(table, 1, ZoneSignaturesTable::DaysLeftColumn), QStringLiteral("30"));
        QCOMPARE(cell(table, 1, ZoneSignaturesTable::LevelColumn), QStringLiteral("ok"));
        QCOMPARE(cell(table, 2, ZoneSignaturesTable::LevelColumn), QStringLiteral("unknown"));
        QCOMPARE(cell(table, 2, ZoneSignaturesTable::DaysLeftColumn), QStringLiteral("-"));
        QVERIFY2(cell(table, 2, ZoneSignaturesTable::DetailColumn)
                         .contains(QLatin1String("127.0.0.1")),
                 qPrintable(cell(table, 2, ZoneSignaturesTable::DetailColumn)));

        // Coloured as target states: expiring as degraded, ok as healthy, unknown as unknown.
        const StatePalette palette(QApplication::palette());
        const auto levelColor = [&](int row) {
            return table->item(row, ZoneSignaturesTable::LevelColumn)->foreground().color();
        };
        QCOMPARE(levelColor(0), palette.colors(StateLook::Degraded).foreground);
        QCOMPARE(levelColor(1), palette.colors(StateLook::Healthy).foreground);
        QCOMPARE(levelColor(2), palette.colors(StateLook::Unknown).foreground);
        QVERIFY(saveScreenshot(&pane, QStringLiteral("zone-signatures")));
    }

    void hiddenWithoutZones()
    {
        ManualClock clock;
        Monitor monitor(configWith(QStringLiteral("127.0.0.1:9"), QString()), EnvFallback(),
                        MlflowCredentials(), &clock);
        PathsPane pane(&monitor);
        pane.show();
        QVERIFY(!pane.zones()->isVisible());
        QCOMPARE(pane.zones()->rowCount(), 0);
    }
};

QTEST_MAIN(TestZoneSignaturesTable)
#include "tst_zonesignaturestable.moc"
