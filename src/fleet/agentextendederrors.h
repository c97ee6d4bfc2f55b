#pragma once

#include "answerreader.h"

#include "dns/extendeddnserror.h"

// The "ede" list of an agent's target or event (ExtendedDnsErrors::toJson): each entry an object
// with a whole "code" from 0 to 65535 and an optional "text". Empty when the key is missing or
// null (an older agent). Each error names its JSON path under path ("$.targets[0].ede[1].code").
QList<ExtendedDnsError> readAgentExtendedErrors(AnswerReader &reader, const QJsonObject &object,
                                                const QString &path);
