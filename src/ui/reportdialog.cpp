#include "reportdialog.h"

#include "reportfile.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

namespace {
constexpr int CustomRange = -1;
} // namespace

ReportDialog::ReportDialog(const Monitor *monitor, HistoryStore *history,
                           const QList<AgentPlace *> &agents, QWidget *parent)
    : QDialog(parent)
    , m_monitor(monitor)
    , m_history(history)
    , m_source(new QComboBox(this))
    , m_range(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_targets(new QListWidget(this))
    , m_format(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_openWhenDone(new QCheckBox(tr("&Open the report when it is written"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(tr("Export health report"));
    auto *form = new QFormLayout;
    // Whose report: this machine's history, or an agent's.
    m_source->setAccessibleName(tr("Report of"));
    if (history)
        m_source->addItem(tr("this machine"), -1);
    for (AgentPlace *agent : agents) {
        m_source->addItem(agent->name(), int(m_agents.size()));
        m_agents.append(agent);
    }
    form->addRow(tr("Report &of:"), m_source);
    form->setRowVisible(m_source, m_source->count() > 1); // a choice only with agents
    form->addRow(tr("&Range:"), buildRangeRow());
    m_targets->setAccessibleName(tr("Targets in the report"));
    m_targets->setMaximumHeight(140);
    form->addRow(tr("&Targets:"), m_targets);
    for (const auto &[label, format] :
         {std::pair{tr("HTML (one file, for browsers)"), ReportFormat::Html},
          std::pair{tr("PDF (paged, for print)"), ReportFormat::Pdf},
          std::pair{tr("CSV (raw results and events)"), ReportFormat::Csv},
          std::pair{tr("JSON (for programs)"), ReportFormat::Json}})
        m_format->addItem(label, int(format));
    m_format->setAccessibleName(tr("Format"));
    form->addRow(tr("&Format:"), m_format);
    auto *fileRow = new QHBoxLayout;
    m_path->setAccessibleName(tr("Report file"));
    auto *browseButton = new QPushButton(tr("&Browse..."), this);
    connect(browseButton, &QPushButton::clicked, this, &ReportDialog::browse);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browseButton);
    form->addRow(tr("F&ile:"), fileRow);
    m_openWhenDone->setChecked(true);
    form->addRow(QString(), m_openWhenDone);

    m_progress->setRange(0, 0); // busy: the steps are said below it
    m_progress->setVisible(false);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPushButton *exportButton = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_buttons->addButton(QDialogButtonBox::Close);
    connect(exportButton, &QPushButton::clicked, this, &ReportDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ReportDialog::onFormatChanged);
    connect(m_source, &QComboBox::currentIndexChanged, this, &ReportDialog::onSourceChanged);
    onSourceChanged();
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_path->setText(QDir(folder.isEmpty() ? QDir::homePath() : folder)
                            .filePath(QStringLiteral("dnswatch-report-%1.html")
                                              .arg(QDate::currentDate().toString(Qt::ISODate))));
    setLastHours(24);
}

QWidget *ReportDialog::buildRangeRow()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_range->setAccessibleName(tr("Range"));
    m_range->addItem(tr("Last hour"), 1);
    m_range->addItem(tr("Last 24 hours"), 24);
    m_range->addItem(tr("Last 7 days"), 7 * 24);
    m_range->addItem(tr("From... to..."), CustomRange);
    const QDateTime now = QDateTime::currentDateTime();
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setMaximumDateTime(now.addDays(1));
    }
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    m_from->setDateTime(now.addDays(-1));
    m_to->setDateTime(now);
    const auto custom = [this] {
        const bool on = m_range->currentData().toInt() == CustomRange;
        m_from->setEnabled(on);
        m_to->setEnabled(on);
    };
    connect(m_range, &QComboBox::currentIndexChanged, this, custom);
    layout->addWidget(m_range);
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(QStringLiteral("–"), row));
    layout->addWidget(m_to);
    custom();
    return row;
}

