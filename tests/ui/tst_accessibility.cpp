// The main window for people who use the keyboard alone or a screen reader: every control has an
// accessible name and description, Tab reaches every control, every menu entry has its own
// access key (in English and in German), the toolbar's actions fire from their shortcuts, the
// dialogs open from theirs and close with Esc, and a critical target going down is announced (the
// banner sends an alert whose description is the news; the offscreen platform has no
// accessibility bridge to deliver it, so the test reads what the banner says). Offscreen
// platform; the targets are resolved by a server that is not there (loopback).
#include "mainwindow.h"
#include "readinessbanner.h"
#include "translations.h"
#include "translators.h"
#include "unansweredresolver.h"

#include <QAbstractScrollArea>
#include <QAccessible>
#include <QApplication>
#include <QDialog>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

namespace {
// A control a keyboard user must reach: it takes focus by Tab and is shown in the window (not a
// scroll area's viewport or a widget that hands its focus to another).
bool isControl(const QWidget *widget, const QWidget *window)
{
    if (widget->window() != window || !widget->isVisibleTo(window) || !widget->isEnabled()
        || !(widget->focusPolicy() & Qt::TabFocus) || widget->focusProxy())
        return false;
    const auto *area = qobject_cast<const QAbstractScrollArea *>(widget->parentWidget());
    return !area || area->viewport() != widget;
}
} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<Monitor> m_monitor;
    std::unique_ptr<MainWindow> m_window;

    static AppConfig config()
    {
        AppConfig config;
        const ResolverConfig nowhere = unansweredResolver();
        config.resolvers = {nowhere};
        for (const QString &name : {QStringLiteral("api"), QStringLiteral("db")}) {
            TargetConfig target;
            target.name = name;
            target.host = name + QStringLiteral(".example.test");
            target.resolver = nowhere.name;
            target.intervalS = 3600;
            config.targets.append(target);
        }
        return config;
    }

    QList<QWidget *> controls() const
    {
        QList<QWidget *> found;
        for (QWidget *widget : m_window->findChildren<QWidget *>()) {
            if (isControl(widget, m_window.get()))
                found.append(widget);
        }
        return found;
    }

    static QString describe(const QWidget *widget)
    {
        return QStringLiteral("%1 \"%2\"")
                .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName());
    }

    // Each menu title and each entry of a menu without an access key, or with one taken.
    static QStringList accessKeyProblems(const MainWindow &window)
    {
        QStringList problems;
        QSet<QChar> menuKeys;
        for (QAction *menuAction : window.menuBar()->actions()) {
            const QString title = menuAction->text();
            const qsizetype amp = title.indexOf(QLatin1Char('&'));
            if (amp < 0 || amp + 1 >= title.size()) {
                problems.append(title + QStringLiteral(": no access key"));
                continue;
            }
            if (menuKeys.contains(title[amp + 1].toLower()))
                problems.append(title + QStringLiteral(": access key taken"));
            menuKeys.insert(title[amp + 1].toLower());
            QSet<QChar> keys;
            for (QAction *entry : menuAction->menu()->actions()) {
                if (entry->isSeparator())
                    continue;
                const QString text = entry->text();
                const qsizetype at = text.indexOf(QLatin1Char('&'));
                if (at < 0 || at + 1 >= text.size()) {
                    problems.append(title + QStringLiteral(" > ") + text
                                    + QStringLiteral(": no access key"));
                    continue;
                }
                const QChar key = text[at + 1].toLower();
                if (keys.contains(key))
                    problems.append(title + QStringLiteral(" > ") + text
                                    + QStringLiteral(": access key taken"));
                keys.insert(key);
            }
        }
        // Alt and a letter also picks a tab of the window: not one a menu title has.
        for (const QTabWidget *tabs : window.findChildren<QTabWidget *>()) {
            for (int i = 0; i < tabs->count(); ++i) {
                const QString text = tabs->tabText(i);
                const qsizetype at = text.indexOf(QLatin1Char('&'));
                if (at >= 0 && at + 1 < text.size() && menuKeys.contains(text[at + 1].toLower()))
                    problems.append(text + QStringLiteral(": access key taken by a menu"));
            }
        }
        return problems;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(installTranslations(*qApp, QStringLiteral("en")));
        m_clock = std::make_unique<SystemClock>();
        m_monitor = std::make_unique<Monitor>(config(), EnvFallback(), MlflowCredentials(),
                                              m_clock.get());
        m_window = std::make_unique<MainWindow>(m_monitor.get());
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_monitor.reset();
    }

    void everyControlHasANameAndADescription()
    {
        const QList<QWidget *> found = controls();
        QVERIFY(found.size() > 10);
        QStringList missing;
        for (QWidget *widget : found) {
            QAccessibleInterface *access = QAccessible::queryAccessibleInterface(widget);
            QVERIFY(access);
            if (const auto *tabs = qobject_cast<QTabBar *>(widget)) { // a reader reads its tabs
                for (int tab = 0; tab < tabs->count(); ++tab) {
                    const QAccessibleInterface *page = access->child(tab);
                    if (page->text(QAccessible::Name).isEmpty()
                        || page->text(QAccessible::Description).isEmpty())
                        missing.append(describe(widget) + QStringLiteral(": tab %1").arg(tab));
                }
                continue;
            }
            if (access->text(QAccessible::Name).trimmed().isEmpty())
                missing.append(describe(widget) + QStringLiteral(": no name"));
            if (access->text(QAccessible::Description).trimmed().isEmpty())
                missing.append(describe(widget) + QStringLiteral(": no description"));
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
    }

    void tabReachesEveryControl()
    {
        const QList<QWidget *> found = controls();
        QSet<QWidget *> reached;
        QWidget *first = found.constFirst();
        first->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(first->hasFocus());
        for (int step = 0; step < 4 * found.size() && reached.size() < found.size(); ++step) {
            if (QWidget *focus = QApplication::focusWidget())
                reached.insert(focus);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        QStringList unreached;
        for (QWidget *widget : found) {
            if (!reached.contains(widget))
                unreached.append(describe(widget));
        }
        QVERIFY2(unreached.isEmpty(), qPrintable(unreached.join(QLatin1Char('\n'))));
    }

    void everyMenuEntryHasItsOwnAccessKey()
    {
        const QStringList problems = accessKeyProblems(*m_window);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void theTargetActionsFireFromTheirShortcuts()
    {
        // A row chosen with the keyboard, then each target action by its shortcut (the dialogs'
        // are left to their own tests: they would wait here for an answer).
        QTableView *table = m_window->targetView();
        table->setFocus(Qt::TabFocusReason);
        QTest::keyClick(table, Qt::Key_Down);
        QTRY_VERIFY(!m_window->selectedTargets().isEmpty());
        int fired = 0;
        QList<QAction *> entries;
        for (QAction *menu : m_window->menuBar()->actions())
            entries += menu->menu()->actions();
        for (QAction *action : std::as_const(entries)) {
            if (action->shortcut().isEmpty() || !action->isEnabled()
                || action->text().endsWith(QLatin1String("...")))
                continue;
            if (action->shortcut() == QKeySequence(Qt::Key_F11))
                continue; // the wall display: its own test
            QSignalSpy triggered(action, &QAction::triggered);
            QTest::keySequence(QApplication::focusWidget(), action->shortcut());
            QVERIFY2(triggered.size() == 1, qPrintable(action->text()));
            ++fired;
        }
        QVERIFY(fired >= 4); // re-resolve, re-resolve all, probe now, pause/resume
    }

    void aCriticalTargetGoingDownIsAnnounced()
    {
        ReadinessBanner *banner = m_window->banner();
        QSignalSpy announced(banner, &ReadinessBanner::announced);
        // A probe of db finds nothing (no server): a critical target goes down.
        m_window->selectTarget(QStringLiteral("db"));
        QAction *probeNow = nullptr;
        for (QAction *action : m_window->findChildren<QAction *>()) {
            if (action->text() == QStringLiteral("Probe &now"))
                probeNow = action;
        }
        QVERIFY(probeNow && probeNow->isEnabled());
        probeNow->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!announced.isEmpty(), 10000);
        QVERIFY2(announced.constLast().constFirst().toString().startsWith(
                         QStringLiteral("db is down")),
                 qPrintable(announced.constLast().constFirst().toString()));
        // What a screen reader reads of the banner for the alert.
        QAccessibleInterface *access = QAccessible::queryAccessibleInterface(banner);
        QCOMPARE(access->text(QAccessible::Description),
                 announced.constLast().constFirst().toString());
    }

    void theDialogsOpenFromTheKeyboardAndCloseWithEscape()
    {
        // Each action that asks something first ("...") opens its dialog from its shortcut, with
        // the focus in it, and Esc closes it again: no mouse needed on the way in or out.
        QTableView *table = m_window->targetView();
        table->setFocus(Qt::TabFocusReason);
        QTest::keyClick(table, Qt::Key_Down);
        QTRY_VERIFY(!m_window->selectedTargets().isEmpty());
        QStringList opened;
        QList<QAction *> entries;
        for (QAction *menu : m_window->menuBar()->actions())
            entries += menu->menu()->actions();
        for (QAction *action : std::as_const(entries)) {
            if (action->shortcut().isEmpty() || !action->isEnabled()
                || !action->text().endsWith(QLatin1String("...")))
                continue;
            // Back in the table, as a window manager gives the focus back to the window.
            m_window->activateWindow();
            table->setFocus(Qt::OtherFocusReason);
            QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
            QTest::keySequence(table, action->shortcut());
            const auto shownDialog = [this]() -> QDialog * {
                for (QDialog *dialog : m_window->findChildren<QDialog *>()) {
                    if (dialog->isVisible())
                        return dialog;
                }
                return nullptr;
            };
            QDialog *dialog = nullptr;
            QTRY_VERIFY2((dialog = shownDialog()), qPrintable(action->text()));
            QTRY_VERIFY2(dialog->isAncestorOf(QApplication::focusWidget()),
                         qPrintable(action->text()));
            const QPointer<QDialog> open(dialog);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
            QTRY_VERIFY2(!open || !open->isVisible(), qPrintable(action->text()));
            QTRY_VERIFY(!open); // deleted on close: the next one is found alone
            opened.append(action->text());
        }
        // Settings, connect to agent, pin (reports need a history, which this window has not).
        QVERIFY2(opened.size() >= 3, qPrintable(opened.join(QStringLiteral(", "))));
    }

    // The same in German: the translations choose their own access keys (another window, built
    // with the German words; English again afterwards).
    void everyGermanMenuEntryHasItsOwnAccessKey()
    {
        removeTranslators();
        QVERIFY(installTranslations(*qApp, QStringLiteral("de")));
        QStringList problems;
        {
            MainWindow german(m_monitor.get());
            QVERIFY(german.menuBar()->actions().constFirst()->text().startsWith(
                    QStringLiteral("&Datei"))); // in German indeed
            problems = accessKeyProblems(german);
        }
        removeTranslators();
        QVERIFY(installTranslations(*qApp, QStringLiteral("en")));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
