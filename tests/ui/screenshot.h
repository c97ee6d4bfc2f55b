#pragma once

#include "charts/targetcharts.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QWidget>

// Saves what widget shows as DNSWATCH_SCREENSHOT_DIR/<name>.png (the test target defines the
// directory), for people to look at; says where, and whether it worked.
inline bool saveScreenshot(QWidget *widget, const QString &name)
{
    QDir().mkpath(QStringLiteral(DNSWATCH_SCREENSHOT_DIR));
    const QString path = QStringLiteral(DNSWATCH_SCREENSHOT_DIR "/%1.png").arg(name);
    // The charts take new points one chart per event-loop turn, and Qt Charts applies them to
    // its scene from posted events (a layout pass posts more): let those run, or the picture
    // shows the frame before.
    const auto plotting = [widget] {
        const auto charts = widget->findChildren<TargetCharts *>();
        return std::any_of(charts.cbegin(), charts.cend(),
                           [](const TargetCharts *one) { return one->isPlotting(); });
    };
    for (int pass = 0; pass < 100 && plotting(); ++pass)
        QCoreApplication::processEvents();
    for (int pass = 0; pass < 3; ++pass)
        QCoreApplication::processEvents();
    const bool saved = widget->grab().save(path);
    qInfo("screenshot: %s%s", qPrintable(path), saved ? "" : " (not saved)");
    return saved;
}
