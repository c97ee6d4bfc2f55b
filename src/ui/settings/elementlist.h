#pragma once

#include <QIcon>
#include <QWidget>

class QListWidget;
class QPushButton;

// The left side of the targets and resolvers tabs: the elements of one array of the config by
// name, the rows with problems marked (icon, tooltip, accessible description), and the buttons
// that add, duplicate and remove elements.
class ElementList : public QWidget
{
    Q_OBJECT
public:
    // what: the elements, for the accessible names ("Targets").
    explicit ElementList(const QString &what, QWidget *parent = nullptr);

    // Replaces the rows, keeping the current row where it can.
    void setNames(const QStringList &names);
    void setName(int row, const QString &name);
    void setRowProblems(int row, const QStringList &problems);
    QStringList rowProblems(int row) const;
    int count() const;
    int currentRow() const;
    void setCurrentRow(int row);
    // Whether the current row may be removed (or duplicated); Add is always there.
    void setCurrentRowEditable(bool removable, bool duplicable);

    QPushButton *addButton() const { return m_add; }
    QPushButton *duplicateButton() const { return m_duplicate; }
    QPushButton *removeButton() const { return m_remove; }

Q_SIGNALS:
    void currentRowChanged(int row);
    void addRequested();
    void duplicateRequested(int row);
    void removeRequested(int row);

private:
    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_duplicate;
    QPushButton *m_remove;
    QIcon m_noProblemIcon;
};
