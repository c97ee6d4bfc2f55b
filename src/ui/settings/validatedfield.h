#pragma once

#include <QWidget>

class ProblemLabel;
class QHBoxLayout;

// One input of the settings editor with the loader's problems under it: the problem is also
// the input's accessible description, so a screen reader says it with the field.
class ValidatedField : public QWidget
{
    Q_OBJECT
public:
    // Takes input (reparented); help is its tooltip and its description while it has no problem.
    ValidatedField(QWidget *input, const QString &help, QWidget *parent = nullptr);

    QWidget *input() const { return m_input; }
    // A short grey note right of the input (the config key it edits), for inputs that need
    // no more than their own width.
    void setHint(const QString &hint);
    void setProblems(const QStringList &problems);
    QString problemText() const;

private:
    void keepCompact(); // the input keeps its own width, the rest of the row stays empty

    QWidget *m_input;
    QHBoxLayout *m_inputRow;
    ProblemLabel *m_problem;
    QString m_help;
    bool m_compact = false;
};