void ReportDialog::setPath(const QString &path) { m_path->setText(path); }

void ReportDialog::setFormat(ReportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void ReportDialog::setLastHours(int hours)
{
    const int index = m_range->findData(hours);
    m_range->setCurrentIndex(index >= 0 ? index : 1);
}

void ReportDialog::setOpenWhenDone(bool open) { m_openWhenDone->setChecked(open); }

AgentPlace *ReportDialog::chosenAgent() const
{
    const int index = m_source->currentData().toInt();
    return index >= 0 && index < m_agents.size() ? m_agents[index].data() : nullptr;
}

void ReportDialog::chooseSource(const QString &place)
{
    for (int index = 0; index < m_source->count(); ++index) {
        const int agent = m_source->itemData(index).toInt();
        if ((agent < 0 && place.isEmpty())
            || (agent >= 0 && m_agents[agent] && m_agents[agent]->name() == place))
            m_source->setCurrentIndex(index);
    }
}

void ReportDialog::onSourceChanged()
{
    // This machine's report can be narrowed to some targets; an agent's covers all of its own.
    m_targets->clear();
    const AgentPlace *agent = chosenAgent();
    QStringList names;
    if (agent) {
        for (const TargetSnapshot &target : agent->targets())
            names.append(target.name);
    } else {
        for (const TargetConfig &target : m_monitor->config().targets)
            names.append(target.name);
    }
    for (const QString &name : std::as_const(names))
        (new QListWidgetItem(name, m_targets))->setCheckState(Qt::Checked);
    m_targets->setEnabled(!agent);
    m_targets->setToolTip(agent ? tr("An agent's report covers all of its targets") : QString());
}

void ReportDialog::chooseTargets(const QStringList &targets)
{
    for (int row = 0; row < m_targets->count(); ++row) {
        QListWidgetItem *item = m_targets->item(row);
        item->setCheckState(targets.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
    }
}

QString ReportDialog::status() const { return m_status->text(); }

void ReportDialog::onFormatChanged()
{
    // The file's extension follows the format.
    const QString format = reportFormatName(ReportFormat(m_format->currentData().toInt()));
    const QFileInfo file(m_path->text());
    if (!file.fileName().isEmpty())
        m_path->setText(
                QDir(file.path()).filePath(file.completeBaseName() + QLatin1Char('.') + format));
}

void ReportDialog::browse()
{
    auto *chooser = new QFileDialog(this, tr("Export health report"), m_path->text());
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString &path) {
        m_path->setText(path);
        if (const auto format = reportFormatFromPath(path))
            setFormat(*format);
    });
    chooser->open(); // not exec(): the dashboard goes on
}

std::pair<QDateTime, QDateTime> ReportDialog::range() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int hours = m_range->currentData().toInt();
    if (hours != CustomRange)
        return {now.addSecs(-hours * 3600LL), now};
    return {m_from->dateTime().toUTC(), std::min(m_to->dateTime().toUTC(), now)};
}

ReportRequest ReportDialog::request() const
{
    ReportRequest request;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::tie(request.from, request.to) = range();
    for (int row = 0; row < m_targets->count(); ++row) {
        if (m_targets->item(row)->checkState() == Qt::Checked)
            request.targets.append(m_targets->item(row)->text());
    }
    request.config = m_monitor->config();
    request.historyPath = m_history ? m_history->path() : QString();
    request.generatedAt = now;
    request.liveCache = m_monitor->resolver()->snapshot();
    request.livePins = m_monitor->resolver()->pins();
    return request;
}

void ReportDialog::setWriting(bool writing)
{
    m_writing = writing;
    m_progress->setVisible(writing);
    m_buttons->buttons().constFirst()->setEnabled(!writing);
}

