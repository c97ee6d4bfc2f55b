#pragma once

#include <QString>

class QApplication;

// Loads the dashboard's translation (embedded as :/i18n/dnswatch_<language>.qm) and Qt's own
// (qtbase, for the standard dialogs' buttons, when installed) into the application.
// `language` is a code such as "de", "de_DE" or "en"; empty follows the system locale
// (QLocale::system()). English, the source language, needs no file; a language without a
// translation leaves the interface in English. Returns true when a dnswatch translation was
// installed.
bool installTranslations(QApplication &app, const QString &language = QString());
