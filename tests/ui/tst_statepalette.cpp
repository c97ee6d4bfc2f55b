// The state colours against WCAG AA: text on each state's background, and each state's
// foreground on the lightest and darkest base it is made for, in both shades, at least 4.5:1.
#include "screenshot.h"
#include "scriptedplace.h"
#include "statepalette.h"
#include "targettablemodel.h"

#include <QApplication>
#include <QTest>

Q_DECLARE_METATYPE(StateLook)
Q_DECLARE_METATYPE(StatePalette::Shade)

class TestStatePalette : public QObject
{
    Q_OBJECT
private:
    static constexpr double AaNormalText = 4.5;

private Q_SLOTS:
    void luminanceFollowsTheFormula()
    {
        QCOMPARE(relativeLuminance(Qt::black), 0.0);
        QCOMPARE(relativeLuminance(Qt::white), 1.0);
        QCOMPARE(contrastRatio(Qt::black, Qt::white), 21.0);
        QCOMPARE(contrastRatio(Qt::white, Qt::black), 21.0);
        // Values from the WCAG 2 formula by hand: #777777 on white is 4.48:1, just under AA.
        QVERIFY(qAbs(contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) - 4.48) < 0.01);
        QVERIFY(qAbs(relativeLuminance(QColor(0xc0, 0x1c, 0x28)) - 0.1219) < 0.001);
    }

    void everyLookMeetsAa_data()
    {
        QTest::addColumn<StatePalette::Shade>("shade");
        QTest::addColumn<StateLook>("look");
        const std::pair<const char *, StateLook> looks[] = {
                {"healthy", StateLook::Healthy}, {"degraded", StateLook::Degraded},
                {"down", StateLook::Down},       {"paused", StateLook::Paused},
                {"unknown", StateLook::Unknown}, {"unseen", StateLook::Unseen}};
        for (const auto &[name, look] : looks) {
            QTest::addRow("light %s", name) << StatePalette::Shade::Light << look;
            QTest::addRow("dark %s", name) << StatePalette::Shade::Dark << look;
        }
    }

    void everyLookMeetsAa()
    {
        QFETCH(StatePalette::Shade, shade);
        QFETCH(StateLook, look);
        const StateColors colors = StatePalette(shade).colors(look);
        QVERIFY(colors.background.isValid() && colors.text.isValid() && colors.foreground.isValid());
        const double onBackground = contrastRatio(colors.text, colors.background);
        const auto [lightest, darkest] = StatePalette::baseRange(shade);
        const double onLightest = contrastRatio(colors.foreground, lightest);
        const double onDarkest = contrastRatio(colors.foreground, darkest);
        qInfo("text on background %.2f:1, foreground on bases %.2f:1 and %.2f:1", onBackground,
              onLightest, onDarkest);
        QVERIFY2(onBackground >= AaNormalText, qPrintable(QString::number(onBackground)));
        QVERIFY2(onLightest >= AaNormalText, qPrintable(QString::number(onLightest)));
        QVERIFY2(onDarkest >= AaNormalText, qPrintable(QString::number(onDarkest)));
    }

    void looksAreToldApart()
    {
        // Each look its own background in a shade: the wall is read by colour first.
        for (const auto shade : {StatePalette::Shade::Light, StatePalette::Shade::Dark}) {
            QSet<QRgb> seen;
            for (int look = 0; look <= int(StateLook::Unseen); ++look)
                seen.insert(StatePalette(shade).colors(StateLook(look)).background.rgb());
            QCOMPARE(seen.size(), int(StateLook::Unseen) + 1);
        }
    }

    void shadeFollowsTheWindowColour()
    {
        QCOMPARE(StatePalette::shadeOf(darkPalette()), StatePalette::Shade::Dark);
        QPalette light;
        light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
        QCOMPARE(StatePalette::shadeOf(light), StatePalette::Shade::Light);
        // The dark palette's own base is inside the range the foregrounds are made for.
        const auto [lightest, darkest] = StatePalette::baseRange(StatePalette::Shade::Dark);
        QVERIFY(relativeLuminance(darkPalette().color(QPalette::Base))
                <= relativeLuminance(darkest));
        Q_UNUSED(lightest);
    }

    void tableStatusWordsMeetAa()
    {
        // The targets table's Status word in each state, on the base of a light and of a dark
        // palette (and its alternate rows), as the table paints it.
        ScriptedPlace place(QStringLiteral("this machine"), ScriptedPlace::Kind::Local);
        place.addTargets(QStringLiteral("t"), 5);
        const TargetState states[] = {TargetState::Healthy, TargetState::Degraded,
                                      TargetState::Down, TargetState::Paused, TargetState::Unknown};
        for (int i = 0; i < 5; ++i)
            place.setState(QStringLiteral("t%1").arg(i), states[i]);
        TargetTableModel model;
        model.addPlace(&place);
        const QPalette original = QApplication::palette();
        for (const QPalette &palette : {original, darkPalette()}) {
            QApplication::setPalette(palette);
            for (int row = 0; row < model.rowCount(); ++row) {
                const QModelIndex status = model.index(row, TargetTableModel::Status);
                const QColor text = status.data(Qt::ForegroundRole).value<QColor>();
                QVERIFY2(text.isValid(), qPrintable(status.data().toString()));
                for (const QPalette::ColorRole base : {QPalette::Base, QPalette::AlternateBase}) {
                    const double ratio = contrastRatio(text, palette.color(base));
                    QVERIFY2(ratio >= AaNormalText,
                             qPrintable(QStringLiteral("%1 in %2: %3:1")
                                                .arg(status.data().toString(), text.name())
                                                .arg(ratio)));
                }
            }
            // A place that does not answer: its rows greyed, still readable.
            place.setUnreachable(QDateTime::currentDateTimeUtc(), QStringLiteral("timeout"));
            QTRY_VERIFY(model.index(0, 0).data(TargetTableModel::UnseenRole).toBool());
            const QColor unseen =
                    model.index(0, TargetTableModel::Name).data(Qt::ForegroundRole).value<QColor>();
            QVERIFY(contrastRatio(unseen, palette.color(QPalette::Base)) >= AaNormalText);
            place.setUnreachable(QDateTime(), QString());
            QTRY_VERIFY(!model.index(0, 0).data(TargetTableModel::UnseenRole).toBool());
        }
        QApplication::setPalette(original);
    }

    void iconIsDrawnInEverySize()
    {
        const QIcon icon = StatePalette(StatePalette::Shade::Light).icon(StateLook::Down);
        QVERIFY(icon.availableSizes().contains(QSize(16, 16)));
        QVERIFY(icon.availableSizes().contains(QSize(64, 64)));
        // Something is drawn: not every pixel is transparent.
        const QImage image = icon.pixmap(QSize(32, 32)).toImage();
        bool drawn = false;
        for (int y = 0; y < image.height() && !drawn; ++y) {
            for (int x = 0; x < image.width() && !drawn; ++x)
                drawn = qAlpha(image.pixel(x, y)) > 0;
        }
        QVERIFY(drawn);
    }
};

QTEST_MAIN(TestStatePalette)
#include "tst_statepalette.moc"