void ReportDialog::startExport()
{
    if (m_writing)
        return;
    const ReportRequest request = this->request();
    QString problem;
    if (request.targets.isEmpty())
        problem = tr("Choose at least one target.");
    else if (request.to <= request.from)
        problem = tr("The range is empty: \"to\" must come after \"from\".");
    else if (m_path->text().trimmed().isEmpty())
        problem = tr("Give the report a file.");
    if (!problem.isEmpty()) {
        m_status->setText(problem);
        return;
    }
    const QString path = QFileInfo(m_path->text().trimmed()).absoluteFilePath();
    const ReportFormat format = ReportFormat(m_format->currentData().toInt());
    if (AgentPlace *agent = chosenAgent())
        return exportFromAgent(agent, path, format);
    if (!m_history) {
        m_status->setText(tr("This machine keeps no history: start with --db FILE."));
        return;
    }
    setWriting(true);
    m_status->setText(tr("Reading the history..."));
    QPointer<ReportDialog> self(this);
    // The steps are said on the history's thread; they reach the dialog through its queue.
    const auto progress = [self](ReportStep step) {
        // Posted to the application, which outlives the dialog; the dialog is asked for there.
        QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, step] {
                    if (self && self->m_writing)
                        self->m_status->setText(step == ReportStep::Reading
                                                        ? tr("Reading the history...")
                                                        : tr("Writing the report..."));
                },
                Qt::QueuedConnection);
    };
    m_history->readAside(
            this,
            [request, format, path, progress](HistoryDatabase &db) {
                QString error;
                writeReport(db, request, format, path, &error, progress);
                return QVariant(error); // empty: written
            },
            [this, path](const std::optional<QVariant> &error, const QString &unread) {
                done(path, error ? error->toString() : unread);
            });
}

void ReportDialog::exportFromAgent(AgentPlace *agent, const QString &path, ReportFormat format)
{
    const auto [from, to] = range();
    setWriting(true);
    m_status->setText(tr("Asking %1 for its report...").arg(agent->name()));
    agent->readReport(from, to, reportFormatName(format), this,
                      [this, path](const QByteArray &report, const QString &problem) {
                          if (!problem.isEmpty())
                              return done(path, problem);
                          // Whole or not at all, as this machine's reports.
                          const QString refused = reportTargetProblem(path);
                          if (!refused.isEmpty())
                              return done(path, QStringLiteral("%1: %2").arg(path, refused));
                          ReportFile file(path);
                          const bool written = file.open() && file.write(report) && file.commit();
                          done(path, written ? QString() : file.errorString());
                      });
}

void ReportDialog::done(const QString &path, const QString &error)
{
    setWriting(false);
    if (!error.isEmpty()) {
        m_status->setText(tr("Not written: %1").arg(error));
        Q_EMIT reportFinished(false, error);
    } else {
        m_status->setText(tr("Written: %1 (%2)")
                                  .arg(QDir::toNativeSeparators(path),
                                       QLocale().formattedDataSize(QFileInfo(path).size())));
        if (m_openWhenDone->isChecked())
            QDesktopServices::openUrl(QUrl::fromLocalFile(path));
        Q_EMIT reportFinished(true, path);
    }
    if (m_closeWhenWritten)
        deleteLater();
}

void ReportDialog::reject()
{
    if (!m_writing)
        return QDialog::reject();
    keepUntilWritten();
    hide();
}

void ReportDialog::closeEvent(QCloseEvent *event)
{
    if (!m_writing)
        return QDialog::closeEvent(event);
    // Closing is never refused (a quit or a logout would stop at it): it only hides.
    keepUntilWritten();
    event->accept();
}

void ReportDialog::keepUntilWritten()
{
    // The report goes on; the window says when it is written, and then the dialog goes.
    m_closeWhenWritten = true;
    setAttribute(Qt::WA_DeleteOnClose, false);
}

void ReportDialog::showAgain()
{
    if (m_closeWhenWritten) {
        m_closeWhenWritten = false;
        setAttribute(Qt::WA_DeleteOnClose, true);
    }
    show();
    raise();
    activateWindow();
}
