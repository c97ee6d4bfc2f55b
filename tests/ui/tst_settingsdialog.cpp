// The dashboard's settings editor over a real config file, on the offscreen platform: the
// loader's own messages appear at the fields they are about (targets, resolvers, cache), Save
// is off while there is one, a save writes the file (the blocks the editor does not show kept)
// and applies it to the running Monitor, a failed save loses neither the edits nor the file,
// a file changed on disk is not overwritten without asking, the embedded default saves as a new
// file, and "system" stays. Screenshots of the tabs are saved for people to look at.
#include "clock.h"
#include "config/configschema.h"
#include "mainwindow.h"
#include "probe/monitor.h"
#include "resolver/envfallback.h"
#include "screenshot.h"
#include "settings/elementlist.h"
#include "settings/policypage.h"
#include "settings/problemlabel.h"
#include "settings/resolverspage.h"
#include "settings/settingsdialog.h"
#include "settings/targetspage.h"
#include "settings/validatedfield.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

namespace {
// Every resolver is on loopback (nothing listens there): no query leaves the machine.
const QByteArray ConfigJson = R"({
  "resolvers": [
    {"name": "lab", "servers": ["127.0.0.1:1053"], "timeout_ms": 200, "attempts": 1}
  ],
  "cache": {"max_stale_s": 3600},
  "probes": {"check_timeout_ms": 1000},
  "history": {"raw_retention_h": 12, "aggregate_retention_d": 7},
  "agent": {"max_connections": 8, "request_timeout_ms": 5000},
  "targets": [
    {"name": "db", "host": "db.lab.test", "resolver": "lab", "interval_s": 3600},
    {"name": "api", "host": "api.lab.test", "resolver": "lab", "interval_s": 3600,
     "fallback_ips": ["127.0.0.9"], "check": {"type": "dns"}}
  ]
})";

QByteArray hashOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QJsonObject jsonOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QJsonObject();
    return QJsonDocument::fromJson(file.readAll()).object();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            && file.write(content) == content.size();
}

