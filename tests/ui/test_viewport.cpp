// The viewport in the real main window (offscreen): rendering, window/level by right-drag, zoom
// about the cursor, rotate and flip, invert, fit on resize.
#include "ui_test_support.h"

#include "theme.h"
#include "viewport.h"
#include "annotate/overlay.h"

#include <cmath>

using namespace cxr;
using namespace cxr::ui;
using namespace uitest;

namespace {
// Grey value on screen at a viewport position.
int screenGrey(Viewport* v, QPoint p) {
    const QImage img = v->grab().toImage();
    return qGray(img.pixel(p));
}
}  // namespace

class TestViewport : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w;

private Q_SLOTS:
    void initTestCase() {
        initApplication("test_viewport");
        applyTheme(Theme::Dark);
        w = makeWindow(QSize(1200, 900));
        QVERIFY(w);
    }

    void opensADicomAndShowsItsPixels() {
        const QString path = data("dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm");
        QVERIFY(waitShown(*w, path));
        QCOMPARE(w->currentFile(), path);
        QVERIFY(w->windowTitle().contains("siim_nih_CR_chest_jpegbaseline.dcm"));
        Viewport* v = w->viewport();
        QCOMPARE(v->rendered().width(), 1024);
        // The rendering equals the core pipeline's default display.
        const LoadResult r = loadImage(path);
        Renderer ren;
        const Rendered ref = ren.render(*r.image, defaultDisplay(*r.image));
        QCOMPARE(v->rendered().pixel(300, 400) & 0xff, uint(ref.pixels[400 * 1024 + 300]));
        // At 1:1, the screen pixel at the centre is the rendered pixel under it.
        v->oneToOne();
        const QPoint c(v->width() / 2, v->height() / 2);
        int ix = 0, iy = 0;
        QVERIFY(v->imagePixelAt(QPointF(c) + QPointF(0.5, 0.5), &ix, &iy));
        QCOMPARE(screenGrey(v, c), int(ref.pixels[size_t(iy) * 1024 + ix]));
        // Fit shows the whole image.
        v->fit();
        const auto& g = v->geometry();
        QVERIFY(g.orientedWidth() * g.zoom() <= v->width() + 0.5);
        QVERIFY(g.orientedHeight() * g.zoom() <= v->height() + 0.5);
        QVERIFY(std::fabs(g.orientedWidth() * g.zoom() - v->width()) < 1 || std::fabs(g.orientedHeight() * g.zoom() - v->height()) < 1);
    }

    void rightDragChangesWindowLevel() {
        Viewport* v = w->viewport();
        v->resetDisplay();
        const Window before = v->display().window;
        const QPointF p0(v->width() / 2.0, v->height() / 2.0);
        sendMouse(v, QEvent::MouseButtonPress, p0, Qt::RightButton, Qt::RightButton);
        sendMouse(v, QEvent::MouseMove, p0 + QPointF(-150, 0), Qt::NoButton, Qt::RightButton);
        sendMouse(v, QEvent::MouseButtonRelease, p0 + QPointF(-150, 0), Qt::RightButton, Qt::NoButton);
        const Window narrower = v->display().window;
        QVERIFY2(narrower.width < before.width, qPrintable(QString("%1 -> %2").arg(before.width).arg(narrower.width)));
        QCOMPARE(narrower.center, before.center);
        // Narrower window: more contrast between a dark and a bright pixel.
        Renderer a, b;
        DisplaySettings d0 = v->display();
        d0.window = before;
        a.buildLut(*v->image(), d0);
        b.buildLut(*v->image(), v->display());
        const int lo = int(before.center - before.width / 4), hi = int(before.center + before.width / 4);
        QVERIFY(std::abs(b.map(hi) - b.map(lo)) > std::abs(a.map(hi) - a.map(lo)));
        // Vertical drag moves the centre.
        sendMouse(v, QEvent::MouseButtonPress, p0, Qt::RightButton, Qt::RightButton);
        sendMouse(v, QEvent::MouseMove, p0 + QPointF(0, 80), Qt::NoButton, Qt::RightButton);
        sendMouse(v, QEvent::MouseButtonRelease, p0 + QPointF(0, 80), Qt::RightButton, Qt::NoButton);
        QVERIFY(v->display().window.center < narrower.center);
        QVERIFY(w->statusText().contains("C "));
    }

    void wheelZoomKeepsThePointUnderTheCursor() {
        Viewport* v = w->viewport();
        v->fit();
        const QPointF cursor(v->width() * 0.3, v->height() * 0.6);
        const PointF before = v->geometry().screenToImage({cursor.x(), cursor.y()});
        const double z0 = v->geometry().zoom();
        QWheelEvent e(cursor, v->mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
        QApplication::sendEvent(v, &e);
        QVERIFY(v->geometry().zoom() > z0 * 1.5);
        const PointF after = v->geometry().screenToImage({cursor.x(), cursor.y()});
        QVERIFY(std::fabs(after.x - before.x) < 0.5 && std::fabs(after.y - before.y) < 0.5);
        v->oneToOne();
        QCOMPARE(v->geometry().zoom() * v->devicePixelRatioF(), 1.0);
    }

    void rotateAndFlipMapPixelsAsExpected() {
        QVERIFY(waitShown(*w, data("png-chest/nih_cxr14_00000001_000.png")));
        Viewport* v = w->viewport();
        const QImage r = v->rendered();
        v->rotateClockwise();
        QCOMPARE(v->geometry().rotation(), 90);
        v->oneToOne();
        // Top-left image pixel is now at the top-right of the image on screen.
        const PointF tl = v->geometry().imageToScreen({0.5, 0.5});
        const PointF tr = v->geometry().imageToScreen({r.width() - 0.5, 0.5});
        QVERIFY(tl.x > tr.x - 1e-9 || std::fabs(tl.y - tr.y) > 1);  // the image's top row runs down
        QCOMPARE(tl.y < tr.y, true);
        // A screen pixel shows the image pixel the geometry maps it to.
        const QPoint p(v->width() / 2 + 37, v->height() / 2 - 21);
        int ix = 0, iy = 0;
        QVERIFY(v->imagePixelAt(QPointF(p) + QPointF(0.5, 0.5), &ix, &iy));
        QCOMPARE(screenGrey(v, p), qGray(r.pixel(ix, iy)));
        v->flipHorizontal();
        QVERIFY(v->imagePixelAt(QPointF(p) + QPointF(0.5, 0.5), &ix, &iy));
        QCOMPARE(screenGrey(v, p), qGray(r.pixel(ix, iy)));
        v->resetView();
        QCOMPARE(v->geometry().rotation(), 0);
        QVERIFY(!v->geometry().flippedH());
    }

    void invertGivesTheNegative() {
        Viewport* v = w->viewport();
        v->resetView();
        v->oneToOne();  // one image pixel per device pixel: no filtering between neighbours
        const QPoint p(v->width() / 2, v->height() / 2);
        const int before = screenGrey(v, p);
        v->setInverted(true);
        QCOMPARE(screenGrey(v, p), 255 - before);
        v->setInverted(false);
        QCOMPARE(screenGrey(v, p), before);
    }

    void fitFollowsWindowResize() {
        Viewport* v = w->viewport();
        v->fit();
        const QSize old = w->size();
        w->resize(old.width() - 300, old.height() - 250);
        QTRY_VERIFY(v->width() < old.width() - 250);
        QCoreApplication::processEvents();
        const auto& g = v->geometry();
        // The whole image is visible and fills the view in one direction.
        const PointF a = g.imageToScreen({0, 0});
        const PointF b = g.imageToScreen({double(g.width()), double(g.height())});
        QVERIFY(std::min(a.x, b.x) >= -0.5 && std::max(a.x, b.x) <= v->width() + 0.5);
        QVERIFY(std::min(a.y, b.y) >= -0.5 && std::max(a.y, b.y) <= v->height() + 0.5);
        QVERIFY(std::fabs(std::fabs(b.x - a.x) - v->width()) < 1 || std::fabs(std::fabs(b.y - a.y) - v->height()) < 1);
        w->resize(old);
    }

    // The colour bar and the notes ("demo model") sit in strips beside and under the image, never
    // over image pixels; the same in a small compare-sized view.
    void legendAndBadgeStayOutsideTheImage_data() {
        QTest::addColumn<QSize>("size");
        QTest::newRow("main view") << QSize(900, 700);
        QTest::newRow("grid cell") << QSize(300, 260);
    }
    void legendAndBadgeStayOutsideTheImage() {
        QFETCH(QSize, size);
        Viewport v;
        v.resize(size);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        const LoadResult r = loadImage(data("png-chest/nih_cxr14_00000001_000.png"));
        QVERIFY(r.ok());
        v.setImage(r.image);
        const int w = r.image->width, h = r.image->height;
        std::vector<float> map(size_t(w) * h, 0.0f);  // an empty map: the image shows through everywhere
        Legend legend;
        for (int i = 0; i < 256; ++i) legend.colours << annotate::colourAt(annotate::ColourMap::Inferno, i / 255.0);
        legend.title = "heat";
        v.setOverlay(annotate::heatmapImage(map, w, h, annotate::ColourMap::Inferno, 0.5, 0.0), QImage(), "demo model - random weights");
        v.setLegend(legend);
        QCoreApplication::processEvents();
        const QRect area = v.imageArea();
        QVERIFY(area.width() < v.width() && area.height() < v.height());  // strips beside and under
        // The fitted image lies inside the image area ...
        const auto& g = v.geometry();
        const PointF a = g.imageToScreen({0, 0}), b = g.imageToScreen({double(w), double(h)});
        QVERIFY(std::min(a.x, b.x) >= area.left() - 0.5 && std::max(a.x, b.x) <= area.right() + 1.5);
        QVERIFY(std::min(a.y, b.y) >= area.top() - 0.5 && std::max(a.y, b.y) <= area.bottom() + 1.5);
        // ... and every screen pixel over the image shows the image itself (no box painted on it).
        const QImage shot = v.grab().toImage().convertToFormat(QImage::Format_RGB32);
        v.setLegend(Legend());
        v.setOverlay(QImage(), QImage(), QString());
        v.resize(area.size());  // the same image, alone, at the same place and zoom
        QCoreApplication::processEvents();
        QCOMPARE(v.geometry().zoom(), g.zoom());
        const QImage plain = v.grab().toImage().convertToFormat(QImage::Format_RGB32);
        int differ = 0, checked = 0;
        for (int y = 2; y < area.height() - 2; y += 3)
            for (int x = 2; x < area.width() - 2; x += 3) {
                ++checked;
                differ += shot.pixel(x, y) != plain.pixel(x, y);
            }
        QVERIFY2(differ == 0, qPrintable(QString("%1 of %2 pixels differ").arg(differ).arg(checked)));
        QVERIFY(checked > 1000);
    }

    // Many outlines: the legend under the image wraps over as many rows as it needs, and every
    // entry shows (its colour square in the strip); nothing is cut off after two entries.
    void outlineLegendWraps() {
        Viewport v;
        v.resize(640, 520);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        const LoadResult r = loadImage(data("png-chest/nih_cxr14_00000001_000.png"));
        QVERIFY(r.ok());
        v.setImage(r.image);
        const QList<QColor> colours{QColor(255, 0, 0), QColor(0, 255, 0), QColor(0, 0, 255), QColor(255, 255, 0), QColor(255, 0, 255),
                                    QColor(0, 255, 255)};
        QVector<Outline> outlines;
        for (int i = 0; i < colours.size(); ++i)
            outlines << Outline{{QPolygonF(QRectF(20 + 30 * i, 20, 20, 20))}, colours[i],
                                QString("a long prompt name number %1 about the left effusion").arg(i + 1)};
        v.setOutlines(outlines.mid(0, 2));
        const int two = v.height() - v.imageArea().height();
        v.setOutlines(outlines);
        QCoreApplication::processEvents();
        const int six = v.height() - v.imageArea().height();
        QVERIFY2(six >= two + v.fontMetrics().height(), qPrintable(QString("%1 vs %2").arg(six).arg(two)));
        const QImage shot = v.grab().toImage().convertToFormat(QImage::Format_RGB32);
        for (const QColor& c : colours) {
            bool found = false;
            for (int y = v.imageArea().bottom() + 1; y < shot.height() && !found; ++y)
                for (int x = 0; x < shot.width() && !found; ++x) found = shot.pixel(x, y) == c.rgb();
            QVERIFY2(found, qPrintable(c.name()));
        }
    }

    // The Otsu outline is a vector path: continuous at fit zoom (one connected line per region).
    void outlineIsContinuousAtAnyZoom() {
        Viewport v;
        v.resize(700, 520);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        const LoadResult r = loadImage(data("dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm"));  // 1024 px: fit < 1
        QVERIFY(r.ok());
        v.setImage(r.image);
        const int w = r.image->width, h = r.image->height;
        std::vector<float> map(size_t(w) * h, 0.0f);
        for (int y = 0; y < h; ++y)  // an irregular region: a disc with a wavy edge
            for (int x = 0; x < w; ++x) {
                const double dx = x - w * 0.5, dy = y - h * 0.45, rr = std::hypot(dx, dy);
                if (rr < 260 + 40 * std::sin(7 * std::atan2(dy, dx))) map[size_t(y) * w + x] = 0.7f;
            }
        Outline o;
        o.contours = annotate::maskContours(map, w, h);
        o.colour = QColor(255, 0, 255);
        QCOMPARE(o.contours.size(), 1);
        v.setOutlines({o});
        QVERIFY(v.geometry().zoom() < 0.7);
        const QImage shot = v.grab().toImage().convertToFormat(QImage::Format_RGB32);
        // Magenta-ish pixels, grouped into 8-connected components.
        auto magenta = [&](int x, int y) {
            const QRgb c = shot.pixel(x, y);
            return qRed(c) > 150 && qBlue(c) > 150 && qGreen(c) < 110;
        };
        QVector<int> label(shot.width() * shot.height(), 0);
        int components = 0, pixels = 0;
        for (int y = 0; y < shot.height(); ++y)
            for (int x = 0; x < shot.width(); ++x) {
                if (!magenta(x, y) || label[y * shot.width() + x]) continue;
                ++components;
                QVector<QPoint> stack{QPoint(x, y)};
                label[y * shot.width() + x] = components;
                while (!stack.isEmpty()) {
                    const QPoint p = stack.takeLast();
                    ++pixels;
                    for (int dy = -1; dy <= 1; ++dy)
                        for (int dx = -1; dx <= 1; ++dx) {
                            const int nx = p.x() + dx, ny = p.y() + dy;
                            if (nx < 0 || ny < 0 || nx >= shot.width() || ny >= shot.height()) continue;
                            if (!magenta(nx, ny) || label[ny * shot.width() + nx]) continue;
                            label[ny * shot.width() + nx] = components;
                            stack << QPoint(nx, ny);
                        }
                }
            }
        QVERIFY2(components == 1, qPrintable(QString("%1 pieces, %2 pixels").arg(components).arg(pixels)));
        QVERIFY(pixels > 500);
    }

    void cleanupTestCase() {
        w.reset();
        QSettings().clear();
    }
};

QTEST_MAIN(TestViewport)
#include "test_viewport.moc"
