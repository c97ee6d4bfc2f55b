#include "dnssecvalidation.h"

QString dnssecValidationName(DnssecValidation validation)
{
    switch (validation) {
    case DnssecValidation::NotAsked:
        return QString();
    case DnssecValidation::Validated:
        return QStringLiteral("validated");
    case DnssecValidation::NotValidated:
        return QStringLiteral("not_validated");
    }
    return QString();
}

std::optional<DnssecValidation> dnssecValidationFromName(const QString &name)
{
    for (DnssecValidation validation : {DnssecValidation::NotAsked, DnssecValidation::Validated,
                                        DnssecValidation::NotValidated}) {
        if (dnssecValidationName(validation) == name)
            return validation;
    }
    return std::nullopt;
}

QJsonValue dnssecValidationJson(DnssecValidation validation)
{
    switch (validation) {
    case DnssecValidation::NotAsked:
        return QJsonValue();
    case DnssecValidation::Validated:
        return true;
    case DnssecValidation::NotValidated:
        return false;
    }
    return QJsonValue();
}

DnssecValidation combinedValidation(DnssecValidation a, DnssecValidation b)
{
    if (a == DnssecValidation::NotAsked || b == DnssecValidation::NotAsked)
        return DnssecValidation::NotAsked;
    if (a == DnssecValidation::NotValidated || b == DnssecValidation::NotValidated)
        return DnssecValidation::NotValidated;
    return DnssecValidation::Validated;
}
