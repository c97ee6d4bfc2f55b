#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// The config file as the settings editor edits it: the file's own JSON object (so blocks and
// keys the editor does not show stay exactly as they were), what it was when loaded or last
// saved, and a fingerprint of the file on disk to tell when something else changed it.
class ConfigDocument
{
    Q_DECLARE_TR_FUNCTIONS(ConfigDocument)
public:
    // Reads the file at path. False, with *error, when it cannot be read or holds no JSON
    // object; the path and what was on disk are kept either way, so that a save replaces it.
    bool load(const QString &path, QString *error);
    // Starts over from root (a config with no file, or one that could not be read); the
    // baseline for isModified() is root itself (Kept) or nothing (Empty: unsaved from the start).
    enum class Baseline { Kept, Empty };
    void reset(const QJsonObject &root, Baseline baseline);

    QString path() const { return m_path; } // empty: no file yet
    const QJsonObject &root() const { return m_root; }
    bool isModified() const { return m_root != m_saved; }

    // One value: block "cache" and field "max_stale_s", or block "targets", element 2 and field
    // "check.url" (one dot: a key of a key). Undefined when absent.
    QJsonValue value(const QString &block, int element, const QString &field) const;
    // Sets it, creating the objects on the way; an undefined value removes the key.
    void setValue(const QString &block, int element, const QString &field, const QJsonValue &value);
    QJsonArray elements(const QString &block) const;
    void setElements(const QString &block, const QJsonArray &elements);

    // True when the file is no longer what was loaded or last saved (changed, deleted, created).
    bool changedOnDisk() const;
    // Writes the config to path atomically (QSaveFile: the old file stays whole until the new
    // one is complete). False, with *error (the reason), when it could not; nothing changes then.
    bool save(const QString &path, QString *error);
    QByteArray toJson() const;

private:
    QString m_path;
    QJsonObject m_root;
    QJsonObject m_saved;
    QByteArray m_diskFingerprint; // empty: there was no file
};
