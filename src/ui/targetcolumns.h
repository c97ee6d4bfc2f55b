#pragma once

#include <QObject>

class QAction;
class QMenu;
class QTableView;
class TargetTableModel;

// The targets table's columns: their widths, which are shown, and the user's choice of both.
//
// Until the user chooses, the table fits the width of its view, whatever the window's size: the
// short columns keep the width of their longest value (in the language in use), host, addresses
// and the last error share the rest, and when even that does not fit, the columns an operator
// needs least (DNS p95, then the resolver, the TTL left, the time in fallback) are left out, in
// that order, to come back when there is room. The user chooses by widening a column by hand or
// by ticking columns in the Columns menu (the header's context menu, and View > Columns); the
// choice is kept across runs (QSettings) until "Fit columns to the window" gives the table back.
class TargetColumns : public QObject
{
    Q_OBJECT
public:
    TargetColumns(QTableView *view, TargetTableModel *model, QObject *parent = nullptr);

    QMenu *menu() const { return m_menu; } // one checkable entry a column, and "Fit"
    bool isChosen() const { return m_chosen; }

    void restore(); // the user's columns from the last run, if they chose any
    void save() const;
    // Shows or hides the Agent column (shown with agents), then fits again unless chosen.
    void setPlaceShown(bool shown);
    void fit(); // to the view's width, unless the user has chosen; also on every resize

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setInitialWidths();
    void buildMenu();
    void choose(); // the user chose: no more fitting
    int fixedWidth() const; // the shown columns that do not share the rest
    QTableView *m_view;
    TargetTableModel *m_model;
    QMenu *m_menu = nullptr;
    QAction *m_fitAction = nullptr;
    bool m_chosen = false;
    bool m_placeShown = false;
    bool m_fitting = false; // our own resizing: not the user's choice
    bool m_pressedOnHeader = false; // a section resized now is resized by the user
};
