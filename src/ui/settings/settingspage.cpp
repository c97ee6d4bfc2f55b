#include "settingspage.h"

#include "configfieldpath.h"
#include "validatedfield.h"

#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

SettingsPage::SettingsPage(const QString &block, ConfigDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_block(block)
{ }

QWidget *SettingsPage::input(const QString &field) const
{
    const ValidatedField *found = m_fields.value(field);
    return found ? found->input() : nullptr;
}

ValidatedField *SettingsPage::addField(QFormLayout *form, const QString &label,
                                       const QString &field, QWidget *input, const QString &help)
{
    auto *validated = new ValidatedField(input, help, this);
    validated->setObjectName(m_block + QLatin1Char('.') + field);
    input->setObjectName(validated->objectName() + QLatin1String(".input"));
    QString name = label;
    name.remove(QLatin1Char('&'));
    if (name.endsWith(QLatin1Char(':')))
        name.chop(1);
    input->setAccessibleName(name);
    form->addRow(label, validated);
    m_fields.insert(field, validated);
    return validated;
}

QString SettingsPage::fieldFor(const ConfigFieldPath &path) const { return path.field; }

QStringList SettingsPage::showFieldProblems(const QList<ConfigError> &errors)
{
    QHash<QString, QStringList> byField;
    QStringList unplaced;
    for (const ConfigError &error : errors) {
        const QString field = fieldFor(ConfigFieldPath::parse(error.path));
        if (m_fields.contains(field))
            byField[field].append(error.message);
        else
            unplaced.append(describe(error));
    }
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        it.value()->setProblems(byField.value(it.key()));
    return unplaced;
}

QString SettingsPage::describe(const ConfigError &error)
{
    const ConfigFieldPath where = ConfigFieldPath::parse(error.path);
    if (where.field.isEmpty())
        return error.message;
    const QString prefix = QLatin1String("$.") + where.block
            + (where.element >= 0 ? QStringLiteral("[%1].").arg(where.element)
                                  : QStringLiteral("."));
    return QStringLiteral("%1: %2").arg(error.path.mid(prefix.size()), error.message);
}

QString SettingsPage::listText(const QJsonValue &value)
{
    QStringList entries;
    for (const QJsonValue &entry : value.toArray()) {
        entries.append(entry.isString() ? entry.toString()
                                        : QString::fromUtf8(QJsonDocument(QJsonArray{entry})
                                                                    .toJson(QJsonDocument::Compact)
                                                                    .chopped(1)
                                                                    .mid(1)));
    }
    return entries.join(QLatin1String(", "));
}

QJsonArray SettingsPage::listFromText(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QJsonArray array;
    for (const QString &entry : text.split(separators, Qt::SkipEmptyParts))
        array.append(entry);
    return array;
}

QSpinBox *SettingsPage::numberInput(const QString &suffix)
{
    auto *spin = new QSpinBox(this);
    spin->setRange(0, 99'999'999);
    spin->setSuffix(suffix);
    spin->setAlignment(Qt::AlignRight);
    spin->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    return spin;
}

void SettingsPage::layOutListAndForm(const QString &intro, QWidget *blockProblems, QWidget *list,
                                     QWidget *form)
{
    auto *introLabel = new QLabel(intro, this);
    introLabel->setWordWrap(true);
    auto *splitter = new QSplitter(this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(list);
    splitter->addWidget(scrollable(form));
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(introLabel);
    layout->addWidget(blockProblems);
    layout->addWidget(splitter, 1);
}

QScrollArea *SettingsPage::scrollable(QWidget *form)
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(form);
    form->setAutoFillBackground(false); // setWidget() turned it on
    scroll->viewport()->setAutoFillBackground(false);
    return scroll;
}
