#include "eventlogmodel.h"

#include "printabletext.h"
#include "words/eventsentence.h"
#include "words/localewords.h"
#include "words/machinewords.h"
#include "words/statesentence.h"

namespace {
// In Column order.
const char *const ColumnTitles[] = {
        QT_TRANSLATE_NOOP("EventLogModel", "Time"),
        QT_TRANSLATE_NOOP("EventLogModel", "Event"),
        QT_TRANSLATE_NOOP("EventLogModel", "Target or host"),
        QT_TRANSLATE_NOOP("EventLogModel", "Detail"),
};
static_assert(std::size(ColumnTitles) == EventLogModel::ColumnCount);
} // namespace

EventLogModel::EventLogModel(int limit, QObject *parent)
    : FlatTableModel(ColumnTitles, parent), m_limit(limit)
{ }

void EventLogModel::add(const StoredEvent &event) { prependBounded(&m_events, event, m_limit); }

QString EventLogModel::detailText(const StoredEvent &event)
{
    // A change of state says from what to what, before why; an agent's event who asked for it.
    QString text = eventSentence(event);
    if (event.kind == StoredEvent::stateChangedKind() && !event.before.isEmpty()
        && !event.after.isEmpty()) {
        if (const std::optional<TargetState> to = targetStateFromName(event.after.constFirst()))
            text = verdictSentence(*to, text);
        const QString change = MachineWords::state(event.before.constFirst())
                + QStringLiteral(" -> ") + MachineWords::state(event.after.constFirst());
        text = text.isEmpty() ? change : change + QStringLiteral(": ") + text;
    }
    if (!event.actor.isEmpty() && !text.contains(event.actor))
        text = tr("%1 (by %2)").arg(text, event.actor);
    return text;
}

QString EventLogModel::subjectText(const StoredEvent &event)
{
    const QString subject = event.target.isEmpty() ? event.host : event.target;
    if (event.place.isEmpty())
        return subject;
    return subject.isEmpty() ? event.place : QStringLiteral("%1: %2").arg(event.place, subject);
}

QString EventLogModel::asText(const StoredEvent &event)
{
    const QString subject = subjectText(event);
    return QStringLiteral("%1  %2  %3  %4")
            .arg(event.time.toString(Qt::ISODateWithMs), event.kind, subject, detailText(event));
}

int EventLogModel::rows() const { return int(m_events.size()); }

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!isRowIndex(index))
        return QVariant();
    const StoredEvent &event = m_events[index.row()];
    const QString subject = event.target.isEmpty() ? event.host : event.target;
    // Shown with the agent it happened at; the filter by target still finds it by its name.
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Time:
            return LocaleWords::dateTime(event.time);
        // Names and details come from the network and the config: shown, never obeyed.
        case Kind:
            return printable(MachineWords::eventKind(event.kind));
        case Subject:
            return printable(subjectText(event));
        case Detail:
            // The tooltip keeps the words it was recorded with too (the server, how long).
            if (role == Qt::ToolTipRole && detailText(event) != event.detail)
                return QString(printable(detailText(event)) + QLatin1Char('\n')
                               + printable(event.detail));
            return printable(detailText(event));
        }
        return QVariant();
    case KindRole:
        return event.kind;
    case SubjectRole:
        return subject;
    default:
        return QVariant();
    }
}
