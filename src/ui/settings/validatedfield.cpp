#include "validatedfield.h"

#include "problemlabel.h"

#include <QLabel>
#include <QVBoxLayout>

#include <utility>

ValidatedField::ValidatedField(QWidget *input, const QString &help, QWidget *parent)
    : QWidget(parent)
    , m_input(input)
    , m_inputRow(new QHBoxLayout)
    , m_problem(new ProblemLabel(this))
    , m_help(help)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_inputRow->setSpacing(8);
    m_inputRow->addWidget(input, 1);
    if (input->sizePolicy().horizontalPolicy() == QSizePolicy::Fixed)
        keepCompact(); // a number stretched over the whole row reads badly
    layout->addLayout(m_inputRow);
    layout->addWidget(m_problem);
    input->setToolTip(help);
    input->setAccessibleDescription(help);
    setFocusProxy(input); // a form label's buddy is this field: focus goes to the input
}

void ValidatedField::keepCompact()
{
    if (std::exchange(m_compact, true))
        return;
    m_inputRow->setStretch(0, 0);
    m_inputRow->addStretch(1);
}

void ValidatedField::setHint(const QString &hint)
{
    auto *label = new QLabel(hint, this);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Dimmed, but readable: three parts text to two parts background.
    QPalette palette = label->palette();
    const QColor text = palette.color(QPalette::WindowText);
    const QColor back = palette.color(QPalette::Window);
    palette.setColor(QPalette::WindowText,
                     QColor((text.red() * 3 + back.red() * 2) / 5,
                            (text.green() * 3 + back.green() * 2) / 5,
                            (text.blue() * 3 + back.blue() * 2) / 5));
    label->setPalette(palette);
    keepCompact();
    m_inputRow->insertWidget(1, label);
}

void ValidatedField::setProblems(const QStringList &problems)
{
    m_problem->setProblems(problems);
    m_input->setAccessibleDescription(problems.isEmpty() ? m_help
                                                         : problems.join(QLatin1Char('\n')));
}

QString ValidatedField::problemText() const { return m_problem->text(); }
