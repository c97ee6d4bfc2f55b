#pragma once

#include "agentplace.h"
#include "probe/monitor.h"
#include "reportformat.h"
#include "store/historystore.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;

// File > Export health report: whose report (this machine's or an agent's), range, targets,
// format and file. This machine's is built and written on a reading thread of the history's (the
// GUI and the history's writes go on), with its steps shown; an agent's is asked of the agent
// (from its own history) and written whole or not at all. Opened when done if asked. Opened with
// open(), never exec(). Closed while it writes, it only hides: the report is finished,
// reportFinished says so, and then it goes.
class ReportDialog : public QDialog
{
    Q_OBJECT
public:
    // history: null when this machine keeps none (then only agents can be chosen).
    ReportDialog(const Monitor *monitor, HistoryStore *history, const QList<AgentPlace *> &agents,
                 QWidget *parent = nullptr);

    // For tests, and what the controls set.
    void setPath(const QString &path);
    void setFormat(ReportFormat format);
    void setLastHours(int hours);
    void setOpenWhenDone(bool open);
    void chooseTargets(const QStringList &targets);
    void chooseSource(const QString &place); // an agent's name, or empty for this machine
    QString status() const;
    bool isWriting() const { return m_writing; }
    void showAgain(); // File > Export again, maybe while a report it was closed on is written

public Q_SLOTS:
    void startExport();

Q_SIGNALS:
    void reportFinished(bool written, const QString &pathOrError);

protected:
    void closeEvent(QCloseEvent *event) override;
    void reject() override;

private:
    QWidget *buildRangeRow();
    void onFormatChanged();
    void keepUntilWritten();
    void browse();
    void setWriting(bool writing);
    std::pair<QDateTime, QDateTime> range() const; // UTC, [from, to)
    ReportRequest request() const;
    AgentPlace *chosenAgent() const; // null: this machine
    void onSourceChanged();
    void exportFromAgent(AgentPlace *agent, const QString &path, ReportFormat format);
    void done(const QString &path, const QString &error);

    const Monitor *m_monitor;
    HistoryStore *m_history;
    bool m_writing = false;
    bool m_closeWhenWritten = false; // closed while writing: hidden until then
    QList<QPointer<AgentPlace>> m_agents;
    QComboBox *m_source;
    QComboBox *m_range;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QListWidget *m_targets;
    QComboBox *m_format;
    QLineEdit *m_path;
    QCheckBox *m_openWhenDone;
    QProgressBar *m_progress;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
};
