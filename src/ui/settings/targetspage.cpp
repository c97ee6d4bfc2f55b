#include "targetspage.h"

#include "configdocument.h"
#include "configfieldpath.h"
#include "elementlist.h"
#include "problemlabel.h"
#include "validatedfield.h"

#include "config/configschema.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <algorithm>

namespace {
const QString Block = BlockKey::Targets;

constexpr CheckConfig::Type CheckTypes[] = {
        CheckConfig::Type::Dns,    CheckConfig::Type::Tcp, CheckConfig::Type::Http,
        CheckConfig::Type::Mlflow, CheckConfig::Type::Soa,
};
constexpr RecordKind RecordKinds[] = {RecordKind::A, RecordKind::AAAA, RecordKind::Both};

// The field of a key of the target's check, as the page names it: "check.url".
QString checkField(QLatin1String key) { return QString(TargetKey::Check) + QLatin1Char('.') + key; }

// Selects text in combo, adding it first when it is not a choice (a value the loader refuses
// is shown as it is, with the loader's message under it).
void showChoice(QComboBox *combo, const QString &text)
{
    int index = combo->findData(text);
    if (index < 0) {
        combo->addItem(text, text);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}
} // namespace

TargetsPage::TargetsPage(ConfigDocument *document, QWidget *parent)
    : SettingsPage(Block, document, parent)
    , m_list(new ElementList(tr("Targets"), this))
    , m_blockProblems(new ProblemLabel(this))
    , m_targetProblems(new ProblemLabel(this))
{
    // Not in the initialiser list: the inputs' own initialisers would undo what it sets.
    m_form = buildForm();
    layOutListAndForm(tr("The hosts DNS Watch resolves and checks. Changes to targets "
                         "apply as soon as they are saved."),
                      m_blockProblems, m_list, m_form);
    connect(m_list, &ElementList::currentRowChanged, this, &TargetsPage::showTarget);
    connect(m_list, &ElementList::addRequested, this, &TargetsPage::addTarget);
    connect(m_list, &ElementList::duplicateRequested, this, &TargetsPage::duplicateTarget);
    connect(m_list, &ElementList::removeRequested, this, &TargetsPage::removeTarget);
}

QWidget *TargetsPage::buildForm()
{
    auto *form = new QWidget(this);
    m_formLayout = new QFormLayout(form);
    m_formLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_formLayout->addRow(m_targetProblems);

    m_name = new QLineEdit(form);
    addField(m_formLayout, tr("&Name:"), TargetKey::Name, m_name,
             tr("Shown in the dashboard, the metrics and the events; unique."));
    connect(m_name, &QLineEdit::textChanged, this, [this](const QString &text) {
        write(TargetKey::Name, text);
        m_list->setName(currentTarget(), text.isEmpty() ? tr("(no name)") : text);
    });

    m_host = new QLineEdit(form);
    m_host->setPlaceholderText(tr("e.g. mlflow.internal"));
    addField(m_formLayout, tr("&Host:"), TargetKey::Host, m_host, tr("The host name to resolve."));
    connect(m_host, &QLineEdit::textChanged, this,
            [this](const QString &text) { write(TargetKey::Host, text); });

    m_resolver = new QComboBox(form);
    addField(m_formLayout, tr("&Resolver:"), TargetKey::Resolver, m_resolver,
             tr("Which resolver looks the host up (the Resolvers tab defines them)."));
    connect(m_resolver, &QComboBox::currentIndexChanged, this,
            [this] { write(TargetKey::Resolver, m_resolver->currentData().toString()); });

    m_record = new QComboBox(form);
    for (RecordKind kind : RecordKinds)
        m_record->addItem(recordKindName(kind), recordKindName(kind));
    addField(m_formLayout, tr("Re&cord:"), TargetKey::Record, m_record,
             tr("The address records asked for: IPv4 (A), IPv6 (AAAA) or both."));
    connect(m_record, &QComboBox::currentIndexChanged, this,
            [this] { write(TargetKey::Record, m_record->currentData().toString()); });

    m_interval = numberInput(tr(" s"));
    addField(m_formLayout, tr("&Interval:"), TargetKey::IntervalS, m_interval,
             tr("How often the target is probed, in seconds."));
    connect(m_interval, &QSpinBox::valueChanged, this,
            [this](int value) { write(TargetKey::IntervalS, value); });

    m_critical = new QCheckBox(tr("Readiness needs this target"), form);
    addField(m_formLayout, tr("Cri&tical:"), TargetKey::Critical, m_critical,
             tr("A critical target without addresses makes DNS Watch not ready."));
    connect(m_critical, &QCheckBox::toggled, this,
            [this](bool checked) { write(TargetKey::Critical, checked); });

    m_fallbackIps = addListField(
            tr("&Fallback addresses:"), TargetKey::FallbackIps, tr("e.g. 10.0.0.5, fd00::5"),
            tr("Pinned addresses served when DNS and the stale cache cannot answer; separated "
               "by commas or spaces."));
    m_expectAddresses = addListField(
            tr("Allo&wed answers:"), TargetKey::ExpectAddresses,
            tr("any address; or e.g. 10.0.0.0/8, 2001:db8::/32"),
            tr("Networks every answer must fall in: an answer outside them (a sinkhole, a "
               "captive portal) is a failed lookup and is never cached."));
    m_alertOnChange = addSwitch(tr("A&lert on change:"), TargetKey::AlertOnChange,
                                tr("Notify when the host's addresses change"),
                                tr("A new answer raises a notification and an alert event."));
    m_requireValidated = addSwitch(
            tr("Require &DNSSEC:"), TargetKey::RequireValidated,
            tr("Answers must be validated by the resolver"),
            tr("An answer without DNSSEC validation makes the target degraded; the resolver "
               "needs DNSSEC turned on."));
    m_compare = addListField(tr("C&ompare with:"), TargetKey::Compare, tr("e.g. system, public"),
                             tr("Other resolvers the host is also looked up through on every "
                                "probe, to see whether they answer alike."));
    m_expectDivergence = addListField(
            tr("Expected to diff&er:"), TargetKey::ExpectDivergence, tr("e.g. public"),
            tr("Compared resolvers that answer otherwise by design (split horizon): their "
               "difference raises no event."));

    m_checkType = new QComboBox(form);
    const QStringList checkTitles = {
            tr("dns: the answer only"),
            tr("tcp: connect to a port"),
            tr("http: a GET and its status"),
            tr("mlflow: the tracking server's health"),
            tr("soa: a zone's serial on its servers"),
    };
    for (CheckConfig::Type type : CheckTypes)
        m_checkType->addItem(checkTitles.at(int(type)), checkTypeName(type));
    addField(m_formLayout, tr("Chec&k:"), checkField(CheckKey::Type), m_checkType,
             tr("What is checked once the host resolved."));
    connect(m_checkType, &QComboBox::currentIndexChanged, this, [this] {
        showCheckRows();
        writeCheck();
    });

    m_expect = new QLineEdit(form);
    m_expect->setPlaceholderText(tr("any address; or e.g. 10.0.0.0/8"));
    addField(m_formLayout, tr("E&xpected addresses:"), checkField(CheckKey::Expect), m_expect,
             tr("Addresses or subnets the answer must fall in; separated by commas or spaces."));
    connect(m_expect, &QLineEdit::textChanged, this, &TargetsPage::writeCheck);

    m_port = numberInput();
    m_port->setRange(0, 99'999);
    addField(m_formLayout, tr("&Port:"), checkField(CheckKey::Port), m_port,
             tr("The TCP port to connect to."));
    connect(m_port, &QSpinBox::valueChanged, this, &TargetsPage::writeCheck);

    m_url = new QLineEdit(form);
    m_url->setPlaceholderText(tr("e.g. https://api.internal/health"));
    addField(m_formLayout, tr("&URL:"), checkField(CheckKey::Url), m_url,
             tr("The http:// or https:// URL to ask; no user name or password in it."));
    connect(m_url, &QLineEdit::textChanged, this, &TargetsPage::writeCheck);

    auto *status = new QWidget(form);
    m_statusMin = numberInput();
    m_statusMax = numberInput();
    for (QSpinBox *spin : {m_statusMin, m_statusMax}) {
        spin->setParent(status);
        spin->setRange(0, 999);
        connect(spin, &QSpinBox::valueChanged, this, &TargetsPage::writeCheck);
    }
    m_statusMin->setAccessibleName(tr("Lowest expected HTTP status"));
    m_statusMax->setAccessibleName(tr("Highest expected HTTP status"));
    auto *statusRow = new QHBoxLayout(status);
    statusRow->setContentsMargins(0, 0, 0, 0);
    statusRow->addWidget(m_statusMin);
    statusRow->addWidget(new QLabel(tr("to"), status));
    statusRow->addWidget(m_statusMax);
    statusRow->addStretch(1);
    addField(m_formLayout, tr("Expected &status:"), checkField(CheckKey::ExpectStatus), status,
             tr("The HTTP statuses that count as up, e.g. 200 to 399."));

    m_soaZone = new QLineEdit(form);
    m_soaZone->setPlaceholderText(tr("e.g. example.com"));
    addField(m_formLayout, tr("&Zone:"), checkField(CheckKey::Zone), m_soaZone,
             tr("The zone whose SOA serial every server must have."));
    connect(m_soaZone, &QLineEdit::textChanged, this, &TargetsPage::writeCheck);

    m_soaServers = new QLineEdit(form);
    m_soaServers->setPlaceholderText(tr("e.g. 10.0.0.53, 10.0.1.53:5353"));
    addField(m_formLayout, tr("Authoritative ser&vers:"), checkField(CheckKey::Servers),
             m_soaServers,
             tr("Two or more addresses with an optional port, asked directly; separated by "
                "commas or spaces."));
    connect(m_soaServers, &QLineEdit::textChanged, this, &TargetsPage::writeCheck);

    m_soaMaxLag = numberInput(tr(" s"));
    addField(m_formLayout, tr("Allowed l&ag:"), checkField(CheckKey::MaxLagS), m_soaMaxLag,
             tr("How long a server may stay behind the newest serial (propagation) before the "
                "check fails, in seconds."));
    connect(m_soaMaxLag, &QSpinBox::valueChanged, this, &TargetsPage::writeCheck);
    return form;
}

QLineEdit *TargetsPage::addListField(const QString &label, const QString &field,
                                     const QString &placeholder, const QString &help)
{
    auto *input = new QLineEdit(m_formLayout->parentWidget());
    input->setPlaceholderText(placeholder);
    addField(m_formLayout, label, field, input, help);
    connect(input, &QLineEdit::textChanged, this,
            [this, field](const QString &text) { writeList(field, text); });
    return input;
}

QCheckBox *TargetsPage::addSwitch(const QString &label, const QString &field, const QString &text,
                                  const QString &help)
{
    auto *input = new QCheckBox(text, m_formLayout->parentWidget());
    addField(m_formLayout, label, field, input, help);
    connect(input, &QCheckBox::toggled, this,
            [this, field](bool checked) { write(field, checked); });
    return input;
}

QString TargetsPage::fieldFor(const ConfigFieldPath &path) const
{
    // "$.targets[1].check" itself (a key that does not apply, a missing one) is about the type.
    if (path.field == TargetKey::Check)
        return checkField(CheckKey::Type);
    return path.field;
}

QStringList TargetsPage::names() const
{
    QStringList names;
    for (const QJsonValue &target : m_document->elements(Block)) {
        const QString name = target.toObject().value(TargetKey::Name).toString();
        names.append(name.isEmpty() ? tr("(no name)") : name);
    }
    return names;
}

void TargetsPage::reload() { showRows(m_list->currentRow()); }

void TargetsPage::showRows(int current)
{
    // The errors' indices no longer hold after rows come and go; the dialog validates again.
    m_errors.clear();
    m_blockProblems->setProblems({});
    {
        const QSignalBlocker blocker(m_list);
        m_list->setNames(names());
        m_list->setCurrentRow(m_list->count() > 0 ? std::clamp(current, 0, m_list->count() - 1)
                                                  : -1);
    }
    showTarget(m_list->currentRow());
}

int TargetsPage::currentTarget() const { return m_list->currentRow(); }

void TargetsPage::selectTarget(int row) { m_list->setCurrentRow(row); }

void TargetsPage::refreshResolverChoices() { showTarget(currentTarget()); }

void TargetsPage::showTarget(int row)
{
    const QJsonArray targets = m_document->elements(Block);
    const bool shown = row >= 0 && row < targets.size();
    m_form->setEnabled(shown);
    m_list->setCurrentRowEditable(shown, shown);
    const QJsonObject target = shown ? targets.at(row).toObject() : QJsonObject();
    const TargetConfig defaults;
    const QJsonObject check = target.value(TargetKey::Check).toObject();
    const CheckConfig checkDefaults;

    m_populating = true;
    m_name->setText(target.value(TargetKey::Name).toString());
    m_host->setText(target.value(TargetKey::Host).toString());
    m_resolver->clear();
    QStringList resolvers = {ResolverConfig::system().name};
    for (const QJsonValue &resolver : m_document->elements(BlockKey::Resolvers)) {
        const QString name = resolver.toObject().value(ResolverKey::Name).toString();
        if (!name.trimmed().isEmpty() && !resolvers.contains(name))
            resolvers.append(name);
    }
    for (const QString &name : std::as_const(resolvers))
        m_resolver->addItem(name, name);
    showChoice(m_resolver, target.value(TargetKey::Resolver).toString(defaults.resolver));
    showChoice(m_record, target.value(TargetKey::Record).toString(recordKindName(defaults.record)));
    m_interval->setValue(target.value(TargetKey::IntervalS).toInt(defaults.intervalS));
    m_critical->setChecked(target.value(TargetKey::Critical).toBool(defaults.critical));
    m_fallbackIps->setText(listText(target.value(TargetKey::FallbackIps)));
    m_expectAddresses->setText(listText(target.value(TargetKey::ExpectAddresses)));
    m_alertOnChange->setChecked(
            target.value(TargetKey::AlertOnChange).toBool(defaults.alertOnChange));
    m_requireValidated->setChecked(
            target.value(TargetKey::RequireValidated).toBool(defaults.requireValidated));
    m_compare->setText(listText(target.value(TargetKey::Compare)));
    m_expectDivergence->setText(listText(target.value(TargetKey::ExpectDivergence)));
    showChoice(m_checkType, check.value(CheckKey::Type).toString(checkTypeName(checkDefaults.type)));
    m_expect->setText(listText(check.value(CheckKey::Expect)));
    m_port->setValue(check.value(CheckKey::Port).toInt(checkDefaults.port));
    m_url->setText(check.value(CheckKey::Url).toString());
    m_soaZone->setText(check.value(CheckKey::Zone).toString());
    m_soaServers->setText(listText(check.value(CheckKey::Servers)));
    m_soaMaxLag->setValue(check.value(CheckKey::MaxLagS).toInt(checkDefaults.maxLagS));
    const QJsonValue status = check.value(CheckKey::ExpectStatus);
    if (status.isArray()) {
        m_statusMin->setValue(status.toArray().at(0).toInt(checkDefaults.expectStatusMin));
        m_statusMax->setValue(status.toArray().at(1).toInt(checkDefaults.expectStatusMax));
    } else {
        m_statusMin->setValue(status.toInt(checkDefaults.expectStatusMin));
        m_statusMax->setValue(status.toInt(checkDefaults.expectStatusMax));
    }
    showCheckRows();
    m_populating = false;
    showCurrentProblems();
}

void TargetsPage::showCheckRows()
{
    const QString type = m_checkType->currentData().toString();
    const auto showRow = [this](const QString &field, bool visible) {
        m_formLayout->setRowVisible(SettingsPage::field(field), visible);
    };
    showRow(checkField(CheckKey::Expect), type == checkTypeName(CheckConfig::Type::Dns));
    showRow(checkField(CheckKey::Port), type == checkTypeName(CheckConfig::Type::Tcp));
    showRow(checkField(CheckKey::Url),
            type == checkTypeName(CheckConfig::Type::Http)
                    || type == checkTypeName(CheckConfig::Type::Mlflow));
    showRow(checkField(CheckKey::ExpectStatus), type == checkTypeName(CheckConfig::Type::Http));
    const bool soa = type == checkTypeName(CheckConfig::Type::Soa);
    for (const QLatin1String key : {CheckKey::Zone, CheckKey::Servers, CheckKey::MaxLagS})
        showRow(checkField(key), soa);
}

void TargetsPage::write(const QString &field, const QJsonValue &value)
{
    const int row = currentTarget();
    if (m_populating || row < 0)
        return;
    m_document->setValue(Block, row, field, value);
    Q_EMIT edited();
}

void TargetsPage::writeList(const QString &field, const QString &text)
{
    const QJsonArray entries = listFromText(text);
    write(field, entries.isEmpty() ? QJsonValue(QJsonValue::Undefined) : entries);
}

void TargetsPage::writeCheck()
{
    // Rebuilt from the inputs the type shows, so that switching types leaves no key of the old
    // type behind (and brings the new type's keys along).
    const QString type = m_checkType->currentData().toString();
    QJsonObject check{{CheckKey::Type, type}};
    if (type == checkTypeName(CheckConfig::Type::Dns)) {
        const QJsonArray expect = listFromText(m_expect->text());
        if (!expect.isEmpty())
            check.insert(CheckKey::Expect, expect);
    } else if (type == checkTypeName(CheckConfig::Type::Tcp)) {
        check.insert(CheckKey::Port, m_port->value());
    } else if (type == checkTypeName(CheckConfig::Type::Soa)) {
        check.insert(CheckKey::Zone, m_soaZone->text().trimmed());
        check.insert(CheckKey::Servers, listFromText(m_soaServers->text()));
        check.insert(CheckKey::MaxLagS, m_soaMaxLag->value());
    } else {
        check.insert(CheckKey::Url, m_url->text());
        if (type == checkTypeName(CheckConfig::Type::Http)) {
            check.insert(
                    CheckKey::ExpectStatus,
                    m_statusMin->value() == m_statusMax->value()
                            ? QJsonValue(m_statusMin->value())
                            : QJsonValue(QJsonArray{m_statusMin->value(), m_statusMax->value()}));
        }
    }
    write(TargetKey::Check, check);
}

void TargetsPage::showProblems(const QList<ConfigError> &errors)
{
    m_errors = errors;
    QList<QStringList> byTarget(m_list->count());
    QStringList blockProblems;
    for (const ConfigError &error : errors) {
        const int element = ConfigFieldPath::parse(error.path).element;
        if (element >= 0 && element < byTarget.size())
            byTarget[element].append(describe(error));
        else
            blockProblems.append(error.message);
    }
    for (int row = 0; row < byTarget.size(); ++row)
        m_list->setRowProblems(row, byTarget.at(row));
    m_blockProblems->setProblems(blockProblems);
    showCurrentProblems();
}

void TargetsPage::showCurrentProblems()
{
    QList<ConfigError> current;
    for (const ConfigError &error : std::as_const(m_errors)) {
        if (ConfigFieldPath::parse(error.path).element == currentTarget())
            current.append(error);
    }
    m_targetProblems->setProblems(showFieldProblems(current));
}

QString TargetsPage::uniqueName(const QString &wanted) const
{
    QStringList taken;
    for (const QJsonValue &target : m_document->elements(Block))
        taken.append(target.toObject().value(TargetKey::Name).toString());
    QString name = wanted;
    for (int n = 2; taken.contains(name); ++n)
        name = QStringLiteral("%1 %2").arg(wanted).arg(n);
    return name;
}

void TargetsPage::addTarget()
{
    // No host: the loader's "it is empty" under the field asks for one.
    QJsonArray targets = m_document->elements(Block);
    targets.append(QJsonObject{{TargetKey::Name, uniqueName(tr("new target"))},
                               {TargetKey::Host, QString()}});
    m_document->setElements(Block, targets);
    showRows(int(targets.size()) - 1);
    Q_EMIT edited();
    m_name->setFocus();
    m_name->selectAll();
}

void TargetsPage::duplicateTarget(int row)
{
    QJsonArray targets = m_document->elements(Block);
    if (row < 0 || row >= targets.size())
        return;
    QJsonObject copy = targets.at(row).toObject();
    copy.insert(TargetKey::Name,
                uniqueName(tr("%1 (copy)").arg(copy.value(TargetKey::Name).toString())));
    targets.insert(row + 1, copy);
    m_document->setElements(Block, targets);
    showRows(row + 1);
    Q_EMIT edited();
    m_name->setFocus();
    m_name->selectAll();
}

void TargetsPage::removeTarget(int row)
{
    QJsonArray targets = m_document->elements(Block);
    if (row < 0 || row >= targets.size())
        return;
    targets.removeAt(row);
    m_document->setElements(Block, targets);
    showRows(std::min(row, int(targets.size()) - 1));
    Q_EMIT edited();
}
