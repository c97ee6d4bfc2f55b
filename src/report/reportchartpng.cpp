#include "reportchartpng.h"

#include <QBuffer>
#include <QHash>
#include <QImageWriter>

#include <algorithm>
#include <limits>

namespace {
// QImageWriter's compression for PNG goes from 0 to 100, which Qt maps onto zlib's levels 0 to 9
// (value * 9 / 91): 20 is level 1. For these palette images level 1 takes half the time of Qt's
// default and makes files a fifth bigger.
constexpr int PngCompression = 20;
constexpr int PaletteSize = 256;

// Squared distance between two colours, weighted roughly as the eye weighs red, green and blue.
int distance(QRgb a, QRgb b)
{
    const int red = qRed(a) - qRed(b);
    const int green = qGreen(a) - qGreen(b);
    const int blue = qBlue(a) - qBlue(b);
    return 3 * red * red + 4 * green * green + 2 * blue * blue;
}

// How many pixels have each colour. A run of one colour (the white, the flat tints, the
// lines along a row) counts at once.
QHash<QRgb, qint64> colourCounts(const QImage &image)
{
    QHash<QRgb, qint64> counts;
    const int width = image.width();
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < width;) {
            const QRgb colour = line[x];
            const int start = x;
            while (x < width && line[x] == colour)
                ++x;
            counts[colour] += x - start;
        }
    }
    return counts;
}

// The most used colours first; ties in the order of their values, so the palette does not
// depend on the hash's order.
QList<QRgb> paletteOf(const QHash<QRgb, qint64> &counts)
{
    QList<std::pair<qint64, QRgb>> byUse;
    byUse.reserve(counts.size());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        byUse.append({it.value(), it.key()});
    const qsizetype size = std::min<qsizetype>(PaletteSize, byUse.size());
    std::partial_sort(byUse.begin(), byUse.begin() + size, byUse.end(),
                      [](const auto &a, const auto &b) {
                          return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    QList<QRgb> palette;
    palette.reserve(size);
    for (qsizetype i = 0; i < size; ++i)
        palette.append(byUse.at(i).second);
    return palette;
}

uchar nearestIndex(QRgb colour, const QList<QRgb> &palette)
{
    qsizetype best = 0;
    int bestDistance = std::numeric_limits<int>::max();
    for (qsizetype i = 0; i < palette.size(); ++i) {
        if (const int d = distance(colour, palette.at(i)); d < bestDistance) {
            best = i;
            bestDistance = d;
        }
    }
    return uchar(best);
}

// image (RGB32) with an 8-bit palette.
QImage withPalette(const QImage &image)
{
    const QList<QRgb> palette = paletteOf(colourCounts(image));
    QHash<QRgb, uchar> indexOf;
    for (qsizetype i = 0; i < palette.size(); ++i)
        indexOf.insert(palette.at(i), uchar(i));

    QImage indexed(image.size(), QImage::Format_Indexed8);
    indexed.setColorTable(palette);
    indexed.setDevicePixelRatio(image.devicePixelRatio());
    const int width = image.width();
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        uchar *out = indexed.scanLine(y);
        QRgb last = 0;
        uchar lastIndex = 0;
        for (int x = 0; x < width; ++x) {
            if (x == 0 || line[x] != last) {
                last = line[x];
                auto it = indexOf.constFind(last);
                if (it == indexOf.cend())
                    it = indexOf.insert(last, nearestIndex(last, palette));
                lastIndex = it.value();
            }
            out[x] = lastIndex;
        }
    }
    return indexed;
}
} // namespace

QByteArray reportChartPng(ReportChart chart, const QList<ReportPoint> &series,
                          const QDateTime &from, const QDateTime &to, const QSize &size,
                          qreal devicePixelRatio)
{
    const QImage image = renderReportChart(chart, series, from, to, size, devicePixelRatio);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    writer.setCompression(PngCompression);
    writer.write(withPalette(image));
    return png;
}
