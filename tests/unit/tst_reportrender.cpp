// The HTML and PDF reports and their charts from a hand-built report with hostile text in every
// place the data reaches: the HTML as a browser's parser sees it (Python's html.parser: no
// script, no handlers, nothing external, the hostile names as text), the PDF as poppler sees it
// (pages, page numbers, text, charts whole and as vectors), charts of awkward series, the HTML's
// palette PNGs against the charts drawn, and the same bytes on any thread.
// The rendered report is saved next to the test (tests/screenshots) for people to look at.
#include "reportchart.h"
#include "reportchartpng.h"
#include "reporthtml.h"
#include "reportmarkup.h"
#include "reportpdf.h"
#include "reportwording.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <limits>

Q_DECLARE_METATYPE(ReportPoint)

namespace {
const QString HostileName = QStringLiteral("<script>alert(1)</script>");
const QString HostileHost = QStringLiteral("evil\"'<>.test");
const QString HostileReason = QStringLiteral("</td><img src=x onerror=alert(1)>");
const QString HostileDetail = QStringLiteral("\"><svg onload=alert(3)> & 'quoted' \x01 end");
const QDateTime From(QDate(2024, 5, 1), QTime(8, 0), Qt::UTC);

QList<ReportPoint> series(int count, qint64 firstFallback, qint64 lastFallback)
{
    QList<ReportPoint> points;
    for (int i = 0; i < count; ++i) {
        ReportPoint point;
        point.start = From.addSecs(60 * i);
        point.widthS = 60;
        point.probes = 6;
        const bool fallback = i >= firstFallback && i <= lastFallback;
        point.viaFallback = fallback ? 4 : 0;
        point.dnsSuccessPct = fallback ? 100.0 / 3 : 100;
        point.serviceSuccessPct = i == 70 ? 0 : 100 - (i % 7 == 0 ? 100.0 / 6 : 0);
        point.hasLatency = i >= 10; // the first ten minutes predate history schema 2
        point.dnsP50Ms = 2 + (i % 5);
        point.dnsP95Ms = point.dnsP50Ms + 6 + (fallback ? 40 : 0);
        point.serviceP50Ms = 20 + (i % 9);
        point.serviceP95Ms = point.serviceP50Ms + 15;
        if (i >= 60 && i < 64)
            continue; // a gap: nothing recorded
        points.append(point);
    }
    return points;
}

StoredEvent storedEvent(const QString &kind, int minute, const QString &host, const QString &detail)
{
    StoredEvent stored;
    stored.time = From.addSecs(60 * minute + 7);
    stored.kind = kind;
    stored.resolver = QStringLiteral("dnsmasq");
    stored.host = host;
    stored.detail = detail;
    return stored;
}

TargetReport target(const QString &name, const QString &host)
{
    TargetReport target;
    target.name = name;
    target.host = host;
    target.resolver = QStringLiteral("dnsmasq");
    target.probes = 600;
    target.dnsOk = 540; // 90.0 %
    target.checks = 600;
    target.checkOk = 599; // 99.8 %, rounded down
    target.viaFallback = 64;
    target.minutesWithData = 96;
    target.fallbackMinutes = 16;
    target.downMinutes = 1;
    target.dnsLatency = {540, 3.2, 46.5, 51.0};
    target.serviceLatency = {600, 24, 38, 120.4};
    target.fallbackEventsByTier = {{QStringLiteral("stale"), 3}, {QStringLiteral("pinned"), 1}};
    StoredEvent change = storedEvent(QStringLiteral("addresses_changed"), 30, host, HostileDetail);
    change.before = {QStringLiteral("10.0.0.1")};
    change.after = {QStringLiteral("10.0.0.2"), QStringLiteral("fd00::2")};
    target.addressChanges = {change};
    target.checkEvents = {storedEvent(QStringLiteral("paths_diverged"), 40, host, HostileDetail)};
    ReportCacheEntry entry;
    entry.resolver = QStringLiteral("dnsmasq");
    entry.host = host;
    entry.state = QStringLiteral("stale");
    entry.addresses = {QHostAddress(QStringLiteral("10.0.0.2"))};
    entry.expiresAt = From.addSecs(100 * 60 + 30);
    target.cache = {entry};
    target.series = series(100, 40, 55);
    return target;
}

HealthReport fixture(int extraTargets = 0)
{
    HealthReport report;
    report.from = From;
    report.to = From.addSecs(100 * 60);
    report.generatedAt = report.to.addSecs(65);
    report.generatedOn = QStringLiteral("ops-box <01>");
    report.version = QStringLiteral("0.1.0");
    report.configSource = QStringLiteral("/etc/dnswatch/dns&watch.json");
    report.configDigest = QStringLiteral(
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    report.historyPath = QStringLiteral("/var/lib/dnswatch/history.sqlite");
    report.minutesWithData = 100;
    report.readyMinutes = 90; // 90.0 %
    report.fallbackMinutes = 1234;
    report.downMinutes = 7;

    TargetReport api = target(QStringLiteral("api"), QStringLiteral("api.example.test"));
    TargetReport hostile = target(HostileName, HostileHost);
    hostile.critical = false;
    hostile.probes = 1000;
    hostile.dnsOk = 999; // 99.9 %
    hostile.checkOk = 999;
    ReportPin pin;
    pin.host = HostileHost;
    pin.addresses = {QHostAddress(QStringLiteral("192.0.2.7"))};
    pin.origin = QStringLiteral("operator");
    pin.reason = HostileReason;
    pin.pinnedAt = From.addSecs(45 * 60);
    pin.expiresAt = From.addSecs(6 * 3600);
    hostile.pin = pin;
    report.targets = {api, hostile};
    for (int i = 0; i < extraTargets; ++i)
        report.targets.append(target(QStringLiteral("svc-%1").arg(i + 1),
                                     QStringLiteral("svc-%1.example.test").arg(i + 1)));

    ReportIncident incident;
    incident.target = HostileName;
    incident.start = From.addSecs(70 * 60);
    incident.end = From.addSecs(77 * 60);
    incident.minutes = 7;
    incident.cause = QStringLiteral("timeout from 127.0.0.1:53 <b>&amp;</b>");
    report.worstIncidents = {incident};

    StoredEvent pinned = storedEvent(QStringLiteral("pinned"), 45, HostileHost, HostileReason);
    pinned.after = {QStringLiteral("192.0.2.7")};
    report.operatorActions = {
            pinned,
            storedEvent(QStringLiteral("forced_re_resolve"), 50, QStringLiteral("api.example.test"),
                        QStringLiteral("operator asked")),
            storedEvent(QStringLiteral("cache_cleared"), 80, QString(), HostileDetail),
    };
    // A zone's signatures expired and were renewed; the zone's name is as hostile as a host.
    report.zoneSignatureEvents = {
            storedEvent(QStringLiteral("zone_signatures_expired"), 20, HostileHost, HostileDetail),
            storedEvent(QStringLiteral("zone_signatures_ok"), 90, HostileHost,
                        QStringLiteral("re-signed zone")),
    };
    report.notes = {QStringLiteral("Raw results are kept for 24 h only; <older> minutes are "
                                   "from the aggregates.")};
    return report;
}

QString screenshotPath(const QString &name)
{
    QDir().mkpath(QStringLiteral(DNSWATCH_SCREENSHOT_DIR));
    return QStringLiteral(DNSWATCH_SCREENSHOT_DIR "/") + name;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Runs program to its end (a minute at most); its standard output, or why it failed.
bool run(const QString &program, const QStringList &arguments, QByteArray *out, QString *why)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60'000)) {
        *why = program + QStringLiteral(": ") + process.errorString();
        process.kill();
        return false;
    }
    *out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *why = program + QStringLiteral(" exited with %1: ").arg(process.exitCode())
                + QString::fromUtf8(*out + err);
        return false;
    }
    return true;
}

