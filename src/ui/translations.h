#pragma once

#include <QString>

class QApplication;

// Loads the dashboard's translation (embedded as :/i18n/dnswatch_<language>.qm) and Qt's own
// (qtbase, for the standard dialogs' buttons, when installed) into the application.
// `language` is a code such as "de", "de_DE" or "en"; empty follows the system locale
// (QLocale::system()). English, the source language, takes only its plural forms from
// dnswatch_en.qm; a language without a translation leaves the interface in English. Returns
// false in that case: the interface is not in the language asked for.
bool installTranslations(QApplication &app, const QString &language = QString());
