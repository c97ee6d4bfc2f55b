#include "traynotifications.h"

#include "printabletext.h"

#include "probe/monitor.h"
#include "words/statesentence.h"

#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>

namespace {
QStyle::StandardPixmap iconOf(ReadinessBanner::Level level)
{
    switch (level) {
    case ReadinessBanner::Level::NotReady:
        return QStyle::SP_MessageBoxCritical;
    case ReadinessBanner::Level::KeptByFallback:
        return QStyle::SP_MessageBoxWarning;
    case ReadinessBanner::Level::Ready:
        break;
    }
    return QStyle::SP_DialogApplyButton;
}
} // namespace

TrayNotifications::TrayNotifications(Monitor *monitor, QMainWindow *window)
    : QObject(window)
    , m_monitor(monitor)
    , m_window(window)
    , m_notifier(new StateNotifier(monitor->clock(), 60'000, this))
{
    reloadTargets();
    // Why, in the user's words (the core's own are English).
    connect(monitor, &Monitor::stateChanged, m_notifier,
            [this](const QString &target, TargetState from, TargetState to, const QString &detail) {
                m_notifier->stateChanged(target, from, to, verdictSentence(to, detail));
            });
    connect(m_notifier, &StateNotifier::notify, this, &TrayNotifications::showNotification);
    buildTray();
}

void TrayNotifications::reloadTargets()
{
    for (const TargetConfig &target : m_monitor->config().targets)
        m_notifier->setCritical(target.name, target.critical);
}

void TrayNotifications::buildTray()
{
    m_tray = new QSystemTrayIcon(m_window->style()->standardIcon(QStyle::SP_MessageBoxQuestion),
                                 this);
    auto *menu = new QMenu(m_window);
    menu->addAction(tr("&Show DNS Watch"), this, [this] {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    });
    menu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
        m_window->showNormal();
        m_window->activateWindow();
    });
    m_tray->setVisible(QSystemTrayIcon::isSystemTrayAvailable());
}

void TrayNotifications::showReadiness(ReadinessBanner::Level level, const QString &summary)
{
    if (m_tray->toolTip() == summary)
        return;
    m_tray->setIcon(m_window->style()->standardIcon(iconOf(level)));
    m_tray->setToolTip(summary);
}

void TrayNotifications::showNotification(const QString &titleText, const QString &messageText,
                                         StateNotifier::Severity severity)
{
    // Target names and details from the network: shown, never obeyed.
    const QString title = printable(titleText);
    const QString message = printable(messageText, LineBreaks::Keep);
    m_window->statusBar()->showMessage(
            message.isEmpty() ? title : QStringLiteral("%1: %2").arg(title, message), 10000);
    if (!m_tray->isVisible())
        return;
    const QSystemTrayIcon::MessageIcon icon = severity == StateNotifier::Severity::Critical
            ? QSystemTrayIcon::Critical
            : severity == StateNotifier::Severity::Warning ? QSystemTrayIcon::Warning
                                                           : QSystemTrayIcon::Information;
    m_tray->showMessage(title, message, icon);
}
