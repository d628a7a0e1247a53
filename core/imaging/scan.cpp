#include "scan.h"

#include "loader.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QSet>
#include <QFile>
#include <QFileInfo>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdicdir.h>
#include <dcmtk/dcmdata/dcdirrec.h>

#include <algorithm>
#include <functional>
#include <map>

namespace cxr {

class ScanText {
    Q_DECLARE_TR_FUNCTIONS(ScanText)
};

int ScanResult::imageCount() const {
    int n = 0;
    for (const auto& p : patients)
        for (const auto& st : p.studies)
            for (const auto& se : st.series) n += static_cast<int>(se.files.size());
    return n;
}

namespace {

bool isRasterName(const QString& path) {
    const QString s = QFileInfo(path).suffix().toLower();
    return s == "png" || s == "jpg" || s == "jpeg" || s == "tif" || s == "tiff" || s == "bmp";
}

// Files referenced by a DICOMDIR (Referenced File ID, relative to the DICOMDIR's folder).
QStringList dicomDirFiles(const QString& dicomdir, QString* error) {
    QStringList out;
    DcmDicomDir dir(QFile::encodeName(dicomdir).constData());
    if (dir.error().bad()) {
        *error = QString::fromLatin1(dir.error().text());
        return out;
    }
    const QDir base = QFileInfo(dicomdir).absoluteDir();
    std::function<void(DcmDirectoryRecord*)> walk = [&](DcmDirectoryRecord* rec) {
        for (unsigned long i = 0; i < rec->cardSub(); ++i) {
            DcmDirectoryRecord* sub = rec->getSub(i);
            if (!sub) continue;
            OFString id;
            if (sub->findAndGetOFStringArray(DCM_ReferencedFileID, id).good() && !id.empty()) {
                QString rel = QString::fromLatin1(id.c_str()).trimmed();
                rel.replace(QLatin1Char('\\'), QLatin1Char('/'));
                QString path = base.filePath(rel);
                if (!QFileInfo::exists(path)) {  // media often stores upper-case IDs
                    const QString lower = base.filePath(rel.toLower());
                    if (QFileInfo::exists(lower)) path = lower;
                }
                out << path;
            }
            walk(sub);
        }
    };
    walk(&dir.getRootRecord());
    return out;
}

}  // namespace

void groupFiles(const QStringList& candidates, const ScanProgress& progress, const std::atomic_bool* cancel,
                ScanResult* out);

ScanResult scanFolder(const QString& folder, const ScanProgress& progress,
                      const std::atomic_bool* cancel) {
    ScanResult result;
    QStringList candidates;
    const QString dd = QDir(folder).filePath(QStringLiteral("DICOMDIR"));
    if (QFileInfo(dd).isFile()) {
        QString err;
        candidates = dicomDirFiles(dd, &err);
        if (!err.isEmpty())
            result.skipped.push_back({dd, ScanText::tr("DICOMDIR cannot be read (%1); the folder is "
                                                       "scanned instead").arg(err)});
        else
            result.usedDicomDir = true;
    }
    if (!result.usedDicomDir) {
        QDirIterator it(folder, QDir::Files | QDir::Readable | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            if (cancel && cancel->load()) {
                result.cancelled = true;
                return result;
            }
            const QString p = it.next();
            if (QFileInfo(p).fileName() == QLatin1String("DICOMDIR")) continue;
            candidates << p;
        }
        candidates.sort();
    }
    groupFiles(candidates, progress, cancel, &result);
    return result;
}

ScanResult scanFiles(const QStringList& files, const ScanProgress& progress, const std::atomic_bool* cancel) {
    ScanResult result;
    groupFiles(files, progress, cancel, &result);
    // Files the user named are never dropped silently.
    QSet<QString> seen;
    for (const auto& pat : result.patients)
        for (const auto& st : pat.studies)
            for (const auto& se : st.series)
                for (const auto& f : se.files) seen.insert(f.path);
    for (const auto& s : result.skipped) seen.insert(s.path);
    for (const QString& f : files)
        if (!seen.contains(f) && !result.cancelled)
            result.skipped.push_back({f, QFileInfo(f).exists() ? ScanText::tr("%1: not a DICOM, PNG, JPEG or TIFF image").arg(QFileInfo(f).fileName())
                                                               : ScanText::tr("%1: no such file").arg(f)});
    return result;
}

void groupFiles(const QStringList& candidates, const ScanProgress& progress, const std::atomic_bool* cancel,
                ScanResult* out) {
    ScanResult& result = *out;
    std::map<QString, ScannedPatient> patients;  // by patient key
    for (const QString& p : candidates) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            break;
        }
        ++result.filesSeen;
        if (progress) progress(result.filesSeen, p);
        ImageInfo info;
        if (isRasterName(p) && !looksLikeDicom(p)) {
            // Raster images: header via a full decode would be slow; group by folder.
            info.path = p;
            info.format = QFileInfo(p).suffix().toUpper();
            info.patientName = ScanText::tr("(no patient: image files)");
            info.studyDescription = QFileInfo(p).dir().dirName();
            info.studyInstanceUid = QFileInfo(p).absolutePath();
            info.seriesInstanceUid = QFileInfo(p).absolutePath();
            info.seriesDescription = QFileInfo(p).dir().dirName();
        } else if (looksLikeDicom(p)) {
            HeaderResult h = readHeader(p);
            if (!h.ok()) {
                result.skipped.push_back({p, h.error});
                continue;
            }
            info = h.info;
            if (info.rows <= 0 || info.columns <= 0) {
                const QString kind = !info.modality.isEmpty() ? info.modality : info.sopClassUid;
                result.skipped.push_back(
                    {p, kind.isEmpty()
                            ? ScanText::tr("%1: a DICOM object without an image (no Rows, Columns or Pixel Data; no modality "
                                           "or SOP class either)").arg(QFileInfo(p).fileName())
                            : ScanText::tr("%1: a DICOM object without an image (%2: no Rows, Columns or Pixel Data)")
                                  .arg(QFileInfo(p).fileName(), kind)});
                continue;
            }
        } else {
            if (result.usedDicomDir)
                result.skipped.push_back({p, ScanText::tr("%1: listed in DICOMDIR but missing or not DICOM")
                                                 .arg(QFileInfo(p).fileName())});
            continue;  // not an image file: ignored silently (README, CSV, ...)
        }
        const QString pkey = info.patientId + QLatin1Char('|') + info.patientName;
        ScannedPatient& pat = patients[pkey];
        pat.patientId = info.patientId;
        pat.name = info.patientName;
        auto st = std::find_if(pat.studies.begin(), pat.studies.end(),
                               [&](const ScannedStudy& s) { return s.studyUid == info.studyInstanceUid; });
        if (st == pat.studies.end()) {
            pat.studies.push_back({info.studyInstanceUid, info.studyDescription, info.studyDate, {}});
            st = pat.studies.end() - 1;
        }
        auto se = std::find_if(st->series.begin(), st->series.end(),
                               [&](const ScannedSeries& s) { return s.seriesUid == info.seriesInstanceUid; });
        if (se == st->series.end()) {
            st->series.push_back({info.seriesInstanceUid, info.seriesDescription, info.modality,
                                  info.seriesNumber, {}});
            se = st->series.end() - 1;
        }
        se->files.push_back({p, info});
    }
    for (auto& [key, pat] : patients) {
        // Studies by date (then UID), series by number, files by instance number.
        std::sort(pat.studies.begin(), pat.studies.end(), [](const ScannedStudy& a, const ScannedStudy& b) {
            return a.date != b.date ? a.date < b.date : a.studyUid < b.studyUid;
        });
        for (auto& st : pat.studies) {
            std::sort(st.series.begin(), st.series.end(), [](const ScannedSeries& a, const ScannedSeries& b) {
                return a.number != b.number ? a.number < b.number : a.seriesUid < b.seriesUid;
            });
            for (auto& se : st.series)
                std::sort(se.files.begin(), se.files.end(), [](const ScannedFile& a, const ScannedFile& b) {
                    return a.info.instanceNumber != b.info.instanceNumber
                               ? a.info.instanceNumber < b.info.instanceNumber
                               : a.path < b.path;
                });
        }
        result.patients.push_back(std::move(pat));
    }
}

}  // namespace cxr
