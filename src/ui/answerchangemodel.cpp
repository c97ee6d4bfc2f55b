#include "answerchangemodel.h"

#include <algorithm>

#include "printabletext.h"
#include "words/durationwords.h"
#include "words/localewords.h"

namespace {
// In Column order.
const char *const ColumnTitles[] = {
        QT_TRANSLATE_NOOP("AnswerChangeModel", "Time"),
        QT_TRANSLATE_NOOP("AnswerChangeModel", "Resolver"),
        QT_TRANSLATE_NOOP("AnswerChangeModel", "Before"),
        QT_TRANSLATE_NOOP("AnswerChangeModel", "After"),
        QT_TRANSLATE_NOOP("AnswerChangeModel", "TTL"),
};
static_assert(std::size(ColumnTitles) == AnswerChangeModel::ColumnCount);

const char *const ColumnToolTips[] = {
        QT_TRANSLATE_NOOP("AnswerChangeModel", "When the new answer came"),
        QT_TRANSLATE_NOOP("AnswerChangeModel", "The resolver that gave it"),
        QT_TRANSLATE_NOOP("AnswerChangeModel", "The addresses before the change"),
        QT_TRANSLATE_NOOP("AnswerChangeModel", "The addresses after the change"),
        QT_TRANSLATE_NOOP("AnswerChangeModel", "The time to live the cache gave the new answer"),
};
static_assert(std::size(ColumnToolTips) == AnswerChangeModel::ColumnCount);
} // namespace

AnswerChangeModel::AnswerChangeModel(int limit, QObject *parent)
    : FlatTableModel(ColumnTitles, parent, ColumnToolTips), m_limit(limit)
{ }

QString AnswerChangeModel::answerKey(const QString &place, const QString &host,
                                     const QString &resolver)
{
    return QStringLiteral("%1|%2|%3").arg(place, host.toLower(), resolver);
}

void AnswerChangeModel::add(const StoredEvent &event)
{
    if (event.kind == eventKindName(ResolverEvent::Kind::AddressesChanged))
        prependBounded(&m_events, event, m_limit);
}

void AnswerChangeModel::addEarlier(const QList<StoredEvent> &events, const QDateTime &before)
{
    QList<StoredEvent> earlier;
    for (const StoredEvent &event : events) {
        if (event.kind == eventKindName(ResolverEvent::Kind::AddressesChanged)
            && event.time < before)
            earlier.append(event);
    }
    std::reverse(earlier.begin(), earlier.end()); // newest first, as the rows
    const qsizetype room = qMax<qsizetype>(0, m_limit - m_events.size());
    if (earlier.size() > room)
        earlier.resize(room);
    if (!earlier.isEmpty()) {
        const int first = int(m_events.size());
        beginInsertRows(QModelIndex(), first, first + int(earlier.size()) - 1);
        m_events.append(earlier);
        endInsertRows();
    }
    m_reachesIntoHistory = true;
    emit reachedIntoHistory();
}

int AnswerChangeModel::rows() const { return int(m_events.size()); }

QVariant AnswerChangeModel::data(const QModelIndex &index, int role) const
{
    if (!isRowIndex(index))
        return QVariant();
    const StoredEvent &event = m_events[index.row()];
    if (role == AnswerKeyRole)
        return answerKey(event.place, event.host, event.resolver);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return QVariant();
    // Names and addresses come from the network and the config: shown, never obeyed.
    switch (index.column()) {
    case Time:
        return LocaleWords::dateTime(event.time);
    case Resolver:
        return printable(event.resolver);
    case Before:
        return event.before.isEmpty() ? tr("none")
                                      : printable(event.before.join(QLatin1String(", ")));
    case After:
        return event.after.isEmpty() ? tr("none")
                                     : printable(event.after.join(QLatin1String(", ")));
    case Ttl:
        return event.ttlS ? durationWords(*event.ttlS) : QStringLiteral("-");
    default:
        return QVariant();
    }
}
