#include "filesindicator.h"

#include <QDir>

FilesIndicator::FilesIndicator(const QString &configPath, QWidget *parent)
    : QLabel(parent), m_configPath(configPath)
{
    setObjectName(QStringLiteral("filesIndicator"));
    setAccessibleName(tr("Files of this dashboard"));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    showNoHistory(QString());
}

void FilesIndicator::showHistory(const QString &historyPath)
{
    setText(tr("History on"));
    describe(tr("History: %1").arg(QDir::toNativeSeparators(historyPath)));
}

void FilesIndicator::showNoHistory(const QString &why)
{
    setText(tr("History off"));
    describe(why.isEmpty() ? tr("History: none (give one with --db FILE)")
                           : tr("History: none, %1").arg(why));
}

void FilesIndicator::describe(const QString &historyLine)
{
    const QString config = m_configPath.isEmpty()
            ? tr("Config: no file (the demo lab)")
            : tr("Config file: %1").arg(QDir::toNativeSeparators(m_configPath));
    setToolTip(config + QLatin1Char('\n') + historyLine);
    setAccessibleDescription(toolTip());
}
