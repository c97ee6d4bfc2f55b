#include "pathspane.h"

#include "probe/monitor.h"
#include "targetplace.h"
#include "words/localewords.h"
#include "words/machinewords.h"
#include "zonesignaturestable.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

enum Column { ResolverColumn, AnswerColumn, TtlColumn, LatencyColumn, SourceColumn, AgreeColumn };

QString answerText(const PathAnswer &path)
{
    const LookupResult &result = path.result;
    if (result.hasAddresses())
        return addressStrings(result.addresses).join(QLatin1String(", "));
    return MachineWords::cause(causeName(result.cause));
}

QString agreementText(const PathAnswer &path, const QStringList &differing)
{
    if (path.expectation == PathAnswer::Expectation::MayDiffer)
        return PathsPane::tr("may differ (expected)");
    return differing.contains(path.result.resolver) ? PathsPane::tr("differs")
                                                    : PathsPane::tr("agrees");
}

} // namespace

PathsPane::PathsPane(Monitor *monitor, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_verdict(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_zonesTitle(new QLabel(tr("Zone signatures"), this))
    , m_zones(new ZoneSignaturesTable(monitor->zones(), this))
{
    m_verdict->setWordWrap(true);
    m_verdict->setAccessibleName(tr("Agreement of the compared resolvers"));
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels({tr("Resolver"), tr("Answer"), tr("TTL left"), tr("Latency"),
                                        tr("Source"), tr("Agreement")});
    m_table->setAccessibleName(tr("Compared resolvers"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(AnswerColumn, QHeaderView::Stretch);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_verdict);
    layout->addWidget(m_table, 1);
    QFont bold = m_zonesTitle->font();
    bold.setBold(true);
    m_zonesTitle->setFont(bold);
    m_zonesTitle->setBuddy(m_zones);
    layout->addWidget(m_zonesTitle);
    layout->addWidget(m_zones, 1);
    connect(monitor, &Monitor::resultRecorded, this, [this](const ProbeResult &result) {
        if (!m_place && result.target == m_target)
            refresh();
    });
    connect(monitor, &Monitor::targetsApplied, m_zones, &ZoneSignaturesTable::refresh);
    connect(m_zones, &ZoneSignaturesTable::zonesMayHaveChanged, this,
            &PathsPane::showZonesWhenWatched);
    refresh();
    showZonesWhenWatched();
}

void PathsPane::showZonesWhenWatched()
{
    const bool watched = m_zones->hasZones();
    m_zonesTitle->setVisible(watched);
    m_zones->setVisible(watched);
}

void PathsPane::showTarget(const QString &target)
{
    disconnect(m_placeChanged);
    m_place = nullptr;
    m_target = target;
    refresh();
}

void PathsPane::showAgentTarget(TargetPlace *place, const QString &target)
{
    disconnect(m_placeChanged);
    m_place = place;
    m_target = target;
    m_placeChanged = connect(place, &TargetPlace::targetChanged, this, [this](const QString &name) {
        if (name == m_target)
            refresh();
    });
    refresh();
}

void PathsPane::refresh()
{
    m_table->setRowCount(0);
    if (m_place)
        refreshAgent();
    else
        refreshLocal();
}

void PathsPane::refreshAgent()
{
    const QString who = tr("%1 at %2").arg(m_target, m_place->name());
    const std::optional<TargetSnapshot> target = m_place->target(m_target);
    if (!target || target->paths.isEmpty()) {
        m_verdict->setText(tr("%1: the agent reports no compared resolvers (the target compares "
                              "none, or was not probed yet).")
                                   .arg(who));
        return;
    }
    showComparison(who, target->paths);
}

void PathsPane::refreshLocal()
{
    const QList<TargetConfig> targets = m_monitor->config().targets;
    const auto config = std::find_if(targets.cbegin(), targets.cend(),
                                     [this](const TargetConfig &t) { return t.name == m_target; });
    if (m_target.isEmpty() || config == targets.cend()) {
        m_verdict->setText(tr("Pick one of this machine's targets to see its compared resolvers."));
        return;
    }
    if (config->compare.isEmpty()) {
        m_verdict->setText(
                tr("%1 compares no resolvers: list them in its \"compare\" setting.").arg(m_target));
        return;
    }
    const std::optional<ProbeResult> last = m_monitor->engine()->latest(m_target);
    if (!last || last->paths.isEmpty()) {
        m_verdict->setText(tr("%1: not probed yet.").arg(m_target));
        return;
    }
    showComparison(m_target, last->paths);
}

void PathsPane::showComparison(const QString &who, const PathComparison &comparison)
{
    const QStringList differing = comparison.disagreeing();
    m_verdict->setText(comparison.agree ? tr("%1: the compared resolvers agree.").arg(who)
                                        : tr("%1: the compared resolvers answer differently (%2).")
                                                  .arg(who, differing.join(QLatin1String(", "))));
    m_table->setRowCount(int(comparison.paths.size()));
    for (int row = 0; row < comparison.paths.size(); ++row) {
        const PathAnswer &path = comparison.paths[row];
        const LookupResult &result = path.result;
        const QString ttl = result.ttlLeftMs
                ? tr("%1 s").arg(QLocale().toString((*result.ttlLeftMs + 999) / 1000))
                : QStringLiteral("-");
        const QStringList cells{result.resolver,
                                answerText(path),
                                ttl,
                                LocaleWords::milliseconds(double(result.latencyUs) / 1000.0),
                                MachineWords::source(sourceName(result.source)),
                                agreementText(path, differing)};
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
    m_table->resizeColumnsToContents();
}
