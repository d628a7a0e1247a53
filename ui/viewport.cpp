#include "viewport.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
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
        editor_.setMeasurements({});  // the window gives each image its own (setMeasurements)
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
    outlines_.clear();
    legend_ = Legend();
    boxes_.clear();
    selectedBox_ = -1;
    editor_.setMeasurements({});
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
        geom_.fitTo(imageArea().width(), imageArea().height());
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
    geom_.oneToOne(imageArea().width(), imageArea().height());
    // One image pixel per DEVICE pixel on HiDPI screens.
    geom_.zoomAbout(1.0 / devicePixelRatio(), {imageArea().width() / 2.0, imageArea().height() / 2.0});
    update();
    Q_EMIT viewChanged();
}

void Viewport::zoomBy(double factor) {
    if (!image_) return;
    autoFit_ = false;
    geom_.zoomAbout(factor, {imageArea().width() / 2.0, imageArea().height() / 2.0});
    update();
    Q_EMIT viewChanged();
}

void Viewport::rotateClockwise() {
    geom_.rotateClockwise();
    fitIfAuto();
    if (!autoFit_) geom_.fitTo(imageArea().width(), imageArea().height());
    update();
    Q_EMIT viewChanged();
}

void Viewport::rotateCounterClockwise() {
    geom_.rotateCounterClockwise();
    fitIfAuto();
    if (!autoFit_) geom_.fitTo(imageArea().width(), imageArea().height());
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
    const QRect area = imageArea();
    p.setClipRect(area);  // the strips beside and under the image are never drawn over
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
    if (!outlines_.isEmpty()) {
        // Vector contours through the centres of the mask's edge pixels: continuous at any zoom.
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setBrush(Qt::NoBrush);
        for (const Outline& o : outlines_) {
            QPen pen(o.colour, 1.6);
            pen.setCosmetic(true);
            p.setPen(pen);
            for (const QPolygonF& c : o.contours) p.drawPolygon(c.translated(0.5, 0.5));
        }
        p.setRenderHint(QPainter::Antialiasing, false);
    }
    p.resetTransform();
    if (boxesVisible_ && !boxes_.isEmpty()) paintBoxes(p);
    if (crosshair_.x() >= 0 && image_) {
        const PointF c = geom_.imageToScreen({crosshair_.x() * image_->width, crosshair_.y() * image_->height});
        p.setPen(QPen(QColor(255, 255, 0), 1.5));
        p.drawLine(QPointF(c.x - 12, c.y), QPointF(c.x - 3, c.y));
        p.drawLine(QPointF(c.x + 3, c.y), QPointF(c.x + 12, c.y));
        p.drawLine(QPointF(c.x, c.y - 12), QPointF(c.x, c.y - 3));
        p.drawLine(QPointF(c.x, c.y + 3), QPointF(c.x, c.y + 12));
    }
    if (measurementsVisible_)
        for (const auto& g : measurementGraphics(true))
            annotate::paintMeasurement(p, g, [this](PointF pt) {
                const PointF sc = geom_.imageToScreen(pt);
                return QPointF(sc.x, sc.y);
            }, 1.0, QRectF(area));
    if (infoVisible_) paintInfo(p, area);
    p.setClipping(false);
    const int legendW = legendStripWidth(), notesH = notesStripHeight();
    if (legendW > 0 || notesH > 0) {
        const QColor strip(0x16, 0x17, 0x1a);
        if (legendW > 0) {
            const QRect r(area.right() + 1, 0, legendW, height());
            p.fillRect(r, strip);
            paintLegend(p, r);
        }
        if (notesH > 0) {
            const QRect r(0, area.bottom() + 1, area.width(), notesH);
            p.fillRect(r, strip);
            paintNotes(p, r);
        }
    }
}

int Viewport::legendStripWidth() const {
    if (!legend_.valid() || heat_.isNull()) return 0;
    return width() < 480 || height() < 360 ? 64 : 104;
}

