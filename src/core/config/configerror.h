#pragma once

#include <QString>

// One problem in a config file: where (file and JSON path such as "$.targets[2].host") and what
// was expected.
struct ConfigError
{
    QString file;
    QString path;
    QString message;

    QString toString() const; // "dnswatch.json: $.targets[2].host: expected ..."
};
