#include "geometry.h"

#include "grounding/crop.h"

#include <algorithm>
#include <cmath>

namespace cxr {

void ImageGeometry::setImageSize(int width, int height) {
    width_ = std::max(0, width);
    height_ = std::max(0, height);
}

void ImageGeometry::setZoom(double zoom) { zoom_ = std::clamp(zoom, minZoom, maxZoom); }

// Orientation: rotate clockwise by quarter turns about the image, then flip in the rotated
// frame. Oriented coordinates span [0, orientedWidth) x [0, orientedHeight).
PointF ImageGeometry::imageToOriented(PointF p) const {
    const double w = width_, h = height_;
    PointF q;
    switch (quarterTurns_) {
    case 0: q = p; break;
    case 1: q = {h - p.y, p.x}; break;        // 90 cw
    case 2: q = {w - p.x, h - p.y}; break;    // 180
    default: q = {p.y, w - p.x}; break;       // 270 cw
    }
    if (flipH_) q.x = orientedWidth() - q.x;
    if (flipV_) q.y = orientedHeight() - q.y;
    return q;
}

PointF ImageGeometry::orientedToImage(PointF q) const {
    const double w = width_, h = height_;
    if (flipH_) q.x = orientedWidth() - q.x;
    if (flipV_) q.y = orientedHeight() - q.y;
    switch (quarterTurns_) {
    case 0: return q;
    case 1: return {q.y, h - q.x};
    case 2: return {w - q.x, h - q.y};
    default: return {w - q.y, q.x};
    }
}

PointF ImageGeometry::imageToScreen(PointF p) const {
    const PointF q = imageToOriented(p);
    return {q.x * zoom_ + offset_.x, q.y * zoom_ + offset_.y};
}

PointF ImageGeometry::screenToImage(PointF s) const {
    const PointF q{(s.x - offset_.x) / zoom_, (s.y - offset_.y) / zoom_};
    return orientedToImage(q);
}

std::array<double, 6> ImageGeometry::imageToScreenMatrix() const {
    // The map is affine: read it off three points.
    const PointF o = imageToScreen({0, 0});
    const PointF ex = imageToScreen({1, 0});
    const PointF ey = imageToScreen({0, 1});
    return {ex.x - o.x, ex.y - o.y, ey.x - o.x, ey.y - o.y, o.x, o.y};
}

void ImageGeometry::fitTo(double vw, double vh) {
    const double ow = orientedWidth(), oh = orientedHeight();
    if (ow <= 0 || oh <= 0 || vw <= 0 || vh <= 0) return;
    setZoom(std::min(vw / ow, vh / oh));
    offset_ = {(vw - ow * zoom_) / 2.0, (vh - oh * zoom_) / 2.0};
}

void ImageGeometry::oneToOne(double vw, double vh) {
    setZoom(1.0);
    offset_ = {std::round((vw - orientedWidth()) / 2.0), std::round((vh - orientedHeight()) / 2.0)};
}

void ImageGeometry::zoomAbout(double factor, PointF anchor) {
    const PointF before = screenToImage(anchor);
    setZoom(zoom_ * factor);
    const PointF after = imageToScreen(before);
    offset_.x += anchor.x - after.x;
    offset_.y += anchor.y - after.y;
}

double ImageGeometry::modelScale() const { return grounding::CentreCrop::of(width_, height_).scale(); }

PointF ImageGeometry::modelCropOrigin() const {
    const grounding::CentreCrop c = grounding::CentreCrop::of(width_, height_);
    return {double(c.cropX), double(c.cropY)};
}

PointF ImageGeometry::imageToModel(PointF p) const {
    const double s = modelScale();
    const PointF o = modelCropOrigin();
    return {p.x * s - o.x, p.y * s - o.y};
}

PointF ImageGeometry::modelToImage(PointF p) const {
    const double s = modelScale();
    const PointF o = modelCropOrigin();
    return {(p.x + o.x) / s, (p.y + o.y) / s};
}

}  // namespace cxr
