#pragma once

#include <QAbstractTableModel>
#include <QCoreApplication>

#include <span>

// A table model without a tree below its rows: rows() and the column titles answer rowCount(),
// columnCount() and headerData(); isRowIndex() is the check every data() starts with. Titles are
// marked with QT_TRANSLATE_NOOP in the subclass's context and translated when shown; so are the
// header tooltips, one a column when given, that say what each column measures.
class FlatTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    FlatTableModel(std::span<const char *const> titles, QObject *parent,
                   std::span<const char *const> headerToolTips = {})
        : QAbstractTableModel(parent), m_titles(titles), m_headerToolTips(headerToolTips)
    {
        Q_ASSERT(headerToolTips.empty() || headerToolTips.size() == titles.size());
    }

    int rowCount(const QModelIndex &parent = QModelIndex()) const final
    {
        return parent.isValid() ? 0 : rows();
    }
    int columnCount(const QModelIndex &parent = QModelIndex()) const final
    {
        return parent.isValid() ? 0 : int(m_titles.size());
    }
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const final
    {
        if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
            return QVariant();
        if (role == Qt::DisplayRole)
            return QCoreApplication::translate(metaObject()->className(), m_titles[section]);
        if (role == Qt::ToolTipRole && !m_headerToolTips.empty())
            return QCoreApplication::translate(metaObject()->className(), m_headerToolTips[section]);
        return QVariant();
    }

protected:
    virtual int rows() const = 0;
    bool isRowIndex(const QModelIndex &index) const
    {
        return checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid);
    }
    // A log's newest row on top: row goes first in *rows, the last one goes when there are
    // limit already; the views are told of both.
    template<typename Row>
    void prependBounded(QList<Row> *rows, const Row &row, qsizetype limit)
    {
        if (rows->size() >= limit) {
            const int last = int(rows->size()) - 1;
            beginRemoveRows(QModelIndex(), last, last);
            rows->removeLast();
            endRemoveRows();
        }
        beginInsertRows(QModelIndex(), 0, 0);
        rows->prepend(row);
        endInsertRows();
    }

private:
    std::span<const char *const> m_titles;
    std::span<const char *const> m_headerToolTips;
};
