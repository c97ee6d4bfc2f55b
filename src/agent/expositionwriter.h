#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <initializer_list>

// Writes the Prometheus text exposition (format 0.0.4) straight into one UTF-8 buffer reserved
// up front, so a scrape never holds the whole text twice: families (one HELP and TYPE header)
// and their samples, label values escaped as the format asks (backslash, quote, newline).
class ExpositionWriter
{
public:
    // A label beyond the fixed ones of a sample: its value is escaped as it is written.
    struct Label
    {
        QByteArrayView name;
        QString value;
    };

    explicit ExpositionWriter(qsizetype capacity);

    void family(const char *name, const char *type, const char *help);
    // A sample of the current family: name and suffix ("_bucket"), the labels already escaped
    // (an escapedLabels() result, may be empty), then the extra labels, escaped here.
    void sample(QByteArrayView labels, double value, QByteArrayView suffix = {});
    void sample(QByteArrayView labels, std::initializer_list<Label> extra, double value,
                QByteArrayView suffix = {});
    // Text already in the format (another part of the exposition).
    void append(QByteArrayView text) { m_text.append(text); }

    // name="value" pairs joined by commas, the values escaped.
    static QByteArray escapedLabels(std::initializer_list<Label> labels);
    static void appendEscaped(QByteArray *out, const QString &value);

    QByteArray take() { return std::move(m_text); }

private:
    void appendValue(double value);

    QByteArray m_name;
    QByteArray m_text;
};
