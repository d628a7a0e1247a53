// Heat-map and mask layers as images, and the annotated picture that exports burn in.
// QtGui only (QImage / QPainter): shared by the viewer and the command line.
#pragma once

#include <QColor>
#include <QImage>
#include <QPolygonF>
#include <QRect>
#include <QString>
#include <QVector>

#include <vector>

#include "annotate/colourmaps.h"
#include "imaging/geometry.h"
#include "imaging/measure.h"

#include <functional>

class QPainter;

namespace cxr::annotate {

// The colour of v in [0,1]: the table entry round(255 v) (colourmaps.h).
QRgb colourAt(ColourMap map, double v);
ColourMap colourMapFromName(const QString& name, bool* ok = nullptr);  // "inferno" | "viridis" | "jet"
QString colourMapName(ColourMap map);

enum class MaskMode { Outline, Fill, Off };

// The heat map as an ARGB image at original size: NaN (outside the analysed crop) lightly hatched
// as "not analysed", values at or below `lower` transparent, others coloured with alpha = opacity.
QImage heatmapImage(const std::vector<float>& map, int width, int height, ColourMap cmap, double opacity, double lower);
// Outline of the Otsu mask (map > 0) as an ARGB image at original size.
QImage maskOutline(const std::vector<float>& map, int width, int height, QColor colour);
// Outline of the Otsu mask as closed polygons through the centres of its edge pixels (image pixel
// coordinates, add 0.5 for the pixel centre): drawn as vector paths it stays continuous at any zoom.
QVector<QPolygonF> maskContours(const std::vector<float>& map, int width, int height);
// The Otsu mask filled with `colour` (its alpha is used) and outlined in the opaque colour.
QImage maskFill(const std::vector<float>& map, int width, int height, QColor colour);

// An outline as vector paths (image pixel coordinates through the centres of the mask's edge
// pixels: add 0.5 to draw), in one colour, with the name its legend shows.
struct Outline {
    QVector<QPolygonF> contours;
    QColor colour;
    QString name;
};

// The outline legend: a colour square and the name of each outline, in rows that wrap within
// `width` (a name longer than a row is elided). The height it needs, and painting it into `area`.
int outlineLegendHeight(const QVector<Outline>& outlines, const QFont& font, int width);
void paintOutlineLegend(QPainter& p, const QVector<Outline>& outlines, const QFont& font, const QRect& area, QColor textColour);

// A measurement as drawn over the image: its kind, its points (original image pixels) and the text
// of its values (one or more lines).
struct MeasureGraphic {
    MeasureKind kind = MeasureKind::Distance;
    std::vector<PointF> points;
    QString text;
    bool selected = false;  // handles on its points
};
// Draws a measurement: lines and shapes with a dark halo, the text beside it with a halo (no box),
// moved to the other side of its anchor where it would leave `bounds` (when given).
// `map` takes image points to the picture (the screen, or an exported picture); `scale` sizes
// strokes and text (1: screen).
void paintMeasurement(QPainter& p, const MeasureGraphic& m, const std::function<QPointF(PointF)>& map, double scale,
                      const QRectF& bounds = QRectF());

struct LabelledBox {
    QRect rect;     // original pixels
    QString label;  // "" for a drawn box
};

// What an annotated picture shows: exactly the layers visible in the viewer.
struct Layers {
    bool heat = true;
    ColourMap colourMap = ColourMap::Inferno;
    double opacity = 0.55;
    double lower = 0.0;
    MaskMode mask = MaskMode::Outline;
    QColor maskColour{0, 230, 255};
    bool boxes = true;
    QVector<LabelledBox> boxList;
    // With the mask as outline: every outline to draw, each in its colour (the viewer's ticked
    // prompts); empty: the map's own Otsu outline in maskColour. Two or more get a legend in the
    // footer.
    QVector<Outline> outlines;
    QVector<MeasureGraphic> measurements;  // drawn when not empty (the viewer's visible measurements)
};

struct Caption {
    QString prompt;            // the grounded sentence
    QString details;           // settings, metrics ... (one line)
    bool negated = false;      // the sentence denies a finding
    bool demoModel = false;    // random weights: stamped on the picture
    double minValue = 0, maxValue = 1, otsu = -1;  // colour bar range and Otsu threshold
};

// Base image, map and boxes turned as the viewer shows them (the orientation of `geometry`:
// quarter turns clockwise, then flips), all at original resolution; burnIn() draws on the result,
// so labels and the "demo model" stamp stay upright. `map` may be empty (no result).
struct Oriented {
    QImage base;
    std::vector<float> map;
    int width = 0, height = 0;  // of the map
    QVector<LabelledBox> boxes;
    QVector<Outline> outlines;
    QVector<MeasureGraphic> measurements;
};
Oriented orient(const QImage& base, const std::vector<float>& map, int width, int height,
                const QVector<LabelledBox>& boxes, const ImageGeometry& geometry,
                const QVector<Outline>& outlines = {}, const QVector<MeasureGraphic>& measurements = {});

// The picture at original resolution with the layers burned in, turned as `orientation` (the
// viewer's geometry; identity by default) shows it: size of `base`, sides swapped at 90 / 270.
QImage burnIn(const QImage& base, const std::vector<float>& map, int width, int height, const Layers& layers,
              const Caption& caption, const ImageGeometry& orientation = ImageGeometry());
// Adds the footer band under `picture`: the prompt as a caption, the colour bar with its range,
// the outline legend (two or more outlines; wrapped over as many lines as it needs), details, and
// "Research use - not for diagnosis".
QImage withFooter(const QImage& picture, const Layers& layers, const Caption& caption);
// Cells side by side in `rows` x `cols`, each scaled to the same height (grid export).
QImage grid(const QVector<QImage>& cells, int rows, int cols, QColor background = QColor(16, 16, 18));

// `text` cut at a word boundary to at most `maxChars` characters, with "…" when cut (captions,
// names, tool tips).
QString shortened(const QString& text, int maxChars);

// The fixed line every export carries.
QString researchUseLine();

}  // namespace cxr::annotate
