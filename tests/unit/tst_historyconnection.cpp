// What the statements on one history connection share, on real SQLite files: opening (or why
// not), failures in the history's words, transactions that keep all of a piece of work or none
// of it, and the stop flag that ends long reads (said once, and kept).
#include "historyconnectionfixture.h"

#include <QSqlQuery>
#include <QTest>

class TestHistoryConnection : public QObject
{
    Q_OBJECT

private:
    HistoryConnectionFixture m_fixture;

    bool exec(const QString &sql) { return m_fixture.exec(sql); }
    qint64 count(const QString &table)
    {
        QSqlQuery query(m_fixture.connection().database());
        if (!query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

private slots:
    void init()
    {
        QVERIFY2(m_fixture.openNext(), qPrintable(m_fixture.connection().lastError()));
        QVERIFY(exec(QStringLiteral("CREATE TABLE things (name TEXT PRIMARY KEY)")));
    }
    void cleanup() { m_fixture.close(); }

    void aFailureSaysWhatWhereAndWhy()
    {
        QVERIFY(!m_fixture.connection().fail(QStringLiteral("saving a thing"),
                                             QStringLiteral("disk full")));
        QCOMPARE(m_fixture.connection().lastError(),
                 QStringLiteral("saving a thing in %1: disk full").arg(m_fixture.path()));
    }

    void aFileThatCannotBeOpenedSaysWhy()
    {
        const QString path = m_fixture.path() + QStringLiteral(".d/history.db"); // no such folder
        HistoryConnection elsewhere(QStringLiteral("elsewhere"));
        QVERIFY(!elsewhere.open(path, QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000")));
        QCOMPARE(elsewhere.lastError(),
                 QStringLiteral("%1: cannot open (unable to open database file)").arg(path));
    }

    void theConnectionGoesWithIt()
    {
        QVERIFY(QSqlDatabase::contains(QStringLiteral("fixture")));
        m_fixture.close();
        QVERIFY(!QSqlDatabase::contains(QStringLiteral("fixture")));
    }

    void workThatSucceedsIsCommitted()
    {
        QVERIFY(m_fixture.connection().inTransaction(
                [this] { return exec(QStringLiteral("INSERT INTO things VALUES ('a')")); }));
        QVERIFY(!m_fixture.connection().database().rollback()); // nothing left open
        QCOMPARE(count(QStringLiteral("things")), 1);
        QVERIFY(m_fixture.connection().lastError().isEmpty());
    }

    void workThatFailsLeavesNothing()
    {
        QVERIFY(!m_fixture.connection().inTransaction([this] {
            return exec(QStringLiteral("INSERT INTO things VALUES ('a')"))
                    && exec(QStringLiteral("INSERT INTO things VALUES ('a')"));
        }));
        QCOMPARE(count(QStringLiteral("things")), 0);
        QVERIFY(m_fixture.connection().database().transaction()); // it was rolled back, not left open
    }

    void aTransactionThatCannotBeginRunsNothing()
    {
        QVERIFY(m_fixture.connection().database().transaction());
        bool ran = false;
        QVERIFY(!m_fixture.connection().inTransaction([&ran] { return ran = true; }));
        QVERIFY(!ran);
        QVERIFY2(m_fixture.connection().lastError().startsWith(
                         QStringLiteral("begin in %1: ").arg(m_fixture.path())),
                 qPrintable(m_fixture.connection().lastError()));
    }

    void aCommitThatFailsLeavesNothing()
    {
        // A deferred foreign key is checked only by COMMIT.
        QVERIFY(exec(QStringLiteral("PRAGMA foreign_keys = ON")));
        QVERIFY(exec(QStringLiteral("CREATE TABLE parts (thing TEXT REFERENCES things (name)"
                                    " DEFERRABLE INITIALLY DEFERRED)")));
        QVERIFY(!m_fixture.connection().inTransaction(
                [this] { return exec(QStringLiteral("INSERT INTO parts VALUES ('nothing')")); }));
        QCOMPARE(
                m_fixture.connection().lastError(),
                QStringLiteral("commit in %1: FOREIGN KEY constraint failed").arg(m_fixture.path()));
        QCOMPARE(count(QStringLiteral("parts")), 0);
    }

    void readsGoOnUntilAStopIsRequested()
    {
        QVERIFY(m_fixture.connection().mayReadOn()); // no flag at all
        std::atomic<bool> stop{false};
        m_fixture.connection().setStopFlag(&stop);
        QVERIFY(m_fixture.connection().mayReadOn());
        QVERIFY(!m_fixture.connection().stopRequested());
        stop = true;
        QVERIFY(m_fixture.connection().stopRequested());
        QVERIFY(!m_fixture.connection().mayReadOn());
        QCOMPARE(m_fixture.connection().lastError(),
                 QStringLiteral("reading in %1: stopped: the history is being closed")
                         .arg(m_fixture.path()));
    }

    void aStopIsSaidOnceAndKept()
    {
        std::atomic<bool> stop{true};
        m_fixture.connection().setStopFlag(&stop);
        QVERIFY(!m_fixture.connection().mayReadOn());
        m_fixture.connection().fail(QStringLiteral("reading events"),
                                    QStringLiteral("disk I/O error"));
        stop = false; // what was read may still be incomplete
        QVERIFY(m_fixture.connection().stopRequested());
        stop = true;
        QVERIFY(!m_fixture.connection().mayReadOn());
        // The later failure is not covered up by a second "stopped".
        QCOMPARE(m_fixture.connection().lastError(),
                 QStringLiteral("reading events in %1: disk I/O error").arg(m_fixture.path()));
    }
};

QTEST_GUILESS_MAIN(TestHistoryConnection)
#include "tst_historyconnection.moc"
