#pragma once

#include "healthreport.h"

#include <QByteArray>

// The report as one self-contained HTML5 file, UTF-8: CSS inline (with a print stylesheet), the
// charts as PNG data URIs (drawn on a few threads at once), no script and no external resource.
// Every text from the data is escaped. The same report gives the same bytes, on any thread: nothing
// reads the clock.
QByteArray reportHtml(const HealthReport &report);