int Viewport::markWidth() const {
    if (mark_.isEmpty()) return 0;
    QFont bold = font();
    bold.setBold(true);
    return QFontMetrics(bold).horizontalAdvance(shownMark()) + 16;
}

QString Viewport::shownMark() const {
    QFont bold = font();
    bold.setBold(true);
    return QFontMetrics(bold).elidedText(mark_, Qt::ElideRight, std::max(40, width() / 2));
}

int Viewport::notesStripHeight() const {
    if (mark_.isEmpty() && outlines_.size() < 2) return 0;
    // The outline legend wraps to as many rows as it needs beside the mark.
    const int legendW = std::max(60, width() - 16 - markWidth());
    const int legend = outlines_.size() >= 2 ? annotate::outlineLegendHeight(outlines_, font(), legendW) : 0;
    return std::max(fontMetrics().height(), legend) + 8;
}

QRect Viewport::imageArea() const {
    return QRect(0, 0, std::max(1, width() - legendStripWidth()), std::max(1, height() - notesStripHeight()));
}

void Viewport::stripsChanged(const QRect& before) {
    if (imageArea() == before) return;
    if (autoFit_) {
        fitIfAuto();
    } else {  // keep the image point at the centre of the image area there
        const PointF c = geom_.screenToImage({before.width() / 2.0, before.height() / 2.0});
        const PointF now = geom_.imageToScreen(c);
        geom_.panBy(imageArea().width() / 2.0 - now.x, imageArea().height() / 2.0 - now.y);
    }
    Q_EMIT viewChanged();
}

void Viewport::paintNotes(QPainter& p, const QRect& strip) {
    p.save();
    const QFontMetrics fm(font());
    int x = strip.left() + 8;
    if (!mark_.isEmpty()) {
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        const QString text = shownMark();
        const int w = QFontMetrics(bold).horizontalAdvance(text);
        p.fillRect(QRect(x - 4, strip.top() + 2, w + 8, fm.height() + 4), QColor(160, 20, 20));
        p.setPen(Qt::white);
        p.drawText(QRect(x, strip.top() + 4, w, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, text);
        x += w + 16;
    }
    if (outlines_.size() >= 2)
        annotate::paintOutlineLegend(p, outlines_, font(), QRect(x, strip.top() + 4, std::max(60, strip.right() - 8 - x), strip.height() - 8),
                                     QColor(220, 220, 220));
    p.restore();
}

namespace {
// Text with a dark halo, readable over any grey level without a box.
void haloText(QPainter& p, const QRect& r, int flags, const QString& text) {
    const QColor fg = p.pen().color();
    p.setPen(QColor(0, 0, 0, 200));
    for (const QPoint d : {QPoint(-1, 0), QPoint(1, 0), QPoint(0, -1), QPoint(0, 1), QPoint(1, 1)}) p.drawText(r.translated(d), flags, text);
    p.setPen(fg);
    p.drawText(r, flags, text);
}
}  // namespace

void Viewport::paintInfo(QPainter& p, const QRect& area) {
    if (!image_) return;
    p.save();
    QFont f = font();
    f.setPointSizeF(std::max(7.0, f.pointSizeF() * 0.92));
    p.setFont(f);
    const QFontMetrics fm(f);
    const QRect inner = area.adjusted(8, 6, -8, -6);
    p.setPen(QColor(235, 235, 235));
    const QList<QPair<Corner, int>> corners{{Corner::TopLeft, Qt::AlignLeft | Qt::AlignTop},
                                            {Corner::TopRight, Qt::AlignRight | Qt::AlignTop},
                                            {Corner::BottomLeft, Qt::AlignLeft | Qt::AlignBottom},
                                            {Corner::BottomRight, Qt::AlignRight | Qt::AlignBottom}};
    for (const auto& [corner, align] : corners) {
        QStringList lines = cornerText(corner);
        for (QString& l : lines) l = fm.elidedText(l, Qt::ElideRight, std::max(40, inner.width() / 2 - 8));
        haloText(p, inner, align, lines.join(QLatin1Char('\n')));
    }
    // Orientation markers at the middle of each edge, larger.
    const EdgeMarkers m = orientationMarkers();
    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 1.3);
    big.setBold(true);
    p.setFont(big);
    p.setPen(QColor(255, 230, 120));
    haloText(p, inner, Qt::AlignLeft | Qt::AlignVCenter, m.left);
    haloText(p, inner, Qt::AlignRight | Qt::AlignVCenter, m.right);
    haloText(p, inner, Qt::AlignHCenter | Qt::AlignTop, m.top);
    haloText(p, inner, Qt::AlignHCenter | Qt::AlignBottom, m.bottom);
    p.restore();
}

