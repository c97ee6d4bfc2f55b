// The targets table's heartbeat column: when a full strip moves on by one probe of the same kind
// (its words stay "29 of the last 30"), the cell is still said changed so the view repaints it;
// an answer without the DNSSEC validation its target requires is not counted as DNS answering.
#include "heartbeatdelegate.h"
#include "scriptedplace.h"
#include "targettablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class TestHeartbeatColumn : public QObject
{
    Q_OBJECT

private:
    static ProbeMark mark(qint64 timeMs, ResolutionSource source)
    {
        ProbeMark made;
        made.timeMs = timeMs;
        made.source = source;
        made.hasAddresses = source != ResolutionSource::None;
        made.check = ProbeMark::Check::Ok;
        return made;
    }

private Q_SLOTS:
    void aFullStripThatMovesOnIsRepainted()
    {
        ScriptedPlace place(QStringLiteral("here"), ScriptedPlace::Kind::Local);
        place.addTarget(QStringLiteral("api"));
        TargetTableModel model;
        QAbstractItemModelTester tester(&model);
        model.addPlace(&place);
        TargetSnapshot target = *place.target(QStringLiteral("api"));
        // 30 probes, the first of them stale: "DNS answered 29 of the last 30".
        for (int i = 0; i < RecentProbes::Kept; ++i)
            target.recent.append(
                    mark(i * 1000, i == 0 ? ResolutionSource::Stale : ResolutionSource::Fresh));
        place.setTarget(target);
        QTRY_VERIFY(!model.hasPendingUpdates());
        const QModelIndex strip = model.index(0, TargetTableModel::Recent);
        const QString words = strip.data(Qt::AccessibleTextRole).toString();
        // The next probe: stale again; the oldest drops out. The same words, other cells.
        target.recent.removeFirst();
        target.recent.append(mark(RecentProbes::Kept * 1000, ResolutionSource::Stale));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        place.setTarget(target);
        QTRY_VERIFY(!changed.isEmpty());
        QCOMPARE(strip.data(Qt::AccessibleTextRole).toString(), words);
        bool saidTheStrip = false;
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            const QModelIndex from = signal[0].toModelIndex();
            const QModelIndex to = signal[1].toModelIndex();
            saidTheStrip = saidTheStrip
                    || (from.column() <= TargetTableModel::Recent
                        && to.column() >= TargetTableModel::Recent);
        }
        QVERIFY(saidTheStrip);
        const auto shown = strip.data(TargetTableModel::RecentProbesRole).value<QList<ProbeMark>>();
        QCOMPARE(shown.constLast().source, ResolutionSource::Stale);
    }

    void anUnvalidatedAnswerIsNotCountedAsDnsAnswering()
    {
        ScriptedPlace place(QStringLiteral("here"), ScriptedPlace::Kind::Local);
        place.addTarget(QStringLiteral("signed"));
        TargetTableModel model;
        model.addPlace(&place);
        TargetSnapshot target = *place.target(QStringLiteral("signed"));
        for (int i = 0; i < 10; ++i) {
            ProbeMark probe = mark(i * 1000, ResolutionSource::Fresh);
            probe.unvalidated = i >= 7;
            target.recent.append(probe);
        }
        place.setTarget(target);
        QTRY_VERIFY(!model.hasPendingUpdates());
        const QModelIndex strip = model.index(0, TargetTableModel::Recent);
        QCOMPARE(strip.data(Qt::AccessibleTextRole).toString(),
                 QStringLiteral("DNS answered 7 of the last 10 probes"));
        QVERIFY(HeartbeatDelegate::describe(target.recent.constLast())
                        .contains(QStringLiteral("not DNSSEC-validated")));
        QVERIFY(HeartbeatDelegate::colorOf(target.recent.constLast())
                != HeartbeatDelegate::colorOf(target.recent.constFirst()));
    }
};

QTEST_MAIN(TestHeartbeatColumn)
#include "tst_heartbeatcolumn.moc"
