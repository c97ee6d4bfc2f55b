#include "reportschedule.h"

#include <QDir>
#include <QRegularExpression>

ReportSchedule::ReportSchedule(const Options &options, HistoryStore *store, const Monitor *monitor,
                               QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_store(store)
    , m_monitor(monitor)
    , m_every(monitor->clock(), options.intervalS * 1000, [this] { writeNow(); })
{
    qint64 firstS = options.intervalS;
    const QStringList existing = reportsIn(options.directory);
    if (!existing.isEmpty()) {
        const qint64 sinceS = timeOf(existing.constFirst()).secsTo(monitor->clock()->wallTime());
        firstS = std::clamp<qint64>(options.intervalS - sinceS, 0, options.intervalS);
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
    ReportRequest request;
    request.from = now.addSecs(-m_options.intervalS);
    request.to = now;
    request.config = m_monitor->config();
    request.historyPath = m_store->path();
    request.generatedAt = now;
    request.liveCache = m_monitor->resolver()->snapshot();
    request.livePins = m_monitor->resolver()->pins();
    const QString path = QDir(m_options.directory)
                                 .filePath(fileNamePrefix()
                                           + now.toString(QStringLiteral("yyyyMMddTHHmmssZ"))
                                           + QLatin1Char('.') + reportFormatName(m_options.format));
    const ReportFormat format = m_options.format;
    m_store->readAside(
            this,
            [request, format, path](HistoryDatabase &db) {
                QString error;
                writeReport(db, request, format, path, &error);
                return QVariant(error); // empty: written
            },
            [this, path](const std::optional<QVariant> &error, const QString &unread) {
                m_writing = false;
                if (!error || !error->toString().isEmpty()) {
                    // No value: the history could not be read at all (closed, or unreadable).
                    Q_EMIT failed(error ? error->toString() : unread);
                    return;
                }
                rotate();
                Q_EMIT written(path);
            });
}

void ReportSchedule::rotate()
{
    const QStringList reports = reportsIn(m_options.directory);
    for (qsizetype i = m_options.keep; i < reports.size(); ++i)
        QFile::remove(QDir(m_options.directory).filePath(reports[i]));
}
