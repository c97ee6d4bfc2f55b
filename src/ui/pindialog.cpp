#include "pindialog.h"

#include "resolver/envfallback.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>

PinDialog::PinDialog(const QString &host, QWidget *parent)
    : QDialog(parent)
    , m_addresses(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_expires(new QCheckBox(tr("Expires"), this))
    , m_expiry(new QDateTimeEdit(QDateTime::currentDateTime().addSecs(3600), this))
    , m_reason(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Pin fallback addresses for %1").arg(host));
    m_addresses->setPlaceholderText(tr("e.g. 10.0.0.5, fd00::5"));
    m_addresses->setAccessibleName(tr("Addresses"));
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Problem with the addresses"));
    m_expiry->setCalendarPopup(true);
    m_expiry->setEnabled(false);
    m_expiry->setAccessibleName(tr("Expiry"));
    m_reason->setPlaceholderText(tr("why, e.g. a ticket number"));
    m_reason->setAccessibleName(tr("Reason"));
    auto *expiryRow = new QHBoxLayout;
    expiryRow->addWidget(m_expires);
    expiryRow->addWidget(m_expiry, 1);
    auto *form = new QFormLayout(this);
    form->addRow(new QLabel(tr("DNS Watch serves these addresses for <b>%1</b> when DNS and the "
                               "stale cache cannot answer.")
                                    .arg(host.toHtmlEscaped()),
                            this));
    form->addRow(tr("&Addresses:"), m_addresses);
    form->addRow(QString(), m_problem);
    form->addRow(tr("Expiry:"), expiryRow);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(m_buttons);
    connect(m_addresses, &QLineEdit::textChanged, this, &PinDialog::validate);
    connect(m_expires, &QCheckBox::toggled, m_expiry, &QWidget::setEnabled);
    connect(m_expires, &QCheckBox::toggled, this, &PinDialog::validate);
    connect(m_expiry, &QDateTimeEdit::dateTimeChanged, this, &PinDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

QList<QHostAddress> PinDialog::parseAddresses(const QString &text, QString *error)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    const QStringList parts = text.split(separators, Qt::SkipEmptyParts);
    QList<QHostAddress> addresses;
    if (parts.isEmpty()) {
        *error = tr("Enter at least one IPv4 or IPv6 address.");
        return {};
    }
    for (const QString &part : parts) {
        QHostAddress address;
        QString why;
        if (!parseFallbackAddress(part, &address, &why)) {
            *error = tr("\"%1\": %2").arg(part, why);
            return {};
        }
        if (addresses.contains(address)) {
            *error = tr("\"%1\" is given twice.").arg(part);
            return {};
        }
        addresses.append(address);
    }
    error->clear();
    return addresses;
}

void PinDialog::setAddressesText(const QString &text) { m_addresses->setText(text); }

void PinDialog::setReason(const QString &reason) { m_reason->setText(reason); }

void PinDialog::setExpiry(const std::optional<QDateTime> &expiry)
{
    m_expires->setChecked(expiry.has_value());
    if (expiry)
        m_expiry->setDateTime(expiry->toLocalTime());
}

QString PinDialog::problem() const { return m_problem->text(); }

bool PinDialog::isInputValid() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

void PinDialog::validate()
{
    QString error;
    parseAddresses(m_addresses->text(), &error);
    if (error.isEmpty() && m_expires->isChecked()
        && m_expiry->dateTime() <= QDateTime::currentDateTime())
        error = tr("The expiry is in the past.");
    m_problem->setText(error);
    m_problem->setVisible(!error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

PinnedFallback PinDialog::pin() const
{
    PinnedFallback pin;
    QString error;
    pin.addresses = parseAddresses(m_addresses->text(), &error);
    pin.origin = PinnedFallback::Origin::Operator;
    pin.reason = m_reason->text().trimmed();
    pin.pinnedAt = QDateTime::currentDateTimeUtc();
    if (m_expires->isChecked())
        pin.expiresAt = m_expiry->dateTime().toUTC();
    return pin;
}
