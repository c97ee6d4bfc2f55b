#pragma once

#include "clock.h"
#include "probe/monitor.h"
#include "reportformat.h"
#include "store/historystore.h"

#include <QObject>

// `--report-every 24h --report-dir DIR [--report-keep N]`: the agent writes a health report of
// the last interval into DIR every interval (dnswatch-report-<UTC time>.<format>, written
// whole or not at all), on the history's thread so probing never waits, and keeps the newest N
// of its reports there: the one just written and the N - 1 last modified before it (the name's
// time breaks a tie); older ones of its own naming are deleted, each one logged. A name whose
// time is in the future is not the schedule's: never deleted, never counted. Nothing else is
// touched.
class ReportSchedule : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        qint64 intervalS = 24 * 3600;
        QString directory;
        int keep = 7;
        ReportFormat format = ReportFormat::Html;
    };

    // A timer's milliseconds are an int: 24 days fit.
    static constexpr qint64 LongestIntervalS = 24 * 86400;

    // The first report comes one interval after the newest of ours already in the directory
    // (at once when that is past), so an agent restarted more often than the interval still
    // writes them.
    ReportSchedule(const Options &options, HistoryStore *store, const Monitor *monitor,
                   QObject *parent = nullptr);
    ~ReportSchedule() override;

    void writeNow(); // the timer's work

    static QString fileNamePrefix() { return QStringLiteral("dnswatch-report-"); }
    // dnswatch-report-<UTC time>.<format>: the schedule's files, and the name GET /api/v1/report
    // offers for a download.
    static QString fileNameFor(const QDateTime &now, ReportFormat format);
    // A report of [from, to) of the agent's history as the agent makes them: the config in
    // force, and the live cache and pins rather than the history's copies.
    static ReportRequest requestFor(const Monitor &monitor, const HistoryStore &store,
                                    const QDateTime &from, const QDateTime &to,
                                    const QDateTime &now);
    // The reports of ours in directory, newest first.
    static QStringList reportsIn(const QString &directory);
    // When a report of ours was written, from its name.
    static QDateTime timeOf(const QString &fileName);

Q_SIGNALS:
    void written(const QString &path);
    void failed(const QString &why);
    void removed(const QString &path); // an old report deleted by the rotation

private:
    // The paths of our reports in directory that rotation may count, newest first by modification
    // time; those whose name is later than now are left out.
    static QStringList rotationOrder(const QString &directory, const QDateTime &now);
    void rotate(const QString &written, const QDateTime &now);

    Options m_options;
    HistoryStore *m_store;
    const Monitor *m_monitor;
    ClockInterval m_every; // on the monitor's clock: tests move it
    Clock::TimerId m_first = 0; // the first report, until it is due
    bool m_writing = false; // one at a time: a slow disk never piles them up
};
