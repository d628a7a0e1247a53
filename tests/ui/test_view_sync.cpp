// ViewSync, the synchronizer of linked views: zoom, pan, window and crosshair follow as chosen,
// an unlinked view keeps its own, a view that joins takes the others' state, a view that goes is
// forgotten.
#include "ui_test_support.h"

#include "imaging/loader.h"
#include "view_sync.h"
#include "viewport.h"

#include <cmath>

using namespace cxr;
using namespace cxr::ui;
using namespace uitest;

namespace {
std::shared_ptr<const Image> load(const QString& rel) {
    const LoadResult r = loadImage(data(rel));
    return r.ok() ? r.image : nullptr;
}

// The relative image point at the centre of the view's image area.
QPointF centre(const Viewport& v) {
    const PointF p = v.geometry().screenToImage({v.imageArea().width() / 2.0, v.imageArea().height() / 2.0});
    return {p.x / v.image()->width, p.y / v.image()->height};
}

double apparentWidth(const Viewport& v) { return v.geometry().zoom() * v.geometry().orientedWidth(); }
}  // namespace

class TestViewSync : public QObject {
    Q_OBJECT
    QWidget host;
    Viewport *a = nullptr, *b = nullptr, *c = nullptr;

private Q_SLOTS:
    void initTestCase() {
        initApplication("test_view_sync");
        registerCodecs();
        host.resize(1200, 500);
        a = new Viewport(&host);
        b = new Viewport(&host);
        c = new Viewport(&host);
        a->setGeometry(0, 0, 400, 500);
        b->setGeometry(400, 0, 400, 500);
        c->setGeometry(800, 0, 300, 400);  // another size: the same apparent size, not the same zoom
        a->setImage(load("dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm"));
        b->setImage(load("dicom-chest/txv_Fake_MONOHR1.dcm"));
        c->setImage(load("png-chest/nih_cxr14_00000001_000.png"));  // 512 x 512
        QVERIFY(a->hasImage() && b->hasImage() && c->hasImage());
        host.show();
        QVERIFY(QTest::qWaitForWindowExposed(&host));
    }

    void everythingLinked() {
        ViewSync sync(ViewSync::Zoom | ViewSync::Pan | ViewSync::Window | ViewSync::Crosshair);
        for (Viewport* v : {a, b, c}) sync.add(v);
        a->zoomBy(2.0);
        QVERIFY(std::abs(apparentWidth(*b) - apparentWidth(*a)) < 1e-6);
        QVERIFY(std::abs(c->geometry().zoom() * 512 - a->geometry().zoom() * 1024) < 1e-6);
        // Pan: the same relative image point at the centre of each.
        const QPointF m(200, 250);
        sendMouse(a, QEvent::MouseButtonPress, m, Qt::LeftButton, Qt::LeftButton);
        sendMouse(a, QEvent::MouseMove, m + QPointF(70, -30), Qt::NoButton, Qt::LeftButton);
        sendMouse(a, QEvent::MouseButtonRelease, m + QPointF(70, -30), Qt::LeftButton, Qt::NoButton);
        for (const Viewport* v : {b, c}) {
            QVERIFY(std::abs(centre(*v).x() - centre(*a).x()) < 1e-3);
            QVERIFY(std::abs(centre(*v).y() - centre(*a).y()) < 1e-3);
        }
        // Rotation goes along with the view.
        b->rotateClockwise();
        QCOMPARE(a->geometry().rotation(), 90);
        QCOMPARE(c->geometry().rotation(), 90);
        b->rotateCounterClockwise();
        // Window.
        Window w;
        w.center = 77;
        w.width = 33;
        c->setWindow(w);
        QCOMPARE(a->display().window.center, 77.0);
        QCOMPARE(b->display().window.width, 33.0);
        // Crosshair: the cursor's image point, relative, in every other view.
        sendMouse(a, QEvent::MouseMove, QPointF(201, 251), Qt::NoButton, Qt::NoButton);
        sendMouse(a, QEvent::MouseMove, QPointF(200, 250), Qt::NoButton, Qt::NoButton);
        int x = -1, y = -1;
        QVERIFY(a->imagePixelAt(QPointF(200, 250), &x, &y));
        const QPointF rel((x + 0.5) / 1024, (y + 0.5) / 1024);
        QCOMPARE(b->crosshair(), rel);
        QCOMPARE(c->crosshair(), rel);
        QCOMPARE(a->crosshair(), QPointF(-1, -1));
        QSignalSpy moved(&sync, &ViewSync::cursorMoved);
        QEvent leave(QEvent::Leave);
        QApplication::sendEvent(a, &leave);
        QCOMPARE(b->crosshair(), QPointF(-1, -1));
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.first().at(1).toInt(), -1);
    }

    void unlinkedAndRejoining() {
        ViewSync sync(ViewSync::Zoom | ViewSync::Pan | ViewSync::Window);
        for (Viewport* v : {a, b}) sync.add(v);
        sync.setLinked(b, false);
        QVERIFY(!sync.linked(b));
        const double kept = b->geometry().zoom();
        a->zoomBy(1.5);
        QCOMPARE(b->geometry().zoom(), kept);
        b->zoomBy(0.5);  // an unlinked view does not lead either
        QVERIFY(std::abs(apparentWidth(*a) - apparentWidth(*b)) > 1);
        sync.setLinked(b, true);  // joins: takes the other's state
        QVERIFY(std::abs(apparentWidth(*a) - apparentWidth(*b)) < 1e-6);
        // A view that is gone is forgotten.
        auto* d = new Viewport(&host);
        d->setImage(a->image());
        sync.add(d);
        QCOMPARE(sync.views().size(), 3);
        delete d;
        QCOMPARE(sync.views().size(), 2);
        a->zoomBy(1.1);  // no dangling view
        QVERIFY(std::abs(apparentWidth(*a) - apparentWidth(*b)) < 1e-6);
    }

    void onlyTheChosenAspects() {
        a->fit();
        b->fit();
        ViewSync sync(ViewSync::Zoom);
        for (Viewport* v : {a, b}) sync.add(v);
        const QPointF before = centre(*b);
        const double window = b->display().window.center;
        a->zoomBy(2.0);
        QVERIFY(std::abs(apparentWidth(*a) - apparentWidth(*b)) < 1e-6);
        // Zoom without pan: b keeps the image point it showed at its centre.
        QVERIFY(std::abs(centre(*b).x() - before.x()) < 1e-3 && std::abs(centre(*b).y() - before.y()) < 1e-3);
        Window w;
        w.center = window + 500;
        w.width = 100;
        a->setWindow(w);
        QCOMPARE(b->display().window.center, window);
        sendMouse(a, QEvent::MouseMove, QPointF(100, 100), Qt::NoButton, Qt::NoButton);
        QCOMPARE(b->crosshair(), QPointF(-1, -1));
    }
};

QTEST_MAIN(TestViewSync)
#include "test_view_sync.moc"
