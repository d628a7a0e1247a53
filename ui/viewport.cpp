#include "viewport.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace cxr::ui {

Window WindowDrag::apply(const Window& start, double dx, double dy, double dataRange, double viewExtent) {
    const double perPixel = std::max(dataRange, 1.0) / std::max(viewExtent, 1.0);
    Window w = start;
    w.width = std::max(1.0, start.width + dx * perPixel);
    w.center = start.center - dy * perPixel;  // drag up = brighter image (higher centre shown darker)
    w.explanation.clear();
    return w;
}

Viewport::Viewport(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 200);
    setContextMenuPolicy(Qt::PreventContextMenu);  // right button is window/level
}

double Viewport::devicePixelRatio() const { return std::max(1.0, devicePixelRatioF()); }

void Viewport::setImage(std::shared_ptr<const Image> image, bool keepView) {
    const bool sameSize = image_ && image && image_->width == image->width && image_->height == image->height;
    image_ = std::move(image);
    if (!image_) {
        clear();
        return;
    }
    double lo = 0, hi = 1;
    image_->modalityRange(&lo, &hi);
    dataRange_ = std::max(1.0, hi - lo);
    if (!(keepView && sameSize)) {
        geom_ = ImageGeometry(image_->width, image_->height);
        display_ = defaultDisplay(*image_);
        autoFit_ = true;
        fitIfAuto();
    }
    rerender();
    Q_EMIT viewChanged();
}

void Viewport::clear() {
    image_.reset();
    heat_ = outline_ = QImage();
    mark_.clear();
    rendered_ = QImage();
    pixels_.clear();
    update();
    Q_EMIT viewChanged();
}

void Viewport::rerender() {
    if (!image_) return;
    pixels_.resize(image_->stored.size());
    renderer_.buildLut(*image_, display_);
    renderer_.apply(*image_, pixels_.data());
    const QImage::Format f = image_->isColor() ? QImage::Format_RGB888 : QImage::Format_Grayscale8;
    rendered_ = QImage(pixels_.data(), image_->width, image_->height, image_->width * image_->channels, f);
    update();
    Q_EMIT displayChanged();
}

void Viewport::setWindow(const Window& w) {
    display_.voi = DisplaySettings::Voi::Window;
    display_.window = w;
    rerender();
}

void Viewport::useVoiLut() {
    if (!image_ || !image_->voiLut) return;
    display_.voi = DisplaySettings::Voi::VoiLut;
    rerender();
}

void Viewport::resetDisplay() {
    if (!image_) return;
    const bool inv = display_.userInvert;
    display_ = defaultDisplay(*image_);
    display_.userInvert = inv;
    rerender();
}

void Viewport::setInverted(bool inverted) {
    if (display_.userInvert == inverted) return;
    display_.userInvert = inverted;
    rerender();
}

void Viewport::fitIfAuto() {
    if (autoFit_ && image_) {
        geom_.fitTo(width(), height());
        update();
    }
}

void Viewport::fit() {
    autoFit_ = true;
    fitIfAuto();
    Q_EMIT viewChanged();
}

void Viewport::oneToOne() {
    if (!image_) return;
    autoFit_ = false;
    geom_.oneToOne(width(), height());
    // One image pixel per DEVICE pixel on HiDPI screens.
    geom_.zoomAbout(1.0 / devicePixelRatio(), {width() / 2.0, height() / 2.0});
    update();
    Q_EMIT viewChanged();
}

void Viewport::zoomBy(double factor) {
    if (!image_) return;
    autoFit_ = false;
    geom_.zoomAbout(factor, {width() / 2.0, height() / 2.0});
    update();
    Q_EMIT viewChanged();
}

void Viewport::rotateClockwise() {
    geom_.rotateClockwise();
    fitIfAuto();
    if (!autoFit_) geom_.fitTo(width(), height());
    update();
    Q_EMIT viewChanged();
}

void Viewport::rotateCounterClockwise() {
    geom_.rotateCounterClockwise();
    fitIfAuto();
    if (!autoFit_) geom_.fitTo(width(), height());
    update();
    Q_EMIT viewChanged();
}

void Viewport::flipHorizontal() {
    geom_.flipHorizontal();
    update();
    Q_EMIT viewChanged();
}

void Viewport::flipVertical() {
    geom_.flipVertical();
    update();
    Q_EMIT viewChanged();
}

void Viewport::resetView() {
    if (!image_) return;
    geom_.resetOrientation();
    const bool inv = false;
    display_ = defaultDisplay(*image_);
    display_.userInvert = inv;
    autoFit_ = true;
    fitIfAuto();
    rerender();
    Q_EMIT viewChanged();
}

