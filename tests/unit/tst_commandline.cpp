// The command line as parseCommandLine() reads it: argument lists in, a mode and its settings or
// the exact usage error out. No application object, no files, no environment.
#include "commandline.h"

#include <QTest>

namespace {

CommandLineParse parse(const QStringList &arguments)
{
    return parseCommandLine(QStringList{QStringLiteral("dnswatch")} + arguments);
}

CommandLine parsed(const QStringList &arguments)
{
    const CommandLineParse result = parse(arguments);
    if (!result.commandLine) { // fails the test; the caller's checks then run on defaults
        QTest::qFail(qPrintable(QStringLiteral("refused: %1").arg(result.error)), __FILE__,
                     __LINE__);
        return CommandLine();
    }
    return *result.commandLine;
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modeFollowsTheArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<RunMode>("mode");
        QTest::addColumn<bool>("drawsReports");
        QTest::newRow("nothing") << QStringList() << RunMode::Dashboard << false;
        QTest::newRow("config only")
                << QStringList{QStringLiteral("--config"), QStringLiteral("x.json")}
                << RunMode::Dashboard << false;
        QTest::newRow("demo") << QStringList{QStringLiteral("--demo")} << RunMode::Dashboard
                              << false;
        QTest::newRow("once") << QStringList{QStringLiteral("--once")} << RunMode::Once << false;
        QTest::newRow("format alone means once")
                << QStringList{QStringLiteral("--format"), QStringLiteral("json")} << RunMode::Once
                << false;
        QTest::newRow("demo with format")
                << QStringList{QStringLiteral("--demo"), QStringLiteral("--format=json")}
                << RunMode::Once << false;
        QTest::newRow("headless") << QStringList{QStringLiteral("--headless")} << RunMode::Headless
                                  << false;
        QTest::newRow("headless with a history serves reports")
                << QStringList{QStringLiteral("--headless"), QStringLiteral("--db=h.db")}
                << RunMode::Headless << true;
        QTest::newRow("headless with reports")
                << QStringList{QStringLiteral("--headless"), QStringLiteral("--db=h.db"),
                               QStringLiteral("--report-every=1h"),
                               QStringLiteral("--report-dir=/tmp")}
                << RunMode::Headless << true;
        QTest::newRow("report") << QStringList{QStringLiteral("--report"), QStringLiteral("r.pdf")}
                                << RunMode::Report << true;
        QTest::newRow("help") << QStringList{QStringLiteral("--help")} << RunMode::Help << false;
        QTest::newRow("help wins over a mode")
                << QStringList{QStringLiteral("--once"), QStringLiteral("-h")} << RunMode::Help
                << false;
        QTest::newRow("version") << QStringList{QStringLiteral("-v")} << RunMode::Version << false;
    }

