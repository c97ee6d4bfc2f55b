#pragma once

#include "reportbuilder.h"

enum class ReportFormat { Html, Pdf, Csv, Json };
QString reportFormatName(ReportFormat format); // "html", "pdf", "csv", "json"
std::optional<ReportFormat> reportFormatFromName(const QString &name);
std::optional<ReportFormat> reportFormatFromPath(const QString &path); // by its extension

class QIODevice;

enum class ReportStep { Reading, Writing };

// Builds the report of request from the history and writes it to out in format (a CSV row by
// row as it is read, the others whole once built). Runs on db's thread. False, with why, when
// the history cannot be read or out cannot be written; out may then hold part of it.
bool renderReport(HistoryDatabase &db, const ReportRequest &request, ReportFormat format,
                  QIODevice *out, QString *error,
                  const std::function<void(ReportStep step)> &progress = {});

// Builds the report of request from the history and writes it to path in format, whole or not at
// all (ReportFile: a crash, a full disk or a stop never leaves half a report, under the final
// name or a temporary one; a device or other non-file at path is refused). Runs on db's thread.
// progress, when given, hears each step as it starts. False, with why (naming the path), when
// the history cannot be read or the file cannot be written.
bool writeReport(HistoryDatabase &db, const ReportRequest &request, ReportFormat format,
                 const QString &path, QString *error,
                 const std::function<void(ReportStep step)> &progress = {});
