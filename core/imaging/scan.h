// Recursive folder scan: finds DICOM and raster images, reads headers only, groups them
// patient -> study -> series. A DICOMDIR at the top of the folder is followed when present.
// Synchronous; call it from a worker thread. Unreadable files are skipped and listed.
#pragma once

#include "image.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <vector>

namespace cxr {

struct ScannedFile {
    QString path;
    ImageInfo info;
};

struct ScannedSeries {
    QString seriesUid, description, modality;
    int number = 0;
    std::vector<ScannedFile> files;  // sorted by instance number, then path
};

struct ScannedStudy {
    QString studyUid, description, date;
    std::vector<ScannedSeries> series;
};

struct ScannedPatient {
    QString patientId, name;
    std::vector<ScannedStudy> studies;
};

struct SkippedFile {
    QString path;
    QString reason;
};

struct ScanResult {
    std::vector<ScannedPatient> patients;
    std::vector<SkippedFile> skipped;  // files that looked like images/DICOM but could not be read
    int filesSeen = 0;
    bool usedDicomDir = false;
    bool cancelled = false;
    int imageCount() const;
};

using ScanProgress = std::function<void(int filesSeen, const QString& current)>;

ScanResult scanFolder(const QString& folder, const ScanProgress& progress = {},
                      const std::atomic_bool* cancel = nullptr);
// The same grouping for an explicit list of files (open files, drag and drop).
ScanResult scanFiles(const QStringList& files, const ScanProgress& progress = {},
                     const std::atomic_bool* cancel = nullptr);

}  // namespace cxr
