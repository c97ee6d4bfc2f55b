#pragma once

#include "walltile.h"

#include <QPointer>
#include <QWidget>

class MainWindow;
class QLabel;
class TargetPlace;
class TargetTableModel;

// The wall display: a screen for the wall of an ops room, full screen. A header line (the time,
// overall readiness, the targets counted by state) over one large tile per target, worst first
// (down, degraded, unknown or not answering, paused, healthy; otherwise in the table's order).
// With more targets than stay readable (targetTileLimit()) one tile per place instead, with its
// targets counted by state. It follows the targets table's model: a row that changes updates
// its tile alone (repainted only if what it shows changed; tiles move when the order does), rows
// added or removed make the tiles again. Keys: arrows move between tiles, Enter chooses one,
// Esc or F11 close it.
class WallView : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Targets, Places };
    static constexpr int DefaultTargetTileLimit = 60; // readable on 1920x1080

    explicit WallView(TargetTableModel *model, QWidget *parent = nullptr);
    // The wall over the main window's targets, full screen on the window's screen (one at a
    // time): choosing a target there selects it in the window, choosing a place filters it.
    static WallView *showOver(MainWindow *window);

    void setTargetTileLimit(int limit);
    int targetTileLimit() const { return m_limit; }
    Mode mode() const { return m_mode; }
    QList<WallTile *> tiles() const; // in the order shown, worst first
    WallTile *targetTile(const QString &target, const TargetPlace *place = nullptr) const;
    WallTile *placeTile(const TargetPlace *place) const;
    QString headerText() const; // the header line's words, as read out

Q_SIGNALS:
    void targetChosen(TargetPlace *place, const QString &target);
    void placeChosen(TargetPlace *place);
    void closed(); // by a key or the window manager: back to the dashboard

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override; // the tiles' area resized
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    struct Entry
    {
        QPointer<TargetPlace> place; // gone: the tiles are about to be made again
        QString target; // empty for a place's tile
        int rank = 0; // worstFirstRank() of what it shows
        WallTile *tile = nullptr;
    };
    void rebuild(); // the tiles anew: rows added or removed, the mode changed
    void rebuildSoon(); // once the model is done changing its rows
    void refreshRows(int first, int last);
    void refreshAll(); // every second: durations move, a place stops answering
    // Each tile anew from what it shows; true when its place in the order changed. A place's
    // tile takes its targets' counts (placeCounts()).
    bool refreshEntry(Entry &entry, const QHash<const TargetPlace *, LookCounts> &counts = {});
    // In places mode, each place's targets by look, in one pass over the rows; else empty.
    QHash<const TargetPlace *, LookCounts> placeCounts() const;
    void refreshHeader();
    void arrange(); // the tiles in order, in the grid
    void moveFocus(int columns, int rows);
    void choose(const WallTile *tile);
    int entryOfRow(int row) const;
    PlaceLine placeLine() const;

    TargetTableModel *m_model;
    int m_limit = DefaultTargetTileLimit;
    Mode m_mode = Mode::Targets;
    QList<Entry> m_entries; // targets: one per model row, in its order; places: in its order
    QList<int> m_order; // indexes into m_entries, as shown
    QWidget *m_header;
    QLabel *m_title;
    QLabel *m_readiness;
    QLabel *m_counts;
    QLabel *m_clock;
    QWidget *m_area;
    int m_columns = 1;
    bool m_rebuildPending = false;
};
