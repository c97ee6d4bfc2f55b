// `dnswatch --once` prints the compared paths of a target under its row, against two real
// dnsmasq that answer differently: one line per path (resolver, answer or error, latency,
// source) and the verdict; `--format json` gives them as the target's "paths".
#include "binaryrun.h"
#include "dnsserverfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestOncePaths : public QObject
{
    Q_OBJECT

private:
    // "left" and "right" are the two dnsmasq; "dead" a port nobody listens on.
    QString writeConfig(const QString &targetFields)
    {
        const QString json = QStringLiteral(R"({"resolvers": [
              {"name": "left", "servers": ["%1"], "timeout_ms": 300, "attempts": 1},
              {"name": "right", "servers": ["%2"], "timeout_ms": 300, "attempts": 1},
              {"name": "dead", "servers": ["127.0.0.1:%3"], "timeout_ms": 300, "attempts": 1}],
            "targets": [{"name": "svc", "host": "svc.test", "resolver": "left", "record": "A",
                         "critical": true, %4},
                        {"name": "plain", "host": "svc.test", "resolver": "left",
                         "record": "A"}]})")
                                     .arg(m_left.server(), m_right.server())
                                     .arg(DnsServerFixture::freePort())
                                     .arg(targetFields);
        const QString path = m_dir.filePath(QStringLiteral("config-%1.json").arg(m_configs++));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write config");
        file.write(json.toUtf8());
        return path;
    }

    static BinaryRun once(const QString &config)
    {
        return runBinary(QStringLiteral(DNSWATCH_BINARY),
                         {QStringLiteral("--once"), QStringLiteral("--config"), config}, 30000);
    }

    // The indented lines under the row of target name, up to the next row.
    static QStringList linesUnder(const QString &table, const QString &name)
    {
        const QStringList lines = table.split(QLatin1Char('\n'));
        QStringList found;
        bool inside = false;
        for (const QString &line : lines) {
            if (!line.startsWith(QLatin1Char(' '))) {
                if (inside)
                    break;
                inside = line.startsWith(name + QLatin1Char(' '));
            } else if (inside) {
                found.append(line.simplified());
            }
        }
        return found;
    }

    QTemporaryDir m_dir;
    int m_configs = 0;
    DnsServerFixture m_left;
    DnsServerFixture m_right;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_left.startDnsmasq({QStringLiteral("--host-record=svc.test,10.0.0.1,60")}, &error),
                 qPrintable(error));
        QVERIFY2(m_right.startDnsmasq({QStringLiteral("--host-record=svc.test,10.0.0.2,60")},
                                      &error),
                 qPrintable(error));
    }

    void differingPathsAreListedWithTheVerdict()
    {
        const BinaryRun run = once(writeConfig(QStringLiteral(R"("compare": ["right"])")));
        QVERIFY2(run.exitCode == 0, qPrintable(run.output()));
        const QString table = QString::fromUtf8(run.out);
        const QStringList under = linesUnder(table, QStringLiteral("svc"));
        QCOMPARE(under.size(), 3);
        const QRegularExpression left(QStringLiteral(R"(^path left 10\.0\.0\.1 \d+\.\d ms fresh$)"));
        const QRegularExpression right(
                QStringLiteral(R"(^path right 10\.0\.0\.2 \d+\.\d ms fresh differs$)"));
        QVERIFY2(left.match(under[0]).hasMatch(), qPrintable(table));
        QVERIFY2(right.match(under[1]).hasMatch(), qPrintable(table));
        QCOMPARE(under[2], QStringLiteral("paths differ: right"));
        // A target that compares nothing has no lines under it.
        QVERIFY2(linesUnder(table, QStringLiteral("plain")).isEmpty(), qPrintable(table));
    }

    void expectedDivergenceAgrees()
    {
        const BinaryRun run = once(writeConfig(
                QStringLiteral(R"("compare": ["right"], "expect_divergence": ["right"])")));
        QVERIFY2(run.exitCode == 0, qPrintable(run.output()));
        const QStringList under = linesUnder(QString::fromUtf8(run.out), QStringLiteral("svc"));
        QCOMPARE(under.size(), 3);
        QVERIFY2(under[1].endsWith(QLatin1String("fresh may differ")), qPrintable(under[1]));
        QCOMPARE(under[2], QStringLiteral("paths agree"));
    }

    void aFailedPathShowsItsError()
    {
        const BinaryRun run = once(writeConfig(QStringLiteral(R"("compare": ["dead", "left"])")));
        QVERIFY2(run.exitCode == 0, qPrintable(run.output()));
        const QStringList under = linesUnder(QString::fromUtf8(run.out), QStringLiteral("svc"));
        QCOMPARE(under.size(), 3); // left is the target's own path, listed once
        QVERIFY2(under[1].startsWith(QLatin1String("path dead ")), qPrintable(under[1]));
        QVERIFY2(!under[1].contains(QLatin1String("10.0.0")), qPrintable(under[1]));
        QVERIFY2(under[1].endsWith(QLatin1String(" differs")), qPrintable(under[1]));
        QCOMPARE(under[2], QStringLiteral("paths differ: dead"));
    }

    void jsonListsEveryPathWithTheVerdict()
    {
        const QString config = writeConfig(QStringLiteral(R"("compare": ["right", "dead"])"));
        const BinaryRun run = runBinary(QStringLiteral(DNSWATCH_BINARY),
                                        {QStringLiteral("--once"), QStringLiteral("--config"),
                                         config, QStringLiteral("--format=json")},
                                        30000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.output()));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out, &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError, run.out.constData());
        QJsonObject svc;
        QJsonObject plain;
        for (const QJsonValue &value : doc.object().value(QStringLiteral("targets")).toArray()) {
            const QString name = value.toObject().value(QStringLiteral("name")).toString();
            (name == QStringLiteral("svc") ? svc : plain) = value.toObject();
        }
        const QJsonObject compared = svc.value(QStringLiteral("paths")).toObject();
        QCOMPARE(compared.value(QStringLiteral("agree")).toBool(true), false);
        QCOMPARE(compared.value(QStringLiteral("differing")).toArray(),
                 (QJsonArray{QStringLiteral("right"), QStringLiteral("dead")}));
        const QJsonArray paths = compared.value(QStringLiteral("paths")).toArray();
        QCOMPARE(paths.size(), 3); // the target's own first
        const QJsonObject left = paths[0].toObject();
        QCOMPARE(left.value(QStringLiteral("resolver")).toString(), QStringLiteral("left"));
        QCOMPARE(left.value(QStringLiteral("addresses")).toArray(),
                 QJsonArray{QStringLiteral("10.0.0.1")});
        QCOMPARE(left.value(QStringLiteral("source")).toString(), QStringLiteral("fresh"));
        QCOMPARE(left.value(QStringLiteral("expected")).toString(), QStringLiteral("same"));
        QVERIFY(left.value(QStringLiteral("error")).isNull());
        QVERIFY(left.value(QStringLiteral("latency_ms")).toDouble() > 0);
        const int ttl = left.value(QStringLiteral("ttl_s")).toInt(-1); // dnsmasq gave 60 s
        QVERIFY2(ttl > 50 && ttl <= 60, qPrintable(QString::number(ttl)));
        const QJsonObject right = paths[1].toObject();
        QCOMPARE(right.value(QStringLiteral("resolver")).toString(), QStringLiteral("right"));
        QCOMPARE(right.value(QStringLiteral("addresses")).toArray(),
                 QJsonArray{QStringLiteral("10.0.0.2")});
        const QJsonObject dead = paths[2].toObject();
        QCOMPARE(dead.value(QStringLiteral("resolver")).toString(), QStringLiteral("dead"));
        QCOMPARE(dead.value(QStringLiteral("addresses")).toArray().size(), 0);
        QVERIFY2(!dead.value(QStringLiteral("error")).toString().isEmpty(),
                 QJsonDocument(dead).toJson().constData());
        // A target that compares nothing has no "paths".
        QVERIFY(!plain.contains(QStringLiteral("paths")));
    }
};

QTEST_GUILESS_MAIN(TestOncePaths)
#include "tst_once_paths.moc"
