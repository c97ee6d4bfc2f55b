// Writes DNS Watch's icon as PNG files for the desktop (hicolor theme sizes), at build time:
// rendericons DIR  ->  DIR/<size>x<size>/apps/dnswatch.png
#include "appicon.h"

#include <QDir>
#include <QGuiApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    if (app.arguments().size() != 2) {
        QTextStream(stderr) << "usage: rendericons DIR\n";
        return 2;
    }
    const QDir root(app.arguments().at(1));
    for (int size : {16, 24, 32, 48, 64, 128, 256}) {
        const QString dir = root.filePath(QStringLiteral("%1x%1/apps").arg(size));
        const QString file = dir + QStringLiteral("/dnswatch.png");
        if (!QDir().mkpath(dir) || !applicationIconPixmap(size).save(file)) {
            QTextStream(stderr) << "rendericons: cannot write " << file << '\n';
            return 1;
        }
    }
    return 0;
}
