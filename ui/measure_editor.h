// Drawing and editing measurements with the mouse on a view. Holds the measurements of the image
// shown, in image pixels; positions come in widget (screen) coordinates and go through the view's
// ImageGeometry. Presentation only: the values come from core/imaging/measure.h.
#pragma once

#include "imaging/geometry.h"
#include "imaging/measure.h"

#include <QPointF>
#include <QVector>

#include <Qt>

namespace cxr::ui {

enum class MeasureTool { None, Distance, Angle, Rectangle, Ellipse, CardiothoracicRatio };

class MeasureEditor {
public:
    enum class Result { Ignored, Handled, Changed };  // Changed: a measurement was finished, edited or removed

    void setTool(MeasureTool tool);  // ends a drawing in progress (it is dropped)
    MeasureTool tool() const { return tool_; }
    bool drawing() const { return drawing_ >= 0; }
    void cancelDrawing();

    void setMeasurements(const QVector<Measurement>& m);
    // The finished measurements (not the one being drawn).
    QVector<Measurement> measurements() const;
    const QVector<Measurement>& all() const { return items_; }  // with the one being drawn, last
    int selected() const { return selected_; }
    void select(int index);
    bool removeSelected();
    bool remove(int index);
    void setLabel(int index, const QString& label);

    // Mouse on the view (left button). `size`: the image's size in pixels (points stay inside).
    Result press(QPointF pos, const ImageGeometry& g);
    Result move(QPointF pos, const ImageGeometry& g);
    Result release(QPointF pos, const ImageGeometry& g);
    // What the cursor should look like over `pos` (nothing pressed).
    Qt::CursorShape cursorAt(QPointF pos, const ImageGeometry& g) const;

private:
    // Which measurement and which part is under `pos`: point k >= 0, -1 the shape (move all).
    int hit(QPointF pos, const ImageGeometry& g, int* part) const;
    PointF toImage(QPointF pos, const ImageGeometry& g) const;
    // A cardiothoracic width stays level on screen: `p` moved to the screen height of `other`.
    PointF level(PointF p, PointF other, const ImageGeometry& g) const;

    MeasureTool tool_ = MeasureTool::None;
    QVector<Measurement> items_;
    int selected_ = -1;
    int drawing_ = -1;         // index of the measurement being drawn
    bool dragging_ = false;    // a drag of the drawing is in progress
    int editing_ = -1, editPart_ = -1;  // point or shape being dragged
    bool editMoved_ = false;
    QPointF pressPos_;
    std::vector<PointF> pointsAtPress_;
};

MeasureKind kindOf(MeasureTool tool);

}  // namespace cxr::ui
