// One statement on a history connection, on a real SQLite file: values bind in order (a null
// text as ""), one statement runs for many rows, rows read back in order, a failure is kept in
// the history's words (also when the prepare failed, or a read stumbled over a damaged page:
// an error, never a short result), and long reads end on a stop while one-row reads do not.
#include "historyconnectionfixture.h"
#include "historyfiles.h"
#include "store/sqlstatement.h"

#include <QTest>

Q_DECLARE_METATYPE(SqlStatement::OnStop)

class TestSqlStatement : public QObject
{
    Q_OBJECT

private:
    HistoryConnectionFixture m_fixture;

    // Runs sql on the connection, failing the test when it fails.
    void run(const QString &sql, const QVariantList &values = {})
    {
        SqlStatement statement(m_fixture.connection(), QStringLiteral("preparing the test"), sql);
        QVERIFY2(statement.exec(values), qPrintable(m_fixture.connection().lastError()));
    }

private slots:
    void init()
    {
        QVERIFY2(m_fixture.openNext(), qPrintable(m_fixture.connection().lastError()));
        run(QStringLiteral("CREATE TABLE things (name TEXT NOT NULL UNIQUE, size INTEGER,"
                           " weight REAL)"));
    }
    void cleanup() { m_fixture.close(); }

    void valuesBindInOrder()
    {
        SqlStatement insert(m_fixture.connection(), QStringLiteral("saving a thing"),
                            QStringLiteral("INSERT INTO things (name, size, weight)"
                                           " VALUES (?, ?, ?)"));
        QVERIFY(insert.exec({QStringLiteral("box"), qint64(1) << 40, 2.5}));
        SqlStatement read(m_fixture.connection(), QStringLiteral("reading things"),
                          QStringLiteral("SELECT name, size, weight FROM things"));
        QVERIFY(read.exec());
        QVERIFY(read.next());
        QCOMPARE(read.row().at(0), QVariant(QStringLiteral("box")));
        QCOMPARE(read.row().at(1), QVariant(qint64(1) << 40));
        QCOMPARE(read.row().at(2), QVariant(2.5));
        QVERIFY(!read.next());
        QVERIFY(m_fixture.connection().lastError().isEmpty());
    }

    void aNullTextGoesInAsEmpty()
    {
        SqlStatement insert(m_fixture.connection(), QStringLiteral("saving a thing"),
                            QStringLiteral("INSERT INTO things (name, size) VALUES (?, ?)"));
        QVERIFY2(insert.exec({QString(), QVariant(QMetaType(QMetaType::LongLong))}),
                 qPrintable(m_fixture.connection().lastError()));
        SqlStatement read(
                m_fixture.connection(), QStringLiteral("reading things"),
                QStringLiteral("SELECT name IS NULL, name = '', size IS NULL FROM things"));
        QVERIFY(read.exec());
        QVERIFY(read.next());
        // Only text: a null number stays NULL.
        QCOMPARE(read.row().at(0), QVariant(qint64(0)));
        QCOMPARE(read.row().at(1), QVariant(qint64(1)));
        QCOMPARE(read.row().at(2), QVariant(qint64(1)));
    }

    void oneStatementRunsForEveryItem()
    {
        QList<int> sizes;
        for (int i = 0; i < 100; ++i)
            sizes.append(i);
        SqlStatement insert(m_fixture.connection(), QStringLiteral("saving a thing"),
                            QStringLiteral("INSERT INTO things (name, size) VALUES (?, ?)"));
        QVERIFY(insert.execEach(sizes, [](int size) -> QVariantList {
            return {QStringLiteral("thing %1").arg(size), size};
        }));
        const auto read = SqlStatement(m_fixture.connection(), QStringLiteral("reading things"),
                                       QStringLiteral("SELECT size FROM things WHERE size >= ?"
                                                      " ORDER BY size"))
                                  .readAll({10},
                                           [](const SqlRow &row) { return row.at(0).toInt(); });
        QVERIFY(read);
        QCOMPARE(*read, sizes.mid(10));
    }

    void theFirstFailureEndsARunForEveryItem()
    {
        SqlStatement insert(m_fixture.connection(), QStringLiteral("saving a thing"),
                            QStringLiteral("INSERT INTO things (name) VALUES (?)"));
        const QStringList names{QStringLiteral("a"), QStringLiteral("a"), QStringLiteral("b")};
        QVERIFY(!insert.execEach(names, [](const QString &name) { return QVariantList{name}; }));
        QCOMPARE(m_fixture.connection().lastError(),
                 QStringLiteral("saving a thing in %1: UNIQUE constraint failed: things.name")
                         .arg(m_fixture.path()));
        const auto count = SqlStatement(m_fixture.connection(), QStringLiteral("counting"),
                                        QStringLiteral("SELECT count(*) FROM things"))
                                   .scalar();
        QCOMPARE(count, QVariant(1)); // "b" was never tried
    }