void Viewport::setInfoVisible(bool on) {
    infoVisible_ = on;
    update();
}

void Viewport::setCornerFields(CornerFields fields) {
    cornerFields_ = fields;
    update();
}

QStringList Viewport::cornerText(Corner corner) const {
    if (!image_ || !infoVisible_) return {};
    return cornerLines(corner, image_->info, display_, int(std::lround(geom_.zoom() * devicePixelRatio() * 100)), cornerFields_);
}

EdgeMarkers Viewport::orientationMarkers() const {
    if (!image_) return {};
    return edgeMarkers(patientDirections(image_->info.patientOrientation, image_->info.viewPosition), geom_);
}

// ---- measurements -------------------------------------------------------------------------------

void Viewport::setTool(MeasureTool tool) {
    editor_.setTool(tool);
    if (tool != MeasureTool::None) setMeasurementsVisible(true);
    if (drag_ == Drag::Measure) drag_ = Drag::None;
    unsetCursor();
    update();
}

void Viewport::setMeasurements(const QVector<Measurement>& m) {
    editor_.setMeasurements(m);
    update();
}

void Viewport::setMeasurementsVisible(bool visible) {
    measurementsVisible_ = visible;
    if (!visible) editor_.cancelDrawing();
    update();
}

void Viewport::selectMeasurement(int index) {
    editor_.select(index);
    update();
}

bool Viewport::deleteMeasurement(int index) {
    if (!editor_.remove(index)) return false;
    update();
    Q_EMIT measurementsChanged();
    Q_EMIT measurementSelected(editor_.selected());
    return true;
}

void Viewport::setMeasurementLabel(int index, const QString& label) {
    editor_.setLabel(index, label);
    update();
    Q_EMIT measurementsChanged();
}

MeasureValues Viewport::measurementValues(int index) const {
    const QVector<Measurement> m = editor_.measurements();
    if (!image_ || index < 0 || index >= m.size()) return {};
    return measure(m[index], *image_);
}

QVector<annotate::MeasureGraphic> Viewport::measurementGraphics(bool inProgress) const {
    QVector<annotate::MeasureGraphic> out;
    if (!image_) return out;
    const QVector<Measurement>& all = inProgress ? editor_.all() : editor_.measurements();
    for (int i = 0; i < all.size(); ++i) {
        const Measurement& m = all[i];
        annotate::MeasureGraphic g;
        g.kind = m.kind;
        g.points = m.points;
        const bool finished = int(m.points.size()) >= pointCount(m.kind);
        if (finished) {
            g.text = measurementText(m, measure(m, *image_));
            if (!m.label.isEmpty()) g.text = m.label + QLatin1Char('\n') + g.text;
        }
        g.selected = inProgress && i == editor_.selected();
        out << g;
    }
    return out;
}

void Viewport::measurementsEdited(MeasureEditor::Result r) {
    update();
    if (r == MeasureEditor::Result::Changed) Q_EMIT measurementsChanged();
    Q_EMIT measurementSelected(editor_.selected());
}

void Viewport::setOverlay(const QImage& heat, const QImage& outline, const QString& mark) {
    const QRect before = imageArea();
    heat_ = heat;
    outline_ = outline;
    mark_ = mark;
    stripsChanged(before);
    update();
}

void Viewport::setOutlines(const QVector<Outline>& outlines) {
    const QRect before = imageArea();
    outlines_ = outlines;
    stripsChanged(before);
    update();
}

