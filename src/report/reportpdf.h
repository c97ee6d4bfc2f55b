#pragma once

#include "healthreport.h"

#include <QByteArray>
#include <QString>

// The report as an A4 PDF: the HTML report's content laid out by QTextDocument, the charts drawn
// as vectors (sharp at any zoom), every page with a header (title and range) and a footer ("Page N
// of M"). Works off the GUI thread and on the offscreen platform (a QGuiApplication must exist, for
// fonts). Returns empty bytes, and says why in error, when the PDF cannot be made.
QByteArray reportPdf(const HealthReport &report, QString *error = nullptr);
