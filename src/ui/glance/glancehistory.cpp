#include "glancehistory.h"

void GlanceHistory::add(const Sample &sample)
{
    m_samples.push_back(sample);
    while (m_samples.size() > size_t(Capacity))
        m_samples.pop_front();
}

QList<std::optional<double>> GlanceHistory::series(const QString &scope, GlanceFilter filter) const
{
    QList<std::optional<double>> values;
    values.reserve(qsizetype(m_samples.size()));
    for (const Sample &sample : m_samples) {
        const auto found = sample.constFind(scope);
        values.append(found == sample.cend() ? std::nullopt : found->value(filter));
    }
    return values;
}
