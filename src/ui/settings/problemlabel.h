#pragma once

#include <QWidget>

class QLabel;

// What is wrong, in red with an error icon; hidden while there is nothing to say. The text is
// plain (a loader message may quote anything a user typed) and can be selected and copied.
class ProblemLabel : public QWidget
{
    Q_OBJECT
public:
    explicit ProblemLabel(QWidget *parent = nullptr);

    void setProblems(const QStringList &problems);
    QString text() const;

    static QColor colour(); // the dashboard's "not ready" red

private:
    QLabel *m_icon;
    QLabel *m_text;
};
