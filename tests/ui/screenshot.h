#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QWidget>

// Saves what widget shows as DNSWATCH_SCREENSHOT_DIR/<name>.png (the test target defines the
// directory), for people to look at; says where, and whether it worked.
inline bool saveScreenshot(QWidget *widget, const QString &name)
{
    QDir().mkpath(QStringLiteral(DNSWATCH_SCREENSHOT_DIR));
    const QString path = QStringLiteral(DNSWATCH_SCREENSHOT_DIR "/%1.png").arg(name);
    // Qt Charts applies new series and titles to its scene from posted events (and a layout
    // pass posts more): let those run, or the picture shows the frame before.
    for (int pass = 0; pass < 3; ++pass)
        QCoreApplication::processEvents();
    const bool saved = widget->grab().save(path);
    qInfo("screenshot: %s%s", qPrintable(path), saved ? "" : " (not saved)");
    return saved;
}
