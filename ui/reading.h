// Reading aids in words: the corner text of a view (which fields, in which corner) and the text of
// a measurement's values. Presentation only; the numbers come from core/imaging.
#pragma once

#include "imaging/image.h"
#include "imaging/measure.h"

#include <QFlags>
#include <QString>
#include <QStringList>

namespace cxr::ui {

// The fields the corner text can show (Settings > General). Top left: patient; top right: study;
// bottom left: view; bottom right: display.
enum class CornerField {
    PatientName = 0x1,
    PatientId = 0x2,
    BirthDateSex = 0x4,
    StudyDate = 0x8,
    Accession = 0x10,
    SeriesInstance = 0x20,
    ViewPosition = 0x40,
    Window = 0x80,
    Zoom = 0x100,
};
Q_DECLARE_FLAGS(CornerFields, CornerField)
Q_DECLARE_OPERATORS_FOR_FLAGS(CornerFields)

constexpr int kAllCornerFields = 0x1ff;
// Every field with its name in words, in settings order.
QList<QPair<CornerField, QString>> cornerFieldNames();
// The fields chosen in the settings (all by default) and storing them.
CornerFields savedCornerFields();
void saveCornerFields(CornerFields fields);

enum class Corner { TopLeft, TopRight, BottomLeft, BottomRight };
// The lines of one corner for an image shown with `display` at `zoomPercent`.
QStringList cornerLines(Corner corner, const ImageInfo& info, const DisplaySettings& display, int zoomPercent, CornerFields fields);

// A DICOM date (YYYYMMDD) as 2004-08-26; anything else as it is.
QString readableDate(const QString& dicomDate);
// A person name "Family^Given^Middle" as "Family, Given Middle".
QString readableName(const QString& personName);

// Names of the measurement kinds ("Distance", "Angle", ... ).
QString measureKindName(MeasureKind kind);
// The values of a measurement in words, over one or more lines ("84.0 mm"; "area 312.4 mm²\nmean
// 1203.5  SD 88.1"; "CTR 0.52"). `brief`: one line for lists.
QString measurementText(const Measurement& m, const MeasureValues& v, bool brief = false);
// The note on what the lengths mean for this image: "" (calibrated Pixel Spacing), "not
// calibrated" (Imager Pixel Spacing) or "no pixel spacing: pixels".
QString spacingNote(const Image& image);

}  // namespace cxr::ui
