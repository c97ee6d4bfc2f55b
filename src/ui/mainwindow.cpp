#include "mainwindow.h"

#include "appicon.h"
#include "pindialog.h"
#include "reportdialog.h"
#include "settings/settingsdialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
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
    , m_cacheFilter(new QSortFilterProxyModel(this))
    , m_targetFilter(new QSortFilterProxyModel(this))
    , m_eventFilter(new EventFilterModel(this))
    , m_banner(new QLabel(this))
    , m_readyLabel(new QLabel(this))
    , m_notifier(new StateNotifier(monitor->clock(), 60'000, this))
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
    lower->addTab(buildEventsPane(), tr("&Events"));
    lower->addTab(buildCachePane(), tr("&Cache"));
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2); // the charts need height to be read
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setMargin(10);
    m_banner->setAutoFillBackground(true);
    m_banner->setAccessibleName(tr("Overall readiness"));
    QFont bannerFont = m_banner->font();
    bannerFont.setPointSizeF(bannerFont.pointSizeF() * 1.6);
    bannerFont.setBold(true);
    m_banner->setFont(bannerFont);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_readyLabel);

    connect(monitor->resolver(), &Resolver::eventOccurred, this, [this](const ResolverEvent &event) {
        m_events->add(StoredEvent::fromResolverEvent(event));
    });
    connect(monitor, &Monitor::stateChanged, this,
            [this](const QString &target, TargetState from, TargetState to, const QString &detail) {
                m_events->add(StoredEvent::fromStateChange(m_monitor->clock()->wallTime(), target,
                                                           from, to, detail));
            });
    for (const TargetConfig &target : monitor->config().targets)
        m_notifier->setCritical(target.name, target.critical);
    connect(monitor, &Monitor::stateChanged, m_notifier, &StateNotifier::stateChanged);
    connect(m_notifier, &StateNotifier::notify, this, &MainWindow::showNotification);
    buildTray();
    // Once a second, not at every result: with hundreds of targets the readiness pass is not
    // free, and a stalled engine (no results at all) must still turn the banner red.
    m_readinessTick.setInterval(1000);
    connect(&m_readinessTick, &QTimer::timeout, this, &MainWindow::updateReadiness);
    m_readinessTick.start();
    connect(monitor, &Monitor::stateChanged, this, &MainWindow::updateReadiness);
    updateReadiness();
    updateActions();
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
            m_notifier->setMuted(name, muted);
    });
    m_copyEvents = new QAction(tr("&Copy events"), this);
    m_copyEvents->setShortcut(QKeySequence::Copy);
    m_copyEvents->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyEvents, &QAction::triggered, this, &MainWindow::copySelectedEvents);
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

QLineEdit *MainWindow::filteredTable(QWidget *pane, QAbstractItemModel *model,
                                     QSortFilterProxyModel *filter, const QString &name,
                                     const QString &placeholder, QTableView **view)
{
    auto *search = new QLineEdit(pane);
    search->setPlaceholderText(placeholder);
    search->setClearButtonEnabled(true);
    search->setAccessibleName(tr("Filter: %1").arg(name));
    filter->setSourceModel(model);
    filter->setFilterKeyColumn(-1); // any column
    filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(search, &QLineEdit::textChanged, filter, &QSortFilterProxyModel::setFilterFixedString);
    *view = new QTableView(pane);
    (*view)->setModel(filter);
    (*view)->setAccessibleName(name);
    (*view)->setSelectionBehavior(QAbstractItemView::SelectRows);
    (*view)->verticalHeader()->hide();
    (*view)->horizontalHeader()->setStretchLastSection(true);
    return search;
}

QWidget *MainWindow::buildTargetsPane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    m_search = filteredTable(pane, m_targets, m_targetFilter, tr("Targets"),
                             tr("Search targets, hosts, addresses..."), &m_targetView);
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
    layout->addWidget(m_search);
    layout->addWidget(m_targetView, 1);
    return pane;
}

