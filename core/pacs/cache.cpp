#include "cache.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace cxr::pacs {

namespace {

const char kMarker[] = ".complete";

// A folder name for a server: readable, and unique by its address.
QString serverKey(const Server& server) {
    QString readable = server.kind == Kind::DicomWeb ? server.url.host() + QLatin1Char('_') + QString::number(server.url.port(0))
                                                     : server.calledAet + QLatin1Char('@') + server.host;
    for (QChar& c : readable)
        if (!c.isLetterOrNumber() && c != QLatin1Char('.') && c != QLatin1Char('-') && c != QLatin1Char('@')) c = QLatin1Char('_');
    const QByteArray hash = QCryptographicHash::hash(server.spec().toUtf8(), QCryptographicHash::Sha1).toHex().left(10);
    return readable.left(48) + QLatin1Char('-') + QString::fromLatin1(hash);
}

}  // namespace

StudyCache::StudyCache(const QString& root) : root_(root) {
    if (root_.isEmpty())
        root_ = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/cxr-ground/pacs");
}

QString StudyCache::folder(const Server& server, const QString& studyUid) const {
    if (!isValidUid(studyUid)) return QString();
    return root_ + QLatin1Char('/') + serverKey(server) + QLatin1Char('/') + studyUid;
}

namespace {
// The marker of a complete study, or of a complete series in the study's folder.
QString markerName(const QString& seriesUid) {
    return seriesUid.isEmpty() ? QString::fromLatin1(kMarker) : QString::fromLatin1(kMarker) + QLatin1Char('-') + seriesUid;
}
}  // namespace

QStringList StudyCache::completeFiles(const Server& server, const QString& studyUid, const QString& seriesUid) const {
    const QString dir = folder(server, studyUid);
    if (dir.isEmpty() || (!seriesUid.isEmpty() && !isValidUid(seriesUid))) return {};
    QFile marker(dir + QLatin1Char('/') + markerName(seriesUid));
    if (!marker.open(QIODevice::ReadOnly)) return {};
    QStringList files;
    for (const QByteArray& line : marker.readAll().split('\n')) {
        const QString name = QString::fromUtf8(line).trimmed();
        if (name.isEmpty()) continue;
        if (name.contains(QLatin1Char('/')) || name.startsWith(QLatin1Char('.'))) return {};
        const QString path = dir + QLatin1Char('/') + name;
        if (!QFileInfo(path).isFile()) return {};  // something was removed: retrieve again
        files << path;
    }
    return files;
}

bool StudyCache::markComplete(const Server& server, const QString& studyUid, const QString& seriesUid,
                              const QStringList& files) {
    const QString dir = folder(server, studyUid);
    if (dir.isEmpty() || (!seriesUid.isEmpty() && !isValidUid(seriesUid))) return false;
    QSaveFile marker(dir + QLatin1Char('/') + markerName(seriesUid));
    if (!marker.open(QIODevice::WriteOnly)) return false;
    for (const QString& f : files) marker.write(QFileInfo(f).fileName().toUtf8() + '\n');
    return marker.commit();
}

qint64 StudyCache::size() const {
    qint64 total = 0;
    QDirIterator it(root_, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

bool StudyCache::clear(QString* error) {
    QDir dir(root_);
    if (!dir.exists()) return true;
    if (!dir.removeRecursively()) {
        if (error)
            *error = QCoreApplication::translate("cxr::pacs", "Cannot empty the cache folder %1 completely.")
                         .arg(QDir::toNativeSeparators(root_));
        return false;
    }
    return true;
}

}  // namespace cxr::pacs
