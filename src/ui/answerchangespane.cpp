#include "answerchangespane.h"

#include "answerchangemodel.h"

#include "printabletext.h"

#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

AnswerChangesPane::AnswerChangesPane(AnswerChangeModel *changes, QWidget *parent)
    : QWidget(parent)
    , m_changes(changes)
    , m_filter(new QSortFilterProxyModel(this))
    , m_heading(new QLabel(this))
    , m_emptyNote(new QLabel(this))
    , m_view(new QTableView(this))
{
    m_filter->setSourceModel(changes);
    m_filter->setFilterRole(AnswerChangeModel::AnswerKeyRole);
    m_view->setModel(m_filter);
    m_view->setObjectName(QStringLiteral("answerChanges"));
    m_view->setAccessibleName(tr("Answer changes"));
    m_view->setAccessibleDescription(
            tr("Each change of the answer, newest first: time, resolver, before, after and TTL"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false); // Tab leaves the table; the arrows move within it
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(AnswerChangeModel::Time, 150);
    m_view->setColumnWidth(AnswerChangeModel::Before, 220);
    m_view->setColumnWidth(AnswerChangeModel::After, 220);
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setBuddy(m_view);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_emptyNote);
    layout->addWidget(m_view, 1);
    m_emptyNote->setWordWrap(true);
    m_emptyNote->setEnabled(false); // the palette's quiet text: a hint, not a message
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &AnswerChangesPane::showOrHideEmptyNote);
    connect(m_filter, &QAbstractItemModel::modelReset, this,
            &AnswerChangesPane::showOrHideEmptyNote);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this,
            &AnswerChangesPane::showOrHideEmptyNote);
    connect(changes, &AnswerChangeModel::reachedIntoHistory, this,
            &AnswerChangesPane::sayWhatIsEmpty);
    showTarget(QString(), QString(), QString(), QString());
}

void AnswerChangesPane::showOrHideEmptyNote()
{
    m_emptyNote->setVisible(m_filter->rowCount() == 0);
}

void AnswerChangesPane::showTarget(const QString &name, const QString &place, const QString &host,
                                   const QString &resolver)
{
    m_name = name;
    if (name.isEmpty()) {
        m_heading->setText(tr("Answer changes of every target"));
        m_filter->setFilterRegularExpression(QRegularExpression());
    } else {
        m_heading->setText(tr("Answer changes of %1 (%2 through %3)")
                                   .arg(printable(name), printable(host), printable(resolver)));
        m_filter->setFilterRegularExpression(QRegularExpression(QRegularExpression::anchoredPattern(
                QRegularExpression::escape(AnswerChangeModel::answerKey(place, host, resolver)))));
    }
    sayWhatIsEmpty();
}

void AnswerChangesPane::sayWhatIsEmpty()
{
    const bool history = m_changes->reachesIntoHistory();
    if (m_name.isEmpty()) {
        m_emptyNote->setText(
                (history ? tr(
                         "No answer has changed in the kept history or since DNS Watch started.")
                         : tr("No answer has changed since DNS Watch started."))
                + QLatin1Char(' ')
                + tr("A change shows here when a live answer brings other addresses than the "
                     "one before."));
    } else {
        m_emptyNote->setText(
                history ? tr("The answer of %1 has not changed in the kept history or since DNS "
                             "Watch "
                             "started.")
                                  .arg(printable(m_name))
                        : tr("The answer of %1 has not changed since DNS Watch started.")
                                  .arg(printable(m_name)));
    }
    showOrHideEmptyNote();
}