bool Viewport::imagePixelAt(const QPointF& pos, int* x, int* y) const {
    if (!image_) return false;
    const PointF p = geom_.screenToImage({pos.x(), pos.y()});
    const int ix = static_cast<int>(std::floor(p.x)), iy = static_cast<int>(std::floor(p.y));
    if (ix < 0 || iy < 0 || ix >= image_->width || iy >= image_->height) return false;
    *x = ix;
    *y = iy;
    return true;
}

void Viewport::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), QColor(0x0b, 0x0c, 0x0e));  // a reading-room black in both themes
    if (rendered_.isNull()) {
        p.setPen(palette().color(QPalette::Disabled, QPalette::WindowText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Open a chest X-ray (DICOM, PNG or JPEG): File > Open, or drop files here."));
        return;
    }
    const auto m = geom_.imageToScreenMatrix();
    p.setTransform(QTransform(m[0], m[1], m[2], m[3], m[4], m[5]));
    // Smooth when minifying (device pixels per image pixel < 1); crisp pixels when magnifying.
    const double devicePerImagePixel = geom_.zoom() * devicePixelRatio();
    p.setRenderHint(QPainter::SmoothPixmapTransform, devicePerImagePixel < 1.0);
    p.drawImage(QPointF(0, 0), rendered_);
    if (!heat_.isNull() && heat_.size() == rendered_.size()) p.drawImage(QPointF(0, 0), heat_);
    if (!outline_.isNull() && outline_.size() == rendered_.size()) {
        p.setRenderHint(QPainter::SmoothPixmapTransform, false);
        p.drawImage(QPointF(0, 0), outline_);
    }
    if (!mark_.isEmpty()) {
        p.resetTransform();
        QFont f = font();
        f.setBold(true);
        p.setFont(f);
        const QRect box = p.fontMetrics().boundingRect(mark_).adjusted(-8, -4, 8, 4);
        const QRect at(QPoint(10, height() - box.height() - 10), box.size());
        p.fillRect(at, QColor(160, 20, 20, 220));
        p.setPen(Qt::white);
        p.drawText(at, Qt::AlignCenter, mark_);
    }
}

void Viewport::setOverlay(const QImage& heat, const QImage& outline, const QString& mark) {
    heat_ = heat;
    outline_ = outline;
    mark_ = mark;
    update();
}

void Viewport::clearOverlay() { setOverlay({}, {}, {}); }

void Viewport::resizeEvent(QResizeEvent*) { fitIfAuto(); }

void Viewport::wheelEvent(QWheelEvent* e) {
    if (!image_) return;
    const double steps = e->angleDelta().y() / 120.0;
    if (steps == 0) return;
    autoFit_ = false;
    geom_.zoomAbout(std::pow(1.25, steps), {e->position().x(), e->position().y()});
    update();
    Q_EMIT viewChanged();
    e->accept();
}

void Viewport::mousePressEvent(QMouseEvent* e) {
    if (!image_) return;
    dragStart_ = e->position();
    if (e->button() == Qt::LeftButton || e->button() == Qt::MiddleButton) {
        drag_ = Drag::Pan;
        offsetAtDragStart_ = geom_.offset();
        setCursor(Qt::ClosedHandCursor);
    } else if (e->button() == Qt::RightButton) {
        drag_ = Drag::WindowLevel;
        windowAtDragStart_ = display_.window;
        if (display_.voi == DisplaySettings::Voi::VoiLut) windowAtDragStart_ = image_->robustWindow();
        setCursor(Qt::SizeAllCursor);
    }
}

void Viewport::mouseMoveEvent(QMouseEvent* e) {
    const QPointF d = e->position() - dragStart_;
    if (drag_ == Drag::Pan) {
        autoFit_ = false;
        geom_.setOffset({offsetAtDragStart_.x + d.x(), offsetAtDragStart_.y + d.y()});
        update();
        Q_EMIT viewChanged();
    } else if (drag_ == Drag::WindowLevel) {
        setWindow(WindowDrag::apply(windowAtDragStart_, d.x(), d.y(), dataRange_, std::max(width(), height())));
    }
    int x = -1, y = -1;
    if (imagePixelAt(e->position(), &x, &y)) Q_EMIT cursorOverPixel(x, y);
    else Q_EMIT cursorOverPixel(-1, -1);
}

void Viewport::mouseReleaseEvent(QMouseEvent*) {
    drag_ = Drag::None;
    unsetCursor();
}

void Viewport::mouseDoubleClickEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton) fit();
}

void Viewport::leaveEvent(QEvent*) { Q_EMIT cursorOverPixel(-1, -1); }

}  // namespace cxr::ui
