// The last probes of a target for the heartbeat strip: the ring keeps the newest 30, oldest
// first, and the agent API's one-letter form reads back as the same marks.
#include "probe/proberesult.h"
#include "probe/recentprobes.h"

#include <QTest>

class TestRecentProbes : public QObject
{
    Q_OBJECT

private:
    static ProbeMark mark(qint64 timeMs, ResolutionSource source, bool addresses,
                          ProbeMark::Check check)
    {
        ProbeMark made;
        made.timeMs = timeMs;
        made.source = source;
        made.hasAddresses = addresses;
        made.check = check;
        return made;
    }

private Q_SLOTS:
    void keepsTheNewestOldestFirst()
    {
        RecentProbes recent;
        QVERIFY(recent.marks().isEmpty());
        for (int i = 0; i < 45; ++i)
            recent.add(mark(i, ResolutionSource::Fresh, true, ProbeMark::Check::Ok));
        const QList<ProbeMark> marks = recent.marks();
        QCOMPARE(marks.size(), RecentProbes::Kept);
        QCOMPARE(marks.constFirst().timeMs, 45 - RecentProbes::Kept);
        QCOMPARE(marks.constLast().timeMs, 44);
        for (qsizetype i = 1; i < marks.size(); ++i)
            QCOMPARE(marks[i].timeMs, marks[i - 1].timeMs + 1);
    }

    void fewerThanKept()
    {
        RecentProbes recent;
        recent.add(mark(7, ResolutionSource::Stale, true, ProbeMark::Check::Failed));
        recent.add(mark(9, ResolutionSource::None, false, ProbeMark::Check::NotRun));
        QCOMPARE(recent.size(), 2);
        QCOMPARE(recent.marks().constFirst().timeMs, 7);
        QCOMPARE(recent.marks().constLast().timeMs, 9);
    }

    void markOfAProbe()
    {
        ProbeResult result;
        result.time = QDateTime::fromMSecsSinceEpoch(1'000'000, Qt::UTC);
        result.resolution.source = ResolutionSource::Pinned;
        result.resolution.addresses = {QHostAddress(QStringLiteral("10.0.0.1"))};
        result.checked = true;
        result.reachable = false;
        const ProbeMark made = ProbeMark::of(result);
        QCOMPARE(made.timeMs, 1'000'000);
        QCOMPARE(made.source, ResolutionSource::Pinned);
        QVERIFY(made.hasAddresses);
        QCOMPARE(made.check, ProbeMark::Check::Failed);
        result.checked = false;
        QCOMPARE(ProbeMark::of(result).check, ProbeMark::Check::NotRun);
    }

    void lettersReadBack_data()
    {
        QTest::addColumn<int>("source");
        QTest::addColumn<bool>("addresses");
        QTest::addColumn<int>("check");
        QTest::addColumn<QString>("letters");
        QTest::newRow("fresh ok") << int(ResolutionSource::Fresh) << true
                                  << int(ProbeMark::Check::Ok) << QStringLiteral("f+");
        QTest::newRow("cache") << int(ResolutionSource::Cache) << true
                               << int(ProbeMark::Check::NotRun) << QStringLiteral("c.");
        QTest::newRow("stale failed") << int(ResolutionSource::Stale) << true
                                      << int(ProbeMark::Check::Failed) << QStringLiteral("s-");
        QTest::newRow("pinned") << int(ResolutionSource::Pinned) << true
                                << int(ProbeMark::Check::Ok) << QStringLiteral("p+");
        QTest::newRow("env") << int(ResolutionSource::Env) << true << int(ProbeMark::Check::Ok)
                             << QStringLiteral("e+");
        QTest::newRow("nothing") << int(ResolutionSource::None) << false
                                 << int(ProbeMark::Check::NotRun) << QStringLiteral("x.");
    }
    void lettersReadBack()
    {
        QFETCH(int, source);
        QFETCH(bool, addresses);
        QFETCH(int, check);
        QFETCH(QString, letters);
        const ProbeMark made = mark(5, ResolutionSource(source), addresses, ProbeMark::Check(check));
        QCOMPARE(QString(sourceLetter(made)) + checkLetter(made.check), letters);
        const std::optional<ProbeMark> back = markOfLetters(letters[0], letters[1], 5);
        QVERIFY(back);
        QCOMPARE(*back, made);
    }

    void aFailedLookupIsAnXWhateverItsSource()
    {
        // NXDOMAIN from a live lookup: source fresh, but no address.
        QCOMPARE(sourceLetter(mark(1, ResolutionSource::Fresh, false, ProbeMark::Check::NotRun)),
                 QLatin1Char('x'));
    }

    void anUnvalidatedAnswerIsAUAndNotAnAnswerOfDns()
    {
        // require_validated and the resolver did not validate: the addresses were used, but DNS
        // did not answer as the target requires.
        ProbeResult result;
        result.time = QDateTime::fromMSecsSinceEpoch(2'000, Qt::UTC);
        result.resolution.source = ResolutionSource::Fresh;
        result.resolution.addresses = {QHostAddress(QStringLiteral("10.0.0.1"))};
        result.resolution.cause = FailureCause::NotValidated;
        QVERIFY(!result.dnsAnswered());
        const ProbeMark made = ProbeMark::of(result);
        QVERIFY(made.unvalidated);
        QCOMPARE(made.dnsAnswered(), result.dnsAnswered());
        QCOMPARE(sourceLetter(made), QLatin1Char('u'));
        const std::optional<ProbeMark> back = markOfLetters(QLatin1Char('u'), QLatin1Char('+'), 9);
        QVERIFY(back);
        QVERIFY(back->unvalidated && back->hasAddresses);
        QVERIFY(!back->dnsAnswered());
        QCOMPARE(back->check, ProbeMark::Check::Ok);

        result.resolution.cause = FailureCause::None;
        QVERIFY(ProbeMark::of(result).dnsAnswered());
        QCOMPARE(sourceLetter(ProbeMark::of(result)), QLatin1Char('f'));
        result.resolution.source = ResolutionSource::Stale;
        QVERIFY(!ProbeMark::of(result).dnsAnswered());
    }

    void unknownLettersAreRefused()
    {
        QVERIFY(!markOfLetters(QLatin1Char('q'), QLatin1Char('+'), 0));
        QVERIFY(!markOfLetters(QLatin1Char('f'), QLatin1Char('?'), 0));
        QVERIFY(!markOfLetters(QLatin1Char('F'), QLatin1Char('+'), 0));
    }
};

QTEST_GUILESS_MAIN(TestRecentProbes)
#include "tst_recentprobes.moc"
