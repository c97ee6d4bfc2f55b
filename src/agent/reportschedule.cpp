#include "reportschedule.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>

// Quiet below warnings by default, as the other categories (QT_LOGGING_RULES turns it up).
Q_LOGGING_CATEGORY(lcReportSchedule, "dnswatch.agent.reports", QtWarningMsg)

ReportSchedule::ReportSchedule(const Options &options, HistoryStore *store, const Monitor *monitor,
                               QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_store(store)
    , m_monitor(monitor)
    , m_every(monitor->clock(), options.intervalS * 1000, [this] { writeNow(); })
{
    qint64 firstS = options.intervalS;
    const QDateTime now = monitor->clock()->wallTime();
    for (const QString &name : reportsIn(options.directory)) {
        if (timeOf(name) > now)
            continue; // a name in the future says nothing about when ours was written
        firstS = std::clamp<qint64>(options.intervalS - timeOf(name).secsTo(now), 0,
                                    options.intervalS);
        break;
    }
    m_first = monitor->clock()->callAfter(firstS * 1000, this, [this] {
        m_first = 0;
        writeNow();
        m_every.start();
    });
}

ReportSchedule::~ReportSchedule()
{
    if (m_first)
        m_monitor->clock()->cancel(m_first);
}

QDateTime ReportSchedule::timeOf(const QString &fileName)
{
    const QString stamp = fileName.mid(fileNamePrefix().size(), 16); // yyyyMMddTHHmmssZ
    QDateTime time = QDateTime::fromString(stamp, QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    time.setTimeSpec(Qt::UTC);
    return time;
}

QString ReportSchedule::fileNameFor(const QDateTime &now, ReportFormat format)
{
    return fileNamePrefix() + now.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))
            + QLatin1Char('.') + reportFormatName(format);
}

ReportRequest ReportSchedule::requestFor(const Monitor &monitor, const HistoryStore &store,
                                         const QDateTime &from, const QDateTime &to,
                                         const QDateTime &now)
{
    ReportRequest request;
    request.from = from;
    request.to = to;
    request.config = monitor.config();
    request.historyPath = store.path();
    request.generatedAt = now;
    request.liveCache = monitor.resolver()->snapshot();
    request.livePins = monitor.resolver()->pins();
    return request;
}

QStringList ReportSchedule::reportsIn(const QString &directory)
{
    // The UTC time in the name sorts them; a name of any other shape is not ours.
    QStringList names = QDir(directory).entryList({fileNamePrefix() + QStringLiteral("*")},
                                                  QDir::Files, QDir::Name | QDir::Reversed);
    static const QRegularExpression ours(
            QStringLiteral("^dnswatch-report-[0-9]{8}T[0-9]{6}Z\\.(html|pdf|csv|json)$"));
    names.removeIf([](const QString &name) { return !ours.match(name).hasMatch(); });
    return names;
}

void ReportSchedule::writeNow()
{
    if (m_writing)
        return;
    m_writing = true;
    const QDateTime now = m_monitor->clock()->wallTime().toUTC();
    const ReportRequest request = requestFor(*m_monitor, *m_store,
                                             now.addSecs(-m_options.intervalS), now, now);
    const QString path = QDir(m_options.directory).filePath(fileNameFor(now, m_options.format));
    const ReportFormat format = m_options.format;
    m_store->readAside(
            this,
            [request, format, path](HistoryDatabase &db) {
                QString error;
                writeReport(db, request, format, path, &error);
                return QVariant(error); // empty: written
            },
            [this, path, now](const std::optional<QVariant> &error, const QString &unread) {
                m_writing = false;
                if (!error || !error->toString().isEmpty()) {
                    // No value: the history could not be read at all (closed, or unreadable).
                    Q_EMIT failed(error ? error->toString() : unread);
                    return;
                }
                Q_EMIT written(path);
                rotate(path, now);
            });
}

QStringList ReportSchedule::rotationOrder(const QString &directory, const QDateTime &now)
{
    QList<QFileInfo> files;
    for (const QString &name : reportsIn(directory)) {
        const QFileInfo file(QDir(directory).filePath(name));
        if (timeOf(name) > now) {
            // Not made by this schedule yet: a copy, a stray, a clock that was wrong. Neither
            // deleted nor counted; an operator decides.
            qCWarning(lcReportSchedule)
                    << "not rotating" << file.filePath() << "(its name is in the future)";
            continue;
        }
        files.append(file);
    }
    // What was written last is newest, whatever its name says; the name's time breaks a tie.
    std::stable_sort(files.begin(), files.end(), [](const QFileInfo &a, const QFileInfo &b) {
        const QDateTime aTime = a.lastModified();
        const QDateTime bTime = b.lastModified();
        if (aTime != bTime)
            return aTime > bTime;
        return timeOf(a.fileName()) > timeOf(b.fileName());
    });
    QStringList paths;
    for (const QFileInfo &file : files)
        paths.append(file.filePath());
    return paths;
}

void ReportSchedule::rotate(const QString &written, const QDateTime &now)
{
    QStringList older = rotationOrder(m_options.directory, now);
    older.removeAll(written); // the one just written is kept, and counts as the newest
    for (qsizetype i = std::max(m_options.keep - 1, 0); i < older.size(); ++i) {
        if (QFile::remove(older[i])) {
            qCInfo(lcReportSchedule) << "rotated out" << older[i];
            Q_EMIT removed(older[i]);
        } else {
            qCWarning(lcReportSchedule) << "cannot remove" << older[i];
        }
    }
}
