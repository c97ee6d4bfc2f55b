#pragma once

#include "config/appconfig.h"

#include <QByteArray>
#include <QStringList>

// A config from JSON the test wrote itself, checked by the real loader; a mistake in it ends the
// test at once with the loader's message.
AppConfig testConfig(const QByteArray &json);

// One resolver "lab" asking `server` ("IP:port") once with a 300 ms timeout, a minimum TTL of
// 1 s, and a target per name in `names` ("api" looks up api.lab.test through lab every second).
AppConfig labConfig(const QString &server, const QStringList &names = {});
