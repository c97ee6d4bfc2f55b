#include "mainwindow.h"

#include "agentlinks.h"
#include "agentplace.h"
#include "answerchangemodel.h"
#include "answerchangespane.h"
#include "appicon.h"
#include "cachepane.h"
#include "emptytargetsview.h"
#include "eventspane.h"
#include "filteredtable.h"
#include "glance/glancestrip.h"
#include "heartbeatdelegate.h"
#include "localplace.h"
#include "pathspane.h"
#include "pindialog.h"
#include "placestatewatch.h"
#include "reportdialog.h"
#include "settings/settingsdialog.h"
#include "store/historystore.h"
#include "targetcolumns.h"
#include "targetfiltermodel.h"
#include "wall/wallview.h"
#include "zonesignaturestable.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

MainWindow::MainWindow(Monitor *monitor, QWidget *parent)
    : QMainWindow(parent)
    , m_monitor(monitor)
    , m_targets(new TargetTableModel(this))
    , m_local(new LocalPlace(monitor, tr("this machine"), this))
    , m_events(new EventLogModel(EventLogModel::DefaultLimit, this))
    , m_cache(new CacheTableModel(monitor->resolver(), this))
    , m_recent(new ProbeHistoryBuffer(this))
    , m_targetFilter(new TargetFilterModel(this))
{
    m_targets->addPlace(m_local);
    setWindowTitle(tr("DNS Watch"));
    setWindowIcon(applicationIcon());
    buildActions();
    buildMenus();

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("tableAndCharts"));
    m_split = splitter;
    auto *noTargets = new EmptyTargetsView(this); // in the table's place while it has no rows
    connect(noTargets, &EmptyTargetsView::settingsRequested, this, &MainWindow::openSettings);
    splitter->addWidget(noTargets->inPlaceOf(buildTargetsPane(), m_targets));
    m_viewMenu->addMenu(m_columns->menu());
    connect(monitor, &Monitor::resultRecorded, m_recent, &ProbeHistoryBuffer::add);
    m_charts = new TargetCharts(monitor, m_recent, new CacheCensusBuffer(monitor, this), m_events,
                                this);
    auto *lower = new QTabWidget(this);
    lower->addTab(m_charts, tr("C&harts"));
    m_eventsPane = new EventsPane(m_events, this);
    lower->addTab(m_eventsPane, tr("&Events"));
    m_cachePane = new CachePane(m_cache, monitor->resolver(), this);
    lower->addTab(m_cachePane, tr("&Cache"));
    m_pathsPane = new PathsPane(monitor, this);
    lower->addTab(m_pathsPane, tr("&Paths"));
    m_answerChanges = new AnswerChangeModel(AnswerChangeModel::DefaultLimit, this);
    m_answerChangesPane = new AnswerChangesPane(m_answerChanges, this);
    lower->addTab(m_answerChangesPane, tr("Ans&wer changes"));
    lower->setTabToolTip(0, tr("Success, latency and cache state over time"));
    lower->setTabToolTip(1, tr("What happened: fallbacks, recoveries, actions, state changes"));
    lower->setTabToolTip(2, tr("What the resolver's cache holds, and clearing it"));
    lower->setTabToolTip(3, tr("The selected target through each compared resolver, side by side"));
    lower->setTabToolTip(4,
                         tr("Each change of the chosen target's answer: when, through which "
                            "resolver, from what to what, and the TTL"));
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_banner = new ReadinessBanner(monitor->statistics(), statusBar(), this);
    layout->addWidget(m_banner);
    layout->addWidget(new GlanceStrip(m_targets, m_targetFilter, monitor->clock(), central));
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    watchPlace(m_local);
    // The targets can change (settings): the events pane offers the ones there are.
    const auto offerEventTargets = [this] { m_eventsPane->setTargets(m_monitor->config().targets); };
    connect(m_targets, &QAbstractItemModel::modelReset, this, offerEventTargets);
    connect(m_targets, &QAbstractItemModel::rowsInserted, this, offerEventTargets);
    connect(m_targets, &QAbstractItemModel::rowsRemoved, this, offerEventTargets);
    offerEventTargets();
    m_notifications = new TrayNotifications(monitor, this);
    m_placeWatch = new PlaceStateWatch(m_notifications->notifier(), this); // the agents' targets
    // What a notification says is also said to screen readers, through the banner.
    connect(m_notifications->notifier(), &StateNotifier::notify, m_banner,
            &ReadinessBanner::announceNotification);
    connect(m_banner, &ReadinessBanner::readinessUpdated, m_notifications,
            &TrayNotifications::showReadiness);
    // On the banner's tick too: a pin can expire without a word.
    connect(m_banner, &ReadinessBanner::readinessUpdated, this, &MainWindow::updateActions);
    connect(m_banner, &ReadinessBanner::readinessChanged, this, &MainWindow::readinessChanged);
    m_banner->updateReadiness(); // now that the tray and the actions listen
    m_charts->showTarget(QString()); // all targets until one is picked
    const QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(QSize(1280, 800).boundedTo(screen()->availableGeometry().size() * 0.9));
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitChosen = m_split->restoreState(
            settings.value(QStringLiteral("window/split")).toByteArray());
    fitToScreen();
    m_columns->restore();
    updatePlaceFilter();
    // A desk that watches agents alone shows the first of their targets, as it would its own.
    connect(m_targets, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_local->targets().isEmpty() || m_targetView->selectionModel()->hasSelection()
            || m_targetFilter->rowCount() == 0)
            return;
        const int first = m_targetFilter->mapToSource(m_targetFilter->index(0, 0)).row();
        selectTarget(m_targets->targetAt(first), m_targets->placeAt(first));
    });
}

