#include "config/appconfig.h"
#include "config/configschema.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

// docs/configuration.md against the tables of config/configschema.h: under each block's heading
// ("## cache"), the first table documents exactly the table's keys, each with the table's type,
// default, range and unit. A key added to a table and not documented, or documented with another
// default, fails here.
namespace {
using Row = QHash<QString, QString>; // cell by column heading ("key", "default"...)

QString markdownPath() { return QStringLiteral(DNSWATCH_SOURCE_DIR "/docs/configuration.md"); }

QString readMarkdown()
{
    QFile file(markdownPath());
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll());
}

QStringList cells(const QString &line)
{
    QStringList cells = line.trimmed().split(QLatin1Char('|'));
    cells = cells.mid(1, cells.size() - 2); // the text before the first '|' and after the last
    for (QString &cell : cells)
        cell = cell.trimmed();
    return cells;
}

// A cell as the tables spell it: no code spans; "-" is "none".
QString plain(QString cell)
{
    cell.remove(QLatin1Char('`'));
    cell = cell.trimmed();
    return cell == QLatin1String("-") ? QString() : cell;
}

// The first table under each "## " heading, by the heading in lower case.
QHash<QString, QList<Row>> documentedBlocks(const QString &markdown)
{
    QHash<QString, QList<Row>> blocks;
    QString section;
    QStringList header;
    bool tableDone = false;
    for (const QString &line : markdown.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("## "))) {
            section = line.mid(3).trimmed().toLower();
            header.clear();
            tableDone = false;
            continue;
        }
        if (section.isEmpty() || tableDone)
            continue;
        if (!line.startsWith(QLatin1Char('|'))) {
            tableDone = !header.isEmpty();
            continue;
        }
        const QStringList row = cells(line);
        if (header.isEmpty()) {
            header = row;
            blocks.insert(section, {});
        } else if (!row.value(0).startsWith(QLatin1String("---"))) {
            Row documented;
            for (qsizetype i = 0; i < header.size(); ++i)
                documented.insert(header.at(i), row.value(i));
            blocks[section].append(documented);
        }
    }
    return blocks;
}

// What differs between the reference and the markdown, one line each; empty: they agree.
QStringList mismatches(const QList<BlockReference> &reference, const QString &markdown)
{
    const QHash<QString, QList<Row>> documented = documentedBlocks(markdown);
    QStringList problems;
    for (const BlockReference &block : reference) {
        if (!documented.contains(block.name)) {
            problems.append(QStringLiteral("no table under \"## %1\"").arg(block.name));
            continue;
        }
        QHash<QString, Row> rows;
        for (const Row &row : documented.value(block.name)) {
            const QString key = row.value(QStringLiteral("key"));
            if (!key.startsWith(QLatin1Char('`')) || !key.endsWith(QLatin1Char('`')))
                problems.append(QStringLiteral("%1: key %2 not in backticks").arg(block.name, key));
            if (rows.contains(plain(key)))
                problems.append(QStringLiteral("%1: %2 documented twice").arg(block.name, key));
            rows.insert(plain(key), row);
        }
        QStringList tableKeys;
        for (const KeyReference &key : block.keys) {
            tableKeys.append(key.key);
            const QString where = block.name + QLatin1Char('.') + key.key;
            if (!rows.contains(key.key)) {
                problems.append(QStringLiteral("%1: not documented").arg(where));
                continue;
            }
            const Row &row = rows.value(key.key);
            const QList<std::pair<QString, QString>> expected = {
                    {QStringLiteral("type"), key.type},
                    {QStringLiteral("default"), key.defaultValue},
                    {QStringLiteral("range"), key.range},
                    {QStringLiteral("unit"), key.unit},
            };
            for (const auto &[column, value] : expected) {
                if (!row.contains(column))
                    problems.append(QStringLiteral("%1: no %2 column").arg(where, column));
                else if (plain(row.value(column)) != value)
                    problems.append(QStringLiteral("%1: documented %2 \"%3\", the table has \"%4\"")
                                            .arg(where, column, plain(row.value(column)), value));
            }
        }
        for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
            if (!tableKeys.contains(it.key()))
                problems.append(QStringLiteral("%1.%2: documented, but not in the table")
                                        .arg(block.name, it.key()));
        }
    }
    return problems;
}

bool anyContains(const QStringList &problems, const QString &text)
{
    return std::any_of(problems.begin(), problems.end(),
                       [&text](const QString &problem) { return problem.contains(text); });
}
} // namespace

