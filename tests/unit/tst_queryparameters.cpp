// The agent's query parameters: each kind read into what it means, and every refusal naming the
// parameter, what was expected and what was given.
#include "queryparameters.h"

#include <QTest>

class TestQueryParameters : public QObject
{
    Q_OBJECT

private:
    static QueryParameters parse(const QString &query, const QStringList &accepted)
    {
        return QueryParameters(QUrlQuery(query), accepted);
    }

private Q_SLOTS:
    void readsEachKind()
    {
        QueryParameters parameters = parse(
                QStringLiteral("host=api.test&from=2026-12-06T10:00:00Z&"
                               "to=2026-12-06T11:00:00%2B01:00&step=60&format=PDF"),
                {QStringLiteral("host"), QStringLiteral("from"), QStringLiteral("to"),
                 QStringLiteral("step"), QStringLiteral("format")});
        using Need = QueryParameters::Need;
        QCOMPARE(parameters.text(QStringLiteral("host"), Need::Required),
                 QStringLiteral("api.test"));
        QCOMPARE(parameters.time(QStringLiteral("from"), Need::Required),
                 QDateTime(QDate(2026, 12, 6), QTime(10, 0), Qt::UTC));
        QCOMPARE(parameters.time(QStringLiteral("to"), Need::Required),
                 QDateTime(QDate(2026, 12, 6), QTime(10, 0), Qt::UTC));
        QCOMPARE(parameters.integer(QStringLiteral("step"), 1, 86400, Need::Required), 60);
        QCOMPARE(parameters.word(QStringLiteral("format"),
                                 {QStringLiteral("html"), QStringLiteral("pdf")}, Need::Required),
                 QStringLiteral("pdf"));
        QCOMPARE(parameters.text(QStringLiteral("absent"), Need::Optional), std::nullopt);
        QVERIFY2(parameters.ok(), qPrintable(parameters.error()));
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("error");
        QTest::newRow("missing") << QString() << QStringLiteral("host: required; expected a value");
        QTest::newRow("empty") << QStringLiteral("host=")
                               << QStringLiteral("host: expected a value, got an empty value");
        QTest::newRow("twice") << QStringLiteral("host=a&host=b")
                               << QStringLiteral("host: given more than once; give it once");
        QTest::newRow("unknown")
                << QStringLiteral("host=a&hots=b")
                << QStringLiteral("\"hots\": not a parameter of this endpoint; it takes host, "
                                  "from, step, format");
        QTest::newRow("words")
                << QStringLiteral("host=a&from=yesterday")
                << QStringLiteral("from: expected an ISO 8601 time like 2026-12-06T10:00:00Z "
                                  "(with Z or an offset such as +01:00), got \"yesterday\"");
        QTest::newRow("no zone")
                << QStringLiteral("host=a&from=2026-12-06T10:00:00")
                << QStringLiteral("from: expected an ISO 8601 time like 2026-12-06T10:00:00Z "
                                  "(with Z or an offset such as +01:00), got "
                                  "\"2026-12-06T10:00:00\"");
        QTest::newRow("step zero") << QStringLiteral("host=a&step=0")
                                   << QStringLiteral("step: expected a whole number from 1 to "
                                                     "86400, got \"0\"");
        QTest::newRow("step big") << QStringLiteral("host=a&step=86401")
                                  << QStringLiteral("step: expected a whole number from 1 to "
                                                    "86400, got \"86401\"");
        QTest::newRow("step text") << QStringLiteral("host=a&step=1m")
                                   << QStringLiteral("step: expected a whole number from 1 to "
                                                     "86400, got \"1m\"");
        QTest::newRow("format") << QStringLiteral("host=a&format=docx")
                                << QStringLiteral("format: expected one of html, pdf, got "
                                                  "\"docx\"");
        QTest::newRow("control characters shown")
                << QStringLiteral("host=a&format=%1B%5B2J")
                << QStringLiteral("format: expected one of html, pdf, got \"\\x1b[2J\"");
    }

    void refuses()
    {
        QFETCH(QString, query);
        QFETCH(QString, error);
        using Need = QueryParameters::Need;
        QueryParameters parameters = parse(query,
                                           {QStringLiteral("host"), QStringLiteral("from"),
                                            QStringLiteral("step"), QStringLiteral("format")});
        parameters.text(QStringLiteral("host"), Need::Required);
        parameters.time(QStringLiteral("from"), Need::Optional);
        parameters.integer(QStringLiteral("step"), 1, 86400, Need::Optional);
        parameters.word(QStringLiteral("format"), {QStringLiteral("html"), QStringLiteral("pdf")},
                        Need::Optional);
        QVERIFY(!parameters.ok());
        QCOMPARE(parameters.error(), error);
    }

    void noParametersTaken()
    {
        const QueryParameters parameters = parse(QStringLiteral("x=1"), {});
        QCOMPARE(parameters.error(), QStringLiteral("\"x\": this endpoint takes no parameters"));
    }
};

QTEST_GUILESS_MAIN(TestQueryParameters)
#include "tst_queryparameters.moc"
