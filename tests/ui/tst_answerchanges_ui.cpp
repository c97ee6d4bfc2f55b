// The dashboard's change history of answers and the alert of "alert_on_change", offscreen over a
// Monitor probing a real dnsmasq whose hosts file the test rewrites (SIGHUP reloads it): the
// change shows in the target's "Answer changes" tab with its resolver and TTL, a target with
// alert_on_change raises a notification (and one that is muted does not), and the tab's model
// holds together under QAbstractItemModelTester.
#include "answerchangemodel.h"
#include "answerchangespane.h"
#include "dnsserverfixture.h"
#include "mainwindow.h"
#include "store/historystore.h"
#include "testconfig.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(StateNotifier::Severity)

class TestAnswerChangesUi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    DnsServerFixture m_dns;
    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<Monitor> m_monitor;
    std::unique_ptr<MainWindow> m_window;

    QString hostsPath() const { return m_dir.filePath(QStringLiteral("hosts")); }

    void writeHosts(const QByteArray &api, const QByteArray &db)
    {
        QFile file(hostsPath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(api + " api.lab.test\n" + db + " db.lab.test\n");
    }

    // api alerts on a change, db does not; both answer with a TTL of 1 s.
    AppConfig labConfig() const
    {
        AppConfig config = ::labConfig(m_dns.server(),
                                       {QStringLiteral("api"), QStringLiteral("db")});
        for (TargetConfig &target : config.targets) {
            target.record = RecordKind::A;
            target.alertOnChange = target.name == QStringLiteral("api");
        }
        return config;
    }

    QStringList rows(const QAbstractItemModel *model, int column) const
    {
        QStringList texts;
        for (int row = 0; row < model->rowCount(); ++row)
            texts.append(model->index(row, column).data().toString());
        return texts;
    }

    static StoredEvent answerChange(const QDateTime &time, const QString &before,
                                    const QString &after)
    {
        StoredEvent event;
        event.time = time;
        event.kind = eventKindName(ResolverEvent::Kind::AddressesChanged);
        event.resolver = QStringLiteral("lab");
        event.host = QStringLiteral("api.lab.test");
        event.before = {before};
        event.after = {after};
        event.ttlS = 300;
        event.detail = QStringLiteral("api.lab.test changed");
        return event;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true); // QSettings of the window go elsewhere
        QVERIFY(installTranslations(*qApp, QStringLiteral("en")));
        writeHosts("10.0.0.1", "10.0.1.1");
        QString error;
        QVERIFY2(m_dns.startDnsmasq({QStringLiteral("--addn-hosts=%1").arg(hostsPath()),
                                     QStringLiteral("--local-ttl=1")},
                                    &error),
                 qPrintable(error));
        m_clock = std::make_unique<SystemClock>();
        m_monitor = std::make_unique<Monitor>(labConfig(), EnvFallback(), MlflowCredentials(),
                                              m_clock.get());
        m_window = std::make_unique<MainWindow>(m_monitor.get());
        m_window->show();
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_monitor.reset();
        m_dns.kill();
    }

    // A dashboard with a history shows the answer changes it kept from before it started, after
    // this run's own, and says its empty note of the history.
    void changesKeptInTheHistoryShowAtStart()
    {
        HistoryStore history(HistoryPolicy(), 86400, m_clock.get());
        std::optional<bool> opened;
        history.open(m_dir.filePath(QStringLiteral("kept.db")),
                     [&opened](const SchemaReport &report) { opened = report.ok; });
        QTRY_VERIFY(opened.has_value());
        QVERIFY(*opened);
        const QDateTime now = m_clock->wallTime();
        history.recordEvent(answerChange(now.addDays(-2), QStringLiteral("10.0.0.7"),
                                         QStringLiteral("10.0.0.8")));
        history.recordEvent(answerChange(now.addDays(-1), QStringLiteral("10.0.0.8"),
                                         QStringLiteral("10.0.0.9")));
        StoredEvent other = answerChange(now.addDays(-1), QString(), QString());
        other.kind = eventKindName(ResolverEvent::Kind::FallbackEntered); // not a change
        history.recordEvent(other);
        history.flush();

        Monitor monitor(labConfig(), EnvFallback(), MlflowCredentials(), m_clock.get());
        MainWindow window(&monitor);
        AnswerChangesPane *pane = window.answerChangesPane();
        QVERIFY(pane->emptyNote()->text().startsWith(
                QStringLiteral("No answer has changed since DNS Watch started.")));
        window.setHistory(&history);
        const QAbstractItemModel *shown = pane->view()->model();
        QTRY_COMPARE(shown->rowCount(), 2);
        QCOMPARE(rows(shown, AnswerChangeModel::After),
                 (QStringList{QStringLiteral("10.0.0.9"), QStringLiteral("10.0.0.8")}));
        QCOMPARE(rows(shown, AnswerChangeModel::Before),
                 (QStringList{QStringLiteral("10.0.0.8"), QStringLiteral("10.0.0.7")}));
        QCOMPARE(shown->index(0, AnswerChangeModel::Resolver).data().toString(),
                 QStringLiteral("lab"));
        QCOMPARE(shown->index(0, AnswerChangeModel::Ttl).data().toString(), QStringLiteral("5 min"));
        window.selectTarget(QStringLiteral("db")); // none kept for db
        QCOMPARE(shown->rowCount(), 0);
        QCOMPARE(pane->emptyNote()->text(),
                 QStringLiteral("The answer of db has not changed in the kept history or since DNS "
                                "Watch started."));
        QVERIFY(history.close());
    }

    // What the history gives (oldest first) is put after this run's changes: only the changes
    // from before the run began, newest first, as far as the limit allows.
    void earlierChangesGoAfterThisRunsOwn()
    {
        AnswerChangeModel model(3);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime started(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);
        model.add(answerChange(started.addSecs(60), QStringLiteral("10.0.0.3"),
                               QStringLiteral("10.0.0.4")));
        QSignalSpy reached(&model, &AnswerChangeModel::reachedIntoHistory);
        model.addEarlier({answerChange(started.addSecs(-900), QStringLiteral("10.0.0.0"),
                                       QStringLiteral("10.0.0.1")),
                          answerChange(started.addSecs(-300), QStringLiteral("10.0.0.1"),
                                       QStringLiteral("10.0.0.2")),
                          answerChange(started.addSecs(-60), QStringLiteral("10.0.0.2"),
                                       QStringLiteral("10.0.0.3")),
                          // recorded by this run too: it came through add() already
                          answerChange(started.addSecs(60), QStringLiteral("10.0.0.3"),
                                       QStringLiteral("10.0.0.4"))},
                         started);
        QCOMPARE(reached.size(), 1);
        QVERIFY(model.reachesIntoHistory());
        // The limit of 3 leaves out the oldest.
        QCOMPARE(rows(&model, AnswerChangeModel::After),
                 (QStringList{QStringLiteral("10.0.0.4"), QStringLiteral("10.0.0.3"),
                              QStringLiteral("10.0.0.2")}));
    }

    void changeIsShownAndAlerted()
    {
        AnswerChangesPane *pane = m_window->answerChangesPane();
        QVERIFY(pane);
        QAbstractItemModelTester tester(pane->view()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(m_monitor->statistics()->health(QStringLiteral("api")).state,
                                  TargetState::Healthy, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_monitor->statistics()->health(QStringLiteral("db")).state,
                                  TargetState::Healthy, 10000);
        // The tab is there, with its own accelerator, and reachable from the keyboard.
        auto *tabs = m_window->findChild<QTabWidget *>();
        QVERIFY(tabs);
        const int tab = tabs->indexOf(pane);
        QVERIFY(tab >= 0);
        QCOMPARE(tabs->tabText(tab), QStringLiteral("Ans&wer changes"));
        QCOMPARE(pane->view()->focusPolicy() & Qt::TabFocus, Qt::TabFocus);
        QCOMPARE(pane->heading()->buddy(), pane->view());
        QCOMPARE(pane->view()->model()->rowCount(), 0);
        // No change yet: the pane says so rather than showing a bare table.
        QVERIFY(!pane->emptyNote()->isHidden());
        QVERIFY(pane->emptyNote()->text().startsWith(QStringLiteral("No answer has changed")));

        QSignalSpy notes(m_window->notifier(), &StateNotifier::notify);
        m_window->notifier()->setMuted(QStringLiteral("db"), true);
        writeHosts("10.0.0.2", "10.0.1.2");
        m_dns.reload();
        QTRY_COMPARE_WITH_TIMEOUT(
                m_monitor->statistics()->health(QStringLiteral("api")).answerChanges, quint64(1),
                15000);
        QTRY_COMPARE_WITH_TIMEOUT(
                m_monitor->statistics()->health(QStringLiteral("db")).answerChanges, quint64(1),
                15000);

        // api alerts; db has no alert_on_change (and is muted besides).
        QTRY_COMPARE_WITH_TIMEOUT(notes.size(), 1, 5000);
        QCOMPARE(notes[0][0].toString(), QStringLiteral("The answer of api changed"));
        QCOMPARE(notes[0][1].toString(),
                 QStringLiteral("api.lab.test through lab: 10.0.0.1 -> 10.0.0.2 (TTL 1 s)"));
        QCOMPARE(notes[0][2].value<StateNotifier::Severity>(), StateNotifier::Severity::Warning);

        // Every target's changes while none is chosen; the chosen target's alone after.
        const QAbstractItemModel *shown = pane->view()->model();
        QCOMPARE(shown->rowCount(), 2);
        QVERIFY(pane->emptyNote()->isHidden());
        m_window->selectTarget(QStringLiteral("api"));
        QCOMPARE(pane->heading()->text(),
                 QStringLiteral("Answer changes of api (api.lab.test through lab)"));
        QCOMPARE(shown->rowCount(), 1);
        QCOMPARE(shown->index(0, AnswerChangeModel::Resolver).data().toString(),
                 QStringLiteral("lab"));
        QCOMPARE(shown->index(0, AnswerChangeModel::Before).data().toString(),
                 QStringLiteral("10.0.0.1"));
        QCOMPARE(shown->index(0, AnswerChangeModel::After).data().toString(),
                 QStringLiteral("10.0.0.2"));
        QCOMPARE(shown->index(0, AnswerChangeModel::Ttl).data().toString(), QStringLiteral("1 s"));
        m_window->selectTarget(QStringLiteral("db"));
        QCOMPARE(rows(shown, AnswerChangeModel::After), QStringList{QStringLiteral("10.0.1.2")});
        QVERIFY(pane->emptyNote()->isHidden());

        // A muted target with alert_on_change says nothing.
        m_window->notifier()->setMuted(QStringLiteral("api"), true);
        writeHosts("10.0.0.3", "10.0.1.2");
        m_dns.reload();
        QTRY_COMPARE_WITH_TIMEOUT(
                m_monitor->statistics()->health(QStringLiteral("api")).answerChanges, quint64(2),
                15000);
        QCOMPARE(notes.size(), 1);
    }
};

QTEST_MAIN(TestAnswerChangesUi)
#include "tst_answerchanges_ui.moc"
