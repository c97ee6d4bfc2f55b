#include "translations.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {
bool installOwn(QApplication &app, const QLocale &locale)
{
    auto *translator = new QTranslator(&app);
    if (!translator->load(locale, QStringLiteral("dnswatch"), QStringLiteral("_"),
                          QStringLiteral(":/i18n"))) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

// The app's own strings are written in English; English needs only its plural forms ("1
// target", "2 targets"), from dnswatch_en.qm. It is also what a language without a translation
// gets.
bool installEnglish(QApplication &app) { return installOwn(app, QLocale(QLocale::English)); }
} // namespace

bool installTranslations(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return installEnglish(app);

    // Qt's own strings (QDialogButtonBox, QMessageBox, ...), when the system has them.
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;

    if (installOwn(app, locale)) {
        QLocale::setDefault(locale); // numbers, dates and times as the words: "99,5 %"
        return true;
    }
    installEnglish(app);
    return false;
}
