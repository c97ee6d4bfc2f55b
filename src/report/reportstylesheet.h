#pragma once

#include "reportmarkup.h"

// The report's CSS, inline: light backgrounds only (it is printed), a print stylesheet for the
// browser (A4, each target on a new page, rows kept whole), and QTextDocument's subset in points
// so that the PDF's text has its size at any resolution.
QString reportStyleSheet(ReportMarkupFlavor flavor);