void Viewport::clearOverlay() {
    const QRect before = imageArea();
    legend_ = Legend();
    outlines_.clear();
    heat_ = outline_ = QImage();
    mark_.clear();
    stripsChanged(before);
    update();
}

void Viewport::syncViewFrom(const Viewport& other, bool zoom, bool pan) {
    if (!image_ || !other.image_ || &other == this || (!zoom && !pan)) return;
    const ImageGeometry& o = other.geom_;
    const QRect oa = other.imageArea();
    // The relative image point at the centre: the other view's when panning along, else this one's.
    const ImageGeometry& centreOf = pan ? o : geom_;
    const QRect centreArea = pan ? oa : imageArea();
    const PointF c = centreOf.screenToImage({centreArea.width() / 2.0, centreArea.height() / 2.0});
    const PointF rel{c.x / std::max(1, centreOf.width()), c.y / std::max(1, centreOf.height())};
    geom_.resetOrientation();
    for (int i = 0; i < o.rotation() / 90; ++i) geom_.rotateClockwise();
    if (o.flippedH()) geom_.flipHorizontal();
    if (o.flippedV()) geom_.flipVertical();
    if (zoom && other.autoFit_) {
        autoFit_ = true;
        geom_.fitTo(imageArea().width(), imageArea().height());
    } else {
        autoFit_ = false;
        if (zoom) geom_.setZoom(o.zoom() * double(o.orientedWidth()) / std::max(1, geom_.orientedWidth()));
        const PointF now = geom_.imageToScreen({rel.x * geom_.width(), rel.y * geom_.height()});
        geom_.panBy(imageArea().width() / 2.0 - now.x, imageArea().height() / 2.0 - now.y);
    }
    update();
    Q_EMIT viewChanged();
}

void Viewport::syncWindowFrom(const Viewport& other) {
    if (!image_ || &other == this) return;
    display_.voi = other.display_.voi == DisplaySettings::Voi::VoiLut && image_->voiLut ? DisplaySettings::Voi::VoiLut
                                                                                        : DisplaySettings::Voi::Window;
    display_.window = other.display_.window;
    display_.userInvert = other.display_.userInvert;
    rerender();
}

void Viewport::setCrosshair(QPointF relative) {
    crosshair_ = relative;
    update();
}

void Viewport::setLegend(const Legend& legend) {
    const QRect before = imageArea();
    legend_ = legend;
    stripsChanged(before);
    update();
}

// ---- ground-truth boxes ------------------------------------------------------------------------

void Viewport::setBoxes(const QVector<GroundTruthBox>& boxes) {
    boxes_ = boxes;
    if (selectedBox_ >= boxes_.size()) selectedBox_ = -1;
    update();
}

void Viewport::setBoxesVisible(bool visible) {
    boxesVisible_ = visible;
    update();
}

void Viewport::setBoxEditing(bool on) {
    boxEditing_ = on;
    if (!on) selectedBox_ = -1;
    unsetCursor();
    update();
}

void Viewport::selectBox(int index) {
    selectedBox_ = (index >= 0 && index < boxes_.size()) ? index : -1;
    update();
}

void Viewport::deleteSelectedBox() {
    if (selectedBox_ < 0 || selectedBox_ >= boxes_.size()) return;
    boxes_.remove(selectedBox_);
    selectedBox_ = -1;
    update();
    Q_EMIT boxesChanged();
}

QPolygonF Viewport::boxOnScreen(const QRectF& r) const {
    QPolygonF poly;
    for (const QPointF& c : {r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft()}) {
        const PointF s = geom_.imageToScreen({c.x(), c.y()});
        poly << QPointF(s.x, s.y);
    }
    return poly;
}

