#pragma once

#include <QByteArray>
#include <QJsonObject>

// The config as the settings editor writes it: indented by two spaces like the example config,
// keys in the order of their tables in config/configschema.h (unknown keys after,
// alphabetically), arrays of plain values on one line. QJsonDocument::Indented would sort every
// key alphabetically (a target's "name" after its "host") and spread each address over a line
// of its own.
QByteArray formatConfigJson(const QJsonObject &root);