    void aFailureSaysWhatWhereAndWhy_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QVariantList>("values");
        QTest::addColumn<QString>("why");
        QTest::newRow("run") << QStringLiteral("INSERT INTO things (name) VALUES (?)")
                             << QVariantList{QVariant(QMetaType(QMetaType::QByteArray))}
                             << QStringLiteral("NOT NULL constraint failed: things.name");
        // Nothing to bind: run unprepared, so SQLite names what is missing.
        QTest::newRow("unprepared") << QStringLiteral("SELECT count(*) FROM missing")
                                    << QVariantList() << QStringLiteral("no such table: missing");
        // Prepared, and the prepare failed: its reason, not "Parameter count mismatch".
        QTest::newRow("prepared") << QStringLiteral("SELECT count(*) FROM missing WHERE size > ?")
                                  << QVariantList{1} << QStringLiteral("no such table: missing");
    }
    void aFailureSaysWhatWhereAndWhy()
    {
        QFETCH(QString, sql);
        QFETCH(QVariantList, values);
        QFETCH(QString, why);
        SqlStatement statement(m_fixture.connection(), QStringLiteral("doing it"), sql);
        QVERIFY(!statement.exec(values));
        QCOMPARE(m_fixture.connection().lastError(),
                 QStringLiteral("doing it in %1: %2").arg(m_fixture.path(), why));
    }

    void aDamagedPageIsAnErrorNotTheEndOfTheRows()
    {
        QList<int> sizes;
        for (int i = 0; i < 3000; ++i)
            sizes.append(i);
        SqlStatement insert(m_fixture.connection(), QStringLiteral("saving a thing"),
                            QStringLiteral("INSERT INTO things (name, size) VALUES (?, ?)"));
        QVERIFY(m_fixture.connection().inTransaction([&] {
            return insert.execEach(sizes, [](int size) -> QVariantList {
                return {QStringLiteral("a thing with a name long enough to fill pages, number %1")
                                .arg(size),
                        size};
            });
        }));
        const QString path = m_fixture.path();
        m_fixture.close();
        QVERIFY(HistoryFiles::damagePages(path));
        HistoryConnection damaged(QStringLiteral("damaged"));
        QVERIFY(damaged.open(path, QString()));

        // Every row or none: a part of them would pass for the whole.
        const auto all = SqlStatement(damaged, QStringLiteral("reading things"),
                                      QStringLiteral("SELECT size FROM things ORDER BY rowid"))
                                 .readAll({}, [](const SqlRow &row) { return row.at(0).toInt(); });
        QCOMPARE(all, std::nullopt);
        QVERIFY2(damaged.lastError().startsWith(
                         QStringLiteral("reading things in %1: database disk image is malformed")
                                 .arg(path)),
                 qPrintable(damaged.lastError()));

        damaged.setLastError(QString());
        SqlStatement read(damaged, QStringLiteral("reading things"),
                          QStringLiteral("SELECT size FROM things WHERE size >= ? ORDER BY rowid"));
        QVERIFY(read.exec({0}));
        int rows = 0;
        while (read.next())
            ++rows;
        QVERIFY(rows < sizes.size());
        QVERIFY(read.readFailed());
        QVERIFY(!damaged.lastError().isEmpty());
    }

    void aScalarNeedsARow()
    {
        run(QStringLiteral("INSERT INTO things (name, size) VALUES ('box', 7)"));
        SqlStatement size(m_fixture.connection(), QStringLiteral("weighing"),
                          QStringLiteral("SELECT size FROM things WHERE name = ?"));
        QCOMPARE(size.scalar({QStringLiteral("box")}), QVariant(qint64(7)));
        QVERIFY(m_fixture.connection().lastError().isEmpty());
        QCOMPARE(size.scalar({QStringLiteral("crate")}), std::nullopt);
        QVERIFY2(m_fixture.connection().lastError().startsWith(
                         QStringLiteral("weighing in %1: ").arg(m_fixture.path())),
                 qPrintable(m_fixture.connection().lastError()));
    }

    void rowsAffectedCountsWhatChanged()
    {
        for (const QString &name : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")})
            run(QStringLiteral("INSERT INTO things (name, size) VALUES (?, ?)"), {name, 1});
        SqlStatement remove(m_fixture.connection(), QStringLiteral("pruning"),
                            QStringLiteral("DELETE FROM things WHERE name < ?"));
        QVERIFY(remove.exec({QStringLiteral("c")}));
        QCOMPARE(remove.rowsAffected(), 2);
    }

    void aStopEndsLongReadsOnly_data()
    {
        QTest::addColumn<SqlStatement::OnStop>("onStop");
        QTest::addColumn<int>("rowsRead");
        QTest::addColumn<QString>("error");
        QTest::newRow("long read") << SqlStatement::OnStop::EndEarly << 1
                                   << QStringLiteral("reading in %1: stopped: the history is "
                                                     "being closed");
        QTest::newRow("one-row read") << SqlStatement::OnStop::ReadOn << 3 << QString();
    }
    void aStopEndsLongReadsOnly()
    {
        QFETCH(SqlStatement::OnStop, onStop);
        QFETCH(int, rowsRead);
        QFETCH(QString, error);
        for (const QString &name : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")})
            run(QStringLiteral("INSERT INTO things (name) VALUES (?)"), {name});
        std::atomic<bool> stop{false};
        m_fixture.connection().setStopFlag(&stop);
        SqlStatement read(m_fixture.connection(), QStringLiteral("reading things"),
                          QStringLiteral("SELECT name FROM things ORDER BY name"));
        QVERIFY(read.exec());
        int rows = 0;
        while (read.next(onStop)) {
            ++rows;
            stop = true; // the program starts exiting after the first row
        }
        QCOMPARE(rows, rowsRead);
        QCOMPARE(m_fixture.connection().lastError(), error.arg(m_fixture.path()));
        QVERIFY(m_fixture.connection().stopRequested());
    }
};

QTEST_GUILESS_MAIN(TestSqlStatement)
#include "tst_sqlstatement.moc"
