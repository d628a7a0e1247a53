// Measurements on an image: distance, angle, rectangle and ellipse regions (area, mean, standard
// deviation) and the cardiothoracic ratio. Points are in original image pixels (continuous: pixel
// (i, j) covers [i, i+1) x [j, j+1)); lengths and areas are in mm when the image has a pixel
// spacing, else in pixels.
#pragma once

#include "geometry.h"
#include "image.h"

#include <QString>

#include <vector>

namespace cxr {

enum class MeasureKind { Distance, Angle, Rectangle, Ellipse, CardiothoracicRatio };

struct Measurement {
    MeasureKind kind = MeasureKind::Distance;
    // Distance: the two ends. Angle: the end of one arm, the vertex, the end of the other arm.
    // Rectangle and ellipse: two opposite corners of the (bounding) rectangle. Cardiothoracic
    // ratio: the two ends of the cardiac width, then the two ends of the thoracic width.
    std::vector<PointF> points;
    QString label;  // the user's name for it ("" : none)
};

// How many points a finished measurement of this kind has.
int pointCount(MeasureKind kind);

struct MeasureValues {
    // Lengths and areas in mm and mm^2 when the spacing is known, else in pixels.
    bool spacingKnown = false;
    // Imager Pixel Spacing (at the detector): the patient is magnified, so mm are not calibrated.
    bool calibrated = false;
    double length = 0;       // distance
    double angle = 0;        // degrees, 0..180 (in mm space when the spacing is not square)
    double area = 0;         // rectangle, ellipse: the shape's area
    int pixels = 0;          // rectangle, ellipse: pixels whose centre lies inside
    double mean = 0, sd = 0, min = 0, max = 0;  // of their modality values (grey for colour images); sd: population
    double cardiac = 0, thoracic = 0, ratio = 0;  // cardiothoracic ratio: the widths and cardiac / thoracic
};

MeasureValues measure(const Measurement& m, const Image& image);

// Length between two image points in mm (spacing known) or pixels.
double imageDistance(PointF a, PointF b, const PixelSpacing& spacing);

}  // namespace cxr
