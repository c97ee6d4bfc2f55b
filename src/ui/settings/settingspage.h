#pragma once

#include "config/appconfig.h"

#include <QHash>
#include <QWidget>

class ConfigDocument;
class QFormLayout;
class QJsonArray;
class QJsonValue;
class QScrollArea;
class QSpinBox;
class ValidatedField;
struct ConfigFieldPath;

// One tab of the settings editor: the widgets over one block of the config document ("targets",
// "cache"...). A page writes what the user changes into the document (only then: showing a value
// never rewrites it) and says so with edited(); the dialog runs the loader over the document and
// hands each page the errors of its block to show where they belong.
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    SettingsPage(const QString &block, ConfigDocument *document, QWidget *parent = nullptr);

    QString block() const { return m_block; }
    // The document changed as a whole (loaded, saved as something else): show it again.
    virtual void reload() = 0;
    // The loader's errors whose path is in this block (and only those); none: all is well.
    virtual void showProblems(const QList<ConfigError> &errors) = 0;
    // The input that edits field ("host", "check.url", "max_stale_s"), for tests and focus.
    QWidget *input(const QString &field) const;
    ValidatedField *field(const QString &field) const { return m_fields.value(field); }

Q_SIGNALS:
    void edited();

protected:
    // Adds a row "label: input" to form, input with the loader's problems for field under it.
    ValidatedField *addField(QFormLayout *form, const QString &label, const QString &field,
                             QWidget *input, const QString &help);
    // The fields' problems out of errors (for the element shown, when the block is an array);
    // what has no field of its own comes back, each said with its path below the element.
    QStringList showFieldProblems(const QList<ConfigError> &errors);
    // A list key as one line of text ("10.0.0.5, fd00::5") and back; entries that are not
    // strings are shown as JSON, so the loader's message about them still makes sense.
    static QString listText(const QJsonValue &value);
    static QJsonArray listFromText(const QString &text);
    // A spin box for a whole number key: its range is wide on purpose, so that the loader
    // (not the widget) says what is out of range, with the config's own message.
    QSpinBox *numberInput(const QString &suffix = QString());
    // form in a scroll area that shows the page's own background (no panel of another shade).
    QScrollArea *scrollable(QWidget *form);
    // The layout of a page over an array block: intro, the block's problems, then the list of
    // elements beside the selected element's form (scrollable).
    void layOutListAndForm(const QString &intro, QWidget *blockProblems, QWidget *list,
                           QWidget *form);
    // "host: message", or the message alone when the path ends at the element or block.
    static QString describe(const ConfigError &error);
    // The field a path points into, as this page names its fields (entries of a list field go
    // to the list field: "fallback_ips[1]" is "fallback_ips").
    virtual QString fieldFor(const ConfigFieldPath &path) const;

    ConfigDocument *m_document;
    bool m_populating = false; // showing values: the inputs' change signals are not edits

private:
    QString m_block;
    QHash<QString, ValidatedField *> m_fields;
};
