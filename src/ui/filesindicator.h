#pragma once

#include <QLabel>

// In the status bar: whether this dashboard keeps a history, and in its tooltip where its files
// are (the config file the settings save to, the history) or why there is no history (another
// dashboard holds it, its folder could not be made).
class FilesIndicator : public QLabel
{
    Q_OBJECT
public:
    explicit FilesIndicator(const QString &configPath, QWidget *parent = nullptr);

    void showHistory(const QString &historyPath);
    void showNoHistory(const QString &why); // why: empty when none was asked for

private:
    void describe(const QString &historyLine);
    QString m_configPath;
};
