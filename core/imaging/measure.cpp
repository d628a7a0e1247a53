#include "measure.h"

#include <algorithm>
#include <cmath>

namespace cxr {

int pointCount(MeasureKind kind) {
    switch (kind) {
    case MeasureKind::Distance: return 2;
    case MeasureKind::Angle: return 3;
    case MeasureKind::Rectangle: return 2;
    case MeasureKind::Ellipse: return 2;
    case MeasureKind::CardiothoracicRatio: return 4;
    }
    return 2;
}

namespace {
// mm per pixel along x (columns) and y (rows); 1 when the spacing is unknown.
void scales(const PixelSpacing& s, double* sx, double* sy) {
    *sx = s.known() ? s.col : 1.0;
    *sy = s.known() ? s.row : 1.0;
}

double greyAt(const Image& image, int x, int y) {
    if (!image.isColor()) return image.modalityValue(image.storedAt(x, y));
    return (image.storedAt(x, y, 0) * 299 + image.storedAt(x, y, 1) * 587 + image.storedAt(x, y, 2) * 114) / 1000.0;
}

// Mean, SD, min and max of the pixels whose centres satisfy `inside`, within the rectangle.
template <typename Inside>
void regionStatistics(const Image& image, double x0, double y0, double x1, double y1, Inside&& inside, MeasureValues* v) {
    const int ix0 = std::max(0, int(std::floor(x0))), iy0 = std::max(0, int(std::floor(y0)));
    const int ix1 = std::min(image.width - 1, int(std::ceil(x1))), iy1 = std::min(image.height - 1, int(std::ceil(y1)));
    double sum = 0, sum2 = 0;
    int n = 0;
    for (int y = iy0; y <= iy1; ++y)
        for (int x = ix0; x <= ix1; ++x) {
            if (!inside(x + 0.5, y + 0.5)) continue;
            const double g = greyAt(image, x, y);
            if (n == 0) v->min = v->max = g;
            v->min = std::min(v->min, g);
            v->max = std::max(v->max, g);
            sum += g;
            sum2 += g * g;
            ++n;
        }
    v->pixels = n;
    if (n > 0) {
        v->mean = sum / n;
        v->sd = std::sqrt(std::max(0.0, sum2 / n - v->mean * v->mean));
    }
}
}  // namespace

double imageDistance(PointF a, PointF b, const PixelSpacing& spacing) {
    double sx = 1, sy = 1;
    scales(spacing, &sx, &sy);
    return std::hypot((b.x - a.x) * sx, (b.y - a.y) * sy);
}

MeasureValues measure(const Measurement& m, const Image& image) {
    MeasureValues v;
    const PixelSpacing& sp = image.info.spacing;
    v.spacingKnown = sp.known();
    v.calibrated = sp.known() && sp.source == PixelSpacing::Source::PixelSpacing;
    double sx = 1, sy = 1;
    scales(sp, &sx, &sy);
    const auto& p = m.points;
    if (int(p.size()) < pointCount(m.kind)) return v;
    switch (m.kind) {
    case MeasureKind::Distance:
        v.length = imageDistance(p[0], p[1], sp);
        break;
    case MeasureKind::Angle: {
        const double ax = (p[0].x - p[1].x) * sx, ay = (p[0].y - p[1].y) * sy;
        const double bx = (p[2].x - p[1].x) * sx, by = (p[2].y - p[1].y) * sy;
        if ((ax == 0 && ay == 0) || (bx == 0 && by == 0)) break;
        v.angle = std::fabs(std::atan2(ax * by - ay * bx, ax * bx + ay * by)) * 180.0 / M_PI;
        break;
    }
    case MeasureKind::Rectangle: {
        const double x0 = std::min(p[0].x, p[1].x), x1 = std::max(p[0].x, p[1].x);
        const double y0 = std::min(p[0].y, p[1].y), y1 = std::max(p[0].y, p[1].y);
        v.area = (x1 - x0) * sx * (y1 - y0) * sy;
        regionStatistics(image, x0, y0, x1, y1, [&](double x, double y) { return x >= x0 && x < x1 && y >= y0 && y < y1; }, &v);
        break;
    }
    case MeasureKind::Ellipse: {
        const double x0 = std::min(p[0].x, p[1].x), x1 = std::max(p[0].x, p[1].x);
        const double y0 = std::min(p[0].y, p[1].y), y1 = std::max(p[0].y, p[1].y);
        const double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, a = (x1 - x0) / 2, b = (y1 - y0) / 2;
        v.area = M_PI * a * sx * b * sy;
        if (a > 0 && b > 0)
            regionStatistics(image, x0, y0, x1, y1,
                             [&](double x, double y) { return std::pow((x - cx) / a, 2) + std::pow((y - cy) / b, 2) <= 1.0; }, &v);
        break;
    }
    case MeasureKind::CardiothoracicRatio:
        v.cardiac = imageDistance(p[0], p[1], sp);
        v.thoracic = imageDistance(p[2], p[3], sp);
        v.ratio = v.thoracic > 0 ? v.cardiac / v.thoracic : 0;
        break;
    }
    return v;
}

}  // namespace cxr
