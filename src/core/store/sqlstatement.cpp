#include "sqlstatement.h"

#include "store/historyschema.h"

#include <QSqlError>

SqlStatement::SqlStatement(HistoryConnection &connection, const QString &purpose, const QString &sql)
    : m_connection(connection), m_purpose(purpose), m_sql(sql), m_query(connection.database())
{
    m_query.setForwardOnly(true);
}

bool SqlStatement::fail()
{
    return m_connection.fail(m_purpose, sqlErrorText(m_query.lastError()));
}

bool SqlStatement::exec(const QVariantList &values)
{
    m_readFailed = false;
    if (values.isEmpty() && !m_prepared)
        return m_query.exec(m_sql) || fail();
    if (!m_prepared) {
        // SQLite's reason ("no such table"), not what exec() would say after it ("Parameter
        // count mismatch").
        if (!m_query.prepare(m_sql))
            return fail();
        m_prepared = true;
    }
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values[i];
        const bool nullText = value.typeId() == QMetaType::QString && value.toString().isNull();
        m_query.bindValue(i, nullText ? QVariant(QStringLiteral("")) : value);
    }
    return m_query.exec() || fail();
}

bool SqlStatement::next(OnStop onStop)
{
    if (onStop == OnStop::EndEarly && !m_connection.mayReadOn())
        return false;
    if (m_query.next())
        return true;
    // The end of the rows and an error both end the loop: only lastError() tells them apart.
    if (m_query.lastError().isValid()) {
        m_readFailed = true;
        fail();
    }
    return false;
}

std::optional<QVariant> SqlStatement::scalar(const QVariantList &values)
{
    if (!exec(values))
        return std::nullopt;
    if (!next(OnStop::ReadOn)) {
        fail();
        return std::nullopt;
    }
    return m_query.value(0);
}