// As a user types: the field's text replaced by text.
void typeInto(QWidget *input, const QString &text)
{
    auto *edit = qobject_cast<QLineEdit *>(input);
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

QString problemAt(SettingsPage *page, const QString &field)
{
    const ValidatedField *found = page->field(field);
    return found ? found->problemText() : QStringLiteral("(no field %1)").arg(field);
}

// What a page says about its block as a whole (the label above its inputs).
QString blockProblems(SettingsPage *page)
{
    QStringList texts;
    for (const ProblemLabel *label :
         page->findChildren<ProblemLabel *>(QString(), Qt::FindDirectChildrenOnly))
        texts.append(label->text());
    return texts.join(QLatin1Char('\n'));
}

void showTab(SettingsDialog *dialog, QWidget *page)
{
    dialog->tabs()->setCurrentWidget(page);
    QCOMPARE(dialog->tabs()->currentWidget(), page);
}

// Every key of block's table has an input on page, named in the editor's own words (not by its
// key), that shows the file's value or else the key's default.
template<class Policy>
void checkEveryKeyHasItsInput(PolicyPage *page, const PolicyBlock<Policy> &block,
                              const QJsonObject &inFile)
{
    for (const PolicyKey<Policy> &key : block.keys) {
        QWidget *input = page->input(key.key);
        QVERIFY2(input, qPrintable(key.key));
        QVERIFY2(!input->accessibleName().isEmpty() && input->accessibleName() != key.key,
                 qPrintable(key.key));
        const auto *box = qobject_cast<QCheckBox *>(input);
        const auto *spin = qobject_cast<QSpinBox *>(input);
        QVERIFY2(key.isBool() ? box != nullptr : spin != nullptr, qPrintable(key.key));
        const QJsonValue shown = box ? QJsonValue(box->isChecked()) : QJsonValue(spin->value());
        QCOMPARE(shown,
                 inFile.value(key.key).isUndefined() ? key.defaultValue() : inFile.value(key.key));
    }
}
} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    ManualClock m_clock; // no probe schedule runs: the monitor is only configured
    std::unique_ptr<Monitor> m_monitor;
    std::unique_ptr<SettingsDialog> m_dialog;

    void openDialog(const QString &path)
    {
        m_dialog = std::make_unique<SettingsDialog>(m_monitor.get(), path);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the main window's QSettings go elsewhere
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("dnswatch.json"));
    }

    void init()
    {
        QVERIFY(writeFile(m_path, ConfigJson));
        const ConfigLoadResult loaded = loadConfigFile(m_path);
        QVERIFY2(loaded.config, qPrintable(loaded.errors.value(0).toString()));
        m_monitor = std::make_unique<Monitor>(*loaded.config, EnvFallback(), MlflowCredentials(),
                                              &m_clock);
        openDialog(m_path);
        QVERIFY2(!m_dialog->hasProblems(), qPrintable(m_dialog->problemSummary()));
        QVERIFY(!m_dialog->saveButton()->isEnabled()); // nothing changed yet
    }

    void cleanup()
    {
        m_dialog.reset();
        m_monitor.reset();
    }

    void invalidHostIsShownAtItsFieldAndBlocksSave()
    {
        TargetsPage *targets = m_dialog->targetsPage();
        targets->selectTarget(1);
        QCOMPARE(qobject_cast<QLineEdit *>(targets->input(QStringLiteral("host")))->text(),
                 QStringLiteral("api.lab.test"));
        QSignalSpy validated(m_dialog.get(), &SettingsDialog::validated);
        typeInto(targets->input(QStringLiteral("host")), QStringLiteral("bad host!"));
        // Nine keystrokes, one run of the loader once the typing paused.
        QVERIFY(validated.wait());
        QCOMPARE(validated.size(), 1);
        QCOMPARE(validated.constFirst().constFirst().toBool(), false);
        // The loader's message for $.targets[1].host, word for word.
        QString expected;
        QVERIFY(!isValidHostName(QStringLiteral("bad host!"), &expected));
        QTRY_COMPARE(problemAt(targets, QStringLiteral("host")), expected);
        QVERIFY(!m_dialog->saveButton()->isEnabled());
        QCOMPARE(targets->input(QStringLiteral("host"))->accessibleDescription(), expected);
        QCOMPARE(targets->list()->rowProblems(1), QStringList{QStringLiteral("host: ") + expected});
        QVERIFY(targets->list()->rowProblems(0).isEmpty());
        QVERIFY(m_dialog->problemSummary().contains(QStringLiteral("Save is off")));
        QVERIFY(m_dialog->problemSummary().contains(QStringLiteral("Targets tab: 1 problem")));
        QVERIFY(!m_dialog->tabs()->tabIcon(0).isNull());
        QVERIFY(m_dialog->tabs()->tabIcon(2).isNull());
        showTab(m_dialog.get(), targets);
        QVERIFY(saveScreenshot(m_dialog.get(), QStringLiteral("settings-targets-error")));

        typeInto(targets->input(QStringLiteral("host")), QStringLiteral("api2.lab.test"));
        QTRY_VERIFY(m_dialog->saveButton()->isEnabled());
        QVERIFY(problemAt(targets, QStringLiteral("host")).isEmpty());
        QVERIFY(targets->list()->rowProblems(1).isEmpty());
        QVERIFY(m_dialog->problemSummary().isEmpty());
        QVERIFY(m_dialog->tabs()->tabIcon(0).isNull());
    }

    void checkKeysFollowTheCheckType()
    {
        TargetsPage *targets = m_dialog->targetsPage();
        targets->selectTarget(0);
        auto *type = qobject_cast<QComboBox *>(targets->input(QStringLiteral("check.type")));
        QVERIFY(type);
        QVERIFY(!targets->field(QStringLiteral("check.port"))->isVisibleTo(m_dialog.get()));
        type->setCurrentIndex(type->findData(QStringLiteral("tcp")));
        QVERIFY(targets->field(QStringLiteral("check.port"))->isVisibleTo(m_dialog.get()));
        QCOMPARE(m_dialog->document().value(QStringLiteral("targets"), 0, QStringLiteral("check")),
                 QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("tcp")},
                                        {QStringLiteral("port"), 0}}));
        // Port 0 is the loader's to refuse, at the port field.
        QTRY_COMPARE(problemAt(targets, QStringLiteral("check.port")),
                     QStringLiteral("expected an integer from 1 to 65535, found 0"));
        qobject_cast<QSpinBox *>(targets->input(QStringLiteral("check.port")))->setValue(5432);
        QTRY_VERIFY(m_dialog->saveButton()->isEnabled());

        type->setCurrentIndex(type->findData(QStringLiteral("http")));
        typeInto(targets->input(QStringLiteral("check.url")),
                 QStringLiteral("http://user:secret@db.lab.test/health"));
        QTRY_VERIFY(problemAt(targets, QStringLiteral("check.url"))
                            .startsWith(QStringLiteral("expected a URL without a user name")));
        QCOMPARE(m_dialog->document()
                         .value(QStringLiteral("targets"), 0, QStringLiteral("check"))
                         .toObject()
                         .keys(),
                 QStringList({QStringLiteral("expect_status"), QStringLiteral("type"),
                              QStringLiteral("url")}));

        // A soa check: its zone, servers and allowed lag, and none of the http keys.
        type->setCurrentIndex(type->findData(QStringLiteral("soa")));
        for (const QString &key : {QStringLiteral("check.zone"), QStringLiteral("check.servers"),
                                   QStringLiteral("check.max_lag_s")})
            QVERIFY2(targets->field(key)->isVisibleTo(m_dialog.get()), qPrintable(key));
        QVERIFY(!targets->field(QStringLiteral("check.url"))->isVisibleTo(m_dialog.get()));
        typeInto(targets->input(QStringLiteral("check.zone")), QStringLiteral("lab.test"));
        typeInto(targets->input(QStringLiteral("check.servers")), QStringLiteral("127.0.0.1:1053"));
        // One server is not a comparison: the loader says so at the servers field.
        QTRY_VERIFY(!problemAt(targets, QStringLiteral("check.servers")).isEmpty());
        typeInto(targets->input(QStringLiteral("check.servers")),
                 QStringLiteral("127.0.0.1:1053, 127.0.0.2:1053"));
        qobject_cast<QSpinBox *>(targets->input(QStringLiteral("check.max_lag_s")))->setValue(60);
        QTRY_VERIFY2(!m_dialog->hasProblems(), qPrintable(m_dialog->problemSummary()));
        QCOMPARE(m_dialog->document().value(QStringLiteral("targets"), 0, QStringLiteral("check")),
                 QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("soa")},
                                        {QStringLiteral("zone"), QStringLiteral("lab.test")},
                                        {QStringLiteral("servers"),
                                         QJsonArray{QStringLiteral("127.0.0.1:1053"),
                                                    QStringLiteral("127.0.0.2:1053")}},
                                        {QStringLiteral("max_lag_s"), 60}}));
    }

    void addedTargetIsSavedAppliedAndTheRestKept()
    {
        const QJsonObject before = jsonOf(m_path);
        TargetsPage *targets = m_dialog->targetsPage();
        QTest::mouseClick(targets->list()->addButton(), Qt::LeftButton);
        QCOMPARE(targets->list()->count(), 3);
        QCOMPARE(targets->currentTarget(), 2);
        // A new target has no host yet: the loader asks for one.
        QTRY_VERIFY(problemAt(targets, QStringLiteral("host")).contains(QStringLiteral("empty")));
        QVERIFY(!m_dialog->saveButton()->isEnabled());
        typeInto(targets->input(QStringLiteral("name")), QStringLiteral("www"));
        typeInto(targets->input(QStringLiteral("host")), QStringLiteral("www.lab.test"));
        auto *resolver = qobject_cast<QComboBox *>(targets->input(QStringLiteral("resolver")));
        QCOMPARE(resolver->findData(QStringLiteral("system")), 0);
        resolver->setCurrentIndex(resolver->findData(QStringLiteral("lab")));
        qobject_cast<QCheckBox *>(targets->input(QStringLiteral("critical")))->setChecked(false);
        QTRY_VERIFY(m_dialog->saveButton()->isEnabled());

        QSignalSpy applied(m_dialog.get(), &SettingsDialog::configApplied);
        QTest::mouseClick(m_dialog->saveButton(), Qt::LeftButton);
        QCOMPARE(applied.size(), 1);
        QCOMPARE(applied.at(0).at(0).toString(), m_path);
        QVERIFY2(applied.at(0).at(1).toStringList().isEmpty(),
                 qPrintable(applied.at(0).at(1).toStringList().join(u',')));
        QVERIFY2(m_dialog->statusText().startsWith(QStringLiteral("Saved to %1").arg(m_path)),
                 qPrintable(m_dialog->statusText()));
        QVERIFY(!m_dialog->saveButton()->isEnabled()); // saved: nothing new to save

        // The file reads back through the loader, with the new target.
        const ConfigLoadResult saved = loadConfigFile(m_path);
        QVERIFY2(saved.config, qPrintable(saved.errors.value(0).toString()));
        QCOMPARE(saved.config->targets.size(), 3);
        const TargetConfig &www = saved.config->targets.at(2);
        QCOMPARE(www.name, QStringLiteral("www"));
        QCOMPARE(www.host, QStringLiteral("www.lab.test"));
        QCOMPARE(www.resolver, QStringLiteral("lab"));
        QCOMPARE(www.critical, false);
        // What the editor did not touch is as it was, key for key (not rewritten with defaults).
        const QJsonObject after = jsonOf(m_path);
        for (const QString &block :
             {QStringLiteral("history"), QStringLiteral("agent"), QStringLiteral("cache"),
              QStringLiteral("probes"), QStringLiteral("resolvers")})
            QCOMPARE(after.value(block), before.value(block));
        QCOMPARE(after.value(QStringLiteral("targets")).toArray().at(1),
                 before.value(QStringLiteral("targets")).toArray().at(1));
        // Two-space indentation, keys in the README's order.
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(text.startsWith("{\n  \"resolvers\": [\n    {\n      \"name\": \"lab\",\n"),
                 text.constData());
        QVERIFY2(text.contains("\"fallback_ips\": [\"127.0.0.9\"]"), text.constData());

        // The running monitor has it.
        QCOMPARE(m_monitor->config().targets.size(), 3);
        QCOMPARE(m_monitor->config().targets.at(2).name, QStringLiteral("www"));
    }

    void failedSaveKeepsTheEditsAndTheFile_data()
    {
        QTest::addColumn<QString>("relativePath");
        QTest::newRow("directory that does not exist")
                << QStringLiteral("missing/dir/dnswatch.json");
        // Not a directory at all (works as root too, where a read-only directory is writable).
        QTest::newRow("inside a file") << QStringLiteral("dnswatch.json/dnswatch.json");
    }

    void failedSaveKeepsTheEditsAndTheFile()
    {
        QFETCH(QString, relativePath);
        const QString target = m_dir.filePath(relativePath);
        const QByteArray original = hashOf(m_path);
        TargetsPage *targets = m_dialog->targetsPage();
        targets->selectTarget(0);
        typeInto(targets->input(QStringLiteral("host")), QStringLiteral("db2.lab.test"));
        QTRY_VERIFY(m_dialog->saveButton()->isEnabled());

        QSignalSpy applied(m_dialog.get(), &SettingsDialog::configApplied);
        QVERIFY(!m_dialog->saveTo(target));
        const QString status = m_dialog->statusText();
        QVERIFY2(status.startsWith(QStringLiteral("Could not save to %1: ").arg(target)),
                 qPrintable(status));
        QVERIFY2(status.section(QStringLiteral(": "), 1).size() > 30, qPrintable(status)); // why
        QVERIFY(applied.isEmpty());
        // The edits are still there, the dialog still open, the file and monitor untouched.
        QVERIFY(m_dialog->isVisible());
        QVERIFY(m_dialog->document().isModified());
        QCOMPARE(qobject_cast<QLineEdit *>(targets->input(QStringLiteral("host")))->text(),
                 QStringLiteral("db2.lab.test"));
        QCOMPARE(m_dialog->document().value(QStringLiteral("targets"), 0, QStringLiteral("host")),
                 QJsonValue(QStringLiteral("db2.lab.test")));
        QCOMPARE(hashOf(m_path), original);
        QCOMPARE(m_monitor->config().targets.at(0).host, QStringLiteral("db.lab.test"));
        QVERIFY(m_dialog->saveButton()->isEnabled()); // can be tried again
        if (QLatin1String(QTest::currentDataTag()) == QLatin1String("directory that does not exist"))
            QVERIFY(saveScreenshot(m_dialog.get(), QStringLiteral("settings-save-failed")));
    }

    void fileChangedOnDiskIsNotOverwrittenWithoutAsking()
    {
        TargetsPage *targets = m_dialog->targetsPage();
        typeInto(targets->input(QStringLiteral("name")), QStringLiteral("database"));
        QByteArray elsewhere = ConfigJson;
        elsewhere.replace("\"max_connections\": 8", "\"max_connections\": 9");
        QVERIFY(writeFile(m_path, elsewhere)); // someone else saved meanwhile
        QTRY_VERIFY(m_dialog->saveButton()->isEnabled());
        QTest::mouseClick(m_dialog->saveButton(), Qt::LeftButton);
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = m_dialog->findChild<QMessageBox *>()) && question->isVisible());
        QVERIFY(question->text().contains(QStringLiteral("changed by something else")));
        QCOMPARE(hashOf(m_path),
                 QCryptographicHash::hash(elsewhere, QCryptographicHash::Sha256)); // not yet
        QPushButton *replace = nullptr;
        for (QAbstractButton *button : question->buttons()) {
            if (question->buttonRole(button) == QMessageBox::DestructiveRole)
                replace = qobject_cast<QPushButton *>(button);
        }
        QVERIFY(replace);
        QSignalSpy applied(m_dialog.get(), &SettingsDialog::configApplied);
        QTest::mouseClick(replace, Qt::LeftButton);
        QTRY_COMPARE(applied.size(), 1);
        const ConfigLoadResult saved = loadConfigFile(m_path);
        QVERIFY(saved.config);
        QCOMPARE(saved.config->targets.at(0).name, QStringLiteral("database"));
    }

    void systemResolverStaysAndRenamesTakeTargetsAlong()
    {
        ResolversPage *resolvers = m_dialog->resolversPage();
        ElementList *list = resolvers->list();
        QCOMPARE(list->count(), 2); // system, although the file does not list it, and lab
        resolvers->selectResolver(0);
        QVERIFY(resolvers->isSystem(0));
        QVERIFY(!list->removeButton()->isEnabled());
        QVERIFY(!list->duplicateButton()->isEnabled());
        QVERIFY(qobject_cast<QLineEdit *>(resolvers->input(QStringLiteral("name")))->isReadOnly());
        QVERIFY(!resolvers->field(QStringLiteral("servers"))->isVisibleTo(m_dialog.get()));
        showTab(m_dialog.get(), resolvers);
        QVERIFY(saveScreenshot(m_dialog.get(), QStringLiteral("settings-resolvers-system")));
        // Its timeout is the one thing to set: the file gets a "system" entry for it.
        qobject_cast<QSpinBox *>(resolvers->input(QStringLiteral("timeout_ms")))->setValue(3000);
        QCOMPARE(m_dialog->document().elements(QStringLiteral("resolvers")).size(), 2);
        QCOMPARE(list->count(), 2);

        resolvers->selectResolver(1);
        QVERIFY(list->removeButton()->isEnabled());
        auto *name = qobject_cast<QLineEdit *>(resolvers->input(QStringLiteral("name")));
        QCOMPARE(name->text(), QStringLiteral("lab"));
        typeInto(name, QStringLiteral("lab2"));
        QTest::keyClick(name, Qt::Key_Return); // editing finished: the targets follow
        for (int i = 0; i < 2; ++i)
            QCOMPARE(m_dialog->document().value(QStringLiteral("targets"), i,
                                                QStringLiteral("resolver")),
                     QJsonValue(QStringLiteral("lab2")));
        QTRY_VERIFY(m_dialog->saveButton()->isEnabled());
        QVERIFY2(!m_dialog->hasProblems(), qPrintable(m_dialog->problemSummary()));

        // A server the loader refuses, at the servers field and on the list row.
        typeInto(resolvers->input(QStringLiteral("servers")), QStringLiteral("10.0.0.300"));
        QString expected;
        QVERIFY(!NameServer::parse(QStringLiteral("10.0.0.300"), &expected));
        QTRY_COMPARE(problemAt(resolvers, QStringLiteral("servers")), expected);
        QVERIFY(!list->rowProblems(1).isEmpty());
        QVERIFY(saveScreenshot(m_dialog.get(), QStringLiteral("settings-resolvers-error")));
        typeInto(resolvers->input(QStringLiteral("servers")), QStringLiteral("127.0.0.1:1053"));

        // Removing it leaves its targets with an unknown resolver: the loader says so there.
        QTest::mouseClick(list->removeButton(), Qt::LeftButton);
        QCOMPARE(list->count(), 1);
        QTRY_VERIFY(m_dialog->hasProblems());
        TargetsPage *targets = m_dialog->targetsPage();
        targets->selectTarget(0);
        QTRY_COMPARE(problemAt(targets, QStringLiteral("resolver")),
                     QStringLiteral("unknown resolver \"lab2\"; defined: system"));
        QVERIFY(!m_dialog->saveButton()->isEnabled());
    }

    void cacheAndProbeProblemsAreShownOnTheirTabs()
    {
        PolicyPage *cache = m_dialog->cachePage();
        auto *maxStale = qobject_cast<QSpinBox *>(cache->input(QStringLiteral("max_stale_s")));
        QCOMPARE(maxStale->value(), 3600); // the file's
        // Absent from the file: the loader's default, and not written unless changed.
        QCOMPARE(qobject_cast<QSpinBox *>(cache->input(QStringLiteral("max_ttl_s")))->value(),
                 CachePolicy().maxTtlS);
        maxStale->setValue(700000);
        qobject_cast<QSpinBox *>(cache->input(QStringLiteral("min_ttl_s")))->setValue(400);
        QTRY_COMPARE(problemAt(cache, QStringLiteral("max_stale_s")),
                     QStringLiteral("expected an integer from 0 to 604800, found 700000"));
        // Two keys out of order are the block's problem (path "$.cache").
        QCOMPARE(blockProblems(cache),
                 QStringLiteral("expected max_ttl_s to be at least min_ttl_s, found max_ttl_s "
                                "300 and min_ttl_s 400"));
        QCOMPARE(m_dialog->document().value(QStringLiteral("cache"), -1, QString()),
                 QJsonValue(QJsonObject{{QStringLiteral("max_stale_s"), 700000},
                                        {QStringLiteral("min_ttl_s"), 400}}));
        QVERIFY(!m_dialog->tabs()->tabIcon(2).isNull());
        QVERIFY(!m_dialog->saveButton()->isEnabled());
        showTab(m_dialog.get(), cache);
        QVERIFY(saveScreenshot(m_dialog.get(), QStringLiteral("settings-cache-error")));

        PolicyPage *probes = m_dialog->probesPage();
        qobject_cast<QSpinBox *>(probes->input(QStringLiteral("check_timeout_ms")))->setValue(50);
        QTRY_COMPARE(problemAt(probes, QStringLiteral("check_timeout_ms")),
                     QStringLiteral("expected an integer from 100 to 120000, found 50"));
        QVERIFY(m_dialog->problemSummary().contains(QStringLiteral("Cache tab: 2 problem")));
        QVERIFY(m_dialog->problemSummary().contains(QStringLiteral("Probes tab: 1 problem")));
        showTab(m_dialog.get(), probes);
        QVERIFY(saveScreenshot(m_dialog.get(), QStringLiteral("settings-probes-error")));
        qobject_cast<QSpinBox *>(probes->input(QStringLiteral("check_timeout_ms")))->setValue(500);
        QTRY_VERIFY(problemAt(probes, QStringLiteral("check_timeout_ms")).isEmpty());
        QVERIFY(saveScreenshot(m_dialog.get(), QStringLiteral("settings-probes")));
    }

    void everyCacheAndProbeKeyHasItsInput()
    {
        const QJsonObject file = QJsonDocument::fromJson(ConfigJson).object();
        checkEveryKeyHasItsInput(m_dialog->cachePage(), ConfigSchema::cache(),
                                 file.value(BlockKey::Cache).toObject());
        checkEveryKeyHasItsInput(m_dialog->probesPage(), ConfigSchema::probes(),
                                 file.value(BlockKey::Probes).toObject());
    }

    void everyResolverAndTargetKeyHasItsInput()
    {
        // A key the loader takes but the editor cannot set is a decision, not an oversight.
        for (const QLatin1String key : ConfigSchema::keyNames(ConfigSchema::resolver())) {
            const QWidget *input = m_dialog->resolversPage()->input(key);
            QVERIFY2(input, qPrintable(key));
            QVERIFY2(!input->accessibleName().isEmpty() && input->accessibleName() != key,
                     qPrintable(key));
        }
        for (const QLatin1String key : ConfigSchema::keyNames(ConfigSchema::target())) {
            const QString field = key == TargetKey::Check ? QStringLiteral("check.type") : key;
            const QWidget *input = m_dialog->targetsPage()->input(field);
            QVERIFY2(input, qPrintable(field));
            QVERIFY2(!input->accessibleName().isEmpty() && input->accessibleName() != key,
                     qPrintable(field));
        }
    }

    void resolverPathKeysAreEditedWhereTheyApply()
    {
        TargetsPage *targets = m_dialog->targetsPage();
        ResolversPage *resolvers = m_dialog->resolversPage();
        targets->selectTarget(1); // api, through lab
        typeInto(targets->input(QStringLiteral("compare")), QStringLiteral("system"));
        typeInto(targets->input(QStringLiteral("expect_divergence")), QStringLiteral("system"));
        typeInto(targets->input(QStringLiteral("expect_addresses")),
                 QStringLiteral("127.0.0.0/8, ::1/128"));
        qobject_cast<QCheckBox *>(targets->input(QStringLiteral("alert_on_change")))
                ->setChecked(true);
        // Validation needs a resolver that asks for DNSSEC: the loader says so at the switch.
        qobject_cast<QCheckBox *>(targets->input(QStringLiteral("require_validated")))
                ->setChecked(true);
        QTRY_VERIFY(problemAt(targets, QStringLiteral("require_validated")).contains(u"dnssec"));
        QVERIFY(!m_dialog->saveButton()->isEnabled());

        resolvers->selectResolver(1); // lab
        showTab(m_dialog.get(), resolvers);
        QVERIFY(resolvers->field(QStringLiteral("dnssec"))->isVisibleTo(m_dialog.get()));
        qobject_cast<QCheckBox *>(resolvers->input(QStringLiteral("dnssec")))->setChecked(true);
        QTRY_VERIFY2(!m_dialog->hasProblems(), qPrintable(m_dialog->problemSummary()));
        // The TLS keys show for DNS over TLS or HTTPS servers only.
        QVERIFY(!resolvers->field(QStringLiteral("tls_name"))->isVisibleTo(m_dialog.get()));
        typeInto(resolvers->input(QStringLiteral("servers")),
                 QStringLiteral("tls://127.0.0.1:1853"));
        for (const QString &key :
             {QStringLiteral("tls_name"), QStringLiteral("ca_file"), QStringLiteral("tls_idle_ms")})
            QVERIFY2(resolvers->field(key)->isVisibleTo(m_dialog.get()), qPrintable(key));
        typeInto(resolvers->input(QStringLiteral("tls_name")), QStringLiteral("dns.lab.test"));
        qobject_cast<QSpinBox *>(resolvers->input(QStringLiteral("tls_idle_ms")))->setValue(2500);
        QVERIFY(saveScreenshot(m_dialog.get(), QStringLiteral("settings-resolvers-tls")));
        resolvers->selectResolver(0); // system: neither DNSSEC nor TLS
        QVERIFY(!resolvers->field(QStringLiteral("dnssec"))->isVisibleTo(m_dialog.get()));
        QVERIFY(!resolvers->field(QStringLiteral("tls_name"))->isVisibleTo(m_dialog.get()));

        QTRY_VERIFY2(m_dialog->saveButton()->isEnabled(), qPrintable(m_dialog->problemSummary()));
        QTest::mouseClick(m_dialog->saveButton(), Qt::LeftButton);
        const ConfigLoadResult saved = loadConfigFile(m_path);
        QVERIFY2(saved.config, qPrintable(saved.errors.value(0).toString()));
        const TargetConfig &api = saved.config->targets.at(1);
        QCOMPARE(api.compare, QStringList{QStringLiteral("system")});
        QCOMPARE(api.expectDivergence, QStringList{QStringLiteral("system")});
        QVERIFY(api.alertOnChange);
        QVERIFY(api.requireValidated);
        QVERIFY(api.expectAddresses.accepts(QHostAddress(QStringLiteral("127.0.0.9"))));
        QVERIFY(!api.expectAddresses.accepts(QHostAddress(QStringLiteral("10.0.0.1"))));
        const auto lab = std::find_if(
                saved.config->resolvers.cbegin(), saved.config->resolvers.cend(),
                [](const ResolverConfig &resolver) { return resolver.name == u"lab"; });
        QVERIFY(lab != saved.config->resolvers.cend());
        QVERIFY(lab->dnssec);
        QCOMPARE(lab->tlsName, QStringLiteral("dns.lab.test"));
        QCOMPARE(lab->tlsIdleMs, 2500);
        // Emptied lists leave the file rather than being written empty.
        targets->selectTarget(1);
        typeInto(targets->input(QStringLiteral("expect_divergence")), QString());
        QVERIFY(m_dialog->document()
                        .value(QStringLiteral("targets"), 1, QStringLiteral("expect_divergence"))
                        .isUndefined());
    }

    void problemsWithoutAFieldGoToTheSummary()
    {
        // The file was broken by hand after the dashboard started: a key the loader does not
        // know, and a bad value in a block the editor does not show.
        QByteArray broken = ConfigJson;
        broken.replace("\"raw_retention_h\": 12", "\"raw_retention_h\": 0");
        broken.replace("\"agent\":", "\"colour\": \"blue\", \"agent\":");
        QVERIFY(writeFile(m_path, broken));
        openDialog(m_path);
        QVERIFY(m_dialog->hasProblems());
        const QString summary = m_dialog->problemSummary();
        QVERIFY2(summary.contains(QStringLiteral(
                         "$.history.raw_retention_h: expected an integer from 1 to 2160, found 0")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("$: unknown key \"colour\"; expected one of: ")),
                 qPrintable(summary));
        QVERIFY(summary.contains(QStringLiteral(": 2 problem")));
        QVERIFY(!m_dialog->saveButton()->isEnabled());
        QVERIFY(saveScreenshot(m_dialog.get(), QStringLiteral("settings-summary")));
    }

    void embeddedDefaultSavesAsANewFile()
    {
        // A dashboard without --config: the editor starts from the running config.
        ConfigLoadResult embedded = parseConfig(ConfigJson, QStringLiteral("(embedded default)"));
        QVERIFY(embedded.config);
        m_dialog.reset();
        m_monitor = std::make_unique<Monitor>(*embedded.config, EnvFallback(), MlflowCredentials(),
                                              &m_clock);
        openDialog(QString());
        QVERIFY2(!m_dialog->hasProblems(), qPrintable(m_dialog->problemSummary()));
        QCOMPARE(m_dialog->saveButton()->text(), QStringLiteral("&Save as..."));
        QVERIFY(m_dialog->saveButton()->isEnabled()); // worth writing as it is
        QVERIFY(m_dialog->findChild<QLabel *>(QStringLiteral("configSource"))
                        ->text()
                        .contains(QStringLiteral("--config")));
        QCOMPARE(m_dialog->targetsPage()->list()->count(), 2);
        QVERIFY(saveScreenshot(m_dialog.get(), QStringLiteral("settings-embedded-default")));

        QTest::mouseClick(m_dialog->saveButton(), Qt::LeftButton);
        QFileDialog *files = nullptr;
        QTRY_VERIFY((files = m_dialog->findChild<QFileDialog *>()) && files->isVisible());
        QCOMPARE(files->acceptMode(), QFileDialog::AcceptSave);
        const QString path = m_dir.filePath(QStringLiteral("new.json"));
        QFile::remove(path);
        QSignalSpy applied(m_dialog.get(), &SettingsDialog::configApplied);
        files->selectFile(path);
        static_cast<QDialog *>(files)->accept(); // as its Save button does
        QTRY_COMPARE(applied.size(), 1);
        QCOMPARE(applied.at(0).at(0).toString(), path);
        QVERIFY(m_dialog->statusText().contains(QStringLiteral("--config %1").arg(path)));
        const ConfigLoadResult saved = loadConfigFile(path);
        QVERIFY2(saved.config, qPrintable(saved.errors.value(0).toString()));
        QCOMPARE(saved.config->targets.size(), 2);
        QCOMPARE(saved.config->cache.maxStaleS, 3600);
        QCOMPARE(saved.config->history.rawRetentionH, 12);
        QCOMPARE(m_dialog->saveButton()->text(), QStringLiteral("&Save")); // that file from now
        QVERIFY(saveScreenshot(m_dialog.get(), QStringLiteral("settings-saved-as")));
    }

    void menuActionOpensTheSettings()
    {
        m_dialog.reset();
        MainWindow window(m_monitor.get());
        window.setConfigPath(m_path);
        window.show();
        auto *action = window.findChild<QAction *>(QStringLiteral("settingsAction"));
        QVERIFY(action);
        QVERIFY(!action->shortcut().isEmpty());
        QVERIFY(window.menuBar()->actions().constFirst()->menu()->actions().contains(action));
        action->trigger();
        SettingsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<SettingsDialog *>()) && dialog->isVisible());
        QCOMPARE(dialog->document().path(), m_path);
        action->trigger(); // one editor at a time
        QCOMPARE(window.findChildren<SettingsDialog *>().size(), 1);
        // Saved there, the window's table follows the new targets.
        typeInto(dialog->targetsPage()->input(QStringLiteral("name")), QStringLiteral("database"));
        QTRY_VERIFY(dialog->saveButton()->isEnabled());
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(window.targetModel()->rowOf(QStringLiteral("database")) >= 0);
        QCOMPARE(window.targetModel()->rowOf(QStringLiteral("db")), -1);
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
