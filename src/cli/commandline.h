#pragma once

#include "reportcommand.h"
#include "reportschedule.h"

#include <QHostAddress>
#include <QStringList>

#include <optional>

// What `dnswatch` is asked to do.
enum class RunMode {
    Dashboard, // no mode given: the window (it needs a display)
    Once, // --once, or --format without another mode: one round, a table or JSON, exit
    Headless, // --headless: the agent
    Report, // --report FILE: one health report, exit
    Help, // --help
    Version, // --version
};

// The arguments of `dnswatch`, read and checked for what can be checked without touching the
// system: option names and values, and which options go together. Files (--config,
// --token-file, --tls-cert, --tls-key, --report-dir) and the environment are read by the mode
// that needs them.
struct CommandLine
{
    RunMode mode = RunMode::Dashboard;
    bool demo = false; // --demo: the built-in lab instead of a config
    QString configPath; // --config; empty: the embedded default
    QString dbPath; // --db; empty: no history
    QString language; // --lang; empty: the system locale's
    QString onceFormat = QStringLiteral("table"); // --once: table or json

    // --headless
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 9108;
    std::optional<QString> token; // --token; none: DNSWATCH_TOKEN or --token-file
    QString tokenFile;
    QString tokensFile; // --tokens: named read and operate tokens, instead of the one above
    QString tlsCertificate; // --tls-cert and --tls-key: both or neither; empty: plain HTTP
    QString tlsKey;
    std::optional<ReportSchedule::Options> reportSchedule; // --report-every and its options

    ReportCommand report; // --report and its range

    // Drawing reports needs a QGuiApplication (offscreen is enough): --report, and an agent with
    // a history (its schedule, and GET /api/v1/report).
    bool drawsReports() const
    {
        return mode == RunMode::Report || reportSchedule.has_value()
                || (mode == RunMode::Headless && !dbPath.isEmpty());
    }
};

// A parse: the command line, or why the arguments are wrong (a usage error, exit code 2).
struct CommandLineParse
{
    std::optional<CommandLine> commandLine;
    QString error;
};

// Reads argv (the program name first). Needs no QCoreApplication.
CommandLineParse parseCommandLine(const QStringList &arguments);

// `dnswatch --help`: the options and what each mode does, with the exit rule of --once.
QString commandLineHelp();
