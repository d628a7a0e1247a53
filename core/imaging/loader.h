// Loading images from disk: DICOM (DCMTK + OpenJPEG) and raster files (PNG, JPEG, ...).
// Nothing here throws; every failure returns a message naming the file and the problem.
#pragma once

#include "image.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace cxr {

struct LoadResult {
    std::shared_ptr<Image> image;  // null on failure
    QString error;                 // translated, names the file and what is wrong
    QStringList warnings;          // e.g. "window in header does not fit the data"
    bool ok() const { return image != nullptr; }
};

// Registers DCMTK's JPEG, JPEG-LS and RLE decoders (idempotent, thread-safe).
void registerCodecs();

// Loads one frame (0-based). Picks DICOM or raster by content, not by extension.
LoadResult loadImage(const QString& path, int frame = 0);
LoadResult loadDicom(const QString& path, int frame = 0);
LoadResult loadRaster(const QString& path);

// Header only (no pixel data is read): for folder scans and `info`.
struct HeaderResult {
    ImageInfo info;
    QString error;
    bool ok() const { return error.isEmpty(); }
};
HeaderResult readHeader(const QString& path);

// True when the file starts like a DICOM Part-10 file or a raw (ACR-NEMA style) data set.
bool looksLikeDicom(const QString& path);

// `cxr-ground info` JSON (UTF-8, pretty printed).
QByteArray infoJson(const ImageInfo& info);

// Every element of a DICOM file as rows for the tag browser (sequences flattened with depth).
struct TagRow {
    int depth = 0;
    QString tag;    // "(0010,0010)"
    QString vr;
    QString name;   // DCMTK dictionary name
    QString value;  // plain text, never interpreted as markup
};
std::vector<TagRow> dumpTags(const QString& path, QString* error);

// Human-readable name of a transfer syntax UID.
QString transferSyntaxName(const QString& uid);

}  // namespace cxr
