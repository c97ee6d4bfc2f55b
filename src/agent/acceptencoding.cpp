#include "acceptencoding.h"

#include <QByteArray>
#include <QList>

namespace {

// The q-value of one element ("gzip;q=0.5"): 1 without one, 0 when it does not parse.
double qValue(const QList<QByteArray> &parameters)
{
    for (qsizetype i = 1; i < parameters.size(); ++i) {
        const QByteArray parameter = parameters[i].trimmed();
        if (!parameter.startsWith("q=") && !parameter.startsWith("Q="))
            continue;
        bool ok = false;
        const double q = parameter.mid(2).trimmed().toDouble(&ok);
        return ok && q > 0 && q <= 1 ? q : 0;
    }
    return 1;
}

} // namespace

bool acceptsGzip(QByteArrayView acceptEncoding)
{
    double gzip = -1; // not named
    double any = -1;
    for (const QByteArray &element : acceptEncoding.toByteArray().split(',')) {
        const QList<QByteArray> parameters = element.split(';');
        const QByteArray coding = parameters.first().trimmed().toLower();
        if (coding == "gzip" || coding == "x-gzip")
            gzip = std::max(gzip, qValue(parameters));
        else if (coding == "*")
            any = qValue(parameters);
    }
    return gzip >= 0 ? gzip > 0 : any > 0;
}
