#pragma once

#include "config/appconfig.h"

#include <QByteArray>

// A config from JSON the test wrote itself, checked by the real loader; a mistake in it ends the
// test at once with the loader's message.
AppConfig testConfig(const QByteArray &json);
