#include "agenterrortext.h"

#include "printabletext.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString tr(const char *text) { return QCoreApplication::translate("AgentErrorText", text); }

// What the agent said about it, made safe to show: at most one line of 200 characters.
QString agentWords(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    QString words = document.isObject() ? document.object().value(QLatin1String("error")).toString()
                                        : QString::fromUtf8(body.left(400));
    words = words.section(QLatin1Char('\n'), 0, 0).trimmed();
    if (words.size() > 200)
        words = words.left(199) + QChar(0x2026);
    return printable(words);
}

} // namespace

QString networkProblem(QNetworkReply::NetworkError error, const QString &errorString)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return tr("connection refused (is the agent running?)");
    case QNetworkReply::HostNotFoundError:
        return tr("the agent's host name does not resolve");
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return tr("no answer within the time allowed");
    case QNetworkReply::RemoteHostClosedError:
        return tr("the agent closed the connection");
    case QNetworkReply::SslHandshakeFailedError:
        return tr("TLS handshake failed: %1").arg(errorString);
    default:
        return errorString;
    }
}

QString httpProblem(int httpStatus, const QByteArray &body)
{
    QString meaning;
    if (httpStatus == 401)
        meaning = tr("the agent refused the token");
    else if (httpStatus == 403)
        meaning = tr("the token may not do this");
    else if (httpStatus == 404)
        meaning = tr("not found");
    else if (httpStatus >= 500)
        meaning = tr("the agent failed");
    else
        meaning = tr("refused");
    const QString said = agentWords(body);
    const QString status = QStringLiteral("HTTP %1").arg(httpStatus);
    return said.isEmpty() ? QStringLiteral("%1 (%2)").arg(meaning, status)
                          : QStringLiteral("%1 (%2): %3").arg(meaning, status, said);
}
