#include "annotate/overlay.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace cxr::annotate {

QRgb colourAt(ColourMap map, double v) {
    const uint8_t* c = colourTable(map)[std::clamp(int(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)), 0, 255)];
    return qRgb(c[0], c[1], c[2]);
}

QImage heatmapImage(const std::vector<float>& map, int w, int h, ColourMap cmap, double opacity, double lower) {
    QImage img(w, h, QImage::Format_ARGB32);
    img.fill(Qt::transparent);
    if (map.size() != size_t(w) * h) return img;
    QRgb lut[256];
    for (int i = 0; i < 256; ++i) lut[i] = colourAt(cmap, i / 255.0);
    const int alpha = int(std::lround(std::clamp(opacity, 0.0, 1.0) * 255));
    for (int y = 0; y < h; ++y) {
        auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const float v = map[size_t(y) * w + x];
            if (std::isnan(v)) {  // outside the analysed crop: a light hatch ("not analysed")
                if ((x + y) % 12 == 0) line[x] = qRgba(150, 150, 150, 110);
                continue;
            }
            if (v <= lower) continue;
            const QRgb c = lut[std::clamp(int(std::lround(v * 255.0)), 0, 255)];
            line[x] = qRgba(qRed(c), qGreen(c), qBlue(c), alpha);
        }
    }
    return img;
}

QImage maskOutline(const std::vector<float>& map, int w, int h, QColor colour) {
    QImage img(w, h, QImage::Format_ARGB32);
    img.fill(Qt::transparent);
    if (map.size() != size_t(w) * h) return img;
    auto in = [&](int x, int y) {
        if (x < 0 || y < 0 || x >= w || y >= h) return false;
        const float v = map[size_t(y) * w + x];
        return !std::isnan(v) && v > 0.0f;
    };
    const QRgb c = colour.rgba();
    for (int y = 0; y < h; ++y) {
        auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
        for (int x = 0; x < w; ++x)
            if (in(x, y) && (!in(x - 1, y) || !in(x + 1, y) || !in(x, y - 1) || !in(x, y + 1))) line[x] = c;
    }
    return img;
}

QVector<QPolygonF> maskContours(const std::vector<float>& map, int w, int h) {
    QVector<QPolygonF> out;
    if (w <= 0 || h <= 0 || map.size() != size_t(w) * h) return out;
    cv::Mat mask(h, w, CV_8UC1);
    for (size_t i = 0; i < map.size(); ++i) mask.data[i] = (!std::isnan(map[i]) && map[i] > 0.0f) ? 255 : 0;
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(mask, contours, cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
    for (const auto& c : contours) {
        QPolygonF poly;
        poly.reserve(int(c.size()));
        for (const cv::Point& p : c) poly << QPointF(p.x, p.y);
        out << poly;
    }
    return out;
}

QImage maskFill(const std::vector<float>& map, int w, int h, QColor colour) {
    QImage img = maskOutline(map, w, h, QColor(colour.red(), colour.green(), colour.blue()));
    if (map.size() != size_t(w) * h) return img;
    const QRgb fill = qPremultiply(colour.rgba());
    QImage out = img.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < h; ++y) {
        auto* line = reinterpret_cast<QRgb*>(out.scanLine(y));
        const float* row = map.data() + size_t(y) * w;
        for (int x = 0; x < w; ++x)
            if (qAlpha(line[x]) == 0 && !std::isnan(row[x]) && row[x] > 0.0f) line[x] = fill;
    }
    return out;
}


ColourMap colourMapFromName(const QString& name, bool* ok) {
    const QString n = name.trimmed().toLower();
    if (ok) *ok = true;
    if (n == QLatin1String("viridis")) return ColourMap::Viridis;
    if (n == QLatin1String("jet")) return ColourMap::Jet;
    if (n != QLatin1String("inferno") && ok) *ok = false;
    return ColourMap::Inferno;
}

