#pragma once

#include "charts/targetcharts.h"

#include <algorithm>

#include <QColor>
#include <QCoreApplication>
#include <QDir>
#include <QPalette>
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

// A dark system palette, as a dark desktop theme gives one: the dashboard must follow it.
inline QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
    dark.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a)); // as dark themes set it
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return dark;
}
