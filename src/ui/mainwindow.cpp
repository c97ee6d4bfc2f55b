#include "mainwindow.h"

#include "appicon.h"
#include "cachepane.h"
#include "eventspane.h"
#include "filteredtable.h"
#include "pindialog.h"
#include "reportdialog.h"
#include "settings/settingsdialog.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

MainWindow::MainWindow(Monitor *monitor, QWidget *parent)
    : QMainWindow(parent)
    , m_monitor(monitor)
    , m_targets(new TargetTableModel(monitor, this))
    , m_events(new EventLogModel(EventLogModel::DefaultLimit, this))
    , m_cache(new CacheTableModel(monitor->resolver(), this))
    , m_recent(new ProbeHistoryBuffer(this))
    , m_targetFilter(new QSortFilterProxyModel(this))
{
    setWindowTitle(tr("DNS Watch"));
    setWindowIcon(applicationIcon());
    buildActions();
    buildMenus();

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(buildTargetsPane());
    connect(monitor, &Monitor::resultRecorded, m_recent, &ProbeHistoryBuffer::add);
    m_charts = new TargetCharts(monitor, m_recent, new CacheCensusBuffer(monitor, this), m_events,
                                this);
    auto *lower = new QTabWidget(this);
    lower->addTab(m_charts, tr("C&harts"));
    m_eventsPane = new EventsPane(m_events, this);
    lower->addTab(m_eventsPane, tr("&Events"));
    lower->addTab(new CachePane(m_cache, monitor->resolver(), this), tr("&Cache"));
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2); // the charts need height to be read
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_banner = new ReadinessBanner(monitor->statistics(), statusBar(), this);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    connect(monitor->resolver(), &Resolver::eventOccurred, this, [this](const ResolverEvent &event) {
        m_events->add(StoredEvent::fromResolverEvent(event));
    });
    connect(monitor, &Monitor::stateChanged, this,
            [this](const QString &target, TargetState from, TargetState to, const QString &detail) {
                m_events->add(StoredEvent::fromStateChange(m_monitor->clock()->wallTime(), target,
                                                           from, to, detail));
            });
    // The targets can change (settings): the events pane offers the ones there are.
    const auto offerEventTargets = [this] { m_eventsPane->setTargets(m_monitor->config().targets); };
    connect(m_targets, &QAbstractItemModel::modelReset, this, offerEventTargets);
    connect(m_targets, &QAbstractItemModel::rowsInserted, this, offerEventTargets);
    connect(m_targets, &QAbstractItemModel::rowsRemoved, this, offerEventTargets);
    offerEventTargets();
    m_notifications = new TrayNotifications(monitor, this);
    connect(m_banner, &ReadinessBanner::readinessUpdated, m_notifications,
            &TrayNotifications::showReadiness);
    // On the banner's tick too: a pin can expire without a word.
    connect(m_banner, &ReadinessBanner::readinessUpdated, this, &MainWindow::updateActions);
    connect(m_banner, &ReadinessBanner::readinessChanged, this, &MainWindow::readinessChanged);
    m_banner->updateReadiness(); // now that the tray and the actions listen
    resize(1200, 720);
    if (!monitor->config().targets.isEmpty())
        m_charts->showTarget(monitor->config().targets.constFirst().name);
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_targetView->horizontalHeader()->restoreState(
            settings.value(QStringLiteral("window/targetColumns")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/targetColumns"),
                      m_targetView->horizontalHeader()->saveState());
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
    m_pause = action(tr("Pa&use"), QStyle::SP_MediaPause, QKeySequence(Qt::CTRL | Qt::Key_U),
                     tr("Stop probing the selected targets"));
    m_resume = action(tr("Resu&me"), QStyle::SP_MediaSeekForward,
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
                      tr("Probe the selected targets again"));
    connect(m_reResolve, &QAction::triggered, this, [this] { forceReResolve(selectedTargets()); });
    connect(m_reResolveAll, &QAction::triggered, this, [this] {
        QStringList all;
        for (const TargetConfig &target : m_monitor->config().targets)
            all.append(target.name);
        forceReResolve(all);
    });
    connect(m_pin, &QAction::triggered, this, &MainWindow::askForPin);
    connect(m_unpin, &QAction::triggered, this, [this] { unpin(selectedTargets()); });
    connect(m_probeNow, &QAction::triggered, this, [this] { probeNow(selectedTargets()); });
    connect(m_pause, &QAction::triggered, this, [this] { setPaused(selectedTargets(), true); });
    connect(m_resume, &QAction::triggered, this, [this] { setPaused(selectedTargets(), false); });
    m_mute = new QAction(tr("&Mute notifications"), this);
    m_mute->setCheckable(true);
    m_mute->setStatusTip(tr("No desktop notifications for the selected targets"));
    connect(m_mute, &QAction::triggered, this, [this](bool muted) {
        for (const QString &name : selectedTargets())
            m_notifications->notifier()->setMuted(name, muted);
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
    auto *pane = new FilteredTable(tr("Targets"), tr("Search targets, hosts, addresses..."), this);
    pane->setModel(m_targets, m_targetFilter);
    m_targetView = pane->view();
    m_targetFilter->setSortRole(TargetTableModel::SortRole);
    m_targetView->setSortingEnabled(true);
    m_targetView->sortByColumn(TargetTableModel::Name, Qt::AscendingOrder);
    m_targetView->setAlternatingRowColors(true);
    QHeaderView *header = m_targetView->horizontalHeader();
    // Widths set once from the longest value each short column takes (ResizeToContents would
    // measure every row at every update: a stall with hundreds of targets); all can be widened
    // by hand.
    const QFontMetrics metrics(m_targetView->font());
    const auto fit = [&](int column, const QString &longest, int extra = 24) {
        const int title = metrics.horizontalAdvance(
                m_targets->headerData(column, Qt::Horizontal).toString());
        header->resizeSection(column, std::max(title, metrics.horizontalAdvance(longest)) + extra);
    };
    // The model's own words, as the table will show them (in the language in use).
    const auto shown = [](const char *text) {
        return QCoreApplication::translate("TargetTableModel", text);
    };
    fit(TargetTableModel::Status, shown("degraded"), 44); // the icon too
    fit(TargetTableModel::Source, QStringLiteral("pinned"));
    fit(TargetTableModel::TtlLeft, shown("%1 min %2 s").arg(59).arg(59));
    fit(TargetTableModel::SuccessFiveMinutes, QStringLiteral("100.0 %"));
    fit(TargetTableModel::LatencyP95, shown("%1 ms").arg(9999.9, 0, 'f', 1));
    fit(TargetTableModel::TimeInFallback, shown("%1 h %2 min").arg(99).arg(59));
    header->resizeSection(TargetTableModel::Name, 110);
    header->resizeSection(TargetTableModel::Host, 210);
    header->resizeSection(TargetTableModel::Addresses, 150);
    m_targetView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_targetView->addActions({m_reResolve, m_probeNow, m_pin, m_unpin, m_pause, m_resume, m_mute});
    connect(m_targetView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_targetView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QStringList selected = selectedTargets();
        if (!selected.isEmpty())
            m_charts->showTarget(selected.constFirst());
    });
    connect(m_targetView, &QTableView::doubleClicked, this, [this] { askForPin(); });
    return pane;
}

QStringList MainWindow::selectedTargets() const
{
    QStringList names;
    for (const QModelIndex &index : m_targetView->selectionModel()->selectedRows())
        names.append(index.data(TargetTableModel::TargetNameRole).toString());
    return names;
}

void MainWindow::selectTarget(const QString &target)
{
    const int row = m_targets->rowOf(target);
    if (row < 0)
        return;
    const QModelIndex index = m_targetFilter->mapFromSource(m_targets->index(row, 0));
    m_targetView->selectionModel()->select(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_targetView->scrollTo(index);
}

const TargetConfig *MainWindow::targetConfig(const QString &name) const
{
    for (const TargetConfig &target : m_monitor->config().targets) {
        if (target.name == name)
            return &target;
    }
    return nullptr;
}

void MainWindow::forceReResolve(const QStringList &targets)
{
    for (const QString &name : targets) {
        const TargetConfig *target = targetConfig(name);
        if (!target)
            continue;
        // Past the fresh cache; the probe that follows shows the answer in the table.
        m_monitor->resolver()->forceResolve({target->host, target->resolver, target->record}, this,
                                            [this, name](const LookupResult &) {
                                                m_monitor->engine()->scheduler()->probeNow(name);
                                            });
    }
    statusBar()->showMessage(tr("Re-resolving %n target(s)...", nullptr, int(targets.size())), 5000);
}

void MainWindow::pin(const QString &target, const PinnedFallback &pin)
{
    const TargetConfig *config = targetConfig(target);
    if (!config)
        return;
    m_monitor->resolver()->pinAddresses(config->host, pin);
    statusBar()->showMessage(
            tr("Pinned %1 for %2")
                    .arg(addressStrings(pin.addresses).join(QStringLiteral(", ")), config->host),
            5000);
}

void MainWindow::unpin(const QStringList &targets)
{
    for (const QString &name : targets) {
        if (const TargetConfig *config = targetConfig(name))
            m_monitor->resolver()->unpinAddresses(config->host, tr("unpinned in the dashboard"));
    }
}

void MainWindow::probeNow(const QStringList &targets)
{
    for (const QString &name : targets)
        m_monitor->engine()->scheduler()->probeNow(name);
}

void MainWindow::setPaused(const QStringList &targets, bool paused)
{
    for (const QString &name : targets) {
        if (paused)
            m_monitor->pause(name);
        else
            m_monitor->resume(name);
    }
    updateActions();
}

void MainWindow::askForPin()
{
    const QStringList targets = selectedTargets();
    if (targets.size() != 1)
        return;
    const TargetConfig *config = targetConfig(targets.constFirst());
    if (!config)
        return;
    // open(), not exec(): the dashboard goes on while the dialog is up.
    auto *dialog = new PinDialog(config->host, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const std::optional<PinnedFallback> current = m_monitor->resolver()->pin(config->host)) {
        dialog->setAddressesText(addressStrings(current->addresses).join(QStringLiteral(", ")));
        dialog->setReason(current->reason);
        dialog->setExpiry(current->expiresAt);
    }
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, target = targets.constFirst()] { pin(target, dialog->pin()); });
    dialog->open();
}

