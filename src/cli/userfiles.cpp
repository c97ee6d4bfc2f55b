#include "userfiles.h"

#include "config/appconfigjson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace {

// The folder and, above it, every one not there yet, each made for the user alone (0700):
// history and config say which hosts matter and when they failed.
bool makePrivateFolder(const QString &folder, QString *error)
{
    QStringList missing;
    for (QString path = QDir::cleanPath(QDir(folder).absolutePath()); !QFileInfo::exists(path);
         path = QFileInfo(path).path()) {
        missing.prepend(path);
        if (QFileInfo(path).path() == path)
            break;
    }
    for (const QString &path : std::as_const(missing)) {
        if (::mkdir(QFile::encodeName(path).constData(), 0700) != 0 && errno != EEXIST) {
            *error = QStringLiteral("cannot make the folder %1 (%2)")
                             .arg(path, QString::fromLocal8Bit(::strerror(errno)));
            return false;
        }
    }
    if (!QFileInfo(folder).isDir()) {
        *error = QStringLiteral("%1 is not a folder").arg(folder);
        return false;
    }
    return true;
}

// The embedded default as a file: its own text, with the targets the default adds from the
// environment (the MLflow server) written in, since a file is watched as it is written.
QByteArray defaultConfigText()
{
    QFile embedded(QStringLiteral(":/resources/default-config.json"));
    const QByteArray text = embedded.open(QIODevice::ReadOnly) ? embedded.readAll() : QByteArray();
    const AppConfig config = defaultConfig(qEnvironmentVariable("MLFLOW_TRACKING_URI"));
    QJsonObject object = QJsonDocument::fromJson(text).object();
    QJsonArray targets = object.value(QLatin1String("targets")).toArray();
    if (config.targets.size() <= targets.size())
        return text;
    const QJsonArray all = configToJson(config).value(QLatin1String("targets")).toArray();
    for (qsizetype i = targets.size(); i < all.size(); ++i)
        targets.append(all.at(i));
    object.insert(QLatin1String("targets"), targets);
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

// Writes the default config to path unless a file is there; whole or not at all (QSaveFile).
bool writeDefaultConfig(const QString &path, QString *error)
{
    if (QFileInfo::exists(path))
        return true;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: cannot write the default config (%2)")
                         .arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(defaultConfigText());
    if (!file.commit()) {
        *error = QStringLiteral("%1: cannot write the default config (%2)")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

namespace UserFiles {

QString configPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
            .filePath(QStringLiteral("dnswatch.json"));
}

QString historyPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
            .filePath(QStringLiteral("history.db"));
}

QString prepareConfig(QString *error)
{
    const QString path = configPath();
    QString problem;
    if (!makePrivateFolder(QFileInfo(path).path(), &problem)
        || !writeDefaultConfig(path, &problem)) {
        *error = QStringLiteral("the config of this user: %1 (give one with --config FILE)")
                         .arg(problem);
        return QString();
    }
    return path;
}

void prepareHistory(DashboardFiles *files)
{
    if (!files->dbPath.isEmpty())
        return;
    const QString path = historyPath();
    QString problem;
    if (makePrivateFolder(QFileInfo(path).path(), &problem))
        files->dbPath = path;
    else
        files->historyProblem = QStringLiteral("no history: %1").arg(problem);
}

} // namespace UserFiles
