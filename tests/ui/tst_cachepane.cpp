// The cache pane alone, over a resolver on a fake backend and a manual clock: the search box
// narrows the entries, and the clear actions (toolbar and context menu) forget the selected
// hosts or the stale answers at once; clearing all asks first and does nothing unless told yes.
#include "cachepane.h"
#include "cachetablemodel.h"
#include "fakebackend.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QToolBar>

class TestCachePane : public QObject
{
    Q_OBJECT

private:
    // a.test goes stale (TTL 10 s, 30 s ago), b.test and c.test stay fresh (TTL 300 s).
    struct Rig
    {
        Rig() : resolver(CachePolicy(), &clock), backend(new FakeBackend), cache(&resolver)
        {
            resolver.addBackend(backend);
            for (const auto &[host, ttl] :
                 {std::pair{QStringLiteral("a.test"), 10}, std::pair{QStringLiteral("b.test"), 300},
                  std::pair{QStringLiteral("c.test"), 300}}) {
                resolver.resolve({host, backend->name()}, &context, [](const LookupResult &) {});
                backend->answer(host,
                                FakeBackend::addresses({QStringLiteral("10.0.0.1")}, quint32(ttl)));
            }
            clock.advance(30'000);
            cache.refresh();
        }
        QStringList hosts(const CachePane &pane) const
        {
            QStringList shown;
            const QAbstractItemModel *model = pane.view()->model();
            for (int row = 0; row < model->rowCount(); ++row)
                shown.append(model->index(row, CacheTableModel::Host).data().toString());
            shown.sort();
            return shown;
        }

        ManualClock clock;
        Resolver resolver;
        FakeBackend *backend;
        CacheTableModel cache;
        QObject context;
    };

    static QAction *action(const CachePane &pane, const QString &text)
    {
        for (QAction *action : pane.view()->actions()) {
            if (action->text() == text)
                return action;
        }
        return nullptr;
    }

private Q_SLOTS:
    void searchNarrowsTheEntries()
    {
        Rig rig;
        CachePane pane(&rig.cache, &rig.resolver);
        QAbstractItemModelTester tester(pane.view()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(rig.hosts(pane),
                 (QStringList{QStringLiteral("a.test"), QStringLiteral("b.test"),
                              QStringLiteral("c.test")}));
        pane.searchBox()->setText(QStringLiteral("B.TEST"));
        QCOMPARE(rig.hosts(pane), QStringList{QStringLiteral("b.test")});
        pane.searchBox()->setText(QStringLiteral("stale")); // the state column too
        QCOMPARE(rig.hosts(pane), QStringList{QStringLiteral("a.test")});
        pane.searchBox()->clear();
        QCOMPARE(pane.view()->model()->rowCount(), 3);
    }

    void clearsTheStaleAndTheSelected()
    {
        Rig rig;
        CachePane pane(&rig.cache, &rig.resolver);
        // The same three actions in the toolbar and in the context menu.
        QToolBar *bar = pane.findChild<QToolBar *>();
        QVERIFY(bar);
        QCOMPARE(bar->actions(), pane.view()->actions());
        QCOMPARE(pane.view()->contextMenuPolicy(), Qt::ActionsContextMenu);
        QAction *clearStale = action(pane, QStringLiteral("Clear &stale"));
        QAction *clearEntry = action(pane, QStringLiteral("Clear &entry"));
        QVERIFY(clearStale && clearEntry);

        clearStale->trigger();
        QCOMPARE(rig.hosts(pane), (QStringList{QStringLiteral("b.test"), QStringLiteral("c.test")}));
        const QModelIndexList found = pane.view()->model()->match(
                pane.view()->model()->index(0, CacheTableModel::Host), Qt::DisplayRole,
                QStringLiteral("c.test"), 1, Qt::MatchExactly);
        QCOMPARE(found.size(), 1);
        pane.view()->selectRow(found.constFirst().row());
        clearEntry->trigger();
        QCOMPARE(rig.hosts(pane), QStringList{QStringLiteral("b.test")});
        QVERIFY(rig.resolver.snapshotOf({QStringLiteral("c.test"), rig.backend->name()}).state
                == CacheEntrySnapshot::State::Missing);
    }

    void clearAllAsksFirst_data()
    {
        QTest::addColumn<int>("answer"); // the role of the button clicked
        QTest::addColumn<int>("entriesLeft");
        QTest::newRow("cancelled") << int(QMessageBox::RejectRole) << 3;
        QTest::newRow("confirmed") << int(QMessageBox::DestructiveRole) << 0;
    }

    void clearAllAsksFirst()
    {
        QFETCH(int, answer);
        QFETCH(int, entriesLeft);
        Rig rig;
        CachePane pane(&rig.cache, &rig.resolver);
        pane.show();
        QAction *clearAll = action(pane, QStringLiteral("Clear &all..."));
        QVERIFY(clearAll);
        clearAll->trigger();
        QMessageBox *box = pane.findChild<QMessageBox *>();
        QVERIFY(box && box->isVisible());
        QCOMPARE(box->windowTitle(), QStringLiteral("Clear the whole cache?"));
        QCOMPARE(pane.view()->model()->rowCount(), 3); // nothing yet: the question is open
        QAbstractButton *button = nullptr;
        for (QAbstractButton *offered : box->buttons()) {
            if (box->buttonRole(offered) == QMessageBox::ButtonRole(answer))
                button = offered;
        }
        QVERIFY(button);
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        QPointer<QMessageBox> asked(box);
        button->click();
        QTRY_VERIFY(!asked); // it goes when answered
        QCOMPARE(pane.view()->model()->rowCount(), entriesLeft);
        QCOMPARE(rig.resolver.snapshot().size(), entriesLeft);
    }
};

QTEST_MAIN(TestCachePane)
#include "tst_cachepane.moc"
