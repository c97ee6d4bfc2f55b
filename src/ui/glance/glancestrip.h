#pragma once

#include "glancefigure.h"
#include "glancehistory.h"

#include <QTimer>
#include <QWidget>

class Clock;
class ClockInterval;
class QLabel;
class QPushButton;
class QShortcut;
class TargetFilterModel;
class TargetPlace;
class TargetTableModel;

// The row of headline figures above the targets table, readable from across the room: DNS
// resolution success over 5 minutes and an hour, service success over 5 minutes, the targets
// kept by each fallback tier and the targets down, each with a sparkline of its last hour. The
// figures are those of the place the table shows (all places, or the one the place filter
// picked). A figure pressed (click, Space, Enter) narrows the table to the targets it counts;
// pressed again, or Esc, shows all again.
class GlanceStrip : public QWidget
{
    Q_OBJECT
public:
    // The sparklines take a sample of the places' snapshots every 10 s of clock's time.
    GlanceStrip(TargetTableModel *targets, TargetFilterModel *filter, Clock *clock,
                QWidget *parent = nullptr);
    ~GlanceStrip() override;

    GlanceFigure *figure(GlanceFilter filter) const;
    const QList<GlanceFigure *> &figures() const { return m_figures; }
    const GlanceHistory &history() const { return m_history; }
    GlanceFilter activeFilter() const { return m_active; }
    QString scopeText() const; // "Figures for all places", "Figures for fra1 only"
    QString showingText() const; // "Showing: targets down"; empty with no filter

    void showOnly(GlanceFilter filter); // GlanceFilter::None shows every target
    void refresh(); // the figures again from the places' snapshots
    void sample(); // one sample for the sparklines (the clock calls it every 10 s)

Q_SIGNALS:
    void filterChanged(GlanceFilter filter);

private:
    GlanceHistory::Sample figuresNow() const; // by place, and the fleet's
    GlanceHistory::Sample figuresOfRows() const; // the same from the table's rows
    GlanceHistory::Sample sampleOf(const QHash<const TargetPlace *, GlanceTally> &tallies) const;
    void showFigures(const GlanceHistory::Sample &now); // the figures and sparklines of now
    QString scope() const; // the place the table shows; the fleet's scope for all
    GlanceReading readingOf(GlanceFilter filter, const GlanceHistory::Sample &now) const;
    QString placeRates(GlanceFilter filter, const GlanceHistory::Sample &now) const;
    static QString caption(GlanceFilter filter);
    static QString counted(GlanceFilter filter); // "targets down": what the table then shows
    static QString measure(GlanceFilter filter); // what the figure measures, for its tooltip
    void updateShowingRow();

    TargetTableModel *m_targets;
    TargetFilterModel *m_filter;
    QList<GlanceFigure *> m_figures;
    GlanceHistory m_history;
    GlanceFilter m_active = GlanceFilter::None;
    QLabel *m_scope;
    QLabel *m_showing;
    QPushButton *m_clear;
    QWidget *m_infoRow;
    QShortcut *m_escape;
    ClockInterval *m_sampler;
    QTimer m_refreshSoon;
};
