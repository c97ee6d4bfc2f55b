#pragma once

#include "config/appconfig.h"

#include <QJsonObject>

// A running config as a config file would hold it, every key written out: for a dashboard
// with no file behind it (the embedded default, the demo lab; a file is edited as its own JSON,
// so that what the editor does not show stays as it was), and for the digest of the config a
// health report names.
QJsonObject configToJson(const AppConfig &config);
