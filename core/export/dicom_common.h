// Building blocks shared by the DICOM writers (Secondary Capture, Segmentation, Parametric Map):
// reading the source's header, UIDs and time stamps, the Patient and General Study modules copied
// from the source (or anonymised), the reference to the source image, and the atomic save.
// Internal to core/export: include only from its writers (it pulls in DCMTK headers).
#pragma once

#include "atomic_write.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>

namespace cxr::exporting::dicom {

// The translation context of the exports' messages ("cxr::exporting").
class ExportText {
    Q_DECLARE_TR_FUNCTIONS(cxr::exporting)
};

QString native(const QString& path);
bool fail(QString* message, const QString& text);
QString conditionText(const OFCondition& c);

// Value for a DICOM text element in UTF-8: at most `maxBytes` bytes (validators count bytes, so
// the limit of 64 "characters" of an LO holds however many bytes a character takes), never cut
// inside a character; for single-line VRs (LO, SH) no backslash (the value separator) and no
// control characters.
QByteArray dicomText(const QString& text, int maxBytes, bool singleLine);
bool put(DcmItem* ds, const DcmTagKey& tag, const QByteArray& value);
QString stringOf(DcmItem* ds, const DcmTagKey& tag);
// Copies `tag` (any VR, sequences included) when present and, for string VRs, valid for its VR
// (e.g. an Age String "81" is dropped, not passed on). Returns whether it was copied.
bool copyElement(DcmItem* from, DcmItem* to, const DcmTagKey& tag);

// The source image's header (pixel data not read), texts converted to UTF-8.
struct Source {
    DcmFileFormat file;
    DcmDataset* ds = nullptr;
    int frames = 1;
};
// Loads `sourcePath` for an export to `target`; false with a message naming the problem (not
// DICOM, unreadable, character set not convertible, no frame `frame`).
bool loadSource(const QString& sourcePath, int frame, const QString& target, Source* out, QString* message);

// A new UID under DCMTK's root for `root` (SITE_INSTANCE_UID_ROOT, ...).
QByteArray newUid(const char* root);

struct Stamp {
    QByteArray date, time, zone;  // DA, TM, Timezone Offset From UTC (+hhmm)
};
Stamp now();

// SOP Common: UTF-8 character set, class and instance UIDs, creation date/time and time zone.
bool putSopCommon(DcmItem* ds, const char* sopClassUid, const QByteArray& sopInstanceUid, const Stamp& stamp);
// Patient and General Study from `src` (identifying attributes only when not anonymising; type 2
// ones present, empty when not copied), the source's Study Instance UID (a new one without a source),
// and Patient Identity Removed / De-identification Method when anonymising. Replaces what `ds` had.
// `src` may be null (PNG/JPEG source: new study, no patient data).
bool putPatientAndStudy(DcmItem* src, DcmItem* ds, bool anonymise);
// A lossy source stays marked lossy in everything derived from it.
void copyLossyMarks(DcmItem* src, DcmItem* ds);
// Common Instance Reference module: the source's series and instance (same study).
bool putCommonInstanceReference(DcmItem* src, DcmItem* ds);
// The source's Patient Orientation (empty when it has none or an invalid one).
bool putPatientOrientation(DcmItem* src, DcmItem* ds);

// Saves `file` as explicit VR little endian with new meta information to `path` atomically
// (temporary file next to it, then rename): disk space checked before and after, messages name
// the path.
bool saveAtomically(DcmFileFormat& file, const QString& path, Overwrite mode, QString* message);

}  // namespace cxr::exporting::dicom
