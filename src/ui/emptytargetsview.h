#pragma once

#include <QStringList>
#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QPushButton;

// What the targets table shows while it has no targets: what to do, with a button that opens
// the settings (to add one) and one that starts the demo lab, a program of its own in a window
// of its own (the lab replaces the config, which a running dashboard cannot do). When the lab
// cannot be started, it says the command to run.
class EmptyTargetsView : public QWidget
{
    Q_OBJECT
public:
    explicit EmptyTargetsView(QWidget *parent = nullptr);

    // A stack that shows table while model has rows and this view in its place while it has
    // none; made as a child of this view's parent.
    QWidget *inPlaceOf(QWidget *table, QAbstractItemModel *model);

    // What "Start the demo lab" runs: this program with --demo, unless set otherwise.
    void setDemoCommand(const QString &program, const QStringList &arguments);
    QString demoCommandLine() const;

    QPushButton *settingsButton() const { return m_settings; }
    QPushButton *demoButton() const { return m_demo; }
    QString demoStatus() const;

Q_SIGNALS:
    void settingsRequested();
    void demoStarted(qint64 pid);

public Q_SLOTS:
    void startDemo();

private:
    QPushButton *m_settings;
    QPushButton *m_demo;
    QLabel *m_demoStatus;
    QString m_demoProgram;
    QStringList m_demoArguments;
};
