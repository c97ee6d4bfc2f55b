#include "emptytargetsview.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {
constexpr int TextWidth = 620; // a line that can be read at a glance, however wide the window
}

EmptyTargetsView::EmptyTargetsView(QWidget *parent)
    : QWidget(parent)
    , m_settings(new QPushButton(tr("&Add a target in Settings..."), this))
    , m_demo(new QPushButton(tr("Start the &demo lab"), this))
    , m_demoStatus(new QLabel(this))
    , m_demoProgram(QCoreApplication::applicationFilePath())
    , m_demoArguments{QStringLiteral("--demo")}
{
    setObjectName(QStringLiteral("emptyTargets"));
    setAccessibleName(tr("No targets"));
    auto *title = new QLabel(tr("No targets to show yet"), this);
    QFont larger = title->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.5);
    larger.setBold(true);
    title->setFont(larger);
    auto *explanation = new QLabel(
            tr("A target is a host your services need: its name, the resolver that looks it up "
               "and a check of its service. Add the first one in Settings, or watch the targets "
               "of a DNS Watch agent elsewhere (File > Connect to agent...): its targets show here "
               "once it answers.\n\nNew to DNS Watch? "
               "The demo lab shows it at work with nothing to set up: a fake zone on this "
               "machine whose DNS fails on a script, in a window of its own."),
            this);
    explanation->setWordWrap(true);
    m_demoStatus->setWordWrap(true);
    m_demoStatus->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_demoStatus->setObjectName(QStringLiteral("demoStatus"));
    for (QLabel *label : {title, explanation, m_demoStatus})
        label->setAlignment(Qt::AlignHCenter);
    m_settings->setObjectName(QStringLiteral("addTargetButton"));
    m_settings->setDefault(true);
    m_demo->setObjectName(QStringLiteral("startDemoButton"));
    connect(m_settings, &QPushButton::clicked, this, &EmptyTargetsView::settingsRequested);
    connect(m_demo, &QPushButton::clicked, this, &EmptyTargetsView::startDemo);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_settings);
    buttons->addWidget(m_demo);
    buttons->addStretch();
    // The words in a column of their own, so that wrapped lines get the height they need.
    auto *column = new QWidget(this);
    column->setMaximumWidth(TextWidth);
    auto *words = new QVBoxLayout(column);
    words->addWidget(title);
    words->addWidget(explanation);
    words->addSpacing(12);
    words->addLayout(buttons);
    words->addWidget(m_demoStatus);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 100);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addLayout(row);
    layout->addStretch();
    setDemoCommand(m_demoProgram, m_demoArguments);
}

QWidget *EmptyTargetsView::inPlaceOf(QWidget *table, QAbstractItemModel *model)
{
    auto *stack = new QStackedWidget(parentWidget());
    stack->addWidget(table);
    stack->addWidget(this);
    const auto follow = [stack, table, this, model] {
        stack->setCurrentWidget(model->rowCount() > 0 ? table : static_cast<QWidget *>(this));
    };
    connect(model, &QAbstractItemModel::rowsInserted, stack, follow);
    connect(model, &QAbstractItemModel::rowsRemoved, stack, follow);
    connect(model, &QAbstractItemModel::modelReset, stack, follow);
    follow();
    return stack;
}

void EmptyTargetsView::setDemoCommand(const QString &program, const QStringList &arguments)
{
    m_demoProgram = program;
    m_demoArguments = arguments;
    m_demoStatus->setText(tr("It starts as: %1").arg(demoCommandLine()));
}

QString EmptyTargetsView::demoCommandLine() const
{
    QStringList words{QFileInfo(m_demoProgram).fileName()};
    words += m_demoArguments;
    return words.join(QLatin1Char(' '));
}

QString EmptyTargetsView::demoStatus() const { return m_demoStatus->text(); }

void EmptyTargetsView::startDemo()
{
    QProcess process;
    process.setProgram(m_demoProgram);
    process.setArguments(m_demoArguments);
    qint64 pid = 0;
    if (!process.startDetached(&pid)) {
        m_demoStatus->setText(tr("The demo lab could not be started (%1). Run it from a "
                                 "terminal: %2")
                                      .arg(process.errorString(), demoCommandLine()));
        return;
    }
    m_demoStatus->setText(
            tr("The demo lab is starting in a window of its own (%1).").arg(demoCommandLine()));
    Q_EMIT demoStarted(pid);
}
