#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

// Where a key is given a second time in one object of a JSON text.
struct DuplicateJsonKey
{
    QString path; // the second one's JSON path, such as "$.targets[1].host"
    int line = 0; // of the second one, from 1
    int firstLine = 0; // of the first one
};

// QJsonDocument keeps the last of two equal keys in an object and says nothing; this scans the
// text itself for the first key given twice (keys compared after their escapes are decoded).
// Meant for text QJsonDocument accepted, it still ends safely on any bytes: what is not JSON
// is skipped.
std::optional<DuplicateJsonKey> findDuplicateJsonKey(QByteArrayView json);
