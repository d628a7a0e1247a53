#include "measure_editor.h"

#include <QLineF>
#include <QRectF>

#include <algorithm>
#include <cmath>

namespace cxr::ui {

MeasureKind kindOf(MeasureTool tool) {
    switch (tool) {
    case MeasureTool::Angle: return MeasureKind::Angle;
    case MeasureTool::Rectangle: return MeasureKind::Rectangle;
    case MeasureTool::Ellipse: return MeasureKind::Ellipse;
    case MeasureTool::CardiothoracicRatio: return MeasureKind::CardiothoracicRatio;
    default: return MeasureKind::Distance;
    }
}

namespace {
QPointF screen(PointF p, const ImageGeometry& g) {
    const PointF s = g.imageToScreen(p);
    return {s.x, s.y};
}

double segmentDistance(QPointF p, QPointF a, QPointF b) {
    const QPointF d = b - a;
    const double len2 = d.x() * d.x() + d.y() * d.y();
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / len2, 0.0, 1.0) : 0.0;
    return QLineF(p, a + t * d).length();
}
}  // namespace

void MeasureEditor::setTool(MeasureTool tool) {
    cancelDrawing();
    tool_ = tool;
}

void MeasureEditor::cancelDrawing() {
    if (drawing_ >= 0 && drawing_ < items_.size()) items_.remove(drawing_);
    drawing_ = -1;
    dragging_ = false;
}

void MeasureEditor::setMeasurements(const QVector<Measurement>& m) {
    items_ = m;
    drawing_ = -1;
    dragging_ = false;
    editing_ = -1;
    selected_ = -1;
}

QVector<Measurement> MeasureEditor::measurements() const {
    QVector<Measurement> out = items_;
    if (drawing_ >= 0 && drawing_ < out.size()) out.remove(drawing_);
    return out;
}

void MeasureEditor::select(int index) { selected_ = index >= 0 && index < items_.size() && index != drawing_ ? index : -1; }

bool MeasureEditor::remove(int index) {
    if (index < 0 || index >= items_.size() || index == drawing_) return false;
    items_.remove(index);
    if (drawing_ > index) --drawing_;
    if (selected_ == index) selected_ = -1;
    else if (selected_ > index) --selected_;
    return true;
}

bool MeasureEditor::removeSelected() { return remove(selected_); }

void MeasureEditor::setLabel(int index, const QString& label) {
    if (index >= 0 && index < items_.size()) items_[index].label = label.simplified();
}

PointF MeasureEditor::toImage(QPointF pos, const ImageGeometry& g) const {
    const PointF p = g.screenToImage({pos.x(), pos.y()});
    return {std::clamp(p.x, 0.0, double(g.width())), std::clamp(p.y, 0.0, double(g.height()))};
}

PointF MeasureEditor::level(PointF p, PointF other, const ImageGeometry& g) const {
    const PointF s = g.imageToScreen(p), o = g.imageToScreen(other);
    return toImage(QPointF(s.x, o.y), g);
}

int MeasureEditor::hit(QPointF pos, const ImageGeometry& g, int* part) const {
    for (int i = int(items_.size()) - 1; i >= 0; --i) {
        if (i == drawing_) continue;
        const Measurement& m = items_[i];
        for (size_t k = 0; k < m.points.size(); ++k)
            if (QLineF(pos, screen(m.points[k], g)).length() <= 7.0) {
                *part = int(k);
                return i;
            }
    }
    for (int i = int(items_.size()) - 1; i >= 0; --i) {
        if (i == drawing_) continue;
        const Measurement& m = items_[i];
        if (m.points.size() < 2) continue;
        *part = -1;
        switch (m.kind) {
        case MeasureKind::Rectangle:
        case MeasureKind::Ellipse: {
            const QRectF r = QRectF(screen(m.points[0], g), screen(m.points[1], g)).normalized();
            if (m.kind == MeasureKind::Rectangle ? r.adjusted(-4, -4, 4, 4).contains(pos)
                                                 : std::pow((pos.x() - r.center().x()) / std::max(1.0, r.width() / 2 + 4), 2) +
                                                           std::pow((pos.y() - r.center().y()) / std::max(1.0, r.height() / 2 + 4), 2) <= 1.0)
                return i;
            break;
        }
        default:
            for (size_t k = 0; k + 1 < m.points.size(); ++k) {
                if (m.kind == MeasureKind::CardiothoracicRatio && k == 1) continue;  // two separate widths
                if (segmentDistance(pos, screen(m.points[k], g), screen(m.points[k + 1], g)) <= 5.0) return i;
            }
        }
    }
    return -1;
}

