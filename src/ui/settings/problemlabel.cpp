#include "problemlabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

ProblemLabel::ProblemLabel(QWidget *parent)
    : QWidget(parent), m_icon(new QLabel(this)), m_text(new QLabel(this))
{
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(
            style()->standardIcon(QStyle::SP_MessageBoxCritical, nullptr, this).pixmap(size, size));
    m_icon->setAlignment(Qt::AlignTop);
    m_icon->setAccessibleName(tr("Error"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QPalette palette = m_text->palette();
    palette.setColor(QPalette::WindowText, colour());
    m_text->setPalette(palette);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    setVisible(false);
}

void ProblemLabel::setProblems(const QStringList &problems)
{
    const QString text = problems.join(QLatin1Char('\n'));
    m_text->setText(text);
    m_text->setAccessibleName(text);
    setAccessibleName(text);
    setVisible(!text.isEmpty());
}

QString ProblemLabel::text() const { return m_text->text(); }

QColor ProblemLabel::colour() { return QColor(0xc0, 0x1c, 0x28); }