MainWindow::~MainWindow()
{
    // The agents go with the window's other children: no word of it to the half-gone window.
    for (TargetPlace *place : m_targets->places())
        disconnect(place, nullptr, this, nullptr);
}

void MainWindow::watchPlace(TargetPlace *place)
{
    connect(place, &TargetPlace::eventOccurred, m_events, &EventLogModel::add);
    connect(place, &TargetPlace::eventOccurred, m_answerChanges, &AnswerChangeModel::add);
    connect(place, &TargetPlace::eventOccurred, this, [this](const StoredEvent &event) {
        if (event.kind == StoredEvent::answerChangedAlertKind())
            m_notifications->notifier()->answerChanged({event.target, event.place}, event);
    });
    connect(place, &TargetPlace::reachChanged, this, [this, place] {
        updateActions();
        updatePlaceFilter();
        if (place->unreachableSince().isValid())
            statusBar()->showMessage(
                    tr("Agent %1 does not answer: %2").arg(place->name(), place->problem()), 15000);
    });
}

AgentPlace *MainWindow::connectAgent(const AgentEndpoint &endpoint)
{
    const auto options = AgentConnection::Options::from(m_monitor->config().agentWatch);
    // A network access manager of its own: one shared would reuse a connection to the same
    // host and port made with another agent entry's CA file (Qt pools by host, not by TLS
    // configuration), so a corrected CA file would not be taken.
    auto *network = new QNetworkAccessManager();
    network->setProxy(QNetworkProxy::NoProxy); // an agent is reached directly, as documented
    auto *connection = new AgentConnection(endpoint, options, m_monitor->clock(), network);
    network->setParent(connection);
    auto *place = new AgentPlace(connection, this);
    watchPlace(place);
    m_targets->addPlace(place);
    m_banner->addPlace(place);
    m_placeWatch->addPlace(place);
    m_cachePane->addAgent(place);
    m_pathsPane->zones()->addAgent(place);
    updatePlaceFilter();
    updateReportAction();
    connect(place, &QObject::destroyed, this, [this] {
        updatePlaceFilter();
        updateReportAction();
    });
    return place;
}

