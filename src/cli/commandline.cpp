#include "commandline.h"

#include "dns/nameserver.h"
#include "reportrange.h"

#include <QCommandLineParser>

namespace {

// Every option of `dnswatch`, made once for a parser.
struct Options
{
    QCommandLineOption once{QStringLiteral("once"),
                            QStringLiteral("Resolve every target once, print, and exit.")};
    QCommandLineOption config{QStringList{QStringLiteral("c"), QStringLiteral("config")},
                              QStringLiteral("Read the JSON config from <file>."),
                              QStringLiteral("file")};
    QCommandLineOption format{
            QStringLiteral("format"),
            QStringLiteral("Output of --once: table (default) or json. Of --report and "
                           "--report-every: html, pdf, csv or json."),
            QStringLiteral("format"), QStringLiteral("table")};
    QCommandLineOption headless{
            QStringLiteral("headless"),
            QStringLiteral("Run the agent: probe in the background, serve metrics and health.")};
    QCommandLineOption listen{
            QStringLiteral("listen"),
            QStringLiteral("Agent address and port (default 127.0.0.1:9108). Anything but "
                           "loopback needs --tokens or --token."),
            QStringLiteral("address:port"), QStringLiteral("127.0.0.1:9108")};
    QCommandLineOption token{
            QStringLiteral("token"),
            QStringLiteral("Bearer token every agent endpoint but /healthz then requires. Visible "
                           "to other users in ps: prefer --token-file or DNSWATCH_TOKEN."),
            QStringLiteral("token")};
    QCommandLineOption tokenFile{
            QStringLiteral("token-file"),
            QStringLiteral("Read the bearer token from <file> (its first line)."),
            QStringLiteral("file")};
    QCommandLineOption tokens{
            QStringLiteral("tokens"),
            QStringLiteral("Named bearer tokens, one a line: NAME ROLE TOKEN, ROLE read or "
                           "operate (actions need operate). Only its owner may read <file>."),
            QStringLiteral("file")};
    QCommandLineOption tlsCert{
            QStringLiteral("tls-cert"),
            QStringLiteral("Serve HTTPS with the PEM certificate in <file> (then its chain). With "
                           "--tls-key."),
            QStringLiteral("file")};
    QCommandLineOption tlsKey{
            QStringLiteral("tls-key"),
            QStringLiteral("The certificate's PEM private key (RSA or EC, unencrypted, readable "
                           "by the agent's user alone)."),
            QStringLiteral("file")};
    QCommandLineOption demo{
            QStringLiteral("demo"),
            QStringLiteral(
                    "Watch a built-in lab of fake local names whose DNS fails on a script.")};
    QCommandLineOption db{
            QStringLiteral("db"),
            QStringLiteral("Keep the history in the SQLite file <file> (created if missing): "
                           "results, events, pins and the last-known-good cache, which a restart "
                           "with DNS down still serves."),
            QStringLiteral("file")};
    QCommandLineOption lang{
            QStringLiteral("lang"),
            QStringLiteral("Language of the dashboard, e.g. de or en (default: the system "
                           "locale's). The --once and agent output stay English."),
            QStringLiteral("code")};
    QCommandLineOption report{
            QStringLiteral("report"),
            QStringLiteral("Write a health report of the history (--db) to <file>, then exit."),
            QStringLiteral("file")};
    QCommandLineOption from{
            QStringLiteral("from"),
            QStringLiteral("Start of the report's range, ISO 8601 (e.g. 2026-11-25T08:00:00Z; "
                           "without an offset: local time). With --to."),
            QStringLiteral("time")};
    QCommandLineOption to{QStringLiteral("to"),
                          QStringLiteral("End of the report's range, ISO 8601."),
                          QStringLiteral("time")};
    QCommandLineOption last{
            QStringLiteral("last"),
            QStringLiteral("The report covers this long before now: 90m, 24h, 7d (default 24h)."),
            QStringLiteral("duration")};
    QCommandLineOption reportEvery{
            QStringLiteral("report-every"),
            QStringLiteral("With --headless and --db: write a report of the last <duration> "
                           "every <duration> into --report-dir."),
            QStringLiteral("duration")};
    QCommandLineOption reportDir{
            QStringLiteral("report-dir"),
            QStringLiteral("Where --report-every writes (dnswatch-report-<UTC time>.<format>)."),
            QStringLiteral("directory")};
    QCommandLineOption reportKeep{
            QStringLiteral("report-keep"),
            QStringLiteral("How many of its reports --report-every keeps (default 7)."),
            QStringLiteral("count"), QStringLiteral("7")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(description());
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({once,   config,  format, headless,    listen,    token,     tokenFile,
                           tokens, tlsCert, tlsKey, demo,        db,        lang,      report,
                           from,   to,      last,   reportEvery, reportDir, reportKeep});
    }

