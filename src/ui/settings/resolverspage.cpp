#include "resolverspage.h"

#include "configdocument.h"
#include "configfieldpath.h"
#include "elementlist.h"
#include "problemlabel.h"
#include "validatedfield.h"

#include "config/configschema.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <algorithm>

namespace {
const QString Block = BlockKey::Resolvers;
const QString System = ResolverConfig::system().name;

QString nameOf(const QJsonValue &resolver)
{
    return resolver.toObject().value(ResolverKey::Name).toString();
}

// Whether servers (as the field shows them) name a DNS over TLS or HTTPS server: only then do
// the TLS keys mean something.
bool namesEncryptedServer(const QString &servers)
{
    return servers.contains(QLatin1String("tls://"), Qt::CaseInsensitive)
            || servers.contains(QLatin1String("https://"), Qt::CaseInsensitive);
}

// An optional text key: left out of the file when empty.
QJsonValue optionalText(const QString &text)
{
    return text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                    : QJsonValue(text.trimmed());
}

} // namespace

ResolversPage::ResolversPage(ConfigDocument *document, QWidget *parent)
    : SettingsPage(Block, document, parent)
    , m_list(new ElementList(tr("Resolvers"), this))
    , m_blockProblems(new ProblemLabel(this))
    , m_resolverProblems(new ProblemLabel(this))
{
    // Not in the initialiser list: the inputs' own initialisers would undo what it sets.
    m_form = buildForm();
    layOutListAndForm(tr("The resolvers targets can use. Changes to resolvers take effect "
                         "when DNS Watch is started again."),
                      m_blockProblems, m_list, m_form);
    connect(m_list, &ElementList::currentRowChanged, this, &ResolversPage::showResolver);
    connect(m_list, &ElementList::addRequested, this, &ResolversPage::addResolver);
    connect(m_list, &ElementList::duplicateRequested, this, &ResolversPage::duplicateResolver);
    connect(m_list, &ElementList::removeRequested, this, &ResolversPage::removeResolver);
}

QWidget *ResolversPage::buildForm()
{
    auto *form = new QWidget(this);
    m_formLayout = new QFormLayout(form);
    m_formLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_formLayout->addRow(m_resolverProblems);
    m_systemNote = new QLabel(tr("The operating system's resolver (its own servers and retries): "
                                 "always there, and only its timeout can be set here."),
                              form);
    m_systemNote->setWordWrap(true);
    m_formLayout->addRow(m_systemNote);

    m_name = new QLineEdit(form);
    addField(m_formLayout, tr("&Name:"), ResolverKey::Name, m_name,
             tr("What targets call this resolver: letters, digits, '_', '.' and '-'."));
    connect(m_name, &QLineEdit::textChanged, this, [this](const QString &text) {
        write(ResolverKey::Name, text);
        m_list->setName(currentResolver(), text.isEmpty() ? tr("(no name)") : text);
    });
    connect(m_name, &QLineEdit::editingFinished, this, &ResolversPage::followRename);

    m_servers = new QLineEdit(form);
    m_servers->setPlaceholderText(tr("e.g. 10.0.0.53:53, [2001:db8::53]:53"));
    addField(m_formLayout, tr("&Servers:"), ResolverKey::Servers, m_servers,
             tr("The nameservers asked in turn: addresses with an optional port, separated by "
                "commas or spaces."));
    connect(m_servers, &QLineEdit::textChanged, this, [this](const QString &text) {
        write(ResolverKey::Servers, listFromText(text)); // empty: the loader asks for one
    });

    m_timeout = numberInput(tr(" ms"));
    addField(m_formLayout, tr("&Timeout:"), ResolverKey::TimeoutMs, m_timeout,
             tr("How long one try waits for an answer, in milliseconds (the system resolver: "
                "one whole lookup)."));
    connect(m_timeout, &QSpinBox::valueChanged, this,
            [this](int value) { write(ResolverKey::TimeoutMs, value); });

    m_attempts = numberInput();
    addField(m_formLayout, tr("&Attempts:"), ResolverKey::Attempts, m_attempts,
             tr("How many rounds over the servers before the lookup fails."));
    connect(m_attempts, &QSpinBox::valueChanged, this,
            [this](int value) { write(ResolverKey::Attempts, value); });

    m_dnssec = new QCheckBox(tr("Ask for DNSSEC records (DO bit)"), form);
    addField(m_formLayout, tr("&DNSSEC:"), ResolverKey::Dnssec, m_dnssec,
             tr("Each answer then says whether this resolver validated it; targets can require "
                "that."));
    connect(m_dnssec, &QCheckBox::toggled, this,
            [this](bool checked) { write(ResolverKey::Dnssec, checked); });

    m_tlsName = new QLineEdit(form);
    m_tlsName->setPlaceholderText(tr("the host of each server's address"));
    addField(m_formLayout, tr("TLS na&me:"), ResolverKey::TlsName, m_tlsName,
             tr("DNS over TLS or HTTPS: the name sent to the server and checked in its "
                "certificate."));
    connect(m_tlsName, &QLineEdit::textChanged, this,
            [this](const QString &text) { write(ResolverKey::TlsName, optionalText(text)); });

    m_caFile = new QLineEdit(form);
    m_caFile->setPlaceholderText(tr("the system's certificate authorities"));
    addField(m_formLayout, tr("&CA file:"), ResolverKey::CaFile, m_caFile,
             tr("DNS over TLS or HTTPS: a PEM file of a private certificate authority to trust "
                "as well; relative to the config file's folder."));
    connect(m_caFile, &QLineEdit::textChanged, this,
            [this](const QString &text) { write(ResolverKey::CaFile, optionalText(text)); });

    m_tlsIdle = numberInput(tr(" ms"));
    addField(m_formLayout, tr("TLS &idle close:"), ResolverKey::TlsIdleMs, m_tlsIdle,
             tr("DNS over TLS: a connection without queries is closed after this long, in "
                "milliseconds."));
    connect(m_tlsIdle, &QSpinBox::valueChanged, this,
            [this](int value) { write(ResolverKey::TlsIdleMs, value); });
    connect(m_servers, &QLineEdit::textChanged, this, &ResolversPage::showTransportRows);
    return form;
}

