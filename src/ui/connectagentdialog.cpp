#include "connectagentdialog.h"

#include "agenturlcheck.h"
#include "settings/problemlabel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSslCertificate>
#include <QStyle>

ConnectAgentDialog::ConnectAgentDialog(const QStringList &namesInUse, QWidget *parent)
    : QDialog(parent)
    , m_namesInUse(namesInUse)
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_showToken(new QCheckBox(tr("S&how"), this))
    , m_caFile(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse..."), this))
    , m_remember(new QCheckBox(tr("&Remember this agent"), this))
    , m_problem(new ProblemLabel(this))
    , m_warningRow(new QWidget(this))
    , m_warning(new QLabel(m_warningRow))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    describeFields();
    layOut();

    connect(m_name, &QLineEdit::textChanged, this, &ConnectAgentDialog::validate);
    connect(m_url, &QLineEdit::textChanged, this, &ConnectAgentDialog::validate);
    connect(m_caFile, &QLineEdit::textChanged, this, &ConnectAgentDialog::validate);
    connect(m_showToken, &QCheckBox::toggled, this, [this](bool shown) {
        m_token->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_browse, &QPushButton::clicked, this, &ConnectAgentDialog::browseCaFile);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

void ConnectAgentDialog::describeFields()
{
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("e.g. fra1"));
    m_name->setAccessibleName(tr("Agent name"));
    m_url->setObjectName(QStringLiteral("url"));
    m_url->setPlaceholderText(QStringLiteral("https://agent.example.net:9108"));
    m_url->setAccessibleName(tr("Agent URL"));
    m_token->setObjectName(QStringLiteral("token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("empty if the agent needs none"));
    m_token->setAccessibleName(tr("Token"));
    m_showToken->setObjectName(QStringLiteral("showToken"));
    m_showToken->setAccessibleName(tr("Show the token"));
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setPlaceholderText(tr("PEM file of a private CA; empty: the system's"));
    m_caFile->setAccessibleName(tr("CA file"));
    m_browse->setObjectName(QStringLiteral("browse"));
    m_browse->setAccessibleName(tr("Choose the CA file"));
    m_remember->setObjectName(QStringLiteral("remember"));
    m_remember->setChecked(true);
    m_remember->setAccessibleName(tr("Remember this agent"));
    m_remember->setAccessibleDescription(tr("The URL and CA file are kept in the dashboard's "
                                            "settings, the token in the desktop's secret store."));
    m_remember->setToolTip(m_remember->accessibleDescription());
    m_problem->setObjectName(QStringLiteral("problem"));
    m_warning->setObjectName(QStringLiteral("warning"));
    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setAccessibleName(tr("Warning"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
}

void ConnectAgentDialog::layOut()
{
    setWindowTitle(tr("Connect to agent"));
    setMinimumWidth(520);
    auto *rememberNote = new QLabel(m_remember->accessibleDescription(), this);
    rememberNote->setWordWrap(true);
    rememberNote->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred); // the full row
    rememberNote->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QPalette notePalette = rememberNote->palette(); // greyed like a hint, yet not disabled
    notePalette.setColor(QPalette::WindowText, notePalette.color(QPalette::PlaceholderText));
    rememberNote->setPalette(notePalette);
    auto *warningIcon = new QLabel(m_warningRow);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    warningIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this)
                                   .pixmap(iconSize, iconSize));
    auto *warningLayout = new QHBoxLayout(m_warningRow);
    warningLayout->setContentsMargins(0, 0, 0, 0);
    warningLayout->addWidget(warningIcon, 0, Qt::AlignTop);
    warningLayout->addWidget(m_warning, 1);

    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_showToken);
    auto *caFileRow = new QHBoxLayout;
    caFileRow->addWidget(m_caFile, 1);
    caFileRow->addWidget(m_browse);
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&URL:"), m_url);
    // A row of several widgets gets no buddy from QFormLayout: the label's accelerator needs one.
    auto *tokenLabel = new QLabel(tr("&Token:"), this);
    tokenLabel->setBuddy(m_token);
    form->addRow(tokenLabel, tokenRow);
    auto *caFileLabel = new QLabel(tr("&CA file:"), this);
    caFileLabel->setBuddy(m_caFile);
    form->addRow(caFileLabel, caFileRow);
    form->addRow(QString(), m_remember);
    form->addRow(QString(), rememberNote);
    form->addRow(m_problem);
    form->addRow(m_warningRow);
    form->addRow(m_buttons);
    setTabOrder(m_name, m_url);
    setTabOrder(m_url, m_token);
    setTabOrder(m_token, m_showToken);
    setTabOrder(m_showToken, m_caFile);
    setTabOrder(m_caFile, m_browse);
    setTabOrder(m_browse, m_remember);
    setTabOrder(m_remember, m_buttons);
}

void ConnectAgentDialog::setEndpoint(const AgentEndpoint &endpoint)
{
    m_name->setText(endpoint.name);
    m_url->setText(endpoint.url.toString());
    m_token->setText(endpoint.token);
    m_caFile->setText(endpoint.caFile);
}

AgentEndpoint ConnectAgentDialog::endpoint() const
{
    return {m_name->text().trimmed(), QUrl(m_url->text().trimmed(), QUrl::StrictMode),
            m_token->text().trimmed(), m_caFile->text().trimmed()};
}

bool ConnectAgentDialog::remember() const { return m_remember->isChecked(); }

bool ConnectAgentDialog::isInputValid() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

QString ConnectAgentDialog::problem() const { return m_problem->text(); }

QString ConnectAgentDialog::warning() const { return m_warning->text(); }

QString ConnectAgentDialog::nameProblem() const
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("Give the agent a name, e.g. fra1.");
    if (m_namesInUse.contains(name))
        return tr("An agent named \"%1\" is already watched: choose another name.").arg(name);
    return {};
}

