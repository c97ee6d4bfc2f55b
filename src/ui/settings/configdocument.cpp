#include "configdocument.h"

#include "configjsonwriter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace {
QByteArray fingerprint(const QByteArray &content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha256);
}

// What is on disk at path now; empty when there is no file (or none that can be read).
QByteArray diskFingerprint(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? fingerprint(file.readAll()) : QByteArray();
}

QJsonObject withField(QJsonObject object, const QString &field, const QJsonValue &value)
{
    const qsizetype dot = field.indexOf(QLatin1Char('.'));
    if (dot >= 0) {
        const QString key = field.left(dot);
        object.insert(key, withField(object.value(key).toObject(), field.mid(dot + 1), value));
    } else if (value.isUndefined()) {
        object.remove(field);
    } else {
        object.insert(field, value);
    }
    return object;
}

QJsonValue fieldOf(const QJsonObject &object, const QString &field)
{
    const qsizetype dot = field.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return object.value(field);
    return fieldOf(object.value(field.left(dot)).toObject(), field.mid(dot + 1));
}
} // namespace

bool ConfigDocument::load(const QString &path, QString *error)
{
    m_path = path;
    m_diskFingerprint.clear();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    const QByteArray content = file.readAll();
    m_diskFingerprint = fingerprint(content);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(content, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("invalid JSON: %1").arg(parseError.errorString());
        return false;
    }
    if (!document.isObject()) {
        *error = tr("the top level is not a JSON object");
        return false;
    }
    m_root = m_saved = document.object();
    return true;
}

void ConfigDocument::reset(const QJsonObject &root, Baseline baseline)
{
    m_root = root;
    m_saved = baseline == Baseline::Kept ? root : QJsonObject();
}

QJsonValue ConfigDocument::value(const QString &block, int element, const QString &field) const
{
    const QJsonValue blockValue = m_root.value(block);
    const QJsonValue owner = element < 0 ? blockValue : blockValue.toArray().at(element);
    if (field.isEmpty())
        return owner;
    return fieldOf(owner.toObject(), field);
}

void ConfigDocument::setValue(const QString &block, int element, const QString &field,
                              const QJsonValue &value)
{
    if (element < 0) {
        m_root.insert(block, withField(m_root.value(block).toObject(), field, value));
        return;
    }
    QJsonArray array = m_root.value(block).toArray();
    if (element >= array.size())
        return;
    array.replace(element, withField(array.at(element).toObject(), field, value));
    m_root.insert(block, array);
}

QJsonArray ConfigDocument::elements(const QString &block) const
{
    return m_root.value(block).toArray();
}

void ConfigDocument::setElements(const QString &block, const QJsonArray &elements)
{
    m_root.insert(block, elements);
}

bool ConfigDocument::changedOnDisk() const
{
    return !m_path.isEmpty() && diskFingerprint(m_path) != m_diskFingerprint;
}

QByteArray ConfigDocument::toJson() const { return formatConfigJson(m_root); }

bool ConfigDocument::save(const QString &path, QString *error)
{
    const QByteArray content = toJson();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()
        || !file.commit()) {
        *error = file.errorString();
        file.cancelWriting();
        return false;
    }
    m_path = path;
    m_saved = m_root;
    m_diskFingerprint = fingerprint(content);
    return true;
}
