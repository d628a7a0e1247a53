// The image viewport: shows one frame through the rendering pipeline, with zoom about the
// cursor, pan, window/level by right-drag, invert, rotation and flips. Geometry lives in
// cxr::ImageGeometry (core); this widget only presents it.
#pragma once

#include "annotate/overlay.h"
#include "imaging/geometry.h"
#include "imaging/image.h"
#include "imaging/orientation.h"
#include "measure_editor.h"
#include "reading.h"

#include <QColor>
#include <QImage>
#include <QPointF>
#include <QPolygonF>
#include <QRect>
#include <QVector>
#include <QWidget>

#include <memory>

class QPainter;

namespace cxr::ui {

// Window/level drag: horizontal motion changes the width, vertical the centre; the step per
// pixel follows the data range so a drag across the view spans it.
struct WindowDrag {
    static Window apply(const Window& start, double dx, double dy, double dataRange, double viewExtent);
};

// A ground-truth box in original image pixels (x, y, w, h as MS-CXR writes them).
struct GroundTruthBox {
    QRect rect;
    QString label;     // the sentence it belongs to (MS-CXR label_text), or "" for a drawn box
    bool fromCsv = false;
};

// The colour bar of the heat map: the colour map, the value range of the map shown, and the
// values below which it is transparent (Otsu threshold, user threshold).
struct Legend {
    QVector<QRgb> colours;  // 256 entries, value 0 .. 1
    double minValue = 0, maxValue = 1;  // range of the analysed map values shown
    double otsu = -1;       // Otsu threshold (< 0: none)
    double lower = 0;       // user threshold (values at or below are transparent)
    QString title;
    bool valid() const { return colours.size() == 256; }
};

// An outline drawn as vector paths (image pixel coordinates), in one colour, with a legend name.
using Outline = annotate::Outline;

class Viewport : public QWidget {
    Q_OBJECT
public:
    explicit Viewport(QWidget* parent = nullptr);

    // keepView: keep zoom, pan and orientation (e.g. another frame of the same file).
    void setImage(std::shared_ptr<const Image> image, bool keepView = false);
    void clear();
    std::shared_ptr<const Image> image() const { return image_; }
    bool hasImage() const { return image_ != nullptr; }

    const DisplaySettings& display() const { return display_; }
    void setWindow(const Window& w);
    void useVoiLut();
    void resetDisplay();  // the default display of the file
    void setInverted(bool inverted);
    bool inverted() const { return display_.userInvert; }

    const ImageGeometry& geometry() const { return geom_; }
    void fit();
    void oneToOne();
    void zoomBy(double factor);  // about the view centre
    void rotateClockwise();
    void rotateCounterClockwise();
    void flipHorizontal();
    void flipVertical();
    void resetView();  // orientation, zoom (fit) and window

    // Overlays at original image size (ARGB), drawn with the image's transform; `mark` is a note
    // about the overlay (e.g. "demo model - random weights") shown in the strip under the image.
    void setOverlay(const QImage& heat, const QImage& outline, const QString& mark);
    void clearOverlay();
    const QImage& heatOverlay() const { return heat_; }
    const QImage& outlineOverlay() const { return outline_; }
    // Outlines as vector paths in image pixels (continuous at any zoom), each in its colour; the
    // names make a legend in the strip under the image when there is more than one.
    void setOutlines(const QVector<Outline>& outlines);
    const QVector<Outline>& outlines() const { return outlines_; }
    void setLegend(const Legend& legend);
    const Legend& legend() const { return legend_; }
    QString mark() const { return mark_; }
    // Where the image is drawn: the widget less the strips beside (colour bar) and under it (notes,
    // outline legend). Nothing of the legend or the notes is drawn over the image.
    QRect imageArea() const;

    // Ground-truth boxes (image pixels). With box editing on, the left button draws a new box,
    // drags a box to move it or a handle to resize it; Delete removes the selected box.
    void setBoxes(const QVector<GroundTruthBox>& boxes);
    const QVector<GroundTruthBox>& boxes() const { return boxes_; }
    void setBoxesVisible(bool visible);
    bool boxesVisible() const { return boxesVisible_; }
    void setBoxEditing(bool on);
    bool boxEditing() const { return boxEditing_; }
    int selectedBox() const { return selectedBox_; }
    void selectBox(int index);
    void deleteSelectedBox();
    void setBoxLabel(int index, const QString& label);

    // Linked views (ViewSync): take another viewport's orientation with its zoom (the same
    // apparent size) and / or its view centre (the same relative image point), or its window.
    void syncViewFrom(const Viewport& other, bool zoom = true, bool pan = true);
    void syncWindowFrom(const Viewport& other);
    // A cross marking a relative image position (0..1, 0..1); negative: none.
    void setCrosshair(QPointF relative);
    QPointF crosshair() const { return crosshair_; }
    bool autoFit() const { return autoFit_; }