    static QString description()
    {
        return QStringLiteral(
                "DNS Watch keeps service hosts reachable when DNS fails and shows how resolution "
                "is doing.\n\n"
                "Without a mode it opens the dashboard (it needs a display). Without --config\n"
                "and --db it keeps your own config and history, made on its first start:\n"
                "~/.config/dnswatch/dnswatch/dnswatch.json and\n"
                "~/.local/share/dnswatch/dnswatch/history.db (under XDG_CONFIG_HOME and\n"
                "XDG_DATA_HOME when set).\n\n"
                "--once resolves every configured target once (all at the same time), checks\n"
                "each one's service at the address it got, prints a table or JSON, and exits:\n"
                "  0  every critical target is up: it has addresses (fresh or from a fallback\n"
                "     tier) and its service check, where one runs, passed;\n"
                "  1  a critical target is down: no address, or its service check failed;\n"
                "  2  a usage or config error (nothing was probed).\n\n"
                "--headless runs the agent: it probes every target in the background and serves\n"
                "/metrics (Prometheus), /healthz, /readyz and /api/v1/status over HTTP (HTTPS\n"
                "with --tls-cert and --tls-key). SIGTERM or SIGINT stop it; SIGHUP (or saving\n"
                "the config file) reloads the config.\n\n"
                "Without --config, --once and --headless run the embedded default: localhost\n"
                "through the system resolver, plus the host of MLFLOW_TRACKING_URI when that\n"
                "holds an http(s) URI.\n"
                "DNSWATCH_FALLBACK_IPS=\"host=IP,IP;host2=IP\" sets emergency fallback "
                "addresses.\n\n"
                "--demo shows a built-in lab in the dashboard (with --headless, the agent; with\n"
                "--once, one round): fake names on loopback whose DNS fails on a script (slow\n"
                "answers, SERVFAIL, outage, address change). Nothing to set up.\n\n"
                "--report FILE writes a health report of the history (--db) for a range "
                "(default:\n"
                "the last 24 hours) as html, pdf, csv or json (--format, else the extension) and\n"
                "exits 0, or 2 with the reason. The agent writes one every --report-every.");
    }
};

QString belongsToReport(const QCommandLineOption &option)
{
    return QStringLiteral("--%1 belongs to --report").arg(option.names().constLast());
}

// The mode the arguments ask for; a usage error comes back as an error text.
RunMode modeOf(const QCommandLineParser &parser, const Options &options)
{
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all")))
        return RunMode::Help;
    if (parser.isSet(QStringLiteral("version")))
        return RunMode::Version;
    if (parser.isSet(options.report))
        return RunMode::Report;
    if (parser.isSet(options.headless))
        return RunMode::Headless;
    if (parser.isSet(options.once) || parser.isSet(options.format)
        || parser.isSet(options.reportEvery))
        return RunMode::Once; // --report-every without --headless is refused below
    return RunMode::Dashboard;
}

// --report-every DURATION --report-dir DIR [--report-keep N]: the agent's report schedule.
QString readReportSchedule(const QCommandLineParser &parser, const Options &options,
                           std::optional<ReportFormat> format, CommandLine *commandLine)
{
    if (!parser.isSet(options.reportEvery)) {
        if (parser.isSet(options.reportDir) || parser.isSet(options.reportKeep))
            return QStringLiteral("--report-dir and --report-keep belong to --report-every");
        return QString();
    }
    if (!parser.isSet(options.headless) || !parser.isSet(options.db)
        || !parser.isSet(options.reportDir))
        return QStringLiteral("--report-every needs --headless, --db FILE and --report-dir DIR");
    QString error;
    const auto every = parseDurationS(parser.value(options.reportEvery), &error);
    if (!every)
        return QStringLiteral("--report-every: %1").arg(error);
    if (*every > ReportSchedule::LongestIntervalS)
        return QStringLiteral("--report-every: at most %1 days")
                .arg(ReportSchedule::LongestIntervalS / 86400);
    bool keepOk = false;
    const int keep = parser.value(options.reportKeep).toInt(&keepOk);
    if (!keepOk || keep < 1)
        return QStringLiteral("--report-keep must be a whole number of at least 1, not \"%1\"")
                .arg(parser.value(options.reportKeep));
    commandLine->reportSchedule = ReportSchedule::Options{
            *every, parser.value(options.reportDir), keep, format.value_or(ReportFormat::Html)};
    return QString();
}

// --listen, --token, --token-file and --tokens of the agent.
QString readListener(const QCommandLineParser &parser, const Options &options,
                     CommandLine *commandLine)
{
    if (parser.isSet(options.tokens)
        && (parser.isSet(options.token) || parser.isSet(options.tokenFile)))
        return QStringLiteral("--tokens names every token; --token and --token-file give one: "
                              "not both (put that token in the --tokens file)");
    if (parser.isSet(options.token))
        commandLine->token = parser.value(options.token);
    commandLine->tokenFile = parser.value(options.tokenFile);
    commandLine->tokensFile = parser.value(options.tokens);
    const QString listen = parser.value(options.listen);
    QString error;
    const std::optional<NameServer> address = NameServer::parse(listen, &error);
    if (!address)
        return QStringLiteral("--listen: %1").arg(error);
    const bool portGiven = listen.contains(QLatin1String("]:"))
            || listen.count(QLatin1Char(':')) == 1;
    commandLine->listenAddress = address->address;
    commandLine->listenPort = portGiven ? address->port : 9108;
    return QString();
}

// --tls-cert and --tls-key of the agent: both or neither.
QString readTls(const QCommandLineParser &parser, const Options &options, CommandLine *commandLine)
{
    const bool certificate = parser.isSet(options.tlsCert);
    const bool key = parser.isSet(options.tlsKey);
    if (!certificate && !key)
        return QString();
    if (!parser.isSet(options.headless))
        return QStringLiteral("--tls-cert and --tls-key belong to the agent (--headless)");
    if (certificate != key)
        return QStringLiteral("--tls-cert and --tls-key go together: the certificate and its "
                              "private key, or neither");
    commandLine->tlsCertificate = parser.value(options.tlsCert);
    commandLine->tlsKey = parser.value(options.tlsKey);
    return QString();
}

CommandLineParse refused(const QString &error) { return CommandLineParse{std::nullopt, error}; }

} // namespace