QString poppler(const QString &tool) { return QStandardPaths::findExecutable(tool); }

qsizetype nonWhitePixels(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    qsizetype count = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            if (qRed(line[x]) < 230 || qGreen(line[x]) < 230 || qBlue(line[x]) < 230)
                ++count;
    }
    return count;
}
} // namespace

class TestReportRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!poppler(QStringLiteral("pdftoppm")).isEmpty(),
                 "pdftoppm not found: install poppler-utils (scripts/deps.sh test)");
        QVERIFY2(!poppler(QStringLiteral("pdftotext")).isEmpty(),
                 "pdftotext not found: install poppler-utils (scripts/deps.sh test)");
        QVERIFY2(!poppler(QStringLiteral("pdfimages")).isEmpty(),
                 "pdfimages not found: install poppler-utils (scripts/deps.sh test)");
    }

    void htmlIsSafeAndSelfContained()
    {
        const QByteArray html = reportHtml(fixture());
        const QString path = screenshotPath(QStringLiteral("report.html"));
        QVERIFY(writeFile(path, html));
        QByteArray out;
        QString why;
        const bool ok = run(QStringLiteral(DNSWATCH_PYTHON),
                            {QStringLiteral(DNSWATCH_CHECK_REPORT_HTML), path,
                             QStringLiteral("--images"), QStringLiteral("4"),
                             QStringLiteral("--text"), HostileName, QStringLiteral("--text"),
                             QStringLiteral("Target: ") + HostileName, QStringLiteral("--text"),
                             HostileHost, QStringLiteral("--text"), HostileReason},
                            &out, &why);
        QVERIFY2(ok, qPrintable(why));
        qInfo("%s", out.trimmed().constData());
    }

    void htmlEscapesWhatTheDataSays()
    {
        const QString html = QString::fromUtf8(reportHtml(fixture()));
        QVERIFY(!html.contains(HostileName));
        QVERIFY(!html.contains(HostileReason));
        QVERIFY(!html.contains(QStringLiteral("<svg")));
        QVERIFY(!html.contains(QStringLiteral("<b>")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;")));
        QVERIFY(html.contains(QStringLiteral("evil&quot;&#39;&lt;&gt;.test")));
        QVERIFY(html.contains(QStringLiteral("dns&amp;watch.json")));
        QVERIFY(!html.contains(QChar(0x01))); // control characters do not reach the file
        QVERIFY(html.contains(QStringLiteral("alt=\"Success rate of &lt;script&gt;")));
        // The target's path divergence, in words, under a heading of its own.
        QVERIFY(html.contains(QStringLiteral("<h3>Compared paths and zone serials</h3>")));
        QVERIFY(html.contains(QStringLiteral("<td>Paths diverged</td>")));
        // The zone's signature events, in words, oldest first, in a section of the report's own.
        QCOMPARE(html.count(QStringLiteral("<h2>DNSSEC zone signatures</h2>")), 1);
        const qsizetype expired = html.indexOf(
                QStringLiteral("<tr><td>") + ReportWording::localTime(From.addSecs(20 * 60 + 7))
                + QStringLiteral("</td><td>evil&quot;&#39;&lt;&gt;.test</td>"
                                 "<td>Zone signatures expired</td>"));
        QVERIFY(expired > 0);
        const qsizetype renewed = html.indexOf(
                QStringLiteral("<td>Zone signatures fine again</td><td>re-signed zone</td></tr>"));
        QVERIFY(renewed > expired);
    }

    void htmlShowsTheSummaryNumbersInOrder()
    {
        const QString html = QString::fromUtf8(reportHtml(fixture()));
        QVERIFY(html.contains(QStringLiteral(">90.0 %<"))); // readiness: 90 of 100 minutes
        QVERIFY(html.contains(QStringLiteral(">1,234 min<"))); // fallback minutes
        QVERIFY(html.contains(QStringLiteral(">7 min<"))); // down
        QVERIFY(html.contains(QStringLiteral(">99.8 %<"))); // 599 of 600, rounded down
        QVERIFY(html.contains(QStringLiteral(">99.9 %<"))); // 999 of 1000
        QVERIFY(!html.contains(QStringLiteral(">100.0 %<")));
        QVERIFY(html.contains(QStringLiteral(">47 ms<"))); // DNS p95, 46.5 ms
        QVERIFY(html.contains(QStringLiteral("10.0.0.1 \u2192 10.0.0.2, fd00::2")));
        QVERIFY(html.contains(QStringLiteral("Force re-resolve")));
        QVERIFY(html.contains(QStringLiteral(
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")));
        QVERIFY(html.contains(QStringLiteral("1 h 40 min"))); // the range's length
        QVERIFY(!html.contains(QStringLiteral("No incidents")));

        const QStringList sections = {
                QStringLiteral("<h1>"),
                QStringLiteral(">Summary<"),
                QStringLiteral(">Worst incidents<"),
                QStringLiteral(">Target: api<"),
                QStringLiteral(">Target: &lt;script&gt;"),
                QStringLiteral(">DNSSEC zone signatures<"),
                QStringLiteral(">Operator actions<"),
                QStringLiteral(">Notes<"),
        };
        qsizetype last = -1;
        for (const QString &section : sections) {
            const qsizetype at = html.indexOf(section);
            QVERIFY2(at > last, qPrintable(section));
            last = at;
        }
    }

    void emptyReportReadsWell()
    {
        const QString html = QString::fromUtf8(reportHtml(HealthReport()));
        QVERIFY(html.contains(QStringLiteral("No incidents in this range.")));
        QVERIFY(html.contains(QStringLiteral("No targets in this report.")));
        QVERIFY(html.contains(QStringLiteral("No operator actions in this range.")));
        QVERIFY(!html.contains(QStringLiteral("<img")));
        // Like a target's check events: no zone signature events, no section.
        QVERIFY(!html.contains(QStringLiteral("DNSSEC zone signatures")));

        QString error;
        const QByteArray pdf = reportPdf(HealthReport(), &error);
        QVERIFY2(pdf.startsWith("%PDF-"), qPrintable(error));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        const QString path = screenshotPath(QStringLiteral("report-empty.pdf"));
        QVERIFY(writeFile(path, pdf));
        QByteArray out;
        QString why;
        QVERIFY2(run(poppler(QStringLiteral("pdftotext")), {path, QStringLiteral("-")}, &out, &why),
                 qPrintable(why));
        const QString text = QString::fromUtf8(out);
        QVERIFY2(text.contains(QStringLiteral("Page 1 of 1")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("No incidents in this range.")));
    }

    void pdfHasNumberedPagesAndText()
    {
        QString error;
        const QByteArray pdf = reportPdf(fixture(1), &error);
        QVERIFY2(pdf.startsWith("%PDF-"), qPrintable(error));
        const QString path = screenshotPath(QStringLiteral("report.pdf"));
        QVERIFY(writeFile(path, pdf));

        // Page 1, as pdftoppm draws it: not blank.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray out;
        QString why;
        QVERIFY2(run(poppler(QStringLiteral("pdftoppm")),
                     {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"),
                      QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                      QStringLiteral("1"), path, dir.filePath(QStringLiteral("page"))},
                     &out, &why),
                 qPrintable(why));
        const QStringList pngs = QDir(dir.path()).entryList({QStringLiteral("page*.png")});
        QCOMPARE(pngs.size(), 1);
        const QImage page(dir.filePath(pngs.first()));
        QVERIFY(!page.isNull());
        QVERIFY2(nonWhitePixels(page) > page.width() * page.height() / 100,
                 "page 1 is (nearly) blank");

        // Its text, as pdftotext reads it: page numbers, the hostile names as text.
        QVERIFY2(run(poppler(QStringLiteral("pdftotext")),
                     {QStringLiteral("-layout"), path, QStringLiteral("-")}, &out, &why),
                 qPrintable(why));
        const QString text = QString::fromUtf8(out);
        const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("Page 1 of (\\d+)"))
                                                      .match(text);
        QVERIFY2(match.hasMatch(), qPrintable(text.left(2000)));
        const int pages = match.captured(1).toInt();
        QVERIFY2(pages > 3, qPrintable(QString::number(pages))); // a page per target at least
        QCOMPARE(text.count(QChar(u'\f')), pages);
        QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));
        QVERIFY(text.contains(QStringLiteral("Target: ") + HostileName));
        QVERIFY(text.contains(HostileHost));
        QVERIFY(text.contains(QStringLiteral("90.0 %")));
        QVERIFY(!text.contains(QStringLiteral("No incidents")));
        QVERIFY(text.contains(QStringLiteral("DNSSEC zone signatures")));
        QVERIFY(text.contains(QStringLiteral("Zone signatures expired")));
    }

    void pdfKeepsRowsWholeAndRepeatsHeaders()
    {
        // Operator actions over several pages, rows of one to four lines: each row's first and
        // last words land on one page, and every page of the table starts with its header.
        HealthReport report = fixture();
        report.operatorActions.clear();
        for (int i = 0; i < 150; ++i) {
            QString detail = QStringLiteral("row%1start").arg(i);
            for (int words = 0; words < (i * 7) % 5; ++words)
                detail += QStringLiteral(" asked by the on-call engineer after the alert fired");
            detail += QStringLiteral(" row%1end").arg(i);
            report.operatorActions.append(storedEvent(QStringLiteral("forced_re_resolve"), i % 100,
                                                      QStringLiteral("api.example.test"), detail));
        }
        const QString path = screenshotPath(QStringLiteral("report-long.pdf"));
        QVERIFY(writeFile(path, reportPdf(report)));
        QByteArray out;
        QString why;
        QVERIFY2(run(poppler(QStringLiteral("pdftotext")), {path, QStringLiteral("-")}, &out, &why),
                 qPrintable(why));
        const QStringList pages = QString::fromUtf8(out).split(QChar(u'\f'));
        QHash<int, int> startPage;
        QHash<int, int> endPage;
        int tablePages = 0;
        static const QRegularExpression start(QStringLiteral("\\brow(\\d+)start\\b"));
        static const QRegularExpression end(QStringLiteral("\\brow(\\d+)end\\b"));
        for (int page = 0; page < pages.size(); ++page) {
            bool rowsHere = false;
            for (auto it = start.globalMatch(pages.at(page)); it.hasNext();) {
                const int row = it.next().captured(1).toInt();
                QVERIFY2(!startPage.contains(row), qPrintable(QString::number(row)));
                startPage.insert(row, page);
                rowsHere = true;
            }
            for (auto it = end.globalMatch(pages.at(page)); it.hasNext();)
                endPage.insert(it.next().captured(1).toInt(), page);
            if (rowsHere) {
                ++tablePages;
                QVERIFY2(pages.at(page).contains(QStringLiteral("Host / target")),
                         qPrintable(QStringLiteral("no header on page %1").arg(page + 1)));
            }
        }
        QCOMPARE(startPage.size(), 150);
        QCOMPARE(endPage.size(), 150);
        for (auto it = startPage.cbegin(); it != startPage.cend(); ++it)
            QVERIFY2(endPage.value(it.key()) == it.value(),
                     qPrintable(QStringLiteral("row %1 is cut by a page break").arg(it.key())));
        QVERIFY(tablePages >= 3);
    }

    void pdfDrawsEachChartWholeAsVectors()
    {
        // More and more address changes put the charts at every height of a page. A chart is
        // vectors and words (no image in the PDF), drawn on one page only (a page cut through it
        // would draw it on both), on the page with the other chart of its target.
        HealthReport report = fixture(6);
        for (qsizetype i = 0; i < report.targets.size(); ++i) {
            TargetReport &target = report.targets[i];
            for (qsizetype n = 0; n < 9 * i; ++n)
                target.addressChanges.append(target.addressChanges.first());
        }
        const QString path = screenshotPath(QStringLiteral("report-charts.pdf"));
        QVERIFY(writeFile(path, reportPdf(report)));
        QByteArray out;
        QString why;
        QVERIFY2(run(poppler(QStringLiteral("pdfimages")), {QStringLiteral("-list"), path}, &out,
                     &why),
                 qPrintable(why));
        QCOMPARE(QString::fromUtf8(out).trimmed().split(u'\n').size(), 2); // the header only
        QVERIFY2(run(poppler(QStringLiteral("pdftotext")), {path, QStringLiteral("-")}, &out, &why),
                 qPrintable(why));
        const QStringList pages = QString::fromUtf8(out).split(QChar(u'\f'));
        qsizetype successCharts = 0;
        qsizetype latencyCharts = 0;
        for (qsizetype page = 0; page < pages.size(); ++page) {
            const qsizetype success = pages.at(page).count(QStringLiteral("Success rate, %"));
            const qsizetype latency = pages.at(page).count(QStringLiteral("Latency, ms"));
            QVERIFY2(success == latency, qPrintable(QStringLiteral("page %1").arg(page + 1)));
            successCharts += success;
            latencyCharts += latency;
        }
        QCOMPARE(successCharts, report.targets.size());
        QCOMPARE(latencyCharts, report.targets.size());
    }

    void chartPngLooksLikeTheChart()
    {
        // The HTML's PNG has a palette of the chart's most used colours: nearly every pixel as
        // drawn (98 % of them for this series), the rest (edges of lines and letters) close to it.
        const QList<ReportPoint> points = series(100, 40, 55);
        const QDateTime to = From.addSecs(6000);
        for (const ReportChart kind : {ReportChart::SuccessRate, ReportChart::Latency}) {
            const QImage drawn = renderReportChart(kind, points, From, to, QSize(820, 250), 1.5);
            const QByteArray bytes = reportChartPng(kind, points, From, to, QSize(820, 250), 1.5);
            QCOMPARE(reportChartPng(kind, points, From, to, QSize(820, 250), 1.5), bytes);
            const QImage png = QImage::fromData(bytes, "PNG");
            QCOMPARE(png.format(), QImage::Format_Indexed8);
            QCOMPARE(png.size(), drawn.size());
            const QImage decoded = png.convertToFormat(QImage::Format_RGB32);
            qsizetype same = 0;
            int worst = 0;
            for (int y = 0; y < drawn.height(); ++y) {
                for (int x = 0; x < drawn.width(); ++x) {
                    const QRgb a = drawn.pixel(x, y);
                    const QRgb b = decoded.pixel(x, y);
                    same += a == b ? 1 : 0;
                    worst = std::max({worst, std::abs(qRed(a) - qRed(b)),
                                      std::abs(qGreen(a) - qGreen(b)),
                                      std::abs(qBlue(a) - qBlue(b))});
                }
            }
            QVERIFY2(same > drawn.width() * drawn.height() * 97 / 100,
                     qPrintable(QString::number(same)));
            QVERIFY2(worst <= 64, qPrintable(QString::number(worst)));
        }
    }

    void chartHasTheAskedSize_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QList<ReportPoint>>("points");
        QTest::addColumn<bool>("withRange");
        QTest::addColumn<qreal>("ratio");

        const QList<ReportPoint> one = series(1, 0, 0);
        QList<ReportPoint> oneWithoutLatency = one;
        oneWithoutLatency.first().hasLatency = false;
        QList<ReportPoint> nonsense = series(3, 1, 1);
        nonsense[0].dnsP95Ms = std::numeric_limits<double>::quiet_NaN();
        nonsense[1].start = QDateTime();
        nonsense[2].dnsSuccessPct = 250;
        for (const int kind : {int(ReportChart::SuccessRate), int(ReportChart::Latency)}) {
            const char *name = kind == int(ReportChart::SuccessRate) ? "success" : "latency";
            const QList<ReportPoint> none;
            QTest::addRow("%s empty", name) << kind << none << true << 1.0;
            QTest::addRow("%s empty, no range", name) << kind << none << false << 2.0;
            QTest::addRow("%s one point", name) << kind << one << true << 3.0;
            QTest::addRow("%s one point, no range", name) << kind << one << false << 1.0;
            QTest::addRow("%s no latency", name) << kind << oneWithoutLatency << true << 1.5;
            QTest::addRow("%s nonsense", name) << kind << nonsense << false << 1.0;
            QTest::addRow("%s full", name) << kind << series(100, 40, 55) << true << 2.0;
        }
    }

    void chartHasTheAskedSize()
    {
        QFETCH(int, kind);
        QFETCH(QList<ReportPoint>, points);
        QFETCH(bool, withRange);
        QFETCH(qreal, ratio);
        const QSize size(480, 200);
        const QImage image = renderReportChart(
                ReportChart(kind), points, withRange ? From : QDateTime(),
                withRange ? From.addSecs(6000) : QDateTime(), size, ratio);
        QCOMPARE(image.size(), size * ratio);
        QCOMPARE(image.devicePixelRatio(), ratio);
        QCOMPARE(image.deviceIndependentSize().toSize(), size);
        QVERIFY(nonWhitePixels(image) > 0); // axes and words at least
        QCOMPARE(image.pixel(0, 0), qRgb(255, 255, 255)); // white, for print
    }

    void chartMarksFallbackBuckets()
    {
        const QSize size(480, 200);
        const auto amber = [](const QImage &image) {
            qsizetype count = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const QRgb p = image.pixel(x, y);
                    count += qRed(p) > 200 && qGreen(p) > 120 && qBlue(p) < 120 ? 1 : 0;
                }
            return count;
        };
        const auto render = [&](const QList<ReportPoint> &points) {
            return renderReportChart(ReportChart::SuccessRate, points, From, From.addSecs(6000),
                                     size);
        };
        // The legend shows the mark in both; the buckets with fallback add much more of it.
        QVERIFY(amber(render(series(100, 40, 55))) > 2 * amber(render(series(100, -1, -1))));
    }

    void savesChartsForPeopleToSee_data()
    {
        QTest::addColumn<qint64>("rangeS");
        QTest::addColumn<int>("bucketS");
        QTest::newRow("10 min") << qint64(600) << 10;
        QTest::newRow("100 min") << qint64(6000) << 60;
        QTest::newRow("1 day") << qint64(86400) << 900;
        QTest::newRow("7 days") << qint64(7 * 86400) << 3600;
        QTest::newRow("30 days") << qint64(30 * 86400) << 6 * 3600;
    }

    void savesChartsForPeopleToSee()
    {
        // Time axes over short and long ranges, at the size the PDF uses.
        QFETCH(qint64, rangeS);
        QFETCH(int, bucketS);
        QList<ReportPoint> points = series(int(rangeS / bucketS), rangeS / bucketS / 3,
                                           rangeS / bucketS / 2);
        for (qsizetype i = 0; i < points.size(); ++i) {
            points[i].start = From.addSecs(i * bucketS);
            points[i].widthS = bucketS;
        }
        const QString name = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
        for (const ReportChart kind : {ReportChart::SuccessRate, ReportChart::Latency}) {
            const QImage image = renderReportChart(kind, points, From, From.addSecs(rangeS),
                                                   QSize(660, 230), 1.0);
            const QString file = screenshotPath(
                    QStringLiteral("report-chart-%1-%2.png")
                            .arg(name, reportChartTitle(kind).toLower().replace(u' ', u'-')));
            QVERIFY(image.save(file));
        }
    }

    void sameBytesOnAnyThread()
    {
        const HealthReport report = fixture();
        const QByteArray onMain = reportHtml(report);
        QByteArray onWorker;
        QByteArray pdf;
        QString error;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            onWorker = reportHtml(report);
            pdf = reportPdf(report, &error);
        }));
        worker->start();
        QVERIFY(worker->wait(120'000));
        QVERIFY(onMain == onWorker);
        QCOMPARE(reportHtml(report), onMain); // and again: nothing reads the clock
        QVERIFY2(pdf.startsWith("%PDF-"), qPrintable(error));
    }

    void savesPagesForPeopleToSee()
    {
        // Every page at 80 dpi next to the test, for a look at the layout.
        const QString path = screenshotPath(QStringLiteral("report.pdf"));
        QVERIFY(writeFile(path, reportPdf(fixture(1))));
        QByteArray out;
        QString why;
        QVERIFY2(run(poppler(QStringLiteral("pdftoppm")),
                     {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("80"), path,
                      screenshotPath(QStringLiteral("report-pdf-page"))},
                     &out, &why),
                 qPrintable(why));
        qInfo("pages: %s", qPrintable(screenshotPath(QStringLiteral("report-pdf-page-*.png"))));
    }
};

QTEST_MAIN(TestReportRender)
#include "tst_reportrender.moc"
