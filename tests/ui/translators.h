#pragma once

#include <QCoreApplication>
#include <QTranslator>

// Removes every translator installTranslations() put into the application, so a test can
// install another language.
inline void removeTranslators()
{
    const auto translators = QCoreApplication::instance()->findChildren<QTranslator *>(
            Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}