void MainWindow::updateActions()
{
    const QStringList selected = selectedTargets();
    const bool any = !selected.isEmpty();
    m_reResolve->setEnabled(any);
    m_probeNow->setEnabled(any);
    m_pin->setEnabled(selected.size() == 1);
    bool anyPinned = false, anyPaused = false, anyRunning = false;
    for (const QString &name : selected) {
        const TargetConfig *config = targetConfig(name);
        if (config && m_monitor->resolver()->pin(config->host))
            anyPinned = true;
        (m_monitor->engine()->scheduler()->isPaused(name) ? anyPaused : anyRunning) = true;
    }
    m_unpin->setEnabled(anyPinned);
    m_mute->setEnabled(any);
    m_mute->setChecked(any
                       && std::all_of(selected.cbegin(), selected.cend(), [this](const QString &n) {
                              return m_notifications->notifier()->isMuted(n);
                          }));
    m_pause->setEnabled(anyRunning);
    m_resume->setEnabled(anyPaused);
}

void MainWindow::setHistory(HistoryStore *history)
{
    m_history = history;
    m_charts->setHistory(history);
    m_exportReport->setEnabled(history != nullptr);
    m_exportReport->setToolTip(history ? tr("HTML, PDF, CSV or JSON, for a range and targets")
                                       : tr("Reports are made from the history: start with "
                                            "--db FILE"));
}

void MainWindow::openReportDialog()
{
    if (!m_history)
        return;
    if (m_reportDialog) {
        m_reportDialog->showAgain();
        return;
    }
    m_reportDialog = new ReportDialog(m_monitor, m_history, this);
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