class TestConfigReference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_markdown = readMarkdown();
        QVERIFY2(!m_markdown.isEmpty(), qPrintable(markdownPath()));
    }

    void documentationMatchesTheTables()
    {
        const QStringList problems = mismatches(ConfigSchema::reference(), m_markdown);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void everyBlockIsDocumented()
    {
        const QHash<QString, QList<Row>> documented = documentedBlocks(m_markdown);
        for (const BlockReference &block : ConfigSchema::reference()) {
            QVERIFY2(documented.contains(block.name), qPrintable(block.name));
            QCOMPARE(documented.value(block.name).size(), block.keys.size());
        }
    }

    // The checks above catch what they are for: a key the tables gained, a default or range
    // the text got wrong, a key the text kept after the tables lost it.
    void aKeyAddedToATableButNotDocumentedFails()
    {
        QList<BlockReference> reference = ConfigSchema::reference();
        for (BlockReference &block : reference) {
            if (block.name == QLatin1String("cache"))
                block.keys.append({QLatin1String("new_key_s"), QStringLiteral("integer"),
                                   QStringLiteral("1"), QStringLiteral("0 to 9"),
                                   QStringLiteral("s"), QStringLiteral("new")});
        }
        const QStringList problems = mismatches(reference, m_markdown);
        QCOMPARE(problems, QStringList{QStringLiteral("cache.new_key_s: not documented")});
    }

    void aWrongDefaultFails()
    {
        QString markdown = m_markdown;
        const QString row = QStringLiteral("| `max_ttl_s` | integer | 300 |");
        QVERIFY(markdown.contains(row));
        markdown.replace(row, QStringLiteral("| `max_ttl_s` | integer | 301 |"));
        const QStringList problems = mismatches(ConfigSchema::reference(), markdown);
        QCOMPARE(problems,
                 QStringList{QStringLiteral(
                         "cache.max_ttl_s: documented default \"301\", the table has "
                         "\"300\"")});
    }

    void aWrongRangeFails()
    {
        QString markdown = m_markdown;
        const QString range = QStringLiteral("| 1 to 2160 |");
        QVERIFY(markdown.contains(range));
        markdown.replace(range, QStringLiteral("| 1 to 2161 |"));
        const QStringList problems = mismatches(ConfigSchema::reference(), markdown);
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().startsWith(QLatin1String("history.raw_retention_h: documented "
                                                           "range")),
                 qPrintable(problems.first()));
    }

    void anUndocumentedOrStaleRowFails()
    {
        QStringList lines = m_markdown.split(QLatin1Char('\n'));
        const qsizetype row = lines.indexOf(
                QRegularExpression(QStringLiteral("^\\| `check_retries` \\|.*")));
        QVERIFY(row > 0);
        const QString removed = lines.takeAt(row);
        QVERIFY(anyContains(mismatches(ConfigSchema::reference(), lines.join(QLatin1Char('\n'))),
                            QStringLiteral("probes.check_retries: not documented")));

        QString renamed = removed;
        renamed.replace(QLatin1String("check_retries"), QLatin1String("check_retry"));
        lines.insert(row, renamed);
        const QStringList problems = mismatches(ConfigSchema::reference(),
                                                lines.join(QLatin1Char('\n')));
        QVERIFY(anyContains(problems, QStringLiteral("probes.check_retry: documented, but not")));
        QVERIFY(anyContains(problems, QStringLiteral("probes.check_retries: not documented")));
    }

    void examplesAreValidConfigs()
    {
        static const QRegularExpression json(QStringLiteral("```json\\n(.*?)```"),
                                             QRegularExpression::DotMatchesEverythingOption);
        int examples = 0;
        for (const QRegularExpressionMatch &match : json.globalMatch(m_markdown)) {
            ++examples;
            const ConfigLoadResult loaded = parseConfig(match.captured(1).toUtf8(),
                                                        QStringLiteral("example"));
            QStringList errors;
            for (const ConfigError &error : loaded.errors)
                errors.append(error.toString());
            QVERIFY2(loaded.config, qPrintable(errors.join(QLatin1Char('\n'))));
        }
        QVERIFY(examples >= 1);
    }

private:
    QString m_markdown;
};

QTEST_GUILESS_MAIN(TestConfigReference)
#include "tst_configreference.moc"