void Viewport::paintBoxes(QPainter& p) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    QFont f = font();
    f.setBold(true);
    p.setFont(f);
    const QColor colour(60, 255, 120);
    for (int i = 0; i < boxes_.size(); ++i) {
        const GroundTruthBox& b = boxes_[i];
        const QPolygonF poly = boxOnScreen(QRectF(b.rect));
        const bool selected = i == selectedBox_;
        p.setPen(QPen(QColor(0, 0, 0, 160), selected ? 5 : 4));  // dark halo: visible on any background
        p.setBrush(Qt::NoBrush);
        p.drawPolygon(poly);
        p.setPen(QPen(colour, 2, selected ? Qt::DashLine : Qt::SolidLine));
        p.drawPolygon(poly);
        const QRectF sr = poly.boundingRect();
        if (selected && boxEditing_) {
            p.setPen(QPen(Qt::black, 1));
            p.setBrush(colour);
            for (const QPointF& c : {sr.topLeft(), sr.topRight(), sr.bottomLeft(), sr.bottomRight(),
                                     QPointF(sr.center().x(), sr.top()), QPointF(sr.center().x(), sr.bottom()),
                                     QPointF(sr.left(), sr.center().y()), QPointF(sr.right(), sr.center().y())})
                p.drawRect(QRectF(c.x() - 4, c.y() - 4, 8, 8));
        }
        const QString label = b.label.isEmpty() ? tr("box %1").arg(i + 1) : b.label;
        const QString text = p.fontMetrics().elidedText(label, Qt::ElideRight, 320);
        QRectF tr = p.fontMetrics().boundingRect(text).adjusted(-4, -2, 4, 2);
        tr.moveBottomLeft(QPointF(sr.left(), sr.top() - 2));
        if (tr.top() < 0) tr.moveTopLeft(QPointF(sr.left() + 2, sr.top() + 2));
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0, 0, 0, 170));
        p.drawRect(tr);
        p.setPen(colour);
        p.drawText(tr, Qt::AlignCenter, text);
    }
    p.restore();
}