    // Reading aids: the corner text (the chosen fields) and the orientation markers at the edges,
    // shown or hidden together (T). Text only, with a dark halo: no box over the image.
    void setInfoVisible(bool on);
    bool infoVisible() const { return infoVisible_; }
    void setCornerFields(CornerFields fields);
    QStringList cornerText(Corner corner) const;  // empty when hidden or no image
    EdgeMarkers orientationMarkers() const;       // empty strings where the direction is unknown

    // Measurements of the image shown (image pixels). With a tool the left button draws one;
    // without, it drags a measurement's point or the whole measurement, else pans.
    void setTool(MeasureTool tool);
    MeasureTool tool() const { return editor_.tool(); }
    bool measuring() const { return editor_.drawing(); }
    void setMeasurements(const QVector<Measurement>& m);
    QVector<Measurement> measurements() const { return editor_.measurements(); }
    void setMeasurementsVisible(bool visible);
    bool measurementsVisible() const { return measurementsVisible_; }
    int selectedMeasurement() const { return editor_.selected(); }
    void selectMeasurement(int index);
    bool deleteMeasurement(int index);
    void setMeasurementLabel(int index, const QString& label);
    MeasureValues measurementValues(int index) const;
    // What is drawn for each finished measurement (exports burn these in); `inProgress`: with the
    // one being drawn.
    QVector<annotate::MeasureGraphic> measurementGraphics(bool inProgress = false) const;

    // The 8-bit rendering at original size (what is painted, before zoom).
    const QImage& rendered() const { return rendered_; }
    // Image pixel under a widget position; false outside the image.
    bool imagePixelAt(const QPointF& widgetPos, int* x, int* y) const;

Q_SIGNALS:
    void displayChanged();
    void viewChanged();
    // x, y < 0: the cursor left the image
    void cursorOverPixel(int x, int y);
    void boxesChanged();  // drawn, moved, resized, renamed or deleted by the user
    void boxLabelRequested(int index);  // double-click on a box while editing
    void measurementsChanged();            // drawn, edited, renamed or deleted
    void measurementSelected(int index);   // -1: none

protected:
    void paintEvent(QPaintEvent*) override;
    void resizeEvent(QResizeEvent*) override;
    void wheelEvent(QWheelEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;
    void mouseDoubleClickEvent(QMouseEvent*) override;
    void leaveEvent(QEvent*) override;
    void keyPressEvent(QKeyEvent*) override;

private:
    void rerender();
    void paintBoxes(QPainter& p);
    void paintLegend(QPainter& p, const QRect& strip);
    void paintNotes(QPainter& p, const QRect& strip);
    void paintInfo(QPainter& p, const QRect& area);
    int markWidth() const;  // the demo mark in the notes strip
    QString shownMark() const;
    void measurementsEdited(MeasureEditor::Result r);
    int legendStripWidth() const;
    int notesStripHeight() const;
    void stripsChanged(const QRect& before);
    QPolygonF boxOnScreen(const QRectF& r) const;
    // Which part of which box is under a widget position: -1 none; part 0 inside (move),
    // 1..8 handles (corners and edges) for resizing.
    int hitBox(const QPointF& pos, int* part) const;
    QRectF imageRectFromDrag(const QPointF& a, const QPointF& b) const;
    void fitIfAuto();
    double devicePixelRatio() const;

    std::shared_ptr<const Image> image_;
    DisplaySettings display_;
    Renderer renderer_;
    std::vector<uint8_t> pixels_;
    QImage rendered_;
    QImage heat_, outline_;
    QString mark_;
    QVector<Outline> outlines_;
    Legend legend_;
    QPointF crosshair_{-1, -1};
    QVector<GroundTruthBox> boxes_;
    bool boxesVisible_ = true, boxEditing_ = false;
    int selectedBox_ = -1;
    int boxPart_ = 0;
    QRect boxAtDragStart_;
    ImageGeometry geom_;
    bool autoFit_ = true;  // keep fitting on resize until the user zooms or pans
    bool infoVisible_ = false;
    CornerFields cornerFields_ = CornerFields(kAllCornerFields);
    MeasureEditor editor_;
    bool measurementsVisible_ = true;
    enum class Drag { None, Pan, WindowLevel, NewBox, EditBox, Measure } drag_ = Drag::None;
    QPointF dragStart_;
    Window windowAtDragStart_;
    PointF offsetAtDragStart_;
    double dataRange_ = 1.0;
};

}  // namespace cxr::ui
