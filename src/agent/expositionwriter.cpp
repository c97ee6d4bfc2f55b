#include "expositionwriter.h"

#include <cmath>

ExpositionWriter::ExpositionWriter(qsizetype capacity) { m_text.reserve(capacity); }

void ExpositionWriter::family(const char *name, const char *type, const char *help)
{
    m_name = QByteArray(name);
    m_text.append("# HELP ").append(m_name).append(' ').append(help).append("\n# TYPE ");
    m_text.append(m_name).append(' ').append(type).append('\n');
}

void ExpositionWriter::sample(QByteArrayView labels, double value, QByteArrayView suffix)
{
    sample(labels, {}, value, suffix);
}

void ExpositionWriter::sample(QByteArrayView labels, std::initializer_list<Label> extra,
                              double value, QByteArrayView suffix)
{
    m_text.append(m_name).append(suffix);
    if (!labels.isEmpty() || extra.size() > 0) {
        m_text.append('{').append(labels);
        bool first = labels.isEmpty();
        for (const Label &label : extra) {
            if (!first)
                m_text.append(',');
            first = false;
            m_text.append(label.name).append("=\"");
            appendEscaped(&m_text, label.value);
            m_text.append('"');
        }
        m_text.append('}');
    }
    m_text.append(' ');
    appendValue(value);
    m_text.append('\n');
}

QByteArray ExpositionWriter::escapedLabels(std::initializer_list<Label> labels)
{
    QByteArray text;
    for (const Label &label : labels) {
        if (!text.isEmpty())
            text.append(',');
        text.append(label.name).append("=\"");
        appendEscaped(&text, label.value);
        text.append('"');
    }
    return text;
}

void ExpositionWriter::appendEscaped(QByteArray *out, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            out->append("\\\\");
            break;
        case '"':
            out->append("\\\"");
            break;
        case '\n':
            out->append("\\n");
            break;
        default:
            out->append(c);
        }
    }
}

void ExpositionWriter::appendValue(double value)
{
    // Most samples are counts: said as integers, without the general (and far slower) path.
    constexpr double ExactIntegers = 9007199254740992.0; // 2^53
    if (std::isnan(value))
        m_text.append("NaN");
    else if (std::isinf(value))
        m_text.append(value > 0 ? "+Inf" : "-Inf");
    else if (std::trunc(value) == value && std::fabs(value) <= ExactIntegers)
        m_text.append(QByteArray::number(qint64(value)));
    else
        m_text.append(QByteArray::number(value, 'g', 12));
}
