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
// written on the history's thread (the GUI goes on), with its steps shown, and opened when done
// if asked. Opened with open(), never exec().
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

public Q_SLOTS:
    void startExport();

Q_SIGNALS:
    void finished(bool written, const QString &pathOrError);

private:
    QWidget *buildRangeRow();
    void onFormatChanged();
    void browse();
    void setWriting(bool writing);
    ReportRequest request() const;
    void done(const QString &path, const QString &error);

    const Monitor *m_monitor;
    HistoryStore *m_history;
    bool m_writing = false;
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
