#include "policypage.h"

#include "configdocument.h"
#include "problemlabel.h"
#include "validatedfield.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSpinBox>

#include <algorithm>

PolicyPage::PolicyPage(const QString &block, const QString &intro, const QList<PolicyField> &fields,
                       ConfigDocument *document, QWidget *parent)
    : SettingsPage(block, document, parent)
    , m_fields(fields)
    , m_blockProblems(new ProblemLabel(this))
{
    auto *form = new QWidget(this);
    auto *formLayout = new QFormLayout(form);
    formLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const PolicyField &spec : std::as_const(m_fields)) {
        ValidatedField *field = nullptr;
        if (spec.defaultValue.isBool()) {
            auto *box = new QCheckBox(form);
            field = addField(formLayout, spec.label, spec.key, box, spec.help);
            connect(box, &QCheckBox::toggled, this, [this, key = spec.key](bool checked) {
                if (m_populating)
                    return;
                m_document->setValue(this->block(), -1, key, checked);
                Q_EMIT edited();
            });
        } else {
            QSpinBox *spin = numberInput(spec.suffix);
            field = addField(formLayout, spec.label, spec.key, spin, spec.help);
            connect(spin, &QSpinBox::valueChanged, this, [this, key = spec.key](int value) {
                if (m_populating)
                    return;
                m_document->setValue(this->block(), -1, key, value);
                Q_EMIT edited();
            });
        }
        field->setHint(spec.key);
    }
    // One width for every number: the column reads as a column whatever the unit.
    const QList<QSpinBox *> spins = form->findChildren<QSpinBox *>();
    int width = 0;
    for (const QSpinBox *spin : spins)
        width = std::max(width, spin->sizeHint().width());
    for (QSpinBox *spin : spins)
        spin->setMinimumWidth(width);
    QScrollArea *scroll = scrollable(form);
    auto *introLabel = new QLabel(intro, this);
    introLabel->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(introLabel);
    layout->addWidget(m_blockProblems);
    layout->addWidget(scroll, 1);
}

void PolicyPage::reload()
{
    m_populating = true;
    for (const PolicyField &spec : std::as_const(m_fields)) {
        const QJsonValue value = m_document->value(block(), -1, spec.key);
        if (auto *box = qobject_cast<QCheckBox *>(input(spec.key)))
            box->setChecked(value.toBool(spec.defaultValue.toBool()));
        else if (auto *spin = qobject_cast<QSpinBox *>(input(spec.key)))
            spin->setValue(value.toInt(spec.defaultValue.toInt()));
    }
    m_populating = false;
}

void PolicyPage::showProblems(const QList<ConfigError> &errors)
{
    m_blockProblems->setProblems(showFieldProblems(errors));
}