QString colourMapName(ColourMap map) {
    switch (map) {
    case ColourMap::Inferno: return QStringLiteral("inferno");
    case ColourMap::Viridis: return QStringLiteral("viridis");
    case ColourMap::Jet: return QStringLiteral("jet");
    }
    return QStringLiteral("inferno");
}

QString researchUseLine() {
    return QCoreApplication::translate("cxr::annotate", "Research use - not for diagnosis. CXR Ground, zero-shot phrase grounding.");
}

QString shortened(const QString& text, int maxChars) {
    if (text.size() <= maxChars) return text;
    int cut = int(text.lastIndexOf(QLatin1Char(' '), maxChars - 1));
    if (cut < maxChars / 2) cut = maxChars - 1;
    return text.left(cut) + QChar(0x2026);
}

namespace {
struct LegendItem {
    QRect swatch, text;
    QString name;
};
// Flow layout of the legend from (0, 0): entries left to right, a new row when one does not fit.
QVector<LegendItem> legendLayout(const QVector<Outline>& outlines, const QFontMetrics& fm, int width, int* height) {
    QVector<LegendItem> items;
    const int lineH = fm.height() + 4, sw = std::max(8, fm.height() * 2 / 3), gap = fm.height();
    int x = 0, y = 0;
    for (const Outline& o : outlines) {
        const int room = std::max(20, width - sw - 4);
        const QString name = fm.elidedText(o.name, Qt::ElideRight, std::min(room, std::max(80, width / 2)));
        const int entryW = sw + 4 + fm.horizontalAdvance(name);
        if (x > 0 && x + entryW > width) {
            x = 0;
            y += lineH;
        }
        LegendItem it;
        it.swatch = QRect(x, y + (lineH - sw) / 2, sw, sw);
        it.text = QRect(x + sw + 4, y, fm.horizontalAdvance(name) + 2, lineH);
        it.name = name;
        items << it;
        x += entryW + gap;
    }
    *height = outlines.isEmpty() ? 0 : y + lineH;
    return items;
}
}  // namespace

int outlineLegendHeight(const QVector<Outline>& outlines, const QFont& font, int width) {
    int h = 0;
    legendLayout(outlines, QFontMetrics(font), width, &h);
    return h;
}

void paintOutlineLegend(QPainter& p, const QVector<Outline>& outlines, const QFont& font, const QRect& area, QColor textColour) {
    int h = 0;
    const QVector<LegendItem> items = legendLayout(outlines, QFontMetrics(font), area.width(), &h);
    p.save();
    p.setFont(font);
    for (int i = 0; i < items.size(); ++i) {
        p.fillRect(items[i].swatch.translated(area.topLeft()), outlines[i].colour);
        p.setPen(textColour);
        p.drawText(items[i].text.translated(area.topLeft()), Qt::AlignLeft | Qt::AlignVCenter, items[i].name);
    }
    p.restore();
}

