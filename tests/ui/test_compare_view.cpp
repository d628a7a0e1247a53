// The compare grid: cells of grounded prompts with their own maps, linked zoom, pan, window and
// crosshair, sentences grounded into the grid, the grid exported, cells of another image.
#include "ui_test_support.h"

#include "compare.h"
#include "viewport.h"

#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QTemporaryDir>

#include <cmath>

using namespace cxr;
using namespace cxr::ui;
using namespace uitest;

class TestCompareView : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w;
    QTemporaryDir tmp;

private Q_SLOTS:
    void initTestCase() {
        initApplication("test_compare_view");
        w = makeWindow(QSize(1300, 900));
        QVERIFY(w);
        QVERIFY2(loadTestModel(*w), qPrintable(w->groundingPanel()->lastError()));
        QVERIFY(waitShown(*w, data("fixture-cases/nih01_landscape_up/input.png")));
        grounding::Settings s30;  // fewer steps: these tests are about the window, not the method
        s30.steps = 30;
        w->groundingPanel()->setMethodSettings(s30);
        QVERIFY2(groundAndWait(w->groundingPanel(), {"Small left pleural effusion", "cardiomegaly"}), qPrintable(w->groundingPanel()->lastError()));
        // Ground-truth boxes for the cells' metrics.
        QFile csv(tmp.filePath("ms_cxr.csv"));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("dicom_id,category_name,label_text,path,x,y,w,h,image_width,image_height\n"
                  "input,Pleural Effusion,Small left pleural effusion,files/p1/p1/s1/input.png,300,220,120,90,512,431\n");
        csv.close();
        QString message;
        QVERIFY2(w->loadGroundTruthCsv(csv.fileName(), &message), qPrintable(message));
    }

    // Ctrl+G with grounded prompts: the grid opens with the ticked ones, not empty.
    void gridOpensWithTheTickedPrompts() {
        GroundingPanel* g = w->groundingPanel();
        QCOMPARE(g->resultCount(), 2);
        QCOMPARE(w->compareView()->count(), 0);
        w->setCompareMode(true);
        QVERIFY(w->compareMode());
        QCOMPARE(w->compareView()->count(), 2);
        QCOMPARE(w->compareView()->item(1).entry.prompt, g->entries()[1].prompt);
        w->setCompareMode(false);
        w->compareView()->clear();
    }

    void compareGridSynchronises() {
        GroundingPanel* g = w->groundingPanel();
        w->compareEntries({0, 1});
        QVERIFY(w->compareMode());
        CompareView* c = w->compareView();
        QCOMPARE(c->count(), 2);
        QVERIFY(c->cellCaption(0).startsWith(g->entries()[0].name));
        QTest::qWait(50);
        // Each cell shows its own map, in the panel's style.
        const auto& r1 = *g->entries()[1].result;
        QCOMPARE(c->cellView(1)->heatOverlay(),
                 heatmapImage(r1.original, r1.originalWidth, r1.originalHeight, g->colourMap(), g->opacity(), g->lowerThreshold()));
        QVERIFY(c->cellView(0)->heatOverlay() != c->cellView(1)->heatOverlay());
        // Zoom, pan and window follow the linked cell.
        c->cellView(0)->zoomBy(2.0);
        QCOMPARE(c->cellView(1)->geometry().zoom(), c->cellView(0)->geometry().zoom());
        // The same image point sits at the centre of both cells (cells may differ in size).
        auto centre = [c](int i) {
            const Viewport* v = c->cellView(i);
            return v->geometry().screenToImage({v->width() / 2.0, v->height() / 2.0});
        };
        QVERIFY(std::abs(centre(0).x - centre(1).x) < 0.5 && std::abs(centre(0).y - centre(1).y) < 0.5);
        Window win;
        win.center = 90;
        win.width = 120;
        c->cellView(1)->setWindow(win);
        QCOMPARE(c->cellView(0)->display().window.center, 90.0);
        // Hovering one cell marks the same image point in the others.
        const QPoint at = c->cellView(0)->rect().center();
        QTest::mouseMove(c->cellView(0), at + QPoint(7, 5));  // a real move, whatever the last position
        QTest::mouseMove(c->cellView(0), at);
        int x = -1, y = -1;
        QVERIFY(c->cellView(0)->imagePixelAt(at, &x, &y));
        QCOMPARE(c->cellView(1)->crosshair(), QPointF((x + 0.5) / 512, (y + 0.5) / 431));
        // The status bar follows the hovered cell.
        const QPoint at1 = c->cellView(1)->imageArea().center() + QPoint(11, -7);
        QTest::mouseMove(c->cellView(1), at1 + QPoint(3, 3));
        QTest::mouseMove(c->cellView(1), at1);
        int x1 = -1, y1 = -1;
        QVERIFY(c->cellView(1)->imagePixelAt(at1, &x1, &y1));
        QVERIFY2(w->statusText().startsWith(QString("x %1  y %2").arg(x1).arg(y1)), qPrintable(w->statusText()));
        QVERIFY2(w->statusText().contains("heat"), qPrintable(w->statusText()));
        // Captions of different lengths leave the images of a row at one height.
        QCOMPARE(c->cellView(0)->mapTo(c, QPoint(0, 0)).y(), c->cellView(1)->mapTo(c, QPoint(0, 0)).y());
        // An unlinked cell keeps its own view.
        c->setLinked(1, false);
        const double kept = c->cellView(1)->geometry().zoom();
        c->cellView(0)->zoomBy(1.5);
        QCOMPARE(c->cellView(1)->geometry().zoom(), kept);
        c->setLinked(1, true);

        // Sentences typed into the grid are grounded as one batch and join it.
        QSignalSpy done(g, &GroundingPanel::groundingFinished);
        auto* line = c->findChild<QLineEdit*>();
        QVERIFY(line);
        line->setText("cardiomegaly; effusion at the right base");
        QTest::keyClick(line, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(c->count(), 4, kGroundingWaitMs);
        QCOMPARE(c->rows() * c->cols(), 4);  // grew from 1x2 to 2x2
        QCOMPARE(c->item(3).entry.prompt, QString("effusion at the right base"));
        QTRY_VERIFY_WITH_TIMEOUT(!c->metricsPending(), 60000);
        QVERIFY(c->cellMetrics(0).contains("|CNR|"));

        // The grid exports as one picture with a footer per cell.
        QTemporaryDir tmp;
        QString message;
        QVERIFY2(w->exportView(tmp.filePath("grid.png"), "png", true, false, false, &message), qPrintable(message));
        const QImage grid(tmp.filePath("grid.png"));
        QVERIFY(grid.width() > 2 * 512 && grid.height() > 2 * 431);
        QVERIFY(screenshot(w.get(), "compare-grid.png"));
        w->setCompareMode(false);
        QVERIFY(!w->compareMode());
    }

    void sameSentenceOnAnotherImageJoinsTheGrid() {
        const QString dicom = data("dicom-chest/nih_google_DX_chest_implicitLE.dcm");
        QVERIFY(waitShown(*w, dicom));
        QVERIFY2(groundAndWait(w->groundingPanel(), {"Small left pleural effusion"}), qPrintable(w->groundingPanel()->lastError()));
        // The same sentence on another image joins the compare grid beside the first image's cells.
        CompareView* c = w->compareView();
        const int before = c->count();
        w->compareEntries({0});
        QCOMPARE(c->count(), before + 1);
        QCOMPARE(c->item(before).imageName, QFileInfo(dicom).fileName());
        QVERIFY(c->item(before).image != c->item(0).image);
        c->cellView(0)->zoomBy(1.5);  // linked across images of different sizes
        QCOMPARE(c->cellView(before)->geometry().zoom() * c->cellView(before)->geometry().orientedWidth(),
                 c->cellView(0)->geometry().zoom() * c->cellView(0)->geometry().orientedWidth());
        w->setCompareMode(false);
    }

    // Every button stays inside the window, at 1280 x 800 and 1920 x 1080, in every mode: single
    // view, the grid at 1x2, 2x2 and 2x3, after a cancelled run, and back in the single view.
    void everyButtonFitsTheWindow() {
        GroundingPanel* g = w->groundingPanel();
        CompareView* c = w->compareView();
        auto check = [this](const char* when) {
            QString problem;
            QVERIFY2(buttonsInside(w.get(), when, &problem), qPrintable(problem));
        };
        for (const QSize size : {QSize(1280, 800), QSize(1920, 1080)}) {
            w->resize(size);
            QTRY_COMPARE(w->size(), size);
            w->setCompareMode(false);
            check("single view");
            for (const QPoint shape : {QPoint(1, 2), QPoint(2, 2), QPoint(2, 3)}) {
                c->setShape(shape.x(), shape.y());
                while (c->count() < shape.x() * shape.y()) {
                    CompareItem item = c->item(0);
                    QVERIFY(c->addItem(item));
                }
                w->setCompareMode(true);
                check(qPrintable(QString("grid %1x%2").arg(shape.x()).arg(shape.y())));
            }
            g->ground({"a sentence that is cancelled at once"});
            g->cancel();
            QTRY_VERIFY_WITH_TIMEOUT(!g->busy(), 60000);
            check("grid after cancel");
            w->setCompareMode(false);
            check("single view after the grid");
            QVERIFY(waitShown(*w, data("png-chest/nih_cxr14_00000001_000.png")));
            check("another image after the grid");
        }
        QVERIFY(screenshot(w.get(), "layout-check.png"));
    }

    void cleanupTestCase() {
        w.reset();
        QSettings().clear();
    }
};

QTEST_MAIN(TestCompareView)
#include "test_compare_view.moc"
