#include "elementlist.h"

#include <QGridLayout>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>

#include <algorithm>

namespace {
constexpr int ProblemsRole = Qt::UserRole + 1;
}

ElementList::ElementList(const QString &what, QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_duplicate(new QPushButton(tr("D&uplicate"), this))
    , m_remove(new QPushButton(tr("Remo&ve"), this))
{
    m_list->setAccessibleName(what);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_list->setIconSize(QSize(iconSize, iconSize));
    m_list->setUniformItemSizes(true);
    // Rows without a problem get an empty icon of the same size: the names stay aligned.
    QPixmap blank(iconSize, iconSize);
    blank.fill(Qt::transparent);
    m_noProblemIcon = QIcon(blank);
    m_add->setAccessibleName(tr("Add to %1").arg(what));
    m_duplicate->setAccessibleName(tr("Duplicate the selected entry of %1").arg(what));
    m_remove->setAccessibleName(tr("Remove the selected entry of %1").arg(what));
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 0, 0, 1, 3);
    layout->addWidget(m_add, 1, 0);
    layout->addWidget(m_duplicate, 1, 1);
    layout->addWidget(m_remove, 1, 2);
    connect(m_list, &QListWidget::currentRowChanged, this, &ElementList::currentRowChanged);
    connect(m_add, &QPushButton::clicked, this, &ElementList::addRequested);
    connect(m_duplicate, &QPushButton::clicked, this,
            [this] { Q_EMIT duplicateRequested(currentRow()); });
    connect(m_remove, &QPushButton::clicked, this, [this] { Q_EMIT removeRequested(currentRow()); });
}

void ElementList::setNames(const QStringList &names)
{
    const int current = currentRow();
    const QSignalBlocker blocker(m_list); // the owner shows the row it asks for
    m_list->clear();
    for (const QString &name : names)
        new QListWidgetItem(m_noProblemIcon, name, m_list);
    if (!names.isEmpty())
        m_list->setCurrentRow(std::clamp(current, 0, int(names.size()) - 1));
}

void ElementList::setName(int row, const QString &name)
{
    if (QListWidgetItem *item = m_list->item(row))
        item->setText(name);
}

void ElementList::setRowProblems(int row, const QStringList &problems)
{
    QListWidgetItem *item = m_list->item(row);
    if (!item || item->data(ProblemsRole).toStringList() == problems)
        return;
    const QString text = problems.join(QLatin1Char('\n'));
    item->setData(ProblemsRole, problems);
    item->setIcon(problems.isEmpty() ? m_noProblemIcon
                                     : style()->standardIcon(QStyle::SP_MessageBoxCritical));
    item->setToolTip(text);
    item->setData(Qt::AccessibleDescriptionRole, text);
}

QStringList ElementList::rowProblems(int row) const
{
    const QListWidgetItem *item = m_list->item(row);
    return item ? item->data(ProblemsRole).toStringList() : QStringList();
}

int ElementList::count() const { return m_list->count(); }

int ElementList::currentRow() const { return m_list->currentRow(); }

void ElementList::setCurrentRow(int row) { m_list->setCurrentRow(row); }

void ElementList::setCurrentRowEditable(bool removable, bool duplicable)
{
    m_remove->setEnabled(removable);
    m_duplicate->setEnabled(duplicable);
}
