// The targets table's columns (TargetColumns) on the offscreen platform: the table fits its
// view's width from a small laptop to a wide screen, leaving out the least needed columns in their
// order when it must; a column widened by hand or chosen in the Columns menu is the user's choice,
// kept across runs, until "Fit columns to the window".
#include "targetcolumns.h"
#include "targettablemodel.h"
#include "translations.h"

#include <QApplication>
#include <QHeaderView>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

namespace {
// A table of the targets model, as the main window has it, at a width.
struct Table
{
    TargetTableModel model;
    QTableView view;
    std::unique_ptr<TargetColumns> columns;

    explicit Table(int width, bool restore = false)
    {
        view.setModel(&model);
        view.horizontalHeader()->setStretchLastSection(true);
        columns = std::make_unique<TargetColumns>(&view, &model);
        if (restore)
            columns->restore();
        view.resize(width, 400);
        view.show();
    }
    // The widths of the shown columns, added: more than the viewport is a horizontal scroll.
    int shownWidth() const { return view.horizontalHeader()->length(); }
    int room() const { return view.viewport()->width(); }
    QAction *menuEntry(int column) const
    {
        Q_EMIT columns->menu()->aboutToShow();
        for (QAction *entry : columns->menu()->actions()) {
            if (entry->isCheckable() && entry->data().toInt() == column)
                return entry;
        }
        return nullptr;
    }
    QAction *fitAction() const
    {
        return columns->menu()->findChild<QAction *>(QStringLiteral("fitColumnsAction"));
    }
    // Drags the right edge of a column's header by dx, as a user does.
    void dragEdge(int column, int dx)
    {
        QHeaderView *header = view.horizontalHeader();
        const int edge = header->sectionViewportPosition(column) + header->sectionSize(column) - 1;
        const QPoint from(edge, header->height() / 2);
        QTest::mousePress(header->viewport(), Qt::LeftButton, Qt::NoModifier, from);
        QMouseEvent move(QEvent::MouseMove, QPointF(from + QPoint(dx, 0)),
                         header->viewport()->mapToGlobal(QPointF(from + QPoint(dx, 0))),
                         Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(header->viewport(), &move);
        QTest::mouseRelease(header->viewport(), Qt::LeftButton, Qt::NoModifier,
                            from + QPoint(dx, 0));
    }
};

QString hiddenOf(const QTableView &view)
{
    QStringList hidden;
    for (int column = 0; column < TargetTableModel::ColumnCount; ++column) {
        if (view.isColumnHidden(column))
            hidden.append(view.model()->headerData(column, Qt::Horizontal).toString());
    }
    return hidden.join(QStringLiteral(", "));
}
} // namespace

class TestTargetColumns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("dnswatch-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_targetcolumns"));
        QVERIFY(installTranslations(*qApp, QStringLiteral("en")));
    }

    void init() { QSettings().clear(); }

    void theTableFitsItsWidth_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<bool>("agents");
        for (const int width : {1000, 1157, 1280, 1440, 1920}) {
            QTest::addRow("%d px", width) << width << false;
            QTest::addRow("%d px, with agents", width) << width << true;
        }
    }

    void theTableFitsItsWidth()
    {
        QFETCH(int, width);
        QFETCH(bool, agents);
        Table table(width);
        table.columns->setPlaceShown(agents);
        QTRY_VERIFY(QTest::qWaitForWindowExposed(&table.view));
        QVERIFY2(table.shownWidth() <= table.room(),
                 qPrintable(QStringLiteral("%1 px of columns in %2 px; hidden: %3")
                                    .arg(table.shownWidth())
                                    .arg(table.room())
                                    .arg(hiddenOf(table.view))));
        QVERIFY(!table.view.horizontalScrollBar()->isVisible());
        QCOMPARE(table.view.isColumnHidden(TargetTableModel::Place), !agents);
        // What says the most is always there, and the host and the error get room to be read.
        for (const int column : {TargetTableModel::Status, TargetTableModel::Name,
                                 TargetTableModel::Source, TargetTableModel::Addresses,
                                 TargetTableModel::DnsSuccess, TargetTableModel::ServiceSuccess,
                                 TargetTableModel::Recent, TargetTableModel::LastError})
            QVERIFY2(!table.view.isColumnHidden(column), qPrintable(hiddenOf(table.view)));
        QVERIFY(table.view.columnWidth(TargetTableModel::Host) >= (width >= 1280 ? 140 : 60));
        QVERIFY(table.view.columnWidth(TargetTableModel::LastError) >= (width >= 1280 ? 140 : 60));
        if (width >= 1920) // a wide screen has room for all of them
            QCOMPARE(hiddenOf(table.view), agents ? QString() : QStringLiteral("Agent"));
    }

    void theLeastNeededGoFirstAndComeBackWithRoom()
    {
        Table table(1000);
        QVERIFY(QTest::qWaitForWindowExposed(&table.view));
        QVERIFY(table.view.isColumnHidden(TargetTableModel::LatencyP95)); // the first to go
        table.view.resize(1920, 400);
        QTRY_VERIFY(!table.view.isColumnHidden(TargetTableModel::LatencyP95));
        QCOMPARE(hiddenOf(table.view), QStringLiteral("Agent"));
        QVERIFY(!table.columns->isChosen()); // resizing the window is not a choice
    }

    void aColumnWidenedByHandIsKept()
    {
        int widened = 0;
        {
            Table table(1440);
            QVERIFY(QTest::qWaitForWindowExposed(&table.view));
            const int before = table.view.columnWidth(TargetTableModel::Name);
            table.dragEdge(TargetTableModel::Name, 60);
            widened = table.view.columnWidth(TargetTableModel::Name);
            QVERIFY2(widened > before, qPrintable(QString::number(widened)));
            QVERIFY(table.columns->isChosen());
            QVERIFY(table.fitAction()->isEnabled());
            table.view.resize(1000, 400); // no longer fitted: the user's widths stay
            QTRY_COMPARE(table.view.viewport()->width() < 1000, true);
            QCOMPARE(table.view.columnWidth(TargetTableModel::Name), widened);
            table.columns->save();
        }
        Table again(1440, true);
        QVERIFY(QTest::qWaitForWindowExposed(&again.view));
        QVERIFY(again.columns->isChosen());
        QCOMPARE(again.view.columnWidth(TargetTableModel::Name), widened);
    }

    void theColumnsMenuHidesAndShows()
    {
        {
            Table table(1920);
            QVERIFY(QTest::qWaitForWindowExposed(&table.view));
            QAction *resolver = table.menuEntry(TargetTableModel::Resolver);
            QVERIFY(resolver && resolver->isChecked());
            resolver->trigger();
            QVERIFY(table.view.isColumnHidden(TargetTableModel::Resolver));
            QVERIFY(table.columns->isChosen());
            // The always-shown columns are not offered.
            QVERIFY(!table.menuEntry(TargetTableModel::Name));
            QVERIFY(!table.menuEntry(TargetTableModel::Status));
            table.columns->save();
        }
        Table again(1920, true);
        QVERIFY(QTest::qWaitForWindowExposed(&again.view));
        QVERIFY(again.view.isColumnHidden(TargetTableModel::Resolver));
        QVERIFY(!again.menuEntry(TargetTableModel::Resolver)->isChecked());
        // Fit gives the table back: every column that fits, and fitted again on a resize.
        again.fitAction()->trigger();
        QVERIFY(!again.columns->isChosen());
        QVERIFY(!again.view.isColumnHidden(TargetTableModel::Resolver));
        QVERIFY(!again.fitAction()->isEnabled());
        again.columns->save();
        Table third(1000, true);
        QVERIFY(QTest::qWaitForWindowExposed(&third.view));
        QVERIFY(!third.columns->isChosen());
        QVERIFY(third.shownWidth() <= third.room());
    }

    void aRightClickOnTheHeaderChoosesNothing()
    {
        // The right button opens the Columns menu, which takes the release: what the table does
        // next (Fit, a resize, an agent's column) is still the fitting's, not the user's.
        Table table(1440);
        QVERIFY(QTest::qWaitForWindowExposed(&table.view));
        QHeaderView *header = table.view.horizontalHeader();
        QTest::mousePress(header->viewport(), Qt::RightButton, Qt::NoModifier,
                          QPoint(header->sectionViewportPosition(TargetTableModel::Name) + 5,
                                 header->height() / 2));
        table.columns->setPlaceShown(true);
        table.view.resize(1000, 400);
        QTRY_VERIFY(table.view.viewport()->width() < 1000);
        QVERIFY(!table.columns->isChosen());
        QVERIFY2(table.shownWidth() <= table.room(), qPrintable(hiddenOf(table.view)));
        // Hide one, then Fit from the menu: fitted again, and kept fitting.
        table.menuEntry(TargetTableModel::Source)->trigger();
        QVERIFY(table.columns->isChosen());
        table.fitAction()->trigger();
        QVERIFY(!table.columns->isChosen());
        QVERIFY(!table.view.isColumnHidden(TargetTableModel::Source));
        table.view.resize(1600, 400);
        QTRY_VERIFY(table.view.viewport()->width() > 1500);
        QVERIFY(!table.columns->isChosen());
    }

    void widthsSavedButNeverChosenAreNotTaken()
    {
        // As an older version kept them on every exit: a state with no choice behind it.
        {
            QTableView other;
            TargetTableModel model;
            other.setModel(&model);
            other.horizontalHeader()->resizeSection(TargetTableModel::Host, 900);
            QSettings().setValue(
                    QStringLiteral("window/targetColumns%1").arg(TargetTableModel::ColumnCount),
                    other.horizontalHeader()->saveState());
        }
        Table table(1280, true);
        QVERIFY(QTest::qWaitForWindowExposed(&table.view));
        QVERIFY(!table.columns->isChosen());
        QVERIFY(table.shownWidth() <= table.room());
    }
};

QTEST_MAIN(TestTargetColumns)
#include "tst_targetcolumns.moc"
