// The events pane alone, over an event log filled by hand: the kind and the target choices
// narrow the rows (a target brings its host's resolver events along) on top of the search text,
// the choice of target follows the targets as they change, and copying puts the selected
// events on the clipboard as text.
#include "eventlogmodel.h"
#include "eventspane.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

namespace {
TargetConfig target(const QString &name)
{
    TargetConfig config;
    config.name = name;
    config.host = name + QStringLiteral(".lab.test");
    return config;
}

StoredEvent resolverEvent(ResolverEvent::Kind kind, const QString &host, int second)
{
    StoredEvent event;
    event.time = QDateTime(QDate(2026, 1, 1), QTime(12, 0, second), Qt::UTC);
    event.kind = eventKindName(kind);
    event.host = host;
    event.detail = event.kind + QStringLiteral(" of ") + host;
    return event;
}

// Oldest first, as they happen; the log shows them newest first.
QList<StoredEvent> history()
{
    const QDateTime start(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    return {
            StoredEvent::fromStateChange(start, QStringLiteral("api"), TargetState::Unknown,
                                         TargetState::Healthy, QString()),
            StoredEvent::fromStateChange(start, QStringLiteral("db"), TargetState::Unknown,
                                         TargetState::Healthy, QString()),
            resolverEvent(ResolverEvent::Kind::FallbackEntered, QStringLiteral("db.lab.test"), 10),
            StoredEvent::fromStateChange(start.addSecs(10), QStringLiteral("db"),
                                         TargetState::Healthy, TargetState::Degraded,
                                         QStringLiteral("stale")),
            resolverEvent(ResolverEvent::Kind::Recovered, QStringLiteral("db.lab.test"), 20),
            resolverEvent(ResolverEvent::Kind::FallbackEntered, QStringLiteral("api.lab.test"), 30),
    };
}

QStringList column(const QTableView *view, int column)
{
    QStringList values;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        values.append(view->model()->index(row, column).data().toString());
    return values;
}
} // namespace

class TestEventsPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kindTargetAndSearchNarrowTheRows_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("subjects"); // newest first
        QTest::newRow("everything")
                << QString() << QString() << QString()
                << QStringList{QStringLiteral("api.lab.test"), QStringLiteral("db.lab.test"),
                               QStringLiteral("db"),           QStringLiteral("db.lab.test"),
                               QStringLiteral("db"),           QStringLiteral("api")};
        QTest::newRow("one kind") << QStringLiteral("state_changed") << QString() << QString()
                                  << QStringList{QStringLiteral("db"), QStringLiteral("db"),
                                                 QStringLiteral("api")};
        QTest::newRow("one target, with its host's events")
                << QString() << QStringLiteral("db") << QString()
                << QStringList{QStringLiteral("db.lab.test"), QStringLiteral("db"),
                               QStringLiteral("db.lab.test"), QStringLiteral("db")};
        QTest::newRow("a kind of one target")
                << QStringLiteral("fallback_entered") << QStringLiteral("db") << QString()
                << QStringList{QStringLiteral("db.lab.test")};
        QTest::newRow("search on top of the choices")
                << QStringLiteral("state_changed") << QStringLiteral("db")
                << QStringLiteral("DEGRADED") << QStringList{QStringLiteral("db")};
        QTest::newRow("a kind nobody had")
                << QStringLiteral("cache_cleared") << QString() << QString() << QStringList();
    }

    void kindTargetAndSearchNarrowTheRows()
    {
        QFETCH(QString, kind);
        QFETCH(QString, target);
        QFETCH(QString, search);
        QFETCH(QStringList, subjects);
        EventLogModel events;
        EventsPane pane(&events);
        QAbstractItemModelTester tester(pane.view()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        pane.setTargets({::target(QStringLiteral("api")), ::target(QStringLiteral("db"))});
        for (const StoredEvent &event : history())
            events.add(event);
        QCOMPARE(pane.view()->model()->rowCount(), events.rowCount());
        const int kindIndex = pane.kindBox()->findData(kind);
        const int targetIndex = pane.targetBox()->findData(target);
        QVERIFY(kindIndex >= 0 && targetIndex >= 0);
        pane.kindBox()->setCurrentIndex(kindIndex);
        pane.targetBox()->setCurrentIndex(targetIndex);
        pane.searchBox()->setText(search);
        QCOMPARE(column(pane.view(), EventLogModel::Subject), subjects);
    }

    void aFailureSaysTheServersReasons()
    {
        // The server's Extended DNS Errors follow the sentence; the tooltip keeps its words.
        StoredEvent failed = resolverEvent(ResolverEvent::Kind::ResolutionFailed,
                                           QStringLiteral("api.lab.test"), 0);
        failed.cause = causeName(FailureCause::Refused);
        failed.extendedErrors = {{18, QStringLiteral("client refused")}, {4711, QString()}};
        failed.detail = QStringLiteral("127.0.0.1:53 answered REFUSED: Prohibited (EDE 18)");
        EventLogModel events;
        events.add(failed);
        const QModelIndex detail = events.index(0, EventLogModel::Detail);
        const QString expected = QStringLiteral(
                "api.lab.test: refused (REFUSED); no fallback addresses; the server's reason: "
                "Prohibited (EDE 18): client refused; EDE 4711");
        QCOMPARE(detail.data().toString(), expected);
        QCOMPARE(detail.data(Qt::ToolTipRole).toString(),
                 expected + QLatin1Char('\n') + failed.detail);
    }

    // A detail from the network (a service's answer) shows its control characters as escapes,
    // in the cell and its tooltip: a bidi override must not reorder the row.
    void controlCharactersInADetailShowAsEscapes()
    {
        EventLogModel events;
        QAbstractItemModelTester tester(&events,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        events.add(StoredEvent::fromStateChange(
                QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC), QStringLiteral("api"),
                TargetState::Healthy, TargetState::Down,
                QStringLiteral("health: answered 200 with \"\x1b]0;owned\x07\u202eevil\"")));
        const QModelIndex detail = events.index(0, EventLogModel::Detail);
        for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
            const QString shown = detail.data(role).toString();
            QVERIFY2(shown.contains(QStringLiteral("\\x1b]0;owned\\x07\\u202eevil")),
                     qPrintable(shown));
            QVERIFY(!shown.contains(QChar(0x1b)) && !shown.contains(QChar(0x202e)));
        }
    }

    void offersEveryKindAndEveryTarget()
    {
        EventLogModel events;
        EventsPane pane(&events);
        // The resolver's kinds, then state changes, an agent's operator actions, its gaps and
        // the alerts of answer changes.
        QCOMPARE(pane.kindBox()->count(),
                 1 + ResolverEvent::KindCount + StoredEvent::otherKinds().size());
        QCOMPARE(pane.kindBox()->itemText(0), QStringLiteral("All kinds"));
        QCOMPARE(pane.kindBox()->itemData(1 + ResolverEvent::KindCount).toString(),
                 StoredEvent::stateChangedKind());
        QCOMPARE(pane.kindBox()->itemData(pane.kindBox()->count() - 2).toString(),
                 StoredEvent::eventsMissedKind());
        QCOMPARE(pane.kindBox()->itemData(pane.kindBox()->count() - 1).toString(),
                 StoredEvent::answerChangedAlertKind());
        QCOMPARE(pane.targetBox()->count(), 1);
        QCOMPARE(pane.targetBox()->itemText(0), QStringLiteral("All targets"));
        pane.setTargets({target(QStringLiteral("api")), target(QStringLiteral("db"))});
        QCOMPARE(pane.targetBox()->count(), 3);
        QCOMPARE(pane.targetBox()->itemText(2), QStringLiteral("db"));
    }

    // The targets change (settings): a chosen target that stays stays chosen and narrowing; one
    // that is gone gives way to every target.
    void targetChoiceFollowsTheTargets()
    {
        EventLogModel events;
        for (const StoredEvent &event : history())
            events.add(event);
        EventsPane pane(&events);
        pane.setTargets({target(QStringLiteral("api")), target(QStringLiteral("db"))});
        pane.targetBox()->setCurrentIndex(pane.targetBox()->findData(QStringLiteral("db")));
        QCOMPARE(pane.view()->model()->rowCount(), 4);
        pane.setTargets({target(QStringLiteral("db")), target(QStringLiteral("web"))});
        QCOMPARE(pane.targetBox()->currentData().toString(), QStringLiteral("db"));
        QCOMPARE(pane.view()->model()->rowCount(), 4);
        pane.setTargets({target(QStringLiteral("web"))});
        QCOMPARE(pane.targetBox()->currentIndex(), 0);
        QCOMPARE(pane.view()->model()->rowCount(), events.rowCount());
    }

    void copiesTheSelectedEvents()
    {
        EventLogModel events;
        for (const StoredEvent &event : history())
            events.add(event);
        EventsPane pane(&events);
        pane.setTargets({target(QStringLiteral("api")), target(QStringLiteral("db"))});
        pane.kindBox()->setCurrentIndex(pane.kindBox()->findData(StoredEvent::stateChangedKind()));
        QTableView *view = pane.view();
        view->selectRow(0);
        view->selectionModel()->select(view->model()->index(2, 0),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QApplication::clipboard()->clear();
        // Through the context menu's action, as a user copies.
        QCOMPARE(view->actions().size(), 1);
        view->actions().constFirst()->trigger();
        const QList<StoredEvent> all = history();
        QCOMPARE(QApplication::clipboard()->text(),
                 EventLogModel::asText(all[3]) + u'\n' + EventLogModel::asText(all[0]) + u'\n');
        // Nothing selected: the clipboard keeps what it had.
        view->clearSelection();
        pane.copySelectedEvents();
        QCOMPARE(QApplication::clipboard()->text(),
                 EventLogModel::asText(all[3]) + u'\n' + EventLogModel::asText(all[0]) + u'\n');
    }
};

QTEST_MAIN(TestEventsPane)
#include "tst_eventspane.moc"
