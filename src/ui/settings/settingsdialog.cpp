#include "settingsdialog.h"

#include "config/appconfigjson.h"
#include "config/configschema.h"
#include "configfieldpath.h"
#include "policypage.h"
#include "probe/monitor.h"
#include "problemlabel.h"
#include "resolverspage.h"
#include "targetspage.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {
constexpr int ValidationDelayMs = 200; // a pause in typing
}

SettingsDialog::SettingsDialog(Monitor *monitor, const QString &configPath, QWidget *parent)
    : QDialog(parent)
    , m_monitor(monitor)
    , m_dashboardPath(configPath)
    , m_source(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_targets(new TargetsPage(&m_document, this))
    , m_resolvers(new ResolversPage(&m_document, this))
    , m_cache(new PolicyPage(BlockKey::Cache,
                             tr("How long answers live and how the fallback tiers behave. Cache "
                                "changes take effect when DNS Watch is started again (the cache "
                                "itself is kept until then)."),
                             PolicyFields::cache(), &m_document, this))
    , m_probes(new PolicyPage(BlockKey::Probes,
                              tr("The timing of the probe schedule and of the service checks. "
                                 "Changes take effect when DNS Watch is started again."),
                              PolicyFields::probes(), &m_document, this))
    , m_summary(new ProblemLabel(this))
    , m_status(new QLabel(this))
    , m_save(new QPushButton(this))
{
    setWindowTitle(tr("Settings"));
    m_source->setObjectName(QStringLiteral("configSource"));
    m_source->setWordWrap(true);
    m_source->setTextFormat(Qt::PlainText);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pages = {m_targets, m_resolvers, m_cache, m_probes};
    m_tabs->addTab(m_targets, tr("&Targets"));
    m_tabs->addTab(m_resolvers, tr("&Resolvers"));
    m_tabs->addTab(m_cache, tr("&Cache"));
    m_tabs->addTab(m_probes, tr("&Probes"));
    m_summary->setAccessibleDescription(tr("Problems in the settings"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Save status"));

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_save, QDialogButtonBox::ApplyRole);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    // Enter in a field is not Save: saving is a decision of its own.
    m_save->setAutoDefault(false);
    close->setAutoDefault(false);
    connect(m_save, &QPushButton::clicked, this, &SettingsDialog::save);
    connect(close, &QPushButton::clicked, this, &SettingsDialog::reject);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_source);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_summary);
    layout->addLayout(bottom);

    m_validation.setSingleShot(true);
    m_validation.setInterval(ValidationDelayMs);
    connect(&m_validation, &QTimer::timeout, this, &SettingsDialog::validateNow);
    for (SettingsPage *page : std::as_const(m_pages))
        connect(page, &SettingsPage::edited, this, &SettingsDialog::edited);
    // A target's resolver is one of the Resolvers tab's: the choices follow it.
    connect(m_resolvers, &SettingsPage::edited, m_targets, &TargetsPage::refreshResolverChoices);

    load(configPath);
    resize(860, 640);
}

void SettingsDialog::load(const QString &configPath)
{
    if (configPath.isEmpty()) {
        m_document.reset(configToJson(m_monitor->config()), ConfigDocument::Baseline::Kept);
        // The source says which: "(embedded default)", "(demo lab)".
        QString source = m_monitor->config().source;
        source.remove(QLatin1Char('(')).remove(QLatin1Char(')'));
        m_source->setText(tr("No config file: DNS Watch runs on the %1. \"Save as...\" writes "
                             "these settings to a file; start DNS Watch with --config FILE to use "
                             "it next time.")
                                  .arg(source));
    } else {
        m_source->setText(tr("Config file: %1").arg(configPath));
        QString error;
        if (!m_document.load(configPath, &error)) {
            // Something else broke or removed the file since the dashboard read it: start from
            // what runs, and let a save put a good file back.
            m_document.reset(configToJson(m_monitor->config()), ConfigDocument::Baseline::Empty);
            showStatus(tr("%1 cannot be read (%2). Shown: the settings the dashboard runs on; "
                          "saving replaces the file.")
                               .arg(configPath, error),
                       true);
        }
    }
    for (SettingsPage *page : std::as_const(m_pages))
        page->reload();
    validateNow();
}

void SettingsDialog::edited()
{
    m_status->clear();
    m_validation.start(); // restarts: one check after the last of a burst of edits
    updateSaveButton();
}

void SettingsDialog::validateNow()
{
    m_validation.stop();
    const QString source = m_document.path().isEmpty() ? m_monitor->config().source
                                                       : m_document.path();
    const ConfigLoadResult result = parseConfig(
            QJsonDocument(m_document.root()).toJson(QJsonDocument::Compact), source);
    m_errors = result.errors;
    showProblems();
    updateSaveButton();
    Q_EMIT validated(result.config.has_value());
}