QString ConnectAgentDialog::urlProblem() const
{
    return AgentUrlCheck::problem(QUrl(m_url->text().trimmed(), QUrl::StrictMode));
}

QString ConnectAgentDialog::caFileProblem() const
{
    const QString path = m_caFile->text().trimmed();
    if (path.isEmpty())
        return {};
    const QFileInfo info(path);
    if (!info.exists())
        return tr("CA file %1 does not exist.").arg(path);
    if (!info.isFile())
        return tr("CA file %1 is not a regular file.").arg(path);
    if (info.size() > MaxCaFileBytes)
        return tr("CA file %1 is too large for a certificate file (over 1 MiB).").arg(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("CA file %1 cannot be read: %2").arg(path, file.errorString());
    if (QSslCertificate::fromData(file.read(MaxCaFileBytes), QSsl::Pem).isEmpty())
        return tr("CA file %1 holds no PEM certificate.").arg(path);
    return {};
}

void ConnectAgentDialog::validate()
{
    const QString name = nameProblem();
    const QString url = urlProblem();
    const QString caFile = caFileProblem();
    m_name->setAccessibleDescription(name);
    m_url->setAccessibleDescription(url);
    m_caFile->setAccessibleDescription(caFile);
    QStringList problems;
    for (const QString &one : {name, url, caFile})
        if (!one.isEmpty())
            problems.append(one);
    m_problem->setProblems(problems);
    const bool inClear = url.isEmpty()
            && AgentUrlCheck::sendsTokenInClear(QUrl(m_url->text().trimmed(), QUrl::StrictMode));
    m_warning->setText(inClear ? tr("Warning: the token would cross the network in the clear "
                                    "(http:// to another machine). Use https:// if the agent "
                                    "has a certificate.")
                               : QString());
    m_warningRow->setVisible(inClear);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty());
}

void ConnectAgentDialog::browseCaFile()
{
    // Not the static getOpenFileName(): that would run an event loop inside this call.
    auto *chooser = new QFileDialog(this, tr("Choose the CA file"),
                                    QFileInfo(m_caFile->text().trimmed()).path(),
                                    tr("PEM certificates (*.pem *.crt);;All files (*)"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::ExistingFile);
    chooser->setAcceptMode(QFileDialog::AcceptOpen);
    connect(chooser, &QFileDialog::fileSelected, m_caFile, &QLineEdit::setText);
    chooser->open();
}
