// The viewer's local cache of retrieved studies: one folder per server and study, and a marker
// written when a retrieve completed, so a study already retrieved opens without a transfer.
#pragma once

#include "pacs.h"

#include <QString>
#include <QStringList>

namespace cxr::pacs {

class StudyCache {
public:
    // `root`: "" for the user's cache folder (…/cxr-ground/pacs).
    explicit StudyCache(const QString& root = QString());

    QString root() const { return root_; }
    // The folder of a study from `server` (its series retrieved one by one go there too; "" for an
    // invalid UID).
    QString folder(const Server& server, const QString& studyUid) const;
    // The files of a complete earlier retrieve of the study or series (each still there), else empty.
    QStringList completeFiles(const Server& server, const QString& studyUid, const QString& seriesUid = QString()) const;
    // Records a complete retrieve (its files, relative to the folder).
    bool markComplete(const Server& server, const QString& studyUid, const QString& seriesUid, const QStringList& files);
    // Bytes the cache takes, and emptying it.
    qint64 size() const;
    bool clear(QString* error);

private:
    QString root_;
};

}  // namespace cxr::pacs
