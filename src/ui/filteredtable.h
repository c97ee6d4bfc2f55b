#pragma once

#include <QWidget>

class QAbstractItemModel;
class QHBoxLayout;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

// A table seen through a filter, under the search box that drives it: the shape the targets,
// events and cache panes share. The search box heads a row that a pane adds its own choices to.
class FilteredTable : public QWidget
{
    Q_OBJECT
public:
    // name says what the table holds, for screen readers ("Events"); placeholder is the hint in
    // the empty search box.
    // name and description: what the table is, for screen readers (its search box's are made
    // from them); placeholder: the search box's hint.
    FilteredTable(const QString &name, const QString &description, const QString &placeholder,
                  QWidget *parent = nullptr);

    // Shows model through filter, which then matches the search text in any column, in any case.
    void setModel(QAbstractItemModel *model, QSortFilterProxyModel *filter);
    void addToSearchRow(QWidget *widget);

    QLineEdit *searchBox() const { return m_search; }
    QTableView *view() const { return m_view; }

private:
    QLineEdit *m_search;
    QTableView *m_view;
    QHBoxLayout *m_searchRow;
};