void Viewport::paintLegend(QPainter& p, const QRect& strip) {
    p.save();
    // Small views (compare grid cells) get a compact bar: no title, no range line.
    const bool compact = strip.width() < 100;
    QFont small = font();
    if (compact) small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
    p.setFont(small);
    const QFontMetrics fm(small);
    const int barW = compact ? 10 : 14;
    const int titleH = compact ? 0 : 2 * fm.height() + 6;
    const int top = strip.top() + 8 + titleH + fm.height() / 2;
    const int barH = std::clamp(strip.height() - (top - strip.top()) - (compact ? fm.height() : 3 * fm.height() + 8), 30, 320);
    p.setPen(Qt::white);
    if (!compact)  // title, wrapped over two lines in the strip
        p.drawText(QRect(strip.left() + 6, strip.top() + 6, strip.width() - 10, titleH), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   legend_.title);
    const QRect bar(strip.left() + (compact ? 4 : 8), top, barW, barH);
    // Bar: value 1 at the top, 0 at the bottom; values that are not drawn are hatched.
    const double hidden = std::max(legend_.lower, legend_.otsu);
    for (int y = 0; y < barH; ++y) {
        const double v = 1.0 - (y + 0.5) / barH;
        const QRgb c = legend_.colours[std::clamp(int(std::lround(v * 255)), 0, 255)];
        if (v <= hidden && hidden > 0) {
            p.setPen(((y / 3) % 2) ? QColor(90, 90, 90) : QColor(40, 40, 40));
        } else {
            p.setPen(QColor(c));
        }
        p.drawLine(bar.left(), bar.top() + y, bar.right(), bar.top() + y);
    }
    p.setPen(QColor(220, 220, 220));
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    auto tick = [&](double v, const QString& text, QColor c) {
        const int y = bar.top() + int(std::lround((1.0 - std::clamp(v, 0.0, 1.0)) * barH));
        p.setPen(c);
        p.drawLine(bar.right() + 1, y, bar.right() + 5, y);
        p.drawText(QRect(bar.right() + 7, y - fm.height() / 2, strip.right() - bar.right() - 8, fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, text);
    };
    tick(1.0, QStringLiteral("1.00"), Qt::white);
    tick(0.0, QStringLiteral("0.00"), Qt::white);
    if (legend_.otsu > 0) tick(legend_.otsu, compact ? QString::number(legend_.otsu, 'f', 2) : tr("Otsu %1").arg(legend_.otsu, 0, 'f', 2),
                               QColor(0, 230, 255));
    if (legend_.lower > 0 && std::fabs(legend_.lower - legend_.otsu) > 0.04)
        tick(legend_.lower, compact ? QString::number(legend_.lower, 'f', 2) : tr("cut %1").arg(legend_.lower, 0, 'f', 2),
             QColor(255, 210, 90));
    if (!compact) {
        p.setPen(QColor(200, 200, 200));
        p.drawText(QRect(strip.left() + 6, bar.bottom() + fm.height() / 2 + 4, strip.width() - 10, 2 * fm.height() + 4),
                   Qt::AlignLeft | Qt::TextWordWrap,
                   tr("range %1 – %2").arg(QString::number(legend_.minValue, 'f', 2), QString::number(legend_.maxValue, 'f', 2)));
    }
    p.restore();
}

int Viewport::hitBox(const QPointF& pos, int* part) const {
    *part = 0;
    // The selected box first (its handles), then any box whose inside holds the point.
    const double tol = 6.0;
    auto handles = [&](int i) {
        const QRectF sr = boxOnScreen(QRectF(boxes_[i].rect)).boundingRect();
        const bool nearL = std::fabs(pos.x() - sr.left()) <= tol, nearR = std::fabs(pos.x() - sr.right()) <= tol;
        const bool nearT = std::fabs(pos.y() - sr.top()) <= tol, nearB = std::fabs(pos.y() - sr.bottom()) <= tol;
        const bool inX = pos.x() >= sr.left() - tol && pos.x() <= sr.right() + tol;
        const bool inY = pos.y() >= sr.top() - tol && pos.y() <= sr.bottom() + tol;
        if (!inX || !inY) return -1;
        // screen edges: 1 left, 2 right, 4 top, 8 bottom (combined for corners)
        int edges = (nearL ? 1 : 0) | (nearR ? 2 : 0) | (nearT ? 4 : 0) | (nearB ? 8 : 0);
        if (edges) return edges;
        return sr.contains(pos) ? 0 : -1;
    };
    if (selectedBox_ >= 0 && selectedBox_ < boxes_.size()) {
        const int h = handles(selectedBox_);
        if (h >= 0) {
            *part = h;
            return selectedBox_;
        }
    }
    for (int i = int(boxes_.size()) - 1; i >= 0; --i) {
        const int h = handles(i);
        if (h >= 0) {
            *part = h;
            return i;
        }
    }
    return -1;
}

QRectF Viewport::imageRectFromDrag(const QPointF& a, const QPointF& b) const {
    const PointF ia = geom_.screenToImage({a.x(), a.y()}), ib = geom_.screenToImage({b.x(), b.y()});
    QRectF r(QPointF(std::min(ia.x, ib.x), std::min(ia.y, ib.y)), QPointF(std::max(ia.x, ib.x), std::max(ia.y, ib.y)));
    return r.intersected(QRectF(0, 0, image_->width, image_->height));
}

void Viewport::resizeEvent(QResizeEvent*) {
    fitIfAuto();
    if (autoFit_ && image_) Q_EMIT viewChanged();  // the zoom read-out follows the fit
}

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
    if (boxEditing_ && e->button() == Qt::LeftButton) {
        int part = 0;
        const int hit = boxesVisible_ ? hitBox(e->position(), &part) : -1;
        if (hit >= 0) {
            selectedBox_ = hit;
            boxPart_ = part;
            boxAtDragStart_ = boxes_[hit].rect;
            drag_ = Drag::EditBox;
        } else {
            selectedBox_ = -1;
            drag_ = Drag::NewBox;
        }
        update();
        return;
    }
    if (e->button() == Qt::LeftButton && measurementsVisible_) {
        const int before = editor_.selected();
        const MeasureEditor::Result r = editor_.press(e->position(), geom_);
        if (r != MeasureEditor::Result::Ignored) {
            drag_ = Drag::Measure;
            measurementsEdited(r);
            return;
        }
        if (before != editor_.selected()) measurementsEdited(r);
    }
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
    if (drag_ == Drag::Measure || (drag_ == Drag::None && editor_.drawing())) {
        if (editor_.move(e->position(), geom_) != MeasureEditor::Result::Ignored) update();
    } else if (drag_ == Drag::None && !boxEditing_ && measurementsVisible_ && image_) {
        const Qt::CursorShape c = editor_.cursorAt(e->position(), geom_);
        if (c == Qt::ArrowCursor) unsetCursor();
        else setCursor(c);
    }
    if (drag_ == Drag::Pan) {
        autoFit_ = false;
        geom_.setOffset({offsetAtDragStart_.x + d.x(), offsetAtDragStart_.y + d.y()});
        update();
        Q_EMIT viewChanged();
    } else if (drag_ == Drag::WindowLevel) {
        setWindow(WindowDrag::apply(windowAtDragStart_, d.x(), d.y(), dataRange_, std::max(width(), height())));
    } else if (drag_ == Drag::NewBox) {
        if (std::hypot(d.x(), d.y()) >= 4.0) {
            const QRect r = imageRectFromDrag(dragStart_, e->position()).toAlignedRect();
            if (selectedBox_ < 0) {
                boxes_.push_back(GroundTruthBox{r, QString(), false});
                selectedBox_ = int(boxes_.size()) - 1;
            } else {
                boxes_[selectedBox_].rect = r;
            }
            update();
        }
    } else if (drag_ == Drag::EditBox && selectedBox_ >= 0 && selectedBox_ < boxes_.size()) {
        // Work in image coordinates: the displacement of the cursor in image pixels.
        const PointF a = geom_.screenToImage({dragStart_.x(), dragStart_.y()});
        const PointF b = geom_.screenToImage({e->position().x(), e->position().y()});
        const double dx = b.x - a.x, dy = b.y - a.y;
        QRectF r(boxAtDragStart_);
        if (boxPart_ == 0) {
            r.translate(dx, dy);
            r.moveLeft(std::clamp(r.left(), 0.0, double(image_->width) - r.width()));
            r.moveTop(std::clamp(r.top(), 0.0, double(image_->height) - r.height()));
        } else {
            // Screen edges to image edges: map the box's screen bounding rectangle edges back by
            // moving the image-space corner that lies on that screen edge.
            QPointF ca = r.topLeft(), cb = r.bottomRight();
            const QPolygonF poly = boxOnScreen(QRectF(boxAtDragStart_));
            const QRectF sr = poly.boundingRect();
            auto moveEdge = [&](bool screenX, double screenValue) {
                // Which image corner coordinate lands on this screen edge?
                for (int k = 0; k < 4; ++k) {
                    const double v = screenX ? poly[k].x() : poly[k].y();
                    if (std::fabs(v - screenValue) < 0.5) {
                        const QPointF corner = k == 0 ? r.topLeft() : k == 1 ? r.topRight() : k == 2 ? r.bottomRight() : r.bottomLeft();
                        // the image axis that changes along the screen axis
                        const PointF s0 = geom_.imageToScreen({0, 0}), s1 = geom_.imageToScreen({1, 0});
                        const bool imageXAlongScreenX = std::fabs(s1.x - s0.x) > std::fabs(s1.y - s0.y);
                        const bool imageX = screenX ? imageXAlongScreenX : !imageXAlongScreenX;
                        if (imageX) {
                            if (std::fabs(corner.x() - ca.x()) < 1e-9) ca.setX(ca.x() + dx); else cb.setX(cb.x() + dx);
                        } else {
                            if (std::fabs(corner.y() - ca.y()) < 1e-9) ca.setY(ca.y() + dy); else cb.setY(cb.y() + dy);
                        }
                        return;
                    }
                }
            };
            if (boxPart_ & 1) moveEdge(true, sr.left());
            if (boxPart_ & 2) moveEdge(true, sr.right());
            if (boxPart_ & 4) moveEdge(false, sr.top());
            if (boxPart_ & 8) moveEdge(false, sr.bottom());
            r = QRectF(QPointF(std::min(ca.x(), cb.x()), std::min(ca.y(), cb.y())),
                       QPointF(std::max(ca.x(), cb.x()), std::max(ca.y(), cb.y())))
                    .intersected(QRectF(0, 0, image_->width, image_->height));
        }
        QRect ir(int(std::lround(r.left())), int(std::lround(r.top())), int(std::lround(r.width())), int(std::lround(r.height())));
        if (ir.width() >= 1 && ir.height() >= 1) boxes_[selectedBox_].rect = ir;
        update();
    } else if (boxEditing_ && drag_ == Drag::None) {
        int part = 0;
        const int hit = boxesVisible_ ? hitBox(e->position(), &part) : -1;
        if (hit < 0) setCursor(Qt::CrossCursor);
        else if (part == 0) setCursor(Qt::SizeAllCursor);
        else if (part == 5 || part == 10) setCursor(Qt::SizeFDiagCursor);
        else if (part == 6 || part == 9) setCursor(Qt::SizeBDiagCursor);
        else if (part & 3) setCursor(Qt::SizeHorCursor);
        else setCursor(Qt::SizeVerCursor);
    }
    int x = -1, y = -1;
    if (imagePixelAt(e->position(), &x, &y)) Q_EMIT cursorOverPixel(x, y);
    else Q_EMIT cursorOverPixel(-1, -1);
}

