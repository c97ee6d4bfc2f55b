#pragma once

#include "resolver/resolver.h"

#include <QDialog>

class QCheckBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

// Asks for the fallback addresses to pin for a host: one or more IPv4/IPv6 addresses
// (separated by commas or spaces), an optional expiry and a reason. OK stays disabled, and the
// problem is said under the field, while the input is not valid.
class PinDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PinDialog(const QString &host, QWidget *parent = nullptr);

    // The addresses as typed; empty with *error set when they are not valid.
    static QList<QHostAddress> parseAddresses(const QString &text, QString *error);

    void setAddressesText(const QString &text);
    void setReason(const QString &reason);
    void setExpiry(const std::optional<QDateTime> &expiry);
    bool isInputValid() const;
    QString problem() const;
    PinnedFallback pin() const; // origin Operator, pinned now

private:
    void validate();

    QLineEdit *m_addresses;
    QLabel *m_problem;
    QCheckBox *m_expires;
    QDateTimeEdit *m_expiry;
    QLineEdit *m_reason;
    QDialogButtonBox *m_buttons;
};