    void modeFollowsTheArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(RunMode, mode);
        QFETCH(bool, drawsReports);
        const CommandLineParse result = parse(arguments);
        QVERIFY2(result.commandLine, qPrintable(result.error));
        QCOMPARE(result.commandLine->mode, mode);
        QCOMPARE(result.commandLine->drawsReports(), drawsReports);
    }

    void usageErrorsSayWhatIsWrong_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")}
                                        << QStringLiteral("Unknown option 'bogus'.");
        QTest::newRow("missing value") << QStringList{QStringLiteral("--config")}
                                       << QStringLiteral("Missing value after '--config'.");
        QTest::newRow("positional")
                << QStringList{QStringLiteral("--once"), QStringLiteral("extra")}
                << QStringLiteral("unexpected argument \"extra\"");
        QTest::newRow("range without report")
                << QStringList{QStringLiteral("--once"), QStringLiteral("--last=1h")}
                << QStringLiteral("--last belongs to --report");
        QTest::newRow("once format")
                << QStringList{QStringLiteral("--format=xml")}
                << QStringLiteral("--format must be table or json, not \"xml\"");
        QTest::newRow("report format")
                << QStringList{QStringLiteral("--report=r"), QStringLiteral("--format=table")}
                << QStringLiteral("--format of a report must be html, pdf, csv or json, not "
                                  "\"table\"");
        QTest::newRow("report and schedule")
                << QStringList{QStringLiteral("--report=r"), QStringLiteral("--report-every=1h")}
                << QStringLiteral("--report writes one report and exits; --report-every belongs "
                                  "to the agent (--headless): not both");
        QTest::newRow("report with a mode")
                << QStringList{QStringLiteral("--report=r"), QStringLiteral("--headless")}
                << QStringLiteral("--report runs on its own (the agent writes reports with "
                                  "--report-every)");
        QTest::newRow("demo with config")
                << QStringList{QStringLiteral("--demo"), QStringLiteral("-c"),
                               QStringLiteral("x.json")}
                << QStringLiteral("--demo cannot be combined with --config: the lab brings its "
                                  "own config and stays on loopback");
        QTest::newRow("TLS certificate alone")
                << QStringList{QStringLiteral("--headless"), QStringLiteral("--tls-cert=c.pem")}
                << QStringLiteral("--tls-cert and --tls-key go together: the certificate and its "
                                  "private key, or neither");
        QTest::newRow("TLS key alone")
                << QStringList{QStringLiteral("--headless"), QStringLiteral("--tls-key=k.pem")}
                << QStringLiteral("--tls-cert and --tls-key go together: the certificate and its "
                                  "private key, or neither");
        QTest::newRow("TLS without the agent")
                << QStringList{QStringLiteral("--once"), QStringLiteral("--tls-cert=c.pem"),
                               QStringLiteral("--tls-key=k.pem")}
                << QStringLiteral("--tls-cert and --tls-key belong to the agent (--headless)");
        QTest::newRow("TLS with a report")
                << QStringList{QStringLiteral("--report=r.html"), QStringLiteral("--tls-key=k")}
                << QStringLiteral("--tls-cert and --tls-key belong to the agent (--headless)");
        QTest::newRow("demo with TLS")
                << QStringList{QStringLiteral("--demo"), QStringLiteral("--headless"),
                               QStringLiteral("--tls-cert=c.pem"), QStringLiteral("--tls-key=k")}
                << QStringLiteral("--demo cannot be combined with --tls-cert: the lab brings its "
                                  "own config and stays on loopback");
        QTest::newRow("schedule without the agent")
                << QStringList{QStringLiteral("--report-every=1h"), QStringLiteral("--db=h"),
                               QStringLiteral("--report-dir=d")}
                << QStringLiteral("--report-every needs --headless, --db FILE and --report-dir "
                                  "DIR");
        QTest::newRow("schedule too long")
                << QStringList{QStringLiteral("--headless"), QStringLiteral("--db=h"),
                               QStringLiteral("--report-dir=d"),
                               QStringLiteral("--report-every=25d")}
                << QStringLiteral("--report-every: at most 24 days");
        QTest::newRow("keep zero")
                << QStringList{QStringLiteral("--headless"), QStringLiteral("--db=h"),
                               QStringLiteral("--report-dir=d"),
                               QStringLiteral("--report-every=1d"),
                               QStringLiteral("--report-keep=0")}
                << QStringLiteral("--report-keep must be a whole number of at least 1, not \"0\"");
        QTest::newRow("tokens and a token")
                << QStringList{QStringLiteral("--headless"), QStringLiteral("--tokens=/etc/t"),
                               QStringLiteral("--token=s3cret")}
                << QStringLiteral("--tokens names every token; --token and --token-file give "
                                  "one: not both (put that token in the --tokens file)");
        QTest::newRow("tokens and a token file")
                << QStringList{QStringLiteral("--headless"), QStringLiteral("--tokens=/etc/t"),
                               QStringLiteral("--token-file=/run/t")}
                << QStringLiteral("--tokens names every token; --token and --token-file give "
                                  "one: not both (put that token in the --tokens file)");
        QTest::newRow("demo with tokens")
                << QStringList{QStringLiteral("--demo"), QStringLiteral("--tokens=/etc/t")}
                << QStringLiteral("--demo cannot be combined with --tokens: the lab brings its "
                                  "own config and stays on loopback");
        QTest::newRow("report dir alone")
                << QStringList{QStringLiteral("--headless"), QStringLiteral("--report-dir=d")}
                << QStringLiteral("--report-dir and --report-keep belong to --report-every");
    }

    void usageErrorsSayWhatIsWrong()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        const CommandLineParse result = parse(arguments);
        QVERIFY(!result.commandLine);
        QCOMPARE(result.error, error);
    }

    void badDurationsAndAddressesNameTheOption()
    {
        const CommandLineParse every = parse(
                {QStringLiteral("--headless"), QStringLiteral("--db=h"),
                 QStringLiteral("--report-dir=d"), QStringLiteral("--report-every=soon")});
        QVERIFY(!every.commandLine);
        QVERIFY2(every.error.startsWith(QLatin1String("--report-every: ")), qPrintable(every.error));
        const CommandLineParse listen = parse(
                {QStringLiteral("--headless"), QStringLiteral("--listen=nowhere:1")});
        QVERIFY(!listen.commandLine);
        QVERIFY2(listen.error.startsWith(QLatin1String("--listen: ")), qPrintable(listen.error));
    }

    void agentSettingsAreRead()
    {
        const CommandLine defaults = parsed({QStringLiteral("--headless")});
        QCOMPARE(defaults.listenAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(defaults.listenPort, quint16(9108));
        QVERIFY(!defaults.token);
        QVERIFY(defaults.tokenFile.isEmpty());
        QVERIFY(!defaults.reportSchedule);

        const CommandLine v6 = parsed(
                {QStringLiteral("--headless"), QStringLiteral("--listen=[::1]:9200"),
                 QStringLiteral("--token=s3cret"), QStringLiteral("--token-file=/run/t")});
        QCOMPARE(v6.listenAddress, QHostAddress(QHostAddress::LocalHostIPv6));
        QCOMPARE(v6.listenPort, quint16(9200));
        QCOMPARE(v6.token, std::optional<QString>(QStringLiteral("s3cret")));
        QCOMPARE(v6.tokenFile, QStringLiteral("/run/t"));
        const CommandLine named = parsed({QStringLiteral("--headless"), QStringLiteral("--tokens"),
                                          QStringLiteral("/etc/t")});
        QCOMPARE(named.tokensFile, QStringLiteral("/etc/t"));
        QVERIFY(!named.token);

        // An address without a port listens on the agent's usual port.
        const CommandLine bare = parsed(
                {QStringLiteral("--headless"), QStringLiteral("--listen=127.0.0.2")});
        QCOMPARE(bare.listenAddress, QHostAddress(QStringLiteral("127.0.0.2")));
        QCOMPARE(bare.listenPort, quint16(9108));

        const CommandLine scheduled = parsed(
                {QStringLiteral("--headless"), QStringLiteral("--db=/var/h.db"),
                 QStringLiteral("--report-every=12h"), QStringLiteral("--report-dir=/srv/r"),
                 QStringLiteral("--report-keep=3"), QStringLiteral("--format=csv")});
        QVERIFY(scheduled.reportSchedule);
        QCOMPARE(scheduled.reportSchedule->intervalS, qint64(12 * 3600));
        QCOMPARE(scheduled.reportSchedule->directory, QStringLiteral("/srv/r"));
        QCOMPARE(scheduled.reportSchedule->keep, 3);
        QCOMPARE(scheduled.reportSchedule->format, ReportFormat::Csv);
        QCOMPARE(scheduled.dbPath, QStringLiteral("/var/h.db"));
    }

    void tlsFilesAreRead()
    {
        const CommandLine plain = parsed({QStringLiteral("--headless")});
        QVERIFY(plain.tlsCertificate.isEmpty());
        QVERIFY(plain.tlsKey.isEmpty());
        const CommandLine tls = parsed({QStringLiteral("--headless"),
                                        QStringLiteral("--tls-cert=/etc/c.pem"),
                                        QStringLiteral("--tls-key"), QStringLiteral("/run/k.pem")});
        QCOMPARE(tls.tlsCertificate, QStringLiteral("/etc/c.pem"));
        QCOMPARE(tls.tlsKey, QStringLiteral("/run/k.pem"));
    }

    void reportSettingsAreRead()
    {
        const CommandLine report = parsed({QStringLiteral("--report=week.json"),
                                           QStringLiteral("--db=h.db"),
                                           QStringLiteral("--from=2026-11-25T08:00:00Z"),
                                           QStringLiteral("--to=2026-11-26T08:00:00Z"),
                                           QStringLiteral("-c"), QStringLiteral("site.json")});
        QCOMPARE(report.mode, RunMode::Report);
        QCOMPARE(report.report.path, QStringLiteral("week.json"));
        QVERIFY(!report.report.format); // from the extension, when it is written
        QCOMPARE(report.report.from, QStringLiteral("2026-11-25T08:00:00Z"));
        QCOMPARE(report.report.to, QStringLiteral("2026-11-26T08:00:00Z"));
        QVERIFY(report.report.last.isEmpty());
        QCOMPARE(report.report.dbPath, QStringLiteral("h.db"));
        QCOMPARE(report.configPath, QStringLiteral("site.json"));

        const CommandLine pdf = parsed({QStringLiteral("--report=out"),
                                        QStringLiteral("--format=pdf"),
                                        QStringLiteral("--last=7d")});
        QCOMPARE(pdf.report.format, std::optional<ReportFormat>(ReportFormat::Pdf));
        QCOMPARE(pdf.report.last, QStringLiteral("7d"));
    }

    void dashboardSettingsAreRead()
    {
        const CommandLine dashboard = parsed({QStringLiteral("--lang=de"), QStringLiteral("--db=h"),
                                              QStringLiteral("--config=site.json")});
        QCOMPARE(dashboard.mode, RunMode::Dashboard);
        QCOMPARE(dashboard.language, QStringLiteral("de"));
        QCOMPARE(dashboard.dbPath, QStringLiteral("h"));
        QCOMPARE(dashboard.configPath, QStringLiteral("site.json"));
        QVERIFY(!dashboard.demo);
        QCOMPARE(parsed({QStringLiteral("--once")}).onceFormat, QStringLiteral("table"));
        QCOMPARE(parsed({QStringLiteral("--once"), QStringLiteral("--format=json")}).onceFormat,
                 QStringLiteral("json"));
        QVERIFY(parsed({QStringLiteral("--demo"), QStringLiteral("--headless")}).demo);
    }

    void helpStatesTheExitRuleOfOnce()
    {
        const QString help = commandLineHelp();
        QVERIFY(help.contains(QLatin1String("--report-every <duration>")));
        QVERIFY(help.contains(QLatin1String("0  every critical target is up")));
        QVERIFY(help.contains(QLatin1String("its service check, where one runs, passed")));
        QVERIFY(help.contains(QLatin1String("1  a critical target is down")));
        QVERIFY(help.contains(QLatin1String("2  a usage or config error")));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
