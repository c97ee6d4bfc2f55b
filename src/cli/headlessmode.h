#pragma once

#include "commandline.h"
#include "config/appconfig.h"
#include "headlessagent.h"
#include "resolver/envfallback.h"

#include <QCoreApplication>

#include <functional>
#include <optional>

// How the agent runs for this command line: its listener, its TLS identity (--tls-cert and
// --tls-key, refused by TlsIdentity::load with the reason), its tokens (the --tokens file; else
// one operate token named "token": --token-file's first line, else --token, else
// DNSWATCH_TOKEN) and whether it draws its live status on a terminal. A tokens file refused by
// loadAgentTokens(), an unreadable or empty token file, or one whose first line is longer than
// 4096 bytes, is an error (set, with nothing returned).
std::optional<HeadlessAgent::Options> agentOptionsFor(const CommandLine &commandLine,
                                                      QString *error);

// `dnswatch --headless`: the agent until SIGTERM or SIGINT, with the history when dbPath is set
// and a report every schedule->intervalS when schedule is set. started runs once the agent
// serves. Returns the exit code (2 when it cannot start or the history cannot be used).
int runHeadlessMode(QCoreApplication &app, const HeadlessAgent::Options &options,
                    const AppConfig &config, const EnvFallback &env, const QString &dbPath,
                    const std::optional<ReportSchedule::Options> &schedule,
                    const std::function<void(HeadlessAgent &)> &started = {});
