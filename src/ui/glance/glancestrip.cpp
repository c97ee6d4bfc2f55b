#include "glancestrip.h"

#include "clock.h"
#include "glancesparkline.h"
#include "targetfiltermodel.h"
#include "targettablemodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace {

// A success rate is good from 99 %, a warning from 95 %, bad below: a resolver that fails one
// lookup in a hundred is already worth a look.
constexpr double GoodRate = 0.99;
constexpr double WarningRate = 0.95;

const GlanceFilter shownFigures[] = {
        GlanceFilter::DnsFailingFiveMinutes,
        GlanceFilter::DnsFailingOneHour,
        GlanceFilter::ServiceFailing,
        GlanceFilter::Stale,
        GlanceFilter::Pinned,
        GlanceFilter::Env,
        GlanceFilter::Down,
};

bool isRate(GlanceFilter filter)
{
    return filter == GlanceFilter::DnsFailingFiveMinutes
            || filter == GlanceFilter::DnsFailingOneHour || filter == GlanceFilter::ServiceFailing;
}

GlanceVerdict verdictOf(GlanceFilter filter, const std::optional<double> &value)
{
    if (!value)
        return GlanceVerdict::NoData;
    if (isRate(filter)) {
        if (*value >= GoodRate)
            return GlanceVerdict::Good;
        return *value >= WarningRate ? GlanceVerdict::Warning : GlanceVerdict::Bad;
    }
    if (*value <= 0)
        return GlanceVerdict::Good;
    // Kept by a fallback the targets are reachable still: a warning. Down is bad.
    return filter == GlanceFilter::Down ? GlanceVerdict::Bad : GlanceVerdict::Warning;
}

} // namespace

GlanceStrip::GlanceStrip(TargetTableModel *targets, TargetFilterModel *filter, Clock *clock,
                         QWidget *parent)
    : QWidget(parent)
    , m_targets(targets)
    , m_filter(filter)
    , m_scope(new QLabel(this))
    , m_showing(new QLabel(this))
    , m_clear(new QPushButton(tr("Clear"), this))
    , m_infoRow(new QWidget(this))
    , m_escape(new QShortcut(QKeySequence(Qt::Key_Escape), this))
    , m_sampler(new ClockInterval(
              clock, GlanceHistory::IntervalMs, [this] { sample(); }, this))
{
    setObjectName(QStringLiteral("glanceStrip"));
    setAccessibleName(tr("Figures at a glance"));
    auto *figureRow = new QHBoxLayout;
    figureRow->setSpacing(8);
    for (const GlanceFilter shown : shownFigures) {
        auto *figure = new GlanceFigure(shown, caption(shown), this);
        connect(figure, &GlanceFigure::clicked, this,
                [this, shown](bool pressed) { showOnly(pressed ? shown : GlanceFilter::None); });
        figureRow->addWidget(figure, 1);
        m_figures.append(figure);
    }
    m_scope->setTextFormat(Qt::PlainText);
    m_showing->setTextFormat(Qt::PlainText);
    QFont bold = m_showing->font();
    bold.setBold(true);
    m_showing->setFont(bold);
    m_clear->setObjectName(QStringLiteral("glanceClear"));
    m_clear->setToolTip(tr("Show every target again (Esc on a figure)"));
    m_clear->setAccessibleName(tr("Clear the figure's filter"));
    connect(m_clear, &QPushButton::clicked, this, [this] { showOnly(GlanceFilter::None); });
    // Within the strip only (a press leaves the focus on the figure): Esc elsewhere is the
    // charts' (back to live) and the dialogs'.
    m_escape->setContext(Qt::WidgetWithChildrenShortcut);
    m_escape->setEnabled(false);
    connect(m_escape, &QShortcut::activated, this, [this] { showOnly(GlanceFilter::None); });
    auto *infoLayout = new QHBoxLayout(m_infoRow);
    infoLayout->setContentsMargins(0, 0, 0, 0);
    infoLayout->addWidget(m_scope);
    // However long the words, the line does not widen the window.
    m_showing->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_showing->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    infoLayout->addWidget(m_showing, 1);
    infoLayout->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(figureRow);
    layout->addWidget(m_infoRow);

    const auto refreshNow = [this] { refresh(); };
    // The table has just taken every place's snapshots: its rows are the figures' source then
    // (asking the places again would build each target's snapshot twice a second).
    connect(targets, &TargetTableModel::ticked, this, [this] { showFigures(figuresOfRows()); });
    connect(filter, &TargetFilterModel::placeChanged, this, refreshNow);
    // Rows come and go while a place is being added or destroyed (the model removes a place's
    // rows from its destroyed signal): the places are asked once that is over.
    m_refreshSoon.setSingleShot(true);
    m_refreshSoon.setInterval(0);
    connect(&m_refreshSoon, &QTimer::timeout, this, refreshNow);
    const auto refreshSoon = [this] { m_refreshSoon.start(); };
    connect(targets, &QAbstractItemModel::modelReset, this, refreshSoon);
    connect(targets, &QAbstractItemModel::rowsInserted, this, refreshSoon);
    connect(targets, &QAbstractItemModel::rowsRemoved, this, refreshSoon);
    m_sampler->start();
    updateShowingRow();
    refresh();
}