void MainWindow::updatePlaceFilter()
{
    // With agents, a column and a choice say where each target is probed.
    const bool agents = m_targets->places().size() > 1;
    m_columns->setPlaceShown(agents);
    m_placeFilter->setVisible(agents);
    const QString chosen = m_placeFilter->currentData().toString();
    const QSignalBlocker quiet(m_placeFilter);
    m_placeFilter->clear();
    m_placeFilter->addItem(tr("All places"), QString());
    for (const TargetPlace *place : m_targets->places()) {
        const QString text = place->unreachableSince().isValid()
                ? tr("%1 (unreachable)").arg(place->name())
                : place->name();
        m_placeFilter->addItem(text, place->name());
    }
    m_placeFilter->setCurrentIndex(std::max(0, m_placeFilter->findData(chosen)));
}

void MainWindow::showPlace(const QString &place)
{
    m_placeFilter->setCurrentIndex(std::max(0, m_placeFilter->findData(place)));
}

void MainWindow::fitToScreen()
{
    // Never wider or taller than the screen it is on, whatever the number of targets, the length
    // of any text or the screen a saved geometry was made on.
    const QRect available = screen()->availableGeometry();
    const QSize frame = frameGeometry().size() - geometry().size();
    const QSize room = available.size() - frame;
    if (width() > room.width() || height() > room.height())
        resize(size().boundedTo(room));
    QRect placed = frameGeometry();
    placed.moveRight(std::min(placed.right(), available.right()));
    placed.moveBottom(std::min(placed.bottom(), available.bottom()));
    placed.moveLeft(std::max(placed.left(), available.left()));
    placed.moveTop(std::max(placed.top(), available.top()));
    if (placed.topLeft() != frameGeometry().topLeft())
        move(placed.topLeft());
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    fitToScreen(); // the frame is known once shown
    // Until the user moves them: the charts get two fifths of the height (they need it to be
    // read), and the table's text columns share the width there is.
    if (!m_splitChosen) {
        const int height = m_split->height();
        m_split->setSizes({height - height * 2 / 5, height * 2 / 5});
        m_splitChosen = true;
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/split"), m_split->saveState());
    m_columns->save();
    QMainWindow::closeEvent(event);
}

void MainWindow::buildActions()
{
    const auto action = [this](const QString &text, QStyle::StandardPixmap icon,
                               const QKeySequence &shortcut, const QString &tip) {
        auto *created = new QAction(style()->standardIcon(icon), text, this);
        created->setShortcut(shortcut);
        created->setToolTip(
                QStringLiteral("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
        created->setStatusTip(tip);
        m_actionTips.insert(created, created->toolTip());
        return created;
    };
    m_reResolve = action(tr("&Re-resolve"), QStyle::SP_BrowserReload, QKeySequence(Qt::Key_F5),
                         tr("Look the selected targets up again, past the fresh cache"));
    m_reResolveAll = action(tr("Re-resolve &all"), QStyle::SP_BrowserReload,
                            QKeySequence(Qt::SHIFT | Qt::Key_F5),
                            tr("Look every target up again, past the fresh cache"));
    m_pin = action(tr("&Pin fallback addresses..."), QStyle::SP_DialogSaveButton,
                   QKeySequence(Qt::CTRL | Qt::Key_P),
                   tr("Addresses to serve for the selected target when DNS cannot answer"));
    m_unpin = action(tr("&Unpin"), QStyle::SP_DialogDiscardButton,
                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                     tr("Remove the pinned fallback addresses of the selected targets"));
    m_probeNow = action(tr("Probe &now"), QStyle::SP_MediaPlay, QKeySequence(Qt::CTRL | Qt::Key_R),
                        tr("Probe the selected targets now"));
    m_pause = action(tr("Pau&se"), QStyle::SP_MediaPause, QKeySequence(Qt::CTRL | Qt::Key_U),
                     tr("Stop probing the selected targets"));
    m_resume = action(tr("Resu&me"), QStyle::SP_MediaSeekForward,
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
                      tr("Probe the selected targets again"));
    using Kind = PlaceAction::Kind;
    connect(m_reResolve, &QAction::triggered, this,
            [this] { act(Kind::ReResolve, selectedRefs()); });
    connect(m_reResolveAll, &QAction::triggered, this, [this] {
        QList<TargetRef> all;
        for (int row = 0; row < m_targets->rowCount(); ++row)
            all.append({m_targets->placeAt(row), m_targets->targetAt(row)});
        act(Kind::ReResolve, all);
    });
    connect(m_pin, &QAction::triggered, this, &MainWindow::askForPin);
    connect(m_unpin, &QAction::triggered, this, [this] { act(Kind::Unpin, selectedRefs()); });
    connect(m_probeNow, &QAction::triggered, this, [this] { act(Kind::ProbeNow, selectedRefs()); });
    connect(m_pause, &QAction::triggered, this, [this] { act(Kind::Pause, selectedRefs()); });
    connect(m_resume, &QAction::triggered, this, [this] { act(Kind::Resume, selectedRefs()); });
    m_mute = new QAction(tr("Mu&te notifications"), this);
    m_mute->setCheckable(true);
    m_mute->setStatusTip(tr("No desktop notifications for the selected targets"));
    connect(m_mute, &QAction::triggered, this, [this](bool muted) {
        for (const TargetRef &ref : selectedRefs())
            m_notifications->notifier()->setMuted(notifiedTarget(ref.place, ref.name), muted);
    });
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *settings = file->addAction(tr("&Settings..."), this, &MainWindow::openSettings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    // Preferences has no key on some desktops (GNOME, the offscreen platform): Ctrl+, then.
    settings->setShortcuts(QKeySequence::keyBindings(QKeySequence::Preferences).isEmpty()
                                   ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Comma)}
                                   : QKeySequence::keyBindings(QKeySequence::Preferences));
    settings->setStatusTip(tr("Edit the targets, resolvers, cache policy and probe timing"));
    m_agentLinks = new AgentLinks(this);
    QAction *connectAgent = file->addAction(tr("Connect to &agent..."), m_agentLinks,
                                            &AgentLinks::askToConnect);
    connectAgent->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connectAgent->setStatusTip(tr("Watch the targets of a DNS Watch agent elsewhere"));
    m_exportReport = file->addAction(tr("&Export health report..."), this,
                                     &MainWindow::openReportDialog);
    m_exportReport->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportReport->setEnabled(false); // until a history is given
    m_exportReport->setToolTip(tr("Reports are made from the history: start with --db FILE"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *targets = menuBar()->addMenu(tr("&Targets"));
    targets->addActions({m_reResolve, m_reResolveAll, m_probeNow});
    targets->addSeparator();
    targets->addActions({m_pin, m_unpin});
    targets->addSeparator();
    targets->addActions({m_pause, m_resume, m_mute});
    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_viewMenu = view; // the columns join it with the table
    QAction *wall = view->addAction(tr("&Wall display"), this, [this] { WallView::showOver(this); });
    wall->setObjectName(QStringLiteral("wallDisplayAction"));
    wall->setShortcut(QKeySequence(Qt::Key_F11));
    wall->setStatusTip(tr("Every target as a large tile, full screen, for a screen on the wall"));
    QToolBar *toolbar = addToolBar(tr("Actions"));
    toolbar->setObjectName(QStringLiteral("actions"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addActions({m_reResolve, m_reResolveAll, m_probeNow});
    toolbar->addSeparator();
    toolbar->addActions({m_pin, m_unpin});
    toolbar->addSeparator();
    toolbar->addActions({m_pause, m_resume});
}

QWidget *MainWindow::buildTargetsPane()
{
    auto *pane = new FilteredTable(
            tr("Targets"),
            tr("One row per target; the arrow keys move between rows, the Menu key opens the "
               "actions for the selected ones"),
            tr("Search targets, hosts, addresses..."), this);
    pane->setModel(m_targets, m_targetFilter);
    m_placeFilter = new QComboBox(pane);
    m_placeFilter->setObjectName(QStringLiteral("placeFilter"));
    m_placeFilter->setAccessibleName(tr("Show the targets of"));
    m_placeFilter->setToolTip(tr("Show the targets of one place: this machine or an agent"));
    connect(m_placeFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_targetFilter->setPlace(m_placeFilter->currentData().toString()); });
    pane->addToSearchRow(m_placeFilter);
    m_targetView = pane->view();
    m_targetFilter->setSortRole(TargetTableModel::SortRole);
    m_targetView->setSortingEnabled(true);
    m_targetView->sortByColumn(TargetTableModel::Name, Qt::AscendingOrder);
    m_targetView->setAlternatingRowColors(true);
    m_targetView->setItemDelegateForColumn(TargetTableModel::Recent,
                                           new HeartbeatDelegate(m_targetView));
    m_columns = new TargetColumns(m_targetView, m_targets, this);
    m_targetView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_targetView->addActions({m_reResolve, m_probeNow, m_pin, m_unpin, m_pause, m_resume, m_mute});
    connect(m_targetView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_targetView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QList<TargetRef> selected = selectedRefs();
        showPathsOf(selected);
        showAnswerChangesOf(selected);
        if (selected.isEmpty()) { // nothing picked: the whole of this machine
            if (!m_monitor->config().targets.isEmpty())
                m_charts->showTarget(QString());
            return;
        }
        const TargetRef &first = selected.constFirst();
        if (first.place == m_local)
            m_charts->showTarget(first.name);
        else if (auto *agent = qobject_cast<AgentPlace *>(first.place))
            m_charts->showAgentTarget(agent, first.name);
    });
    connect(m_targetView, &QTableView::doubleClicked, this, [this] { askForPin(); });
    return pane;
}

void MainWindow::showPathsOf(const QList<TargetRef> &selected)
{
    if (!m_pathsPane)
        return;
    if (selected.isEmpty())
        m_pathsPane->showTarget(QString());
    else if (selected.constFirst().place == m_local)
        m_pathsPane->showTarget(selected.constFirst().name);
    else
        m_pathsPane->showAgentTarget(selected.constFirst().place, selected.constFirst().name);
}

void MainWindow::showAnswerChangesOf(const QList<TargetRef> &selected)
{
    if (selected.isEmpty()) {
        m_answerChangesPane->showTarget(QString(), QString(), QString(), QString());
        return;
    }
    const TargetRef &first = selected.constFirst();
    const int row = m_targets->rowOf(first.name, first.place);
    if (row < 0)
        return;
    const TargetSnapshot &target = m_targets->snapshotAt(row);
    m_answerChangesPane->showTarget(first.name,
                                    first.place == m_local ? QString() : first.place->name(),
                                    target.host, target.resolver);
}

QList<MainWindow::TargetRef> MainWindow::selectedRefs() const
{
    QList<TargetRef> refs;
    for (const QModelIndex &index : m_targetView->selectionModel()->selectedRows()) {
        const int row = m_targetFilter->mapToSource(index).row();
        refs.append({m_targets->placeAt(row), m_targets->targetAt(row)});
    }
    return refs;
}

QList<MainWindow::TargetRef> MainWindow::refsOf(const QStringList &names) const
{
    QList<TargetRef> refs;
    for (const QString &name : names) {
        const int row = m_targets->rowOf(name);
        if (row >= 0)
            refs.append({m_targets->placeAt(row), name});
    }
    return refs;
}

QStringList MainWindow::selectedTargets() const
{
    QStringList names;
    for (const TargetRef &ref : selectedRefs())
        names.append(ref.name);
    return names;
}

void MainWindow::selectTarget(const QString &target, const TargetPlace *place)
{
    const int row = m_targets->rowOf(target, place);
    if (row < 0)
        return;
    const QModelIndex index = m_targetFilter->mapFromSource(m_targets->index(row, 0));
    m_targetView->selectionModel()->select(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_targetView->scrollTo(index);
}

void MainWindow::act(PlaceAction::Kind kind, const QList<TargetRef> &targets,
                     const PinnedFallback &pin)
{
    int started = 0;
    for (const TargetRef &ref : targets) {
        const QString refusal = ref.place->actionRefusal();
        if (!refusal.isEmpty()) {
            statusBar()->showMessage(refusal, 15000);
            continue;
        }
        ++started;
        ref.place->act({kind, ref.name, pin}, this,
                       [this, remote = !ref.place->isLocal()](const ActionOutcome &outcome) {
                           // This machine's actions show in the table; an agent's answer is said.
                           if (remote || !outcome.done)
                               statusBar()->showMessage(outcome.text, 15000);
                           updateActions();
                       });
    }
    if (kind == PlaceAction::Kind::ReResolve && started > 0)
        statusBar()->showMessage(tr("Re-resolving %n target(s)...", nullptr, started), 5000);
}

void MainWindow::forceReResolve(const QStringList &targets)
{
    act(PlaceAction::Kind::ReResolve, refsOf(targets));
}

void MainWindow::pin(const QString &target, const PinnedFallback &pin)
{
    for (const TargetRef &ref : refsOf({target}))
        pinAt(ref, pin);
}

void MainWindow::pinAt(const TargetRef &ref, const PinnedFallback &pin)
{
    act(PlaceAction::Kind::Pin, {ref}, pin);
    const std::optional<TargetSnapshot> target = ref.place->target(ref.name);
    if (ref.place == m_local && target)
        statusBar()->showMessage(
                tr("Pinned %1 for %2")
                        .arg(addressStrings(pin.addresses).join(QStringLiteral(", ")), target->host),
                5000);
}

void MainWindow::unpin(const QStringList &targets)
{
    PinnedFallback reason;
    reason.reason = tr("unpinned in the dashboard");
    act(PlaceAction::Kind::Unpin, refsOf(targets), reason);
}

void MainWindow::probeNow(const QStringList &targets)
{
    act(PlaceAction::Kind::ProbeNow, refsOf(targets));
}

void MainWindow::setPaused(const QStringList &targets, bool paused)
{
    act(paused ? PlaceAction::Kind::Pause : PlaceAction::Kind::Resume, refsOf(targets));
    updateActions();
}

void MainWindow::askForPin()
{
    const QList<TargetRef> targets = selectedRefs();
    if (targets.size() != 1 || !targets.constFirst().place->actionRefusal().isEmpty())
        return;
    const TargetRef ref = targets.constFirst();
    const std::optional<TargetSnapshot> target = ref.place->target(ref.name);
    if (!target)
        return;
    // open(), not exec(): the dashboard goes on while the dialog is up.
    auto *dialog = new PinDialog(target->host, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (ref.place == m_local) {
        if (const std::optional<PinnedFallback> current = m_monitor->resolver()->pin(target->host)) {
            dialog->setAddressesText(addressStrings(current->addresses).join(QStringLiteral(", ")));
            dialog->setReason(current->reason);
            dialog->setExpiry(current->expiresAt);
        }
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog, ref] { pinAt(ref, dialog->pin()); });
    dialog->open();
}

void MainWindow::updateActions()
{
    const QList<TargetRef> selected = selectedRefs();
    QList<TargetRef> operable;
    QString refusal;
    for (const TargetRef &ref : selected) {
        const QString why = ref.place->actionRefusal();
        (why.isEmpty() ? operable.append(ref) : void(refusal = why));
    }
    bool anyPinned = false, anyPaused = false, anyRunning = false;
    for (const TargetRef &ref : operable) {
        const std::optional<TargetSnapshot> target = ref.place->target(ref.name);
        if (!target)
            continue;
        anyPinned = anyPinned || ref.place->mayBePinned(ref.name);
        (target->state == TargetState::Paused ? anyPaused : anyRunning) = true;
    }
    const bool any = !operable.isEmpty();
    m_reResolve->setEnabled(any);
    m_probeNow->setEnabled(any);
    m_pin->setEnabled(operable.size() == 1 && selected.size() == 1);
    m_unpin->setEnabled(anyPinned);
    m_pause->setEnabled(anyRunning);
    m_resume->setEnabled(anyPaused);
    // Refused by a read-only token: the tooltip says so, rather than a silent grey button.
    const bool refused = !selected.isEmpty() && operable.isEmpty();
    for (QAction *action : {m_reResolve, m_probeNow, m_pin, m_unpin, m_pause, m_resume})
        action->setToolTip(refused ? refusal : m_actionTips.value(action));
    // Notifications follow every place's targets: mute is for any of them.
    m_mute->setEnabled(!selected.isEmpty());
    m_mute->setChecked(
            !selected.isEmpty()
            && std::all_of(selected.cbegin(), selected.cend(), [this](const TargetRef &ref) {
                   return m_notifications->notifier()->isMuted(notifiedTarget(ref.place, ref.name));
               }));
}

void MainWindow::setHistory(HistoryStore *history)
{
    m_history = history;
    m_charts->setHistory(history);
    updateReportAction();
    if (!history || m_answerChanges->reachesIntoHistory())
        return;
    // The newest answer changes the history kept fill the change history back from this run's
    // start (what came since is there already).
    const QDateTime started = m_monitor->clock()->wallTime();
    history->readEvents(
            QDateTime::fromMSecsSinceEpoch(0, Qt::UTC), started, AnswerChangeModel::DefaultLimit,
            this,
            [this, history, started](const auto &events, const QString &error) {
                if (history != m_history || m_answerChanges->reachesIntoHistory())
                    return; // another history since
                if (events)
                    m_answerChanges->addEarlier(*events, started);
                else
                    statusBar()->showMessage(tr("The answer changes in the history could not be "
                                                "read: %1")
                                                     .arg(error),
                                             15000);
            },
            eventKindName(ResolverEvent::Kind::AddressesChanged));
}

void MainWindow::updateReportAction()
{
    // This machine's reports need its history; an agent makes its own.
    const bool agents = m_targets->places().size() > 1;
    m_exportReport->setEnabled(m_history || agents);
    m_exportReport->setToolTip(m_history || agents
                                       ? tr("HTML, PDF, CSV or JSON, for a range and targets")
                                       : tr("Reports are made from the history: start with "
                                            "--db FILE"));
}

void MainWindow::openReportDialog()
{
    if (!m_exportReport->isEnabled())
        return;
    if (m_reportDialog) {
        m_reportDialog->showAgain();
        return;
    }
    QList<AgentPlace *> agents;
    for (TargetPlace *place : m_targets->places()) {
        if (auto *agent = qobject_cast<AgentPlace *>(place))
            agents.append(agent);
    }
    m_reportDialog = new ReportDialog(m_monitor, m_history, agents, this);
    m_reportDialog->setAttribute(Qt::WA_DeleteOnClose);
    // Said here too: the dialog may have been closed while the report was written.
    connect(m_reportDialog, &ReportDialog::reportFinished, this,
            [this](bool written, const QString &pathOrError) {
                statusBar()->showMessage(
                        written ? tr("Health report written: %1")
                                          .arg(QDir::toNativeSeparators(pathOrError))
                                : tr("Health report not written: %1").arg(pathOrError),
                        30'000);
            });
    m_reportDialog->open(); // not exec(): the dashboard goes on while a report is written
}

void MainWindow::openSettings()
{
    if (m_settings) {
        m_settings->raise();
        m_settings->activateWindow();
        return;
    }
    // open(), not exec(): the dashboard goes on while the settings are edited.
    m_settings = new SettingsDialog(m_monitor, m_configPath, this);
    m_settings->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_settings, &SettingsDialog::configApplied, this,
            [this](const QString &path, const QStringList &notApplied) {
                m_configPath = path; // a "Save as..." file is what runs now
                m_targets->reloadTargets();
                m_notifications->reloadTargets();
                updateActions();
                statusBar()->showMessage(
                        notApplied.isEmpty()
                                ? tr("Settings saved to %1 and applied").arg(path)
                                : tr("Settings saved to %1; takes a restart: %2")
                                          .arg(path, notApplied.join(QLatin1String("; "))),
                        15000);
            });
    m_settings->open();
}