QWidget *MainWindow::buildEventsPane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    QLineEdit *filter = filteredTable(pane, m_events, m_eventFilter, tr("Events"),
                                      tr("Filter events by target, host or kind..."), &m_eventView);
    m_eventView->setWordWrap(false);
    m_eventView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_eventView->addAction(m_copyEvents);
    m_eventView->setColumnWidth(EventLogModel::Time, 150);
    m_eventView->setColumnWidth(EventLogModel::Kind, 140);
    m_eventView->setColumnWidth(EventLogModel::Subject, 200);
    auto *filters = new QHBoxLayout;
    filters->addWidget(filter, 1);
    filters->addWidget(buildEventKindBox(pane));
    m_eventTargetBox = new QComboBox(pane);
    m_eventTargetBox->setAccessibleName(tr("Events of target"));
    m_eventTargetBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_eventTargetBox, &QComboBox::currentIndexChanged, this, [this] {
        const TargetConfig *target = targetConfig(m_eventTargetBox->currentData().toString());
        m_eventFilter->setTarget(target ? target->name : QString(),
                                 target ? target->host : QString());
    });
    // The targets can change (settings): the choice follows, and stays when it still exists.
    connect(m_targets, &QAbstractItemModel::modelReset, this, &MainWindow::refreshEventTargets);
    connect(m_targets, &QAbstractItemModel::rowsInserted, this, &MainWindow::refreshEventTargets);
    connect(m_targets, &QAbstractItemModel::rowsRemoved, this, &MainWindow::refreshEventTargets);
    refreshEventTargets();
    filters->addWidget(m_eventTargetBox);
    layout->addLayout(filters);
    layout->addWidget(m_eventView, 1);
    return pane;
}

QComboBox *MainWindow::buildEventKindBox(QWidget *pane)
{
    auto *kinds = new QComboBox(pane);
    kinds->setAccessibleName(tr("Events of kind"));
    const std::pair<ResolverEvent::Kind, const char *> resolverKinds[] = {
            {ResolverEvent::Kind::FallbackEntered, QT_TR_NOOP("Fallback entered")},
            {ResolverEvent::Kind::Recovered, QT_TR_NOOP("Recovered")},
            {ResolverEvent::Kind::ResolutionFailed, QT_TR_NOOP("Resolution failed")},
            {ResolverEvent::Kind::AddressesChanged, QT_TR_NOOP("Addresses changed")},
            {ResolverEvent::Kind::Pinned, QT_TR_NOOP("Pinned")},
            {ResolverEvent::Kind::Unpinned, QT_TR_NOOP("Unpinned")},
            {ResolverEvent::Kind::ForcedReResolve, QT_TR_NOOP("Forced re-resolve")},
            {ResolverEvent::Kind::CacheCleared, QT_TR_NOOP("Cache cleared")},
    };
    static_assert(std::size(resolverKinds) == ResolverEvent::KindCount);
    kinds->addItem(tr("All kinds"), QString());
    for (const auto &[kind, label] : resolverKinds)
        kinds->addItem(tr(label), eventKindName(kind));
    kinds->addItem(tr("State changed"), StoredEvent::stateChangedKind());
    connect(kinds, &QComboBox::currentIndexChanged, this,
            [this, kinds] { m_eventFilter->setKind(kinds->currentData().toString()); });
    return kinds;
}

void MainWindow::refreshEventTargets()
{
    const QString chosen = m_eventTargetBox->currentData().toString();
    const QSignalBlocker quiet(m_eventTargetBox);
    m_eventTargetBox->clear();
    m_eventTargetBox->addItem(tr("All targets"), QString());
    for (const TargetConfig &target : m_monitor->config().targets)
        m_eventTargetBox->addItem(target.name, target.name);
    const int index = m_eventTargetBox->findData(chosen);
    m_eventTargetBox->setCurrentIndex(std::max(0, index));
    if (index < 0 && !chosen.isEmpty())
        m_eventFilter->setTarget(QString(), QString()); // the target is gone
}

QWidget *MainWindow::buildCachePane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    QLineEdit *filter = filteredTable(pane, m_cache, m_cacheFilter, tr("Cache entries"),
                                      tr("Filter cache entries by host, state or address..."),
                                      &m_cacheView);
    m_cacheView->setSortingEnabled(true);
    m_cacheView->horizontalHeader()->setDefaultSectionSize(110);
    auto *clearEntry = new QAction(tr("Clear &entry"), this);
    clearEntry->setToolTip(tr("Forget the selected hosts' cached answers (all resolvers)"));
    connect(clearEntry, &QAction::triggered, this, [this] {
        QSet<QString> hosts;
        for (const QModelIndex &index : m_cacheView->selectionModel()->selectedRows())
            hosts.insert(index.data(CacheTableModel::HostRole).toString());
        for (const QString &host : hosts)
            m_monitor->resolver()->clearHost(host);
        m_cache->refresh();
    });
    auto *clearStale = new QAction(tr("Clear &stale"), this);
    clearStale->setToolTip(tr("Forget every expired answer; fresh ones stay"));
    connect(clearStale, &QAction::triggered, this, [this] {
        m_monitor->resolver()->clearStale();
        m_cache->refresh();
    });
    auto *clearAll = new QAction(tr("Clear &all..."), this);
    clearAll->setToolTip(tr("Forget the whole cache, stale answers included"));
    connect(clearAll, &QAction::triggered, this, &MainWindow::askToClearAll);
    auto *bar = new QToolBar(pane);
    bar->addActions({clearEntry, clearStale, clearAll});
    m_cacheView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_cacheView->addActions({clearEntry, clearStale, clearAll});
    auto *top = new QHBoxLayout;
    top->addWidget(filter, 1);
    top->addWidget(bar);
    layout->addLayout(top);
    layout->addWidget(m_cacheView, 1);
    return pane;
}