GlanceStrip::~GlanceStrip() = default;

GlanceFigure *GlanceStrip::figure(GlanceFilter filter) const
{
    for (GlanceFigure *figure : m_figures)
        if (figure->filter() == filter)
            return figure;
    return nullptr;
}

QString GlanceStrip::scopeText() const
{
    const QString place = scope();
    return place.isEmpty() ? tr("Figures for all places") : tr("Figures for %1 only").arg(place);
}

QString GlanceStrip::showingText() const
{
    if (m_active == GlanceFilter::None)
        return {};
    return tr("Showing: %1").arg(counted(m_active));
}

void GlanceStrip::showOnly(GlanceFilter filter)
{
    m_active = filter;
    for (GlanceFigure *figure : std::as_const(m_figures)) {
        const QSignalBlocker quiet(figure);
        figure->setChecked(figure->filter() == filter);
    }
    m_filter->setGlanceFilter(filter);
    m_escape->setEnabled(filter != GlanceFilter::None);
    updateShowingRow();
    Q_EMIT filterChanged(filter);
}

void GlanceStrip::refresh() { showFigures(figuresNow()); }

void GlanceStrip::sample()
{
    // The places are read once: with a thousand targets a reading costs milliseconds of the GUI
    // thread.
    const GlanceHistory::Sample now = figuresNow();
    m_history.add(now);
    showFigures(now);
}

void GlanceStrip::showFigures(const GlanceHistory::Sample &now)
{
    const QString place = scope();
    for (GlanceFigure *figure : std::as_const(m_figures)) {
        const GlanceFilter filter = figure->filter();
        figure->setReading(readingOf(filter, now));
        figure->sparkline()->setValues(m_history.series(place, filter), GlanceHistory::Capacity,
                                       1.0);
    }
    m_scope->setText(scopeText());
    updateShowingRow();
}

GlanceHistory::Sample GlanceStrip::figuresNow() const
{
    QHash<const TargetPlace *, GlanceTally> tallies;
    for (const TargetPlace *place : m_targets->places()) {
        GlanceTally &tally = tallies[place];
        const QList<TargetSnapshot> snapshots = place->targets();
        for (const TargetSnapshot &target : snapshots)
            tally.add(target);
    }
    return sampleOf(tallies);
}

GlanceHistory::Sample GlanceStrip::figuresOfRows() const
{
    QHash<const TargetPlace *, GlanceTally> tallies;
    for (int row = 0; row < m_targets->rowCount(); ++row)
        tallies[m_targets->placeAt(row)].add(m_targets->snapshotAt(row));
    return sampleOf(tallies);
}

GlanceHistory::Sample
GlanceStrip::sampleOf(const QHash<const TargetPlace *, GlanceTally> &tallies) const
{
    GlanceHistory::Sample sample;
    GlanceTally fleet;
    for (const TargetPlace *place : m_targets->places()) {
        const GlanceTally tally = tallies.value(place);
        sample.insert(place->name(), tally.figures());
        fleet.add(tally);
    }
    sample.insert(GlanceHistory::fleetScope(), fleet.figures());
    return sample;
}

QString GlanceStrip::scope() const { return m_filter->place(); }

GlanceReading GlanceStrip::readingOf(GlanceFilter filter, const GlanceHistory::Sample &now) const
{
    const GlanceFigures figures = now.value(scope());
    const std::optional<double> value = figures.targets > 0 ? figures.value(filter) : std::nullopt;
    GlanceReading reading;
    reading.verdict = verdictOf(filter, value);
    const QLocale locale;
    if (!value)
        reading.value = tr("–", "no figure");
    else if (isRate(filter))
        reading.value = tr("%1 %", "a success rate").arg(locale.toString(*value * 100, 'f', 1));
    else
        reading.value = locale.toString(qRound(*value));
    switch (reading.verdict) {
    case GlanceVerdict::NoData:
        reading.verdictWord = tr("no data");
        break;
    case GlanceVerdict::Good:
        reading.verdictWord = tr("good");
        break;
    case GlanceVerdict::Warning:
        reading.verdictWord = tr("warning");
        break;
    case GlanceVerdict::Bad:
        reading.verdictWord = tr("bad");
        break;
    }
    const QString threshold = isRate(filter)
            ? tr("Good from %1 %, a warning from %2 %, bad below.")
                      .arg(locale.toString(GoodRate * 100), locale.toString(WarningRate * 100))
            : filter == GlanceFilter::Down ? tr("Good at 0; any target down is bad.")
                                           : tr("Good at 0; any is a warning: DNS fails there, "
                                                "a fallback keeps the target reachable.");
    QStringList tip{measure(filter), threshold};
    if (filter == GlanceFilter::DnsFailingFiveMinutes || filter == GlanceFilter::DnsFailingOneHour)
        tip.append(placeRates(filter, now));
    tip.append(tr("Sparkline: the last hour, a sample every 10 s."));
    tip.append(tr("Click (or Space, Enter) to show only the %1; again, or Esc, to show all.")
                       .arg(counted(filter)));
    reading.toolTip = tip.join(QStringLiteral("\n\n"));
    reading.description = tr("%1, %2. %3. Press to show only the %4.")
                                  .arg(reading.value, reading.verdictWord, measure(filter),
                                       counted(filter));
    return reading;
}