void Viewport::mouseReleaseEvent(QMouseEvent* e) {
    const Drag was = drag_;
    drag_ = Drag::None;
    if (was == Drag::Measure) {
        measurementsEdited(editor_.release(e->position(), geom_));
        return;
    }
    if (!boxEditing_ && editor_.tool() == MeasureTool::None) unsetCursor();
    if (was == Drag::NewBox && selectedBox_ >= 0 && selectedBox_ < boxes_.size()) {
        if (boxes_[selectedBox_].rect.width() < 2 || boxes_[selectedBox_].rect.height() < 2) {  // a click, not a box
            boxes_.remove(selectedBox_);
            selectedBox_ = -1;
            update();
            return;
        }
        Q_EMIT boxesChanged();
    } else if (was == Drag::EditBox && selectedBox_ >= 0 && selectedBox_ < boxes_.size() &&
               boxes_[selectedBox_].rect != boxAtDragStart_) {
        Q_EMIT boxesChanged();
    }
}

void Viewport::keyPressEvent(QKeyEvent* e) {
    if (boxEditing_ && selectedBox_ >= 0 && (e->key() == Qt::Key_Delete || e->key() == Qt::Key_Backspace)) {
        deleteSelectedBox();
        e->accept();
        return;
    }
    if (e->key() == Qt::Key_Delete && editor_.selected() >= 0 && deleteMeasurement(editor_.selected())) {
        e->accept();
        return;
    }
    QWidget::keyPressEvent(e);
}

void Viewport::setBoxLabel(int index, const QString& label) {
    if (index < 0 || index >= boxes_.size()) return;
    boxes_[index].label = label.simplified();
    update();
    Q_EMIT boxesChanged();
}

void Viewport::mouseDoubleClickEvent(QMouseEvent* e) {
    if (boxEditing_) {
        // Double-click a box: name the sentence it belongs to (its metrics then use it).
        int part = 0;
        const int hit = hitBox(e->position(), &part);
        if (hit >= 0) {
            selectedBox_ = hit;
            Q_EMIT boxLabelRequested(hit);
        }
        return;
    }
    if (e->button() == Qt::LeftButton && editor_.tool() == MeasureTool::None && editor_.cursorAt(e->position(), geom_) == Qt::ArrowCursor)
        fit();
}

void Viewport::leaveEvent(QEvent*) { Q_EMIT cursorOverPixel(-1, -1); }

}  // namespace cxr::ui