void ResolversPage::showTransportRows()
{
    const bool system = isSystem(currentResolver());
    const bool encrypted = !system
            && (namesEncryptedServer(m_servers->text()) || !m_tlsName->text().isEmpty()
                || !m_caFile->text().isEmpty());
    m_formLayout->setRowVisible(field(ResolverKey::Servers), !system);
    m_formLayout->setRowVisible(field(ResolverKey::Attempts), !system);
    m_formLayout->setRowVisible(field(ResolverKey::Dnssec), !system);
    for (const QLatin1String key :
         {ResolverKey::TlsName, ResolverKey::CaFile, ResolverKey::TlsIdleMs})
        m_formLayout->setRowVisible(field(key), encrypted);
}

QString ResolversPage::fieldFor(const ConfigFieldPath &path) const
{
    // The system resolver's form has no servers or attempts: what the loader says about those
    // keys is said for the resolver as a whole.
    if (isSystem(currentResolver()) && path.field != ResolverKey::TimeoutMs)
        return QString();
    return path.field;
}

void ResolversPage::findRows()
{
    const QJsonArray resolvers = m_document->elements(Block);
    int system = -1;
    for (int i = 0; i < resolvers.size() && system < 0; ++i) {
        if (nameOf(resolvers.at(i)) == System)
            system = i;
    }
    m_elements = {system};
    for (int i = 0; i < resolvers.size(); ++i) {
        if (i != system)
            m_elements.append(i);
    }
}

void ResolversPage::reload() { showRows(currentResolver()); }

void ResolversPage::showRows(int current)
{
    findRows();
    const QJsonArray resolvers = m_document->elements(Block);
    QStringList names = {System};
    for (int row = 1; row < m_elements.size(); ++row) {
        const QString name = nameOf(resolvers.at(m_elements.at(row)));
        names.append(name.isEmpty() ? tr("(no name)") : name);
    }
    m_errors.clear();
    m_blockProblems->setProblems({});
    {
        const QSignalBlocker blocker(m_list);
        m_list->setNames(names);
        m_list->setCurrentRow(std::clamp(current, 0, int(names.size()) - 1));
    }
    showResolver(m_list->currentRow());
}

int ResolversPage::currentResolver() const { return m_list->currentRow(); }

void ResolversPage::selectResolver(int row) { m_list->setCurrentRow(row); }

void ResolversPage::showResolver(int row)
{
    const bool shown = row >= 0 && row < m_elements.size();
    const bool system = shown && isSystem(row);
    m_form->setEnabled(shown);
    m_list->setCurrentRowEditable(shown && !system, shown && !system);
    const QJsonObject resolver = shown
            ? m_document->elements(Block).at(m_elements.at(row)).toObject()
            : QJsonObject();
    const ResolverConfig defaults;
    m_populating = true;
    m_name->setText(system ? System : resolver.value(ResolverKey::Name).toString());
    m_name->setReadOnly(system);
    m_name->setEnabled(!system); // read-only alone looks editable
    m_servers->setText(listText(resolver.value(ResolverKey::Servers)));
    m_timeout->setValue(
            resolver.value(ResolverKey::TimeoutMs)
                    .toInt(system ? ResolverConfig::system().timeoutMs : defaults.timeoutMs));
    m_attempts->setValue(resolver.value(ResolverKey::Attempts).toInt(defaults.attempts));
    m_dnssec->setChecked(resolver.value(ResolverKey::Dnssec).toBool(defaults.dnssec));
    m_tlsName->setText(resolver.value(ResolverKey::TlsName).toString());
    m_caFile->setText(resolver.value(ResolverKey::CaFile).toString());
    m_tlsIdle->setValue(resolver.value(ResolverKey::TlsIdleMs).toInt(defaults.tlsIdleMs));
    m_systemNote->setVisible(system);
    showTransportRows();
    m_populating = false;
    m_nameBeforeEdit = m_name->text();
    showCurrentProblems();
}