QString GlanceStrip::placeRates(GlanceFilter filter, const GlanceHistory::Sample &now) const
{
    QStringList lines{tr("By place:")};
    const QLocale locale;
    for (const TargetPlace *place : m_targets->places()) {
        const std::optional<double> rate = now.value(place->name()).value(filter);
        lines.append(rate ? tr("%1: %2 %").arg(place->name(), locale.toString(*rate * 100, 'f', 1))
                          : tr("%1: no rate yet").arg(place->name()));
    }
    return lines.join(QLatin1Char('\n'));
}

QString GlanceStrip::caption(GlanceFilter filter)
{
    switch (filter) {
    case GlanceFilter::DnsFailingFiveMinutes:
        return tr("DNS success, 5 min");
    case GlanceFilter::DnsFailingOneHour:
        return tr("DNS success, 1 h");
    case GlanceFilter::ServiceFailing:
        return tr("Service success, 5 min");
    case GlanceFilter::Stale:
        return tr("Fallback: stale");
    case GlanceFilter::Pinned:
        return tr("Fallback: pinned");
    case GlanceFilter::Env:
        return tr("Fallback: env");
    case GlanceFilter::Down:
        return tr("Targets down");
    case GlanceFilter::None:
        break;
    }
    return {};
}

QString GlanceStrip::counted(GlanceFilter filter)
{
    switch (filter) {
    case GlanceFilter::DnsFailingFiveMinutes:
        return tr("targets with a failed DNS lookup in the last 5 minutes");
    case GlanceFilter::DnsFailingOneHour:
        return tr("targets with a failed DNS lookup in the last hour");
    case GlanceFilter::ServiceFailing:
        return tr("targets with a failed service check in the last 5 minutes");
    case GlanceFilter::Stale:
        return tr("targets answered from the stale cache");
    case GlanceFilter::Pinned:
        return tr("targets answered by pinned addresses");
    case GlanceFilter::Env:
        return tr("targets answered by the environment's fallback addresses");
    case GlanceFilter::Down:
        return tr("targets down");
    case GlanceFilter::None:
        break;
    }
    return {};
}

QString GlanceStrip::measure(GlanceFilter filter)
{
    switch (filter) {
    case GlanceFilter::DnsFailingFiveMinutes:
        return tr("DNS resolution success over the last 5 minutes: the share of lookups answered "
                  "by a live lookup or the cache, not by a fallback (stale, pinned, environment). "
                  "Averaged over the targets: each target counts the same, whatever its "
                  "interval.");
    case GlanceFilter::DnsFailingOneHour:
        return tr("DNS resolution success over the last hour: the share of lookups answered by a "
                  "live lookup or the cache, not by a fallback (stale, pinned, environment). "
                  "Averaged over the targets: each target counts the same, whatever its "
                  "interval.");
    case GlanceFilter::ServiceFailing:
        return tr("Service check success over the last 5 minutes: the share of checks the "
                  "service answered, averaged over the targets.");
    case GlanceFilter::Stale:
        return tr("Targets answered from the stale cache now: DNS failed and an expired answer "
                  "is served.");
    case GlanceFilter::Pinned:
        return tr("Targets answered by pinned addresses now (pinned by an operator or the "
                  "config): DNS failed.");
    case GlanceFilter::Env:
        return tr("Targets answered by the environment's fallback addresses now "
                  "(DNSWATCH_FALLBACK_IPS): DNS failed.");
    case GlanceFilter::Down:
        return tr("Targets down: not reachable, not even through a fallback.");
    case GlanceFilter::None:
        break;
    }
    return {};
}

void GlanceStrip::updateShowingRow()
{
    m_showing->setText(showingText());
    m_showing->setVisible(m_active != GlanceFilter::None);
    m_clear->setVisible(m_active != GlanceFilter::None);
    const bool severalPlaces = m_targets->places().size() > 1;
    m_scope->setVisible(severalPlaces);
    m_infoRow->setVisible(severalPlaces || m_active != GlanceFilter::None);
}
