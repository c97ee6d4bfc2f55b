#pragma once

#include "config/appconfig.h"
#include "configdocument.h"

#include <QDialog>
#include <QTimer>

class Monitor;
class PolicyPage;
class ProblemLabel;
class QLabel;
class QPushButton;
class QTabWidget;
class ResolversPage;
class SettingsPage;
class TargetsPage;

// The dashboard's settings editor: targets, resolvers, cache policy and probe timing, over the
// config file's own JSON. Every edit is checked by the config loader itself (debounced), and
// its messages are shown at the fields they are about; Save stays off while there is one.
// Saving writes the file atomically and applies it to the running Monitor, saying what takes a
// restart. Without a file (the embedded default, the demo lab) Save becomes "Save as...".
// Open it with open(): nothing here waits in a nested event loop.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // configPath: the file the dashboard runs on; empty: none.
    SettingsDialog(Monitor *monitor, const QString &configPath, QWidget *parent = nullptr);

    const ConfigDocument &document() const { return m_document; }
    TargetsPage *targetsPage() const { return m_targets; }
    ResolversPage *resolversPage() const { return m_resolvers; }
    PolicyPage *cachePage() const { return m_cache; }
    PolicyPage *probesPage() const { return m_probes; }
    QTabWidget *tabs() const { return m_tabs; }
    QPushButton *saveButton() const { return m_save; }
    bool hasProblems() const { return !m_errors.isEmpty(); }
    QString problemSummary() const;
    QString statusText() const;

    // Runs the loader over the edits now (edits otherwise wait for a pause in typing).
    void validateNow();
    // What Save does: asks for a file when there is none, and before overwriting a file that
    // something else changed since it was loaded.
    void save();
    // Writes the settings to path and applies them; false, with the reason shown, when they
    // could not be written (the edits and the old file stay as they were).
    bool saveTo(const QString &path);

    void reject() override; // asks before dropping unsaved edits

Q_SIGNALS:
    // After each run of the loader over the edits.
    void validated(bool valid);
    // Saved to path and applied to the monitor; notApplied: what takes a restart.
    void configApplied(const QString &path, const QStringList &notApplied);

private:
    void load(const QString &configPath);
    void edited();
    void showProblems();
    void updateSaveButton();
    void showStatus(const QString &text, bool isError);
    void askForFile();
    void askToOverwrite(const QString &path, const QString &why);

    Monitor *m_monitor;
    QString m_dashboardPath; // the file the dashboard was started with (empty: none)
    ConfigDocument m_document;
    QList<ConfigError> m_errors;
    QTimer m_validation; // edits in a burst are checked once
    QLabel *m_source;
    QTabWidget *m_tabs;
    TargetsPage *m_targets;
    ResolversPage *m_resolvers;
    PolicyPage *m_cache;
    PolicyPage *m_probes;
    QList<SettingsPage *> m_pages;
    ProblemLabel *m_summary;
    QLabel *m_status;
    QPushButton *m_save;
};