CommandLineParse parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    const Options options;
    options.addTo(parser);
    if (!parser.parse(arguments))
        return refused(parser.errorText());

    CommandLine commandLine;
    commandLine.mode = modeOf(parser, options);
    if (commandLine.mode == RunMode::Help || commandLine.mode == RunMode::Version)
        return CommandLineParse{commandLine, QString()};
    if (!parser.positionalArguments().isEmpty())
        return refused(QStringLiteral("unexpected argument \"%1\"")
                               .arg(parser.positionalArguments().constFirst()));
    for (const QCommandLineOption &option : {options.from, options.to, options.last}) {
        if (parser.isSet(option) && !parser.isSet(options.report))
            return refused(belongsToReport(option));
    }
    const bool reporting = parser.isSet(options.report) || parser.isSet(options.reportEvery);
    const QString format = parser.value(options.format);
    std::optional<ReportFormat> reportFormat;
    if (reporting && parser.isSet(options.format)) {
        reportFormat = reportFormatFromName(format);
        if (!reportFormat)
            return refused(QStringLiteral("--format of a report must be html, pdf, csv or json, "
                                          "not \"%1\"")
                                   .arg(format));
    } else if (format != QLatin1String("table") && format != QLatin1String("json")) {
        return refused(QStringLiteral("--format must be table or json, not \"%1\"").arg(format));
    } else {
        commandLine.onceFormat = format;
    }
    if (parser.isSet(options.report) && parser.isSet(options.reportEvery))
        return refused(QStringLiteral("--report writes one report and exits; --report-every "
                                      "belongs to the agent (--headless): not both"));

    commandLine.demo = parser.isSet(options.demo);
    commandLine.configPath = parser.value(options.config);
    commandLine.dbPath = parser.value(options.db);
    commandLine.language = parser.value(options.lang);
    if (commandLine.demo) {
        for (const QCommandLineOption &option :
             {options.config, options.listen, options.token, options.tokenFile, options.tokens,
              options.tlsCert, options.tlsKey, options.report}) {
            if (parser.isSet(option))
                return refused(QStringLiteral("--demo cannot be combined with --%1: the lab "
                                              "brings its own config and stays on loopback")
                                       .arg(option.names().constLast()));
        }
    }
    if (QString error = readTls(parser, options, &commandLine); !error.isEmpty())
        return refused(error);
    if (commandLine.mode == RunMode::Report) {
        if (parser.isSet(options.headless) || parser.isSet(options.once))
            return refused(QStringLiteral("--report runs on its own (the agent writes reports "
                                          "with --report-every)"));
        commandLine.report = ReportCommand{parser.value(options.report), reportFormat,
                                           parser.value(options.from),   parser.value(options.to),
                                           parser.value(options.last),   commandLine.dbPath};
        return CommandLineParse{commandLine, QString()};
    }
    if (QString error = readReportSchedule(parser, options, reportFormat, &commandLine);
        !error.isEmpty())
        return refused(error);

    if (commandLine.mode == RunMode::Headless) {
        if (QString error = readListener(parser, options, &commandLine); !error.isEmpty())
            return refused(error);
    }
    return CommandLineParse{commandLine, QString()};
}

QString commandLineHelp()
{
    QCommandLineParser parser;
    const Options options;
    options.addTo(parser);
    return parser.helpText();
}
