#include "filteredtable.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

FilteredTable::FilteredTable(const QString &name, const QString &description,
                             const QString &placeholder, QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_searchRow(new QHBoxLayout)
{
    m_search->setPlaceholderText(placeholder);
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Filter: %1").arg(name));
    m_search->setAccessibleDescription(tr("Shows only the rows that contain this text"));
    m_view->setAccessibleName(name);
    m_view->setAccessibleDescription(description);
    // Tab leaves the table for the next control (arrow keys move between its cells): a keyboard
    // user is not held in it.
    m_view->setTabKeyNavigation(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_searchRow->addWidget(m_search, 1);
    layout->addLayout(m_searchRow);
    layout->addWidget(m_view, 1);
}

void FilteredTable::setModel(QAbstractItemModel *model, QSortFilterProxyModel *filter)
{
    filter->setSourceModel(model);
    filter->setFilterKeyColumn(-1); // any column
    filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_search, &QLineEdit::textChanged, filter, &QSortFilterProxyModel::setFilterFixedString);
    m_view->setModel(filter);
}

void FilteredTable::addToSearchRow(QWidget *widget) { m_searchRow->addWidget(widget); }
