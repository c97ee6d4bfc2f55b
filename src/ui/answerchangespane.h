#pragma once

#include <QWidget>

class AnswerChangeModel;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

// The change history of the chosen target's answer: when it changed, through which resolver,
// from what to what, with the new answer's TTL; every target's when none is chosen. A tab of
// the target's detail below the targets table.
class AnswerChangesPane : public QWidget
{
    Q_OBJECT
public:
    explicit AnswerChangesPane(AnswerChangeModel *changes, QWidget *parent = nullptr);

    // The target whose changes are shown: its name (for the heading), place (empty: this
    // machine), host and resolver. An empty name shows every target's.
    void showTarget(const QString &name, const QString &place, const QString &host,
                    const QString &resolver);
    QTableView *view() const { return m_view; }
    QLabel *heading() const { return m_heading; }
    // Says there is no change yet (for the chosen target, or at all); hidden once there is one.
    QLabel *emptyNote() const { return m_emptyNote; }

private:
    void showOrHideEmptyNote();
    void sayWhatIsEmpty();

    AnswerChangeModel *m_changes;
    QSortFilterProxyModel *m_filter;
    QLabel *m_heading;
    QLabel *m_emptyNote;
    QTableView *m_view;
    QString m_name; // the target shown; empty for every target
};
