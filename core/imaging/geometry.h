// The one owner of image geometry: original pixels <-> 512 model space <-> screen.
// Screen mapping = orientation (rotate by quarter turns, then optional horizontal flip applied
// in the rotated frame) followed by zoom and pan. Heat maps, masks, boxes and the cursor read-out
// all go through this class so they always line up.
#pragma once

#include <array>

namespace cxr {

struct PointF {
    double x = 0.0, y = 0.0;
};

class ImageGeometry {
public:
    ImageGeometry() = default;
    ImageGeometry(int width, int height) { setImageSize(width, height); }

    void setImageSize(int width, int height);
    int width() const { return width_; }
    int height() const { return height_; }

    // ---- orientation -------------------------------------------------------------
    int rotation() const { return quarterTurns_ * 90; }  // clockwise degrees: 0, 90, 180, 270
    bool flippedH() const { return flipH_; }
    bool flippedV() const { return flipV_; }
    void rotateClockwise() { quarterTurns_ = (quarterTurns_ + 1) % 4; }
    void rotateCounterClockwise() { quarterTurns_ = (quarterTurns_ + 3) % 4; }
    void flipHorizontal() { flipH_ = !flipH_; }  // mirrors what is on screen left <-> right
    void flipVertical() { flipV_ = !flipV_; }    // mirrors what is on screen top <-> bottom
    void resetOrientation() { quarterTurns_ = 0; flipH_ = flipV_ = false; }
    // Size of the oriented image (width and height swap at 90 / 270).
    int orientedWidth() const { return (quarterTurns_ % 2) ? height_ : width_; }
    int orientedHeight() const { return (quarterTurns_ % 2) ? width_ : height_; }

    // ---- zoom and pan (screen = oriented * zoom + offset) -------------------------
    double zoom() const { return zoom_; }
    PointF offset() const { return offset_; }
    void setZoom(double zoom);  // clamped to [minZoom, maxZoom]
    void setOffset(PointF offset) { offset_ = offset; }
    void fitTo(double viewWidth, double viewHeight);   // whole image visible, centred
    void oneToOne(double viewWidth, double viewHeight); // 1 image pixel = 1 device pixel, centred
    void zoomAbout(double factor, PointF screenAnchor);  // keeps the anchor's image point fixed
    void panBy(double dx, double dy) { offset_.x += dx; offset_.y += dy; }
    static constexpr double minZoom = 0.01;
    static constexpr double maxZoom = 64.0;

    // ---- mappings ----------------------------------------------------------------
    // Image coordinates are continuous: pixel (i, j) covers [i, i+1) x [j, j+1).
    PointF imageToOriented(PointF p) const;
    PointF orientedToImage(PointF p) const;
    PointF imageToScreen(PointF p) const;
    PointF screenToImage(PointF p) const;
    // Affine matrix image -> screen as {m11, m12, m21, m22, dx, dy} in QTransform order
    // (x' = m11*x + m21*y + dx, y' = m12*x + m22*y + dy).
    std::array<double, 6> imageToScreenMatrix() const;

    // ---- model space (docs/method.md "Image": shorter edge resized to 512, centre crop 512 x 512) ----
    static constexpr int kModelSize = 512;
    // Scale factor original -> resized and the crop origin in resized pixels.
    double modelScale() const;
    PointF modelCropOrigin() const;
    PointF imageToModel(PointF p) const;
    PointF modelToImage(PointF p) const;

private:
    int width_ = 0, height_ = 0;
    int quarterTurns_ = 0;
    bool flipH_ = false, flipV_ = false;
    double zoom_ = 1.0;
    PointF offset_;
};

}  // namespace cxr