MeasureEditor::Result MeasureEditor::press(QPointF pos, const ImageGeometry& g) {
    pressPos_ = pos;
    const PointF p = toImage(pos, g);
    if (drawing_ >= 0) {
        Measurement& m = items_[drawing_];
        if (m.kind == MeasureKind::Angle && m.points.size() == 3) {  // the click that places the second arm
            m.points[2] = p;
            selected_ = drawing_;
            drawing_ = -1;
            return Result::Changed;
        }
        if (m.kind == MeasureKind::CardiothoracicRatio && m.points.size() == 2) {  // the thoracic width starts
            m.points.push_back(p);
            m.points.push_back(p);
            dragging_ = true;
            return Result::Handled;
        }
        cancelDrawing();
    }
    int part = -1;
    const int h = hit(pos, g, &part);
    if (h >= 0) {
        selected_ = h;
        editing_ = h;
        editPart_ = part;
        editMoved_ = false;
        pointsAtPress_ = items_[h].points;
        return Result::Handled;
    }
    selected_ = -1;
    if (tool_ == MeasureTool::None) return Result::Ignored;
    Measurement m;
    m.kind = kindOf(tool_);
    m.points = {p, p};
    items_.push_back(m);
    drawing_ = int(items_.size()) - 1;
    dragging_ = true;
    return Result::Handled;
}

MeasureEditor::Result MeasureEditor::move(QPointF pos, const ImageGeometry& g) {
    const PointF p = toImage(pos, g);
    if (drawing_ >= 0) {
        Measurement& m = items_[drawing_];
        if (m.kind == MeasureKind::Angle && m.points.size() == 3 && !dragging_) {
            m.points[2] = p;  // the second arm follows the cursor until the click
            return Result::Handled;
        }
        if (!dragging_) return Result::Ignored;
        const size_t last = m.points.size() - 1;
        m.points[last] = m.kind == MeasureKind::CardiothoracicRatio ? level(p, m.points[last - 1], g) : p;
        return Result::Handled;
    }
    if (editing_ < 0 || editing_ >= items_.size()) return Result::Ignored;
    Measurement& m = items_[editing_];
    if (QLineF(pos, pressPos_).length() >= 1.0) editMoved_ = true;
    if (editPart_ >= 0) {
        const size_t k = size_t(editPart_);
        m.points[k] = m.kind == MeasureKind::CardiothoracicRatio ? level(p, m.points[k ^ 1], g) : p;
    } else {  // the whole measurement, kept inside the image
        const PointF a = g.screenToImage({pressPos_.x(), pressPos_.y()}), b = g.screenToImage({pos.x(), pos.y()});
        double dx = b.x - a.x, dy = b.y - a.y;
        for (const PointF& q : pointsAtPress_) {
            dx = std::clamp(dx, -q.x, g.width() - q.x);
            dy = std::clamp(dy, -q.y, g.height() - q.y);
        }
        for (size_t k = 0; k < m.points.size(); ++k) m.points[k] = {pointsAtPress_[k].x + dx, pointsAtPress_[k].y + dy};
    }
    return Result::Handled;
}

MeasureEditor::Result MeasureEditor::release(QPointF pos, const ImageGeometry& g) {
    if (editing_ >= 0) {
        editing_ = -1;
        return editMoved_ ? Result::Changed : Result::Handled;
    }
    if (drawing_ < 0 || !dragging_) return Result::Handled;
    dragging_ = false;
    Measurement& m = items_[drawing_];
    const bool click = QLineF(pos, pressPos_).length() < 3.0;  // a click, not a drag: nothing drawn
    if (m.kind == MeasureKind::CardiothoracicRatio) {
        if (click) {
            m.points.resize(m.points.size() - 2);
            if (m.points.empty()) cancelDrawing();
            return Result::Handled;
        }
        if (m.points.size() == 2) return Result::Handled;  // now the thoracic width
    } else if (click) {
        cancelDrawing();
        return Result::Handled;
    } else if (m.kind == MeasureKind::Angle && m.points.size() == 2) {
        m.points.push_back(toImage(pos, g));  // the second arm follows the cursor
        return Result::Handled;
    }
    selected_ = drawing_;
    drawing_ = -1;
    return Result::Changed;
}

Qt::CursorShape MeasureEditor::cursorAt(QPointF pos, const ImageGeometry& g) const {
    int part = -1;
    if (drawing_ < 0 && hit(pos, g, &part) >= 0) return part >= 0 ? Qt::SizeAllCursor : Qt::OpenHandCursor;
    return tool_ == MeasureTool::None ? Qt::ArrowCursor : Qt::CrossCursor;
}

}  // namespace cxr::ui
