// The dashboard watching two real agents (`dnswatch --headless` started by the test), each with
// its own dnsmasq: north's DNS answers, south's server is gone. Both agents' rows join the one
// table with their place, the banner names the agent of a failing target, an action reaches the
// agent of the target it was asked for (seen in that agent's own events, with the token's name)
// and not the other, an agent's target is muted as this machine's are, a read-only token shows the
// actions disabled with the reason, and an agent that is killed is shown unreachable (rows greyed
// with their last state, not down) and resumes after its restart, with the lost events said.
// North's target also compares a second resolver that still serves an old address: the Paths tab
// shows both answers for it as for a target of this machine.
// Screenshots are saved for people to look at.
#include "agentlinks.h"
#include "agentplace.h"
#include "agentprocess.h"
#include "cachepane.h"
#include "charts/timechartview.h"
#include "dnsserverfixture.h"
#include "eventlogmodel.h"
#include "eventspane.h"
#include "mainwindow.h"
#include "pathspane.h"
#include "reportdialog.h"
#include "screenshot.h"
#include "translations.h"
#include "zonesignaturestable.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {
const QByteArray OperateToken = "north-operate-0123456789abcdef";
const QByteArray ReadToken = "south-read-0123456789abcdef";
} // namespace

class TestDashboardFleet : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    DnsServerFixture m_northDns;
    DnsServerFixture m_southDns;
    DnsServerFixture m_northOldDns; // north's "direct" path: still the old address
    std::unique_ptr<AgentProcess> m_north;
    std::unique_ptr<AgentProcess> m_south;
    QString m_tokensPath;
    SystemClock m_clock;
    std::unique_ptr<Monitor> m_monitor; // this machine: no targets of its own
    std::unique_ptr<MainWindow> m_window;
    AgentPlace *m_northPlace = nullptr;
    AgentPlace *m_southPlace = nullptr;
    QNetworkAccessManager m_network;

    // The dashboard's config asks its agents often and gives up soon (the test's pace).
    static AgentWatchPolicy quickWatch()
    {
        AgentWatchPolicy watch;
        watch.statusIntervalMs = 500;
        watch.eventPollWaitS = 2;
        watch.requestTimeoutMs = 3000;
        watch.retryFirstMs = 200;
        watch.retryMaxMs = 800;
        return watch;
    }

    // With compared, the target also compares a resolver "direct" on that server.
    QString writeAgentConfig(const QString &name, const DnsServerFixture &dns,
                             const QString &target, const DnsServerFixture *compared = nullptr)
    {
        const QString path = m_dir.filePath(name + QStringLiteral(".json"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        const QByteArray direct = compared ? ",{\"name\":\"direct\",\"servers\":[\""
                        + compared->server().toLatin1() + "\"],\"timeout_ms\":300,\"attempts\":1}"
                                           : QByteArray();
        file.write("{\"resolvers\":[{\"name\":\"lab\",\"servers\":[\"" + dns.server().toLatin1()
                   + "\"],\"timeout_ms\":300,\"attempts\":1}" + direct
                   + "],\"targets\":["
                     "{\"name\":\""
                   + target.toLatin1() + "\",\"host\":\"" + target.toLatin1()
                   + ".lab.test\",\"resolver\":\"lab\",\"interval_s\":1"
                   + (compared ? ",\"compare\":[\"direct\"]" : "")
                   + "}]"
                   // The agent that compares also watches a zone's signatures (dnsmasq signs
                   // nothing: the check says why it knows no expiry).
                   + (compared ? ",\"dnssec_zones\":[{\"zone\":\"lab.test\",\"resolver\":"
                                 "\"lab\"}]"
                               : "")
                   + "}");
        return path;
    }

    AgentEndpoint endpointOf(const QString &name, const AgentProcess &agent,
                             const QByteArray &token) const
    {
        return AgentEndpoint{name, QUrl(agent.baseUrl()), QString::fromLatin1(token), QString()};
    }

    QString cell(const AgentPlace *place, const QString &target, int column) const
    {
        const TargetTableModel *model = m_window->targetModel();
        return model->index(model->rowOf(target, place), column).data().toString();
    }

    QVariant role(const AgentPlace *place, const QString &target, int role) const
    {
        const TargetTableModel *model = m_window->targetModel();
        return model->index(model->rowOf(target, place), 0).data(role);
    }

    QAction *action(const QString &text) const
    {
        for (QAction *found : m_window->findChildren<QAction *>()) {
            if (found->text() == text)
                return found;
        }
        return nullptr;
    }

    // The agent's own events, read from its API with the operate token.
    QJsonArray eventsOf(const AgentProcess &agent)
    {
        QNetworkRequest request(QUrl(agent.baseUrl() + QStringLiteral("/api/v1/events?after=0")));
        request.setRawHeader("Authorization", "Bearer " + OperateToken);
        QNetworkReply *reply = m_network.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(10000))
            return {};
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll())
                .object()
                .value(QStringLiteral("events"))
                .toArray();
    }

    static bool hasEvent(const QJsonArray &events, const QString &kind, const QString &actor)
    {
        return std::any_of(events.cbegin(), events.cend(), [&](const QJsonValue &event) {
            return event[QStringLiteral("kind")].toString() == kind
                    && event[QStringLiteral("actor")].toString() == actor;
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The settings (remembered agents, window state) go to the test's own folder; without an
        // organization QSettings refuses to write (AccessError), as the application sets one.
        QCoreApplication::setOrganizationName(QStringLiteral("DNS Watch tests"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        QVERIFY(installTranslations(*qApp, QStringLiteral("en")));
        m_network.setProxy(QNetworkProxy::NoProxy);
        QString error;
        QVERIFY2(m_northDns.startDnsmasq(
                         {QStringLiteral("--host-record=api.lab.test,127.0.0.1,60")}, &error),
                 qPrintable(error));
        QVERIFY2(m_northOldDns.startDnsmasq(
                         {QStringLiteral("--host-record=api.lab.test,127.0.0.2,60")}, &error),
                 qPrintable(error));
        // South's DNS is gone: its port refuses, its target cannot be resolved.
        QVERIFY2(m_southDns.startDnsmasq({}, &error), qPrintable(error));
        m_southDns.kill();
        m_tokensPath = m_dir.filePath(QStringLiteral("tokens"));
        QFile tokens(m_tokensPath);
        QVERIFY(tokens.open(QIODevice::WriteOnly));
        tokens.write("alice operate " + OperateToken + "\nviewer read " + ReadToken + "\n");
        tokens.close();
        QCOMPARE(::chmod(QFile::encodeName(m_tokensPath).constData(), 0600), 0);
        const QStringList extra{QStringLiteral("--tokens"), m_tokensPath};
        m_north = std::make_unique<AgentProcess>(QStringLiteral(DNSWATCH_BINARY),
                                                 writeAgentConfig(QStringLiteral("north"),
                                                                  m_northDns, QStringLiteral("api"),
                                                                  &m_northOldDns));
        QVERIFY2(m_north->start(extra, &error), qPrintable(error));
        m_south = std::make_unique<AgentProcess>(
                QStringLiteral(DNSWATCH_BINARY),
                writeAgentConfig(QStringLiteral("south"), m_southDns, QStringLiteral("db")));
        QVERIFY2(m_south->start(extra
                                        + QStringList{QStringLiteral("--db"),
                                                      m_dir.filePath(QStringLiteral("south.db"))},
                                &error),
                 qPrintable(error));

        AppConfig local; // a desk that only watches agents
        ResolverConfig lab;
        lab.name = QStringLiteral("lab");
        lab.servers = {*NameServer::parse(m_northDns.server())};
        local.resolvers = {lab};
        local.agentWatch = quickWatch();
        m_monitor = std::make_unique<Monitor>(local, EnvFallback(), MlflowCredentials(), &m_clock);
        m_window = std::make_unique<MainWindow>(m_monitor.get());
        m_window->resize(1440, 900);
        m_window->show();
        m_northPlace = m_window->connectAgent(
                endpointOf(QStringLiteral("north"), *m_north, OperateToken));
        m_southPlace = m_window->connectAgent(
                endpointOf(QStringLiteral("south"), *m_south, OperateToken));
    }

    void bothAgentsRowsJoinTheTable()
    {
        QTRY_COMPARE_WITH_TIMEOUT(
                cell(m_northPlace, QStringLiteral("api"), TargetTableModel::Status),
                QStringLiteral("healthy"), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(cell(m_southPlace, QStringLiteral("db"), TargetTableModel::Status),
                                  QStringLiteral("down"), 15000);
        QCOMPARE(m_window->targetModel()->rowCount(), 2);
        QCOMPARE(cell(m_northPlace, QStringLiteral("api"), TargetTableModel::Place),
                 QStringLiteral("north"));
        QCOMPARE(cell(m_northPlace, QStringLiteral("api"), TargetTableModel::Addresses),
                 QStringLiteral("127.0.0.1"));
        // The heartbeat strip of an agent's targets: their last probes, as the agent saw them.
        const auto marksOf = [this](TargetPlace *place, const QString &target) {
            const TargetTableModel *model = m_window->targetModel();
            return model->index(model->rowOf(target, place), TargetTableModel::Recent)
                    .data(TargetTableModel::RecentProbesRole)
                    .value<QList<ProbeMark>>();
        };
        const QList<ProbeMark> api = marksOf(m_northPlace, QStringLiteral("api"));
        QVERIFY(!api.isEmpty());
        QVERIFY(api.constLast().hasAddresses);
        QCOMPARE(api.constLast().check, ProbeMark::Check::Ok);
        QTRY_VERIFY_WITH_TIMEOUT(!marksOf(m_southPlace, QStringLiteral("db")).isEmpty(), 15000);
        QVERIFY(!marksOf(m_southPlace, QStringLiteral("db")).constLast().hasAddresses);
        QVERIFY(!m_window->targetView()->isColumnHidden(TargetTableModel::Place));
        // Connecting loses no events: what the agents held from before is not said as a loss.
        QTRY_VERIFY_WITH_TIMEOUT(m_northPlace->connection()->lastEventId() > 0, 15000);
        const EventLogModel *events = m_window->eventModel();
        for (int row = 0; row < events->rowCount(); ++row)
            QVERIFY2(events->eventAt(row).kind != QLatin1String("events_missed"),
                     qPrintable(events->eventAt(row).detail));
        // The banner counts both agents and says where the failing target is.
        QTRY_VERIFY_WITH_TIMEOUT(m_window->banner()->level() == ReadinessBanner::Level::NotReady,
                                 5000);
        QVERIFY2(m_window->banner()->text().contains(QStringLiteral("db at south")),
                 qPrintable(m_window->banner()->text()));
        QVERIFY(!m_window->banner()->text().contains(QStringLiteral("api")));
        // The place filter shows one agent's targets.
        auto *filter = m_window->findChild<QComboBox *>(QStringLiteral("placeFilter"));
        QVERIFY(filter && filter->isVisible());
        m_window->showPlace(QStringLiteral("south"));
        QCOMPARE(m_window->targetView()->model()->rowCount(), 1);
        m_window->showPlace(QString());
        QCOMPARE(m_window->targetView()->model()->rowCount(), 2);
    }

    void anAgentsTargetIsMutedLikeThisMachines()
    {
        // Its changes of state are notified too, so the Mute action is for it as well: south's
        // db alone, not a db elsewhere.
        QTRY_VERIFY_WITH_TIMEOUT(
                m_window->targetModel()->rowOf(QStringLiteral("db"), m_southPlace) >= 0, 15000);
        m_window->selectTarget(QStringLiteral("db"), m_southPlace);
        QAction *mute = action(QStringLiteral("Mu&te notifications"));
        QVERIFY(mute && mute->isEnabled());
        QVERIFY(!mute->isChecked());
        mute->trigger();
        const NotifiedTarget southDb{QStringLiteral("db"), QStringLiteral("south")};
        QVERIFY(m_window->notifier()->isMuted(southDb));
        QVERIFY(!m_window->notifier()->isMuted(QStringLiteral("db")));
        QVERIFY(!m_window->notifier()->isMuted(
                NotifiedTarget{QStringLiteral("db"), QStringLiteral("north")}));
        mute->trigger();
        QVERIFY(!m_window->notifier()->isMuted(southDb));
    }

    void chartsOfAnAgentsTargetComeFromItsHistory()
    {
        QTRY_VERIFY_WITH_TIMEOUT(
                m_window->targetModel()->rowOf(QStringLiteral("api"), m_northPlace) >= 0, 15000);
        m_window->selectTarget(QStringLiteral("api"), m_northPlace);
        TargetCharts *charts = m_window->charts();
        QCOMPARE(charts->target(), QStringLiteral("api"));
        QTRY_VERIFY_WITH_TIMEOUT(charts->plottedBuckets() >= 2, 15000);
        // Live: the agent is asked again as its news comes, and new buckets are drawn.
        const int drawn = charts->plottedBuckets();
        QTRY_VERIFY_WITH_TIMEOUT(charts->plottedBuckets() > drawn, 20000);
        QVERIFY2(charts->successView()->chart()->title().contains(QStringLiteral("api at north")),
                 qPrintable(charts->successView()->chart()->title()));
        QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("dashboard-fleet")));
    }

    void pathsOfAnAgentsTargetShowAsThisMachines()
    {
        QTRY_VERIFY_WITH_TIMEOUT(
                m_window->targetModel()->rowOf(QStringLiteral("api"), m_northPlace) >= 0, 15000);
        m_window->selectTarget(QStringLiteral("api"), m_northPlace);
        PathsPane *pane = m_window->pathsPane();
        QTRY_COMPARE_WITH_TIMEOUT(pane->table()->rowCount(), 2, 15000);
        const auto shown = [pane](int row, int column) {
            return pane->table()->item(row, column)->text();
        };
        QCOMPARE(shown(0, 0), QStringLiteral("lab"));
        QCOMPARE(shown(0, 1), QStringLiteral("127.0.0.1"));
        QCOMPARE(shown(1, 0), QStringLiteral("direct"));
        QCOMPARE(shown(1, 1), QStringLiteral("127.0.0.2"));
        QCOMPARE(shown(1, 5), QStringLiteral("differs"));
        QVERIFY(shown(1, 2).endsWith(QLatin1String(" s"))); // the TTL left, as the agent said
        QVERIFY2(pane->verdict()->text().contains(
                         QLatin1String("api at north: the compared resolvers answer differently "
                                       "(direct)")),
                 qPrintable(pane->verdict()->text()));
        // South's target compares nothing: said so, no rows.
        QTRY_VERIFY_WITH_TIMEOUT(
                m_window->targetModel()->rowOf(QStringLiteral("db"), m_southPlace) >= 0, 15000);
        m_window->selectTarget(QStringLiteral("db"), m_southPlace);
        QCOMPARE(pane->table()->rowCount(), 0);
        QVERIFY2(pane->verdict()->text().contains(QLatin1String("db at south")),
                 qPrintable(pane->verdict()->text()));
    }

    void zonesOfAnAgentShowBelowThePaths()
    {
        // This machine watches no zone; north does: its zone is the table's only row.
        ZoneSignaturesTable *zones = m_window->pathsPane()->zones();
        QTRY_COMPARE_WITH_TIMEOUT(zones->rowCount(), 1, 15000);
        QVERIFY(!zones->isHidden());
        QCOMPARE(zones->item(0, ZoneSignaturesTable::ZoneColumn)->text(),
                 QStringLiteral("lab.test at north"));
        QCOMPARE(zones->item(0, ZoneSignaturesTable::ResolverColumn)->text(), QStringLiteral("lab"));
        // Once north has asked: no signature from dnsmasq, so unknown, with the agent's reason.
        QTRY_VERIFY_WITH_TIMEOUT(zones->item(0, ZoneSignaturesTable::DetailColumn)->text()
                                         != QStringLiteral("not checked yet"),
                                 15000);
        QCOMPARE(zones->item(0, ZoneSignaturesTable::LevelColumn)->text(),
                 QStringLiteral("unknown"));
        QVERIFY(!zones->item(0, ZoneSignaturesTable::DetailColumn)->text().isEmpty());
        // Seen with north's target, whose compared paths are above the zones.
        m_window->selectTarget(QStringLiteral("api"), m_northPlace);
        auto *tabs = m_window->findChild<QTabWidget *>();
        QVERIFY(tabs);
        tabs->setCurrentWidget(m_window->pathsPane());
        QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("dashboard-fleet-paths-zones")));
    }

    void anActionReachesTheAgentOfItsTarget()
    {
        QTRY_COMPARE_WITH_TIMEOUT(
                cell(m_northPlace, QStringLiteral("api"), TargetTableModel::Status),
                QStringLiteral("healthy"), 15000);
        m_window->selectTarget(QStringLiteral("api"), m_northPlace);
        QAction *pause = action(QStringLiteral("Pau&se"));
        QVERIFY(pause);
        QTRY_VERIFY(pause->isEnabled());
        pause->trigger();
        // North says it was done; the row follows through the event and the status.
        QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().contains(
                                         QStringLiteral("north: api paused")),
                                 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
                cell(m_northPlace, QStringLiteral("api"), TargetTableModel::Status),
                QStringLiteral("paused"), 5000);
        QVERIFY(hasEvent(eventsOf(*m_north), QStringLiteral("paused"), QStringLiteral("alice")));
        QVERIFY(!hasEvent(eventsOf(*m_south), QStringLiteral("paused"), QStringLiteral("alice")));
        // The events pane shows the agent's event with its place.
        const EventLogModel *events = m_window->eventModel();
        QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    for (int row = 0; row < events->rowCount(); ++row) {
                        const StoredEvent &event = events->eventAt(row);
                        if (event.kind == QLatin1String("paused")
                            && event.place == QLatin1String("north")
                            && event.actor == QLatin1String("alice"))
                            return true;
                    }
                    return false;
                }(),
                5000);
        QAction *resume = action(QStringLiteral("Resu&me"));
        QTRY_VERIFY(resume->isEnabled());
        resume->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(cell(m_northPlace, QStringLiteral("api"), TargetTableModel::Status)
                                         != QStringLiteral("paused"),
                                 5000);
    }

    void aRefusedActionSaysTheAgentsReason()
    {
        QTRY_VERIFY_WITH_TIMEOUT(
                !role(m_southPlace, QStringLiteral("db"), TargetTableModel::TargetNameRole)
                         .toString()
                         .isEmpty(),
                5000);
        PlaceAction probe{PlaceAction::Kind::ProbeNow, QStringLiteral("db"), {}};
        std::optional<ActionOutcome> outcome;
        // South again, with a read token.
        AgentPlace *readOnly = m_window->connectAgent(
                endpointOf(QStringLiteral("south-ro"), *m_south, ReadToken));
        QTRY_VERIFY_WITH_TIMEOUT(!readOnly->actionRefusal().isEmpty(), 10000);
        // The agent refuses it too, when asked anyway (403, said in words).
        readOnly->act(probe, this, [&](const ActionOutcome &got) { outcome = got; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QVERIFY(!outcome->done);
        QVERIFY2(outcome->text.contains(QStringLiteral("403")), qPrintable(outcome->text));
        // In the window, its rows' actions are disabled, with the reason.
        QTRY_VERIFY(m_window->targetModel()->rowOf(QStringLiteral("db"), readOnly) >= 0);
        m_window->selectTarget(QStringLiteral("db"), readOnly);
        QAction *probeNow = action(QStringLiteral("Probe &now"));
        QVERIFY(probeNow);
        QTRY_VERIFY(!probeNow->isEnabled());
        QVERIFY2(probeNow->toolTip().contains(QStringLiteral("may only read")),
                 qPrintable(probeNow->toolTip()));
        // The same agent with the operate token: enabled.
        m_window->selectTarget(QStringLiteral("db"), m_southPlace);
        QTRY_VERIFY(probeNow->isEnabled());
        QVERIFY(!probeNow->toolTip().contains(QStringLiteral("may only read")));
        delete readOnly; // its rows go with it
        QCOMPARE(m_window->targetModel()->rowCount(), 2);
    }

    void aKilledAgentIsUnseenThenResumes()
    {
        QTRY_COMPARE_WITH_TIMEOUT(
                cell(m_northPlace, QStringLiteral("api"), TargetTableModel::Status),
                QStringLiteral("healthy"), 15000);
        const qint64 lastBefore = m_northPlace->connection()->lastEventId();
        // The banner says that north does not answer: no notification for each of its targets.
        QSignalSpy notes(m_window->notifier(), &StateNotifier::notify);
        m_north->kill();
        QTRY_VERIFY_WITH_TIMEOUT(
                role(m_northPlace, QStringLiteral("api"), TargetTableModel::UnseenRole).toBool(),
                10000);
        // Its last known state, greyed (the rows said again so the view repaints them), never
        // "down"; the place says since when.
        QCOMPARE(cell(m_northPlace, QStringLiteral("api"), TargetTableModel::Status),
                 QStringLiteral("healthy"));
        const TargetTableModel *model = m_window->targetModel();
        const QModelIndex place = model->index(model->rowOf(QStringLiteral("api"), m_northPlace),
                                               TargetTableModel::Place);
        QVERIFY(place.data(Qt::ToolTipRole)
                        .toString()
                        .startsWith(QStringLiteral("north has not answered since")));
        QVERIFY(!place.data(Qt::DecorationRole).isNull()); // a warning sign
        QTRY_VERIFY_WITH_TIMEOUT(
                m_window->banner()->text().contains(QStringLiteral("north not answering since")),
                5000);
        QVERIFY(!m_window->banner()->text().contains(QStringLiteral("api at north")));
        QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("dashboard-fleet-unreachable")));
        const QPalette light = QApplication::palette();
        QApplication::setPalette(darkPalette());
        QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("dashboard-fleet-unreachable-dark")));
        QApplication::setPalette(light);

        QString error;
        QVERIFY2(m_north->start({QStringLiteral("--tokens"), m_tokensPath}, &error),
                 qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(
                !role(m_northPlace, QStringLiteral("api"), TargetTableModel::UnseenRole).toBool(),
                15000);
        QCOMPARE(cell(m_northPlace, QStringLiteral("api"), TargetTableModel::Place),
                 QStringLiteral("north"));
        // It resumed after the last event it saw: the restarted agent holds none of those, and
        // the events pane says some were lost.
        QTRY_VERIFY_WITH_TIMEOUT(m_northPlace->connection()->lastEventId() > lastBefore, 15000);
        const EventLogModel *events = m_window->eventModel();
        bool gapSaid = false;
        for (int row = 0; row < events->rowCount(); ++row) {
            gapSaid = gapSaid
                    || (events->eventAt(row).kind == QLatin1String("events_missed")
                        && events->eventAt(row).place == QLatin1String("north"));
        }
        QVERIFY(gapSaid);
        for (const QList<QVariant> &note : std::as_const(notes))
            QVERIFY2(!note.constFirst().toString().contains(QStringLiteral("at north")),
                     qPrintable(note.constFirst().toString()));
    }

    void theCacheInspectorShowsAndClearsAnAgentsCache()
    {
        QTRY_COMPARE_WITH_TIMEOUT(
                cell(m_northPlace, QStringLiteral("api"), TargetTableModel::Addresses),
                QStringLiteral("127.0.0.1"), 15000);
        CachePane *pane = m_window->cachePane();
        const CacheTableModel *cache = m_window->cacheModel();
        QCOMPARE(cache->rowCount(), 0); // this machine probes nothing
        pane->showCacheOf(QStringLiteral("north"));
        QTRY_COMPARE_WITH_TIMEOUT(cache->rowCount(), 1, 10000);
        const auto shown = [cache](int column) { return cache->index(0, column).data().toString(); };
        QCOMPARE(shown(CacheTableModel::Host), QStringLiteral("api.lab.test"));
        QTRY_COMPARE_WITH_TIMEOUT(shown(CacheTableModel::Addresses), QStringLiteral("127.0.0.1"),
                                  10000);
        QVERIFY(!shown(CacheTableModel::TtlLeft).isEmpty());
        // Cleared at north, by north, with the token's name in its events.
        pane->view()->selectRow(0);
        pane->clearSelectedHosts();
        // api's entries through both of north's paths (lab and direct): the host is cleared.
        QTRY_VERIFY_WITH_TIMEOUT(
                pane->notice().startsWith(QStringLiteral("north: 2 cache entries")), 10000);
        QVERIFY(hasEvent(eventsOf(*m_north), QStringLiteral("cache_cleared"),
                         QStringLiteral("alice")));
        pane->showCacheOf(QString());
        QTRY_COMPARE(cache->rowCount(), 0);
    }

    void aReportComesFromTheAgent()
    {
        QTRY_COMPARE_WITH_TIMEOUT(cell(m_southPlace, QStringLiteral("db"), TargetTableModel::Status),
                                  QStringLiteral("down"), 15000);
        m_window->openReportDialog();
        ReportDialog *dialog = m_window->reportDialog();
        QVERIFY(dialog);
        dialog->setOpenWhenDone(false);
        dialog->setFormat(ReportFormat::Json);
        // South keeps a history (--db): its report, whole, in the file.
        const QString path = m_dir.filePath(QStringLiteral("south-report.json"));
        dialog->chooseSource(QStringLiteral("south"));
        dialog->setPath(path);
        dialog->startExport();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isWriting(), 30000);
        QVERIFY2(dialog->status().startsWith(QStringLiteral("Written")),
                 qPrintable(dialog->status()));
        QFile report(path);
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(report.readAll()).object();
        QVERIFY2(QJsonDocument(json).toJson().contains("\"db\""), "south's target is in it");
        // North keeps none: its refusal, in words, and no file.
        const QString northPath = m_dir.filePath(QStringLiteral("north-report.json"));
        dialog->chooseSource(QStringLiteral("north"));
        dialog->setPath(northPath);
        dialog->startExport();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isWriting(), 30000);
        QVERIFY2(dialog->status().contains(QStringLiteral("409")), qPrintable(dialog->status()));
        QVERIFY(!QFile::exists(northPath));
        dialog->close();
    }

    void connectToAgentFromTheFileMenu()
    {
        m_window->agentLinks()->askToConnect();
        ConnectAgentDialog *dialog = m_window->agentLinks()->dialog();
        QVERIFY(dialog && dialog->isVisible());
        dialog->setEndpoint(endpointOf(QStringLiteral("east"), *m_south, OperateToken));
        QVERIFY2(dialog->isInputValid(), qPrintable(dialog->problem()));
        QVERIFY(dialog->remember());
        QSignalSpy said(m_window->statusBar(), &QStatusBar::messageChanged);
        dialog->accept();
        const auto east = [this](const MainWindow *window) -> TargetPlace * {
            for (TargetPlace *place : window->places()) {
                if (place->name() == QLatin1String("east"))
                    return place;
            }
            return nullptr;
        };
        QVERIFY(east(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(
                m_window->targetModel()->rowOf(QStringLiteral("db"), east(m_window.get())) >= 0,
                10000);
        // Where the token went is said (this machine has no secret store: the session only).
        const auto sayingWhereTheTokenWent = [&said] {
            return std::any_of(said.cbegin(), said.cend(), [](const QList<QVariant> &message) {
                return message.at(0).toString().startsWith(QStringLiteral("east: Token kept"));
            });
        };
        QTRY_VERIFY2_WITH_TIMEOUT(sayingWhereTheTokenWent(), qPrintable([&said] {
                                      QStringList texts;
                                      for (const QList<QVariant> &message : said)
                                          texts.append(message.at(0).toString());
                                      return texts.join(QLatin1String(" | "));
                                  }()),
                                  10000);
        // Remembered without its token: another window connects it again at start.
        QFile settings(QSettings().fileName());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray saved = settings.readAll();
        QVERIFY(saved.contains("east") && !saved.contains(OperateToken));
        MainWindow again(m_monitor.get());
        again.agentLinks()->restore();
        QTRY_VERIFY_WITH_TIMEOUT(east(&again), 10000);
        QSettings().remove(QStringLiteral("agents"));
        delete east(m_window.get());
    }

    void germanScreenshot()
    {
        QVERIFY(installTranslations(*qApp, QStringLiteral("de")));
        MainWindow german(m_monitor.get());
        german.resize(1440, 900);
        german.show();
        german.connectAgent(endpointOf(QStringLiteral("north"), *m_north, OperateToken));
        AgentPlace *south = german.connectAgent(
                endpointOf(QStringLiteral("south"), *m_south, OperateToken));
        const TargetTableModel *model = german.targetModel();
        QTRY_COMPARE_WITH_TIMEOUT(
                model->index(model->rowOf(QStringLiteral("db"), south), TargetTableModel::Place)
                        .data()
                        .toString(),
                QStringLiteral("south"), 10000);
        QCOMPARE(model->headerData(TargetTableModel::Place, Qt::Horizontal).toString(),
                 QStringLiteral("Agent"));
        QTRY_VERIFY_WITH_TIMEOUT(german.banner()->text().contains(QStringLiteral("db bei south")),
                                 10000);
        QVERIFY(saveScreenshot(&german, QStringLiteral("dashboard-fleet-de")));
        // The agents' events (the earlier tests' pauses, probes and changes), in German.
        const EventLogModel *events = german.eventModel();
        QTRY_VERIFY_WITH_TIMEOUT(events->rowCount() > 0, 10000);
        auto *tabs = german.findChild<QTabWidget *>();
        QVERIFY(tabs);
        for (int i = 0; i < tabs->count(); ++i) {
            if (qobject_cast<EventsPane *>(tabs->widget(i))
                || tabs->widget(i)->findChild<EventsPane *>())
                tabs->setCurrentIndex(i);
        }
        const QPalette light = qApp->palette();
        QVERIFY(saveScreenshot(&german, QStringLiteral("dashboard-fleet-de-events")));
        qApp->setPalette(darkPalette());
        QVERIFY(saveScreenshot(&german, QStringLiteral("dashboard-fleet-de-events-dark")));
        qApp->setPalette(light);
        QVERIFY(installTranslations(*qApp, QStringLiteral("en")));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        if (m_north)
            m_north->stop();
        if (m_south)
            m_south->stop();
    }
};

QTEST_MAIN(TestDashboardFleet)
#include "tst_dashboard_fleet.moc"