void paintMeasurement(QPainter& p, const MeasureGraphic& m, const std::function<QPointF(PointF)>& map, double scale,
                      const QRectF& bounds) {
    if (m.points.empty()) return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setBrush(Qt::NoBrush);
    const QColor colour(255, 200, 40);
    std::vector<QPointF> q;
    for (const PointF& pt : m.points) q.push_back(map(pt));
    QPainterPath path;
    auto line = [&](size_t a, size_t b) {
        if (b >= q.size()) return;
        path.moveTo(q[a]);
        path.lineTo(q[b]);
    };
    QPointF anchor = q.back();
    switch (m.kind) {
    case MeasureKind::Distance:
        line(0, 1);
        if (q.size() >= 2) anchor = q[0].x() > q[1].x() ? q[0] : q[1];
        break;
    case MeasureKind::Angle:
        line(1, 0);
        line(1, 2);
        if (q.size() >= 2) anchor = q[1];
        break;
    case MeasureKind::Rectangle:
    case MeasureKind::Ellipse:
        if (q.size() >= 2) {
            const QRectF r = QRectF(q[0], q[1]).normalized();
            if (m.kind == MeasureKind::Rectangle) path.addRect(r);
            else path.addEllipse(r);
            anchor = r.bottomRight();
        }
        break;
    case MeasureKind::CardiothoracicRatio:
        line(0, 1);
        line(2, 3);
        anchor = q.size() >= 4 ? (q[2].x() > q[3].x() ? q[2] : q[3]) : q.back();
        break;
    }
    p.setPen(QPen(QColor(0, 0, 0, 170), 3.5 * scale, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPath(path);
    p.setPen(QPen(colour, 1.6 * scale, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPath(path);
    if (m.selected) {
        p.setPen(QPen(Qt::black, 1));
        p.setBrush(colour);
        for (const QPointF& c : q) p.drawRect(QRectF(c.x() - 4 * scale, c.y() - 4 * scale, 8 * scale, 8 * scale));
        p.setBrush(Qt::NoBrush);
    }
    if (!m.text.isEmpty()) {
        // The values beside the shape: text with a dark halo, no box over the image.
        QFont f;
        f.setPixelSize(std::max(9, int(std::lround(13 * scale))));
        f.setBold(true);
        const QFontMetricsF fm(f);
        const QStringList lines = m.text.split(QLatin1Char('\n'));
        double w = 0;
        for (const QString& l : lines) w = std::max(w, fm.horizontalAdvance(l));
        const double h = lines.size() * fm.lineSpacing();
        double x = anchor.x() + 8 * scale, top = anchor.y() + 6 * scale;
        if (!bounds.isNull()) {  // keep it readable inside the picture: flip to the other side
            if (x + w > bounds.right()) x = std::max(bounds.left(), anchor.x() - 8 * scale - w);
            if (top + h > bounds.bottom()) top = std::max(bounds.top(), anchor.y() - 6 * scale - h);
        }
        QPainterPath text;
        double y = top + fm.ascent();
        for (const QString& l : lines) {
            text.addText(QPointF(x, y), f, l);
            y += fm.lineSpacing();
        }
        p.setPen(QPen(QColor(0, 0, 0, 200), 3 * scale, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPath(text);
        p.fillPath(text, colour);
    }
    p.restore();
}

namespace {
// The same orientation as `g` for an image of w x h.
ImageGeometry orientationFor(const ImageGeometry& g, int w, int h) {
    ImageGeometry out(w, h);
    for (int i = 0; i < g.rotation() / 90; ++i) out.rotateClockwise();
    if (g.flippedH()) out.flipHorizontal();
    if (g.flippedV()) out.flipVertical();
    return out;
}

// Calls put(x, y, sx, sy) for every pixel (x, y) of the oriented image with the source pixel
// (sx, sy) under its centre.
template <typename Put>
void forEachTurnedPixel(const ImageGeometry& g, Put&& put) {
    for (int y = 0; y < g.orientedHeight(); ++y)
        for (int x = 0; x < g.orientedWidth(); ++x) {
            const PointF p = g.orientedToImage({x + 0.5, y + 0.5});
            put(x, y, std::clamp(int(std::floor(p.x)), 0, g.width() - 1), std::clamp(int(std::floor(p.y)), 0, g.height() - 1));
        }
}
}  // namespace

Oriented orient(const QImage& base, const std::vector<float>& map, int width, int height,
                const QVector<LabelledBox>& boxes, const ImageGeometry& geometry, const QVector<Outline>& outlines,
                const QVector<MeasureGraphic>& measurements) {
    Oriented out;
    if (!base.isNull()) {
        const QImage src = base.convertToFormat(QImage::Format_RGB32);
        const ImageGeometry g = orientationFor(geometry, src.width(), src.height());
        out.base = QImage(g.orientedWidth(), g.orientedHeight(), QImage::Format_RGB32);
        forEachTurnedPixel(g, [&](int x, int y, int sx, int sy) {
            reinterpret_cast<QRgb*>(out.base.scanLine(y))[x] = reinterpret_cast<const QRgb*>(src.constScanLine(sy))[sx];
        });
    }
    if (width > 0 && height > 0 && map.size() == size_t(width) * size_t(height)) {
        const ImageGeometry g = orientationFor(geometry, width, height);
        out.width = g.orientedWidth();
        out.height = g.orientedHeight();
        out.map.resize(map.size());
        forEachTurnedPixel(g, [&](int x, int y, int sx, int sy) {
            out.map[size_t(y) * size_t(out.width) + size_t(x)] = map[size_t(sy) * size_t(width) + size_t(sx)];
        });
    }
    // Boxes are in the base image's pixels.
    const ImageGeometry g = orientationFor(geometry, base.isNull() ? geometry.width() : base.width(),
                                           base.isNull() ? geometry.height() : base.height());
    for (const LabelledBox& b : boxes) {
        const PointF a = g.imageToOriented({double(b.rect.left()), double(b.rect.top())});
        const PointF c = g.imageToOriented({double(b.rect.left() + b.rect.width()), double(b.rect.top() + b.rect.height())});
        const int x0 = int(std::lround(std::min(a.x, c.x))), y0 = int(std::lround(std::min(a.y, c.y)));
        const int x1 = int(std::lround(std::max(a.x, c.x))), y1 = int(std::lround(std::max(a.y, c.y)));
        out.boxes.push_back({QRect(x0, y0, x1 - x0, y1 - y0), b.label});
    }
    // Outlines are drawn through pixel centres: turn the centres, keep the -0.5 convention.
    for (const Outline& o : outlines) {
        Outline t = o;
        for (QPolygonF& c : t.contours)
            for (QPointF& pt : c) {
                const PointF r = g.imageToOriented({pt.x() + 0.5, pt.y() + 0.5});
                pt = QPointF(r.x - 0.5, r.y - 0.5);
            }
        out.outlines << t;
    }
    for (const MeasureGraphic& m : measurements) {
        MeasureGraphic t = m;
        for (PointF& pt : t.points) pt = g.imageToOriented(pt);
        out.measurements << t;
    }
    return out;
}

QImage burnIn(const QImage& original, const std::vector<float>& originalMap, int originalWidth, int originalHeight,
              const Layers& originalLayers, const Caption& caption, const ImageGeometry& orientation) {
    const bool turned = orientation.rotation() != 0 || orientation.flippedH() || orientation.flippedV();
    Oriented o;
    if (turned)
        o = orient(original, originalMap, originalWidth, originalHeight, originalLayers.boxList, orientation, originalLayers.outlines,
                   originalLayers.measurements);
    const std::vector<float>& map = turned ? o.map : originalMap;
    const int w = turned ? o.width : originalWidth, h = turned ? o.height : originalHeight;
    Layers layers = originalLayers;
    if (turned) {
        layers.boxList = o.boxes;
        layers.outlines = o.outlines;
        layers.measurements = o.measurements;
    }
    QImage out = (turned ? o.base : original).convertToFormat(QImage::Format_RGB32);
    QPainter p(&out);
    if (map.size() == size_t(w) * h && out.width() == w && out.height() == h) {
        if (layers.heat) p.drawImage(0, 0, heatmapImage(map, w, h, layers.colourMap, layers.opacity, layers.lower));
        if (layers.mask == MaskMode::Outline && layers.outlines.isEmpty())
            layers.outlines << Outline{maskContours(map, w, h), layers.maskColour, QString()};
        if (layers.mask == MaskMode::Fill) {
            QColor c = layers.maskColour;
            c.setAlpha(90);
            p.drawImage(0, 0, maskFill(map, w, h, c));
        }
    }
    const double scale = std::max(1.0, std::max(out.width(), out.height()) / 800.0);  // strokes and text readable at any size
    if (layers.mask == MaskMode::Outline && !layers.outlines.isEmpty()) {
        // Vector contours through the edge pixels' centres, as the viewer draws them.
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setBrush(Qt::NoBrush);
        for (const Outline& o : layers.outlines) {
            p.setPen(QPen(o.colour, 1.6 * scale));
            for (const QPolygonF& c : o.contours) p.drawPolygon(c.translated(0.5, 0.5));
        }
        p.setRenderHint(QPainter::Antialiasing, false);
    }
    if (layers.boxes) {
        QFont f;
        f.setPixelSize(int(std::lround(14 * scale)));
        f.setBold(true);
        p.setFont(f);
        const QColor colour(60, 255, 120);
        for (int i = 0; i < layers.boxList.size(); ++i) {
            const LabelledBox& b = layers.boxList[i];
            p.setPen(QPen(QColor(0, 0, 0, 160), 4 * scale));
            p.setBrush(Qt::NoBrush);
            p.drawRect(b.rect);
            p.setPen(QPen(colour, 2 * scale));
            p.drawRect(b.rect);
            const QString label = b.label.isEmpty() ? QCoreApplication::translate("cxr::annotate", "box %1").arg(i + 1) : b.label;
            QRect tr = p.fontMetrics().boundingRect(label).adjusted(int(-4 * scale), int(-2 * scale), int(4 * scale), int(2 * scale));
            tr.moveBottomLeft(QPoint(b.rect.left(), b.rect.top() - int(2 * scale)));
            if (tr.top() < 0) tr.moveTopLeft(QPoint(b.rect.left() + 2, b.rect.top() + 2));
            p.fillRect(tr, QColor(0, 0, 0, 170));
            p.setPen(colour);
            p.drawText(tr, Qt::AlignCenter, label);
        }
    }
    for (const MeasureGraphic& m : layers.measurements) {
        MeasureGraphic shown = m;
        shown.selected = false;  // no editing handles in a picture
        paintMeasurement(p, shown, [](PointF pt) { return QPointF(pt.x, pt.y); }, scale, QRectF(out.rect()));
    }
    // The "demo model" note goes into the footer (withFooter), never over image pixels.
    return out;
}

QImage withFooter(const QImage& picture, const Layers& layers, const Caption& caption) {
    const int w = picture.width();
    const double scale = std::max(0.8, w / 1000.0);
    const int pad = int(12 * scale);
    QFont big;
    big.setPixelSize(int(std::lround(20 * scale)));
    big.setBold(true);
    QFont small;
    small.setPixelSize(int(std::lround(14 * scale)));
    const QFontMetrics fb(big), fs(small);
    const int barW = std::min(int(260 * scale), w / 3), barH = int(14 * scale);
    const int textW = std::max(50, w - 3 * pad - barW);
    const QString said = shortened(caption.prompt, 300);  // a pasted essay stays a caption
    const QString prompt = said.isEmpty() ? QString()
                                          : QStringLiteral("\u201C%1\u201D").arg(said) +
                                                           (caption.negated ? QCoreApplication::translate("cxr::annotate", "  (negated)") : QString());
    const QRect promptRect = fb.boundingRect(QRect(0, 0, textW, 10000), Qt::TextWordWrap, prompt);
    const int lines = 2 + (caption.demoModel ? 1 : 0);
    // Every outline drawn in its own colour, named under the caption (wrapped, never cut off).
    const QVector<Outline> legend = layers.mask == MaskMode::Outline && layers.outlines.size() >= 2 ? layers.outlines : QVector<Outline>();
    const int legendH = outlineLegendHeight(legend, small, w - 2 * pad);
    const int footerH = pad + std::max(promptRect.height(), barH + fs.height() * 2) + pad / 2 + legendH + lines * fs.height() + pad;
    QImage out(w, picture.height() + footerH, QImage::Format_RGB32);
    out.fill(QColor(16, 16, 18));
    QPainter p(&out);
    p.drawImage(0, 0, picture);
    int y = picture.height() + pad;
    p.setPen(Qt::white);
    p.setFont(big);
    p.drawText(QRect(pad, y, textW, promptRect.height()), Qt::TextWordWrap, prompt);
    // Colour bar (horizontal): value 0 at the left, 1 at the right; hidden values hatched.
    if (layers.heat) {
        const QRect bar(w - pad - barW, y + fs.height(), barW, barH);
        const double hidden = std::max(layers.lower, caption.otsu);
        for (int x = 0; x < barW; ++x) {
            const double v = (x + 0.5) / barW;
            if (hidden > 0 && v <= hidden) p.setPen(((x / 3) % 2) ? QColor(90, 90, 90) : QColor(40, 40, 40));
            else p.setPen(QColor(colourAt(layers.colourMap, v)));
            p.drawLine(bar.left() + x, bar.top(), bar.left() + x, bar.bottom());
        }
        p.setPen(QColor(220, 220, 220));
        p.drawRect(bar.adjusted(0, 0, -1, -1));
        p.setFont(small);
        p.drawText(QRect(bar.left(), y, barW, fs.height()), Qt::AlignLeft, QCoreApplication::translate("cxr::annotate", "heat (normalised)"));
        p.drawText(QRect(bar.left(), bar.bottom() + 2, barW, fs.height()), Qt::AlignLeft, QStringLiteral("0.00"));
        p.drawText(QRect(bar.left(), bar.bottom() + 2, barW, fs.height()), Qt::AlignRight, QStringLiteral("1.00"));
        if (caption.otsu > 0) {
            const int x = bar.left() + int(std::lround(caption.otsu * barW));
            p.setPen(QColor(0, 230, 255));
            p.drawLine(x, bar.top() - 3, x, bar.bottom() + 3);
            p.drawText(QRect(x - 60, bar.bottom() + 2, 120, fs.height()), Qt::AlignHCenter,
                       QCoreApplication::translate("cxr::annotate", "Otsu %1").arg(caption.otsu, 0, 'f', 2));
        }
    }
    y += std::max(promptRect.height(), barH + fs.height() * 2) + pad / 2;
    if (legendH > 0) {
        paintOutlineLegend(p, legend, small, QRect(pad, y, w - 2 * pad, legendH), QColor(220, 220, 220));
        y += legendH;
    }
    p.setFont(small);
    p.setPen(QColor(200, 200, 200));
    p.drawText(QRect(pad, y, w - 2 * pad, fs.height()), Qt::AlignLeft, fs.elidedText(caption.details, Qt::ElideRight, w - 2 * pad));
    y += fs.height();
    if (caption.demoModel) {
        p.setPen(QColor(255, 107, 107));
        p.drawText(QRect(pad, y, w - 2 * pad, fs.height()), Qt::AlignLeft,
                   QCoreApplication::translate("cxr::annotate", "Demo model with random weights: this map means nothing."));
        y += fs.height();
    }
    p.setPen(QColor(255, 210, 90));
    p.drawText(QRect(pad, y, w - 2 * pad, fs.height()), Qt::AlignLeft, researchUseLine());
    return out;
}

QImage grid(const QVector<QImage>& cells, int rows, int cols, QColor background) {
    if (cells.isEmpty() || rows < 1 || cols < 1) return QImage();
    int cellH = 0, cellW = 0;
    for (const QImage& c : cells) cellH = std::max(cellH, c.height());
    QVector<QImage> scaled;
    for (const QImage& c : cells) {
        QImage s = c.height() == cellH ? c : c.scaledToHeight(cellH, Qt::SmoothTransformation);
        cellW = std::max(cellW, s.width());
        scaled << s;
    }
    const int gap = 8;
    QImage out(cols * cellW + (cols + 1) * gap, rows * cellH + (rows + 1) * gap, QImage::Format_RGB32);
    out.fill(background);
    QPainter p(&out);
    for (int i = 0; i < scaled.size() && i < rows * cols; ++i) {
        const int r = i / cols, c = i % cols;
        const QImage& s = scaled[i];
        p.drawImage(gap + c * (cellW + gap) + (cellW - s.width()) / 2, gap + r * (cellH + gap), s);
    }
    return out;
}

}  // namespace cxr::annotate
