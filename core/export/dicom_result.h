// Grounding results as standard DICOM objects (the IHE AI Results containers): a Segmentation of
// the Otsu mask (DCMTK dcmseg) and a Parametric Map of the heat map (DCMTK dcmpmap), both at the
// source image's resolution, in the source's study, referencing the source image; and reading
// them back (the viewer shows a retrieved result over its source again).
#pragma once

#include "atomic_write.h"

#include <QString>

#include <vector>

namespace cxr::exporting {

struct ResultOptions {
    QString sourceDicom;        // the analysed image (required: the objects reference it)
    int sourceFrame = 0;        // 0-based frame of the source that was analysed
    QString sentence;           // the grounded sentence: segment label (shortened) and description
    QString algorithmParameters;  // the method settings (steps, window, layers, Otsu, model)
    bool anonymise = false;     // as for Secondary Capture: no patient identifiers, UIDs kept
    int seriesNumber = 0;       // 0: 998 for SEG, 997 for the Parametric Map
    int instanceNumber = 1;
};

// Our algorithm's name and version as written into the objects.
QString algorithmName();
QString algorithmVersion();

// Writes the mask `map` > 0 (NaN counts as outside) of `width` x `height` (the source's columns x
// rows) as a binary DICOM Segmentation with one segment: label = the shortened sentence,
// description = the sentence, algorithm type AUTOMATIC with our name, version and parameters, a
// Derivation Image reference to the source image and frame; the source's Study Instance UID and
// Frame of Reference (when it has one); a new series. Atomic; false with a message naming the problem.
bool writeSegmentation(const QString& path, const std::vector<float>& map, int width, int height,
                       const ResultOptions& options, Overwrite mode, QString* message,
                       QString* sopInstanceUid = nullptr);

// Writes `map` (values 0-1, NaN outside the analysed crop) as a 32-bit float DICOM Parametric Map
// of one frame: outside the crop the Float Pixel Padding Value (-1, "no value"); a Real World
// Value Mapping 0-1 (no units) whose quantity carries the sentence; the source's study, a new
// series, a reference to the source image. Sources without a Frame of Reference (projection
// radiographs) get a new one with a nominal plane (see README).
bool writeParametricMap(const QString& path, const std::vector<float>& map, int width, int height,
                        const ResultOptions& options, Overwrite mode, QString* message,
                        QString* sopInstanceUid = nullptr);

// A Segmentation or Parametric Map read back (ours or another producer's, first segment / frame).
struct ResultObject {
    enum class Kind { Segmentation, ParametricMap };
    Kind kind = Kind::Segmentation;
    QString sentence;           // segment description (or label) / the map's quantity text or label
    QString sopInstanceUid, studyUid, seriesUid;
    QString sourceSopInstanceUid, sourceSopClassUid;  // the referenced source image ("" if none)
    int sourceFrame = 0;        // 0-based
    int width = 0, height = 0;
    // Segmentation: 1 inside the segment, 0 outside. Parametric Map: the real-world values, NaN
    // where the padding value is (outside the analysed crop).
    std::vector<float> values;
};

// Whether `path` is a DICOM Segmentation or Parametric Map (reads the header only).
bool isResultObject(const QString& path);
// Reads a Segmentation or Parametric Map; false with a message naming the problem.
bool readResultObject(const QString& path, ResultObject* out, QString* message);

}  // namespace cxr::exporting
