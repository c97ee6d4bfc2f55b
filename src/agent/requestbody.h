#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

// An action's body: one JSON object (UTF-8) holding no key but the given ones, none twice.
// Returns it, or nothing with *error saying what was wrong and what was expected.
std::optional<QJsonObject> jsonObjectBody(const QByteArray &body, const QStringList &keys,
                                          QString *error);