void MainWindow::askToClearAll()
{
    // Not exec(): the dashboard keeps running while the question is open.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Clear the whole cache?"),
                                tr("Every cached answer goes, stale ones too: while DNS is down, "
                                   "targets then have only their pinned and environment "
                                   "addresses."),
                                QMessageBox::Cancel, this);
    QPushButton *clear = box->addButton(tr("Clear all"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, clear] {
        if (box->clickedButton() == clear) {
            m_monitor->resolver()->clearAll();
            m_cache->refresh();
        }
    });
    box->open();
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

void MainWindow::copySelectedEvents()
{
    QStringList lines;
    for (const QModelIndex &index : m_eventView->selectionModel()->selectedRows())
        lines.append(
                EventLogModel::asText(m_events->eventAt(m_eventFilter->mapToSource(index).row())));
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

void MainWindow::buildTray()
{
    // Made even without a tray, so its state follows readiness all the same (and is tested);
    // shown only where the desktop has a tray.
    m_tray = new QSystemTrayIcon(style()->standardIcon(QStyle::SP_MessageBoxQuestion), this);
    auto *menu = new QMenu(this);
    menu->addAction(tr("&Show DNS Watch"), this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    menu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
        showNormal();
        activateWindow();
    });
    m_tray->setVisible(QSystemTrayIcon::isSystemTrayAvailable());
}

void MainWindow::showNotification(const QString &title, const QString &message,
                                  StateNotifier::Severity severity)
{
    statusBar()->showMessage(
            message.isEmpty() ? title : QStringLiteral("%1: %2").arg(title, message), 10000);
    if (!m_tray->isVisible())
        return;
    const QSystemTrayIcon::MessageIcon icon = severity == StateNotifier::Severity::Critical
            ? QSystemTrayIcon::Critical
            : severity == StateNotifier::Severity::Warning ? QSystemTrayIcon::Warning
                                                           : QSystemTrayIcon::Information;
    m_tray->showMessage(title, message, icon);
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
                       && std::all_of(selected.cbegin(), selected.cend(),
                                      [this](const QString &n) { return m_notifier->isMuted(n); }));
    m_pause->setEnabled(anyRunning);
    m_resume->setEnabled(anyPaused);
}

void MainWindow::updateReadiness()
{
    QStringList notReady;
    const bool ready = m_monitor->statistics()->ready(&notReady);
    const int degraded = m_monitor->statistics()->countInState(TargetState::Degraded);
    QString text;
    QColor colour;
    if (!ready) {
        text = tr("NOT READY: %1").arg(notReady.join(QStringLiteral("; ")));
        colour = QColor(0xc0, 0x1c, 0x28);
    } else if (degraded > 0) {
        text = tr("Ready: %n target(s) kept reachable by fallback", nullptr, degraded);
        colour = QColor(0xb8, 0x6e, 0x00);
    } else {
        text = tr("Ready: every critical target reachable");
        colour = QColor(0x26, 0x80, 0x3a);
    }
    m_banner->setText(text);
    m_banner->setToolTip(text);
    QPalette palette = m_banner->palette();
    palette.setColor(QPalette::Window, colour);
    palette.setColor(QPalette::WindowText, Qt::white);
    m_banner->setPalette(palette);
    m_readyLabel->setText(ready ? tr("ready") : tr("not ready"));
    if (m_tray->toolTip() != text) {
        m_tray->setIcon(style()->standardIcon(!ready ? QStyle::SP_MessageBoxCritical
                                                      : degraded > 0
                                                      ? QStyle::SP_MessageBoxWarning
                                                      : QStyle::SP_DialogApplyButton));
        m_tray->setToolTip(text);
    }
    updateActions();
    if (ready != m_lastReady) {
        m_lastReady = ready;
        Q_EMIT readinessChanged(ready);
    }
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
                for (const TargetConfig &target : m_monitor->config().targets)
                    m_notifier->setCritical(target.name, target.critical);
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