void ResolversPage::write(const QString &field, const QJsonValue &value)
{
    const int row = currentResolver();
    if (m_populating || row < 0 || row >= m_elements.size())
        return;
    if (m_elements.at(row) < 0) {
        // The system resolver gets an entry of its own the first time its timeout changes.
        QJsonArray resolvers = m_document->elements(Block);
        resolvers.append(QJsonObject{{ResolverKey::Name, System}});
        m_document->setElements(Block, resolvers);
        findRows();
    }
    m_document->setValue(Block, m_elements.at(row), field, value);
    Q_EMIT edited();
}

void ResolversPage::followRename()
{
    const QString renamed = m_name->text();
    const QString before = std::exchange(m_nameBeforeEdit, renamed);
    if (before == renamed || before.isEmpty() || isSystem(currentResolver()))
        return;
    const QJsonArray resolvers = m_document->elements(Block);
    if (std::any_of(resolvers.begin(), resolvers.end(),
                    [&before](const QJsonValue &resolver) { return nameOf(resolver) == before; }))
        return; // another resolver has that name: its targets stay with it
    QJsonArray targets = m_document->elements(BlockKey::Targets);
    bool changed = false;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        QJsonObject target = targets.at(i).toObject();
        if (target.value(TargetKey::Resolver).toString() == before) {
            target.insert(TargetKey::Resolver, renamed);
            targets.replace(i, target);
            changed = true;
        }
    }
    if (!changed)
        return;
    m_document->setElements(BlockKey::Targets, targets);
    Q_EMIT edited();
}

void ResolversPage::showProblems(const QList<ConfigError> &errors)
{
    m_errors = errors;
    QList<QStringList> byRow(m_list->count());
    QStringList blockProblems;
    for (const ConfigError &error : errors) {
        const int row = rowOf(ConfigFieldPath::parse(error.path).element);
        if (row >= 0 && m_elements.at(row) >= 0)
            byRow[row].append(describe(error));
        else
            blockProblems.append(error.message);
    }
    for (int row = 0; row < byRow.size(); ++row)
        m_list->setRowProblems(row, byRow.at(row));
    m_blockProblems->setProblems(blockProblems);
    showCurrentProblems();
}

void ResolversPage::showCurrentProblems()
{
    const int row = currentResolver();
    const int element = row >= 0 && row < m_elements.size() ? m_elements.at(row) : -1;
    QList<ConfigError> current;
    for (const ConfigError &error : std::as_const(m_errors)) {
        if (element >= 0 && ConfigFieldPath::parse(error.path).element == element)
            current.append(error);
    }
    m_resolverProblems->setProblems(showFieldProblems(current));
}

QString ResolversPage::uniqueName(const QString &wanted) const
{
    QStringList taken = {System};
    for (const QJsonValue &resolver : m_document->elements(Block))
        taken.append(nameOf(resolver));
    QString name = wanted;
    for (int n = 2; taken.contains(name); ++n)
        name = QStringLiteral("%1-%2").arg(wanted).arg(n);
    return name;
}

void ResolversPage::addResolver()
{
    // A name the loader takes in any language; no servers yet: the loader asks for one.
    QJsonArray resolvers = m_document->elements(Block);
    resolvers.append(QJsonObject{{ResolverKey::Name, uniqueName(QStringLiteral("resolver"))},
                                 {ResolverKey::Servers, QJsonArray()}});
    m_document->setElements(Block, resolvers);
    showRows(int(m_elements.size())); // the new last row
    Q_EMIT edited();
    m_name->setFocus();
    m_name->selectAll();
}

void ResolversPage::duplicateResolver(int row)
{
    if (row <= 0 || row >= m_elements.size())
        return; // not the system resolver: there is one
    QJsonArray resolvers = m_document->elements(Block);
    QJsonObject copy = resolvers.at(m_elements.at(row)).toObject();
    copy.insert(ResolverKey::Name, uniqueName(nameOf(copy) + QLatin1String("-copy")));
    resolvers.append(copy);
    m_document->setElements(Block, resolvers);
    showRows(int(m_elements.size()));
    Q_EMIT edited();
    m_name->setFocus();
    m_name->selectAll();
}

void ResolversPage::removeResolver(int row)
{
    if (row <= 0 || row >= m_elements.size())
        return; // the system resolver stays
    QJsonArray resolvers = m_document->elements(Block);
    resolvers.removeAt(m_elements.at(row));
    m_document->setElements(Block, resolvers);
    showRows(std::min(row, int(m_elements.size()) - 2)); // the next row, or the new last
    Q_EMIT edited();
}
