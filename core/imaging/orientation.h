// Orientation markers: which patient direction lies at each edge of the view, from Patient
// Orientation (0020,0020), or from View Position for a frontal chest image without it, through
// the view's rotation and flips (ImageGeometry).
#pragma once

#include "geometry.h"

#include <QString>

namespace cxr {

// The patient directions the image's rows (+x) and columns (+y) run towards, as letters of
// L R A P H F (several for oblique directions, e.g. "LP"); empty where unknown.
struct PatientDirections {
    QString row, column;
    bool fromViewPosition = false;  // assumed from View Position (no Patient Orientation in the file)
    bool known() const { return !row.isEmpty() || !column.isEmpty(); }
};

// From the tag value ("L\F"); when it is empty, a frontal chest view (View Position PA or AP) is
// taken as stored the usual way: rows towards the patient's left, columns towards the feet.
// Lateral views without the tag get the columns only (towards the feet).
PatientDirections patientDirections(const QString& patientOrientation, const QString& viewPosition);

// The opposite direction, letter by letter ("LP" -> "RA"); unknown letters are dropped.
QString oppositeDirection(const QString& direction);

// The patient directions at the edges of the view for the geometry's rotation and flips.
struct EdgeMarkers {
    QString left, right, top, bottom;
};
EdgeMarkers edgeMarkers(const PatientDirections& directions, const ImageGeometry& geometry);

}  // namespace cxr
