#pragma once

#include "probe/monitor.h"
#include "reportformat.h"
#include "store/historystore.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;

// File > Export health report: range, targets, format and file; the report is built and
// written on a reading thread of the history's (the GUI and the history's writes go on), with
// its steps shown, and opened when done if asked. Opened with open(), never exec(). Closed while
// it writes, it only hides: the report is finished, reportFinished says so, and then it goes.
class ReportDialog : public QDialog
{
    Q_OBJECT
public:
    ReportDialog(const Monitor *monitor, HistoryStore *history, QWidget *parent = nullptr);

    // For tests, and what the controls set.
    void setPath(const QString &path);
    void setFormat(ReportFormat format);
    void setLastHours(int hours);
    void setOpenWhenDone(bool open);
    void chooseTargets(const QStringList &targets);
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
    ReportRequest request() const;
    void done(const QString &path, const QString &error);

    const Monitor *m_monitor;
    HistoryStore *m_history;
    bool m_writing = false;
    bool m_closeWhenWritten = false; // closed while writing: hidden until then
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