void SettingsDialog::showProblems()
{
    QStringList lines;
    QStringList elsewhere; // paths no tab edits: "$", "$.history..."
    for (int tab = 0; tab < m_pages.size(); ++tab) {
        SettingsPage *page = m_pages.at(tab);
        QList<ConfigError> mine;
        for (const ConfigError &error : std::as_const(m_errors)) {
            if (ConfigFieldPath::parse(error.path).block == page->block())
                mine.append(error);
        }
        page->showProblems(mine);
        const QString title = m_tabs->tabText(tab).remove(QLatin1Char('&'));
        m_tabs->setTabIcon(tab,
                           mine.isEmpty() ? QIcon()
                                          : style()->standardIcon(QStyle::SP_MessageBoxCritical));
        const QString count = tr("%n problem(s)", nullptr, int(mine.size()));
        m_tabs->setTabToolTip(tab, mine.isEmpty() ? QString() : count);
        if (!mine.isEmpty())
            lines.append(tr("%1 tab: %2, marked there").arg(title, count));
    }
    for (const ConfigError &error : std::as_const(m_errors)) {
        const QString block = ConfigFieldPath::parse(error.path).block;
        const bool shown = std::any_of(
                m_pages.cbegin(), m_pages.cend(),
                [&block](SettingsPage *page) { return page->block() == block; });
        if (!shown)
            elsewhere.append(QStringLiteral("%1: %2").arg(error.path, error.message));
    }
    if (m_errors.isEmpty()) {
        m_summary->setProblems({});
        return;
    }
    lines.prepend(tr("Save is off until the config is valid: %n problem(s).", nullptr,
                     int(m_errors.size())));
    m_summary->setProblems(lines + elsewhere);
}

QString SettingsDialog::problemSummary() const { return m_summary->text(); }

QString SettingsDialog::statusText() const { return m_status->text(); }

void SettingsDialog::updateSaveButton()
{
    const bool hasFile = !m_document.path().isEmpty();
    m_save->setText(hasFile ? tr("&Save") : tr("&Save as..."));
    m_save->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    // Without a file, the settings as they are are worth writing; with one, only changes are.
    const bool pending = m_validation.isActive();
    m_save->setEnabled(m_errors.isEmpty() && (pending || m_document.isModified() || !hasFile));
    m_save->setToolTip(m_errors.isEmpty()
                               ? QString()
                               : tr("The config has problems: see them above the buttons."));
}

void SettingsDialog::showStatus(const QString &text, bool isError)
{
    QPalette palette = this->palette();
    if (isError)
        palette.setColor(QPalette::WindowText, ProblemLabel::colour());
    m_status->setPalette(palette);
    m_status->setText(text);
}

void SettingsDialog::save()
{
    validateNow();
    if (hasProblems())
        return;
    if (m_document.path().isEmpty()) {
        askForFile();
        return;
    }
    if (m_document.changedOnDisk()) {
        askToOverwrite(m_document.path(),
                       tr("%1 was changed by something else since the settings were opened. "
                          "Saving replaces those changes with the settings shown here.")
                               .arg(m_document.path()));
        return;
    }
    saveTo(m_document.path());
}

bool SettingsDialog::saveTo(const QString &path)
{
    validateNow();
    if (hasProblems()) {
        showStatus(tr("Not saved: the config has problems."), true);
        return false;
    }
    QString error;
    if (!m_document.save(path, &error)) {
        showStatus(tr("Could not save to %1: %2. Nothing was written there; your changes are "
                      "still here.")
                           .arg(QDir::toNativeSeparators(path), error),
                   true);
        return false;
    }
    // What the file holds now, read as the agent and a restart will read it.
    const ConfigLoadResult saved = loadConfigFile(path);
    if (!saved.config) {
        showStatus(tr("Saved to %1, but it does not read back: %2")
                           .arg(QDir::toNativeSeparators(path), saved.errors.value(0).toString()),
                   true);
        return false;
    }
    const QStringList notApplied = m_monitor->applyConfig(*saved.config);
    QString text = tr("Saved to %1 and applied.").arg(QDir::toNativeSeparators(path));
    if (!notApplied.isEmpty())
        text += QLatin1Char(' ')
                + tr("Takes a restart: %1.").arg(notApplied.join(QLatin1String("; ")));
    if (path != m_dashboardPath)
        text += QLatin1Char(' ')
                + tr("DNS Watch was started without this file: start it with --config %1 to use "
                     "it next time.")
                          .arg(QDir::toNativeSeparators(path));
    m_source->setText(tr("Config file: %1").arg(QDir::toNativeSeparators(path)));
    showStatus(text, false);
    updateSaveButton();
    Q_EMIT configApplied(path, notApplied);
    return true;
}

void SettingsDialog::askForFile()
{
    auto *dialog = new QFileDialog(this, tr("Save the settings as"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(tr("JSON config (*.json)"));
    dialog->setDefaultSuffix(QStringLiteral("json"));
    dialog->selectFile(QStringLiteral("dnswatch.json"));
    // Its own "replace?" question would wait in a nested event loop: ours does not.
    dialog->setOption(QFileDialog::DontConfirmOverwrite);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        if (QFileInfo::exists(path))
            askToOverwrite(path, tr("%1 already exists. Saving replaces it.").arg(path));
        else
            saveTo(path);
    });
    dialog->open();
}

void SettingsDialog::askToOverwrite(const QString &path, const QString &why)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Replace the file?"), why,
                                QMessageBox::Cancel, this);
    QPushButton *replace = box->addButton(tr("&Replace"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, replace, path] {
        if (box->clickedButton() == replace)
            saveTo(path);
    });
    box->open();
}

void SettingsDialog::reject()
{
    if (!m_document.isModified()) {
        QDialog::reject();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Discard the changes?"),
                                tr("The settings were changed but not saved."), QMessageBox::Cancel,
                                this);
    QPushButton *discard = box->addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, discard] {
        if (box->clickedButton() == discard)
            QDialog::reject();
    });
    box->open();
}
