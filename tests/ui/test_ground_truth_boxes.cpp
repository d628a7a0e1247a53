// Ground-truth boxes in the main window: an MS-CXR CSV matched to the image, metrics of the
// selected prompt against its boxes, boxes drawn, moved, resized, named and deleted.
#include "ui_test_support.h"

#include "viewport.h"

#include "eval/metrics.h"

#include <QFile>
#include <QInputDialog>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <cmath>

using namespace cxr;
using namespace cxr::ui;
using namespace uitest;

class TestGroundTruthBoxes : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w;

private Q_SLOTS:
    void initTestCase() {
        initApplication("test_ground_truth_boxes");
        w = makeWindow(QSize(1300, 900));
        QVERIFY(w);
        QVERIFY2(loadTestModel(*w), qPrintable(w->groundingPanel()->lastError()));
        QVERIFY(waitShown(*w, data("fixture-cases/nih01_landscape_up/input.png")));
        grounding::Settings s30;  // fewer steps: these tests are about the window, not the method
        s30.steps = 30;
        w->groundingPanel()->setMethodSettings(s30);
        QVERIFY2(groundAndWait(w->groundingPanel(), {"Small left pleural effusion"}), qPrintable(w->groundingPanel()->lastError()));
    }

    void groundTruthBoxesFromCsvAndMetrics() {
        GroundingPanel* g = w->groundingPanel();
        QTemporaryDir tmp;
        const QString csv = tmp.filePath("ms_cxr.csv");
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("dicom_id,category_name,label_text,path,x,y,w,h,image_width,image_height\n"
                    "input,Pleural Effusion,Small left pleural effusion,files/p1/p1/s1/input.png,300,220,120,90,512,431\n"
                    "input,Pleural Effusion,Small left pleural effusion,files/p1/p1/s1/input.png,150,250,60,60,512,431\n"
                    "input,Cardiomegaly,\"Cardiomegaly, moderate\",files/p1/p1/s1/input.png,120,100,260,200,512,431\n"
                    "other,Edema,Mild edema,files/p2/p2/s2/other.png,10,10,50,50,512,512\n");
        }
        QString message;
        QVERIFY2(w->loadGroundTruthCsv(csv, &message), qPrintable(message));
        QVERIFY2(message.contains("3 box(es) on this image"), qPrintable(message));
        QCOMPARE(w->viewport()->boxes().size(), 3);
        QCOMPARE(w->viewport()->boxes()[0].rect, QRect(300, 220, 120, 90));
        QCOMPARE(w->viewport()->boxes()[2].label, QString("Cardiomegaly, moderate"));

        // The selected prompt's metrics use the boxes of its sentence, with the evaluation's code.
        g->resultList()->setCurrentRow(0);  // "Small left pleural effusion"
        QTRY_VERIFY_WITH_TIMEOUT(!g->metricsPending(), 30000);
        double m[5];
        QVERIFY(g->currentMetrics(&m[0], &m[1], &m[2], &m[3], &m[4]));
        const auto& r = g->result(0);
        const eval::Metrics expected = eval::computeAll(r.original, 512, 431, {{300, 220, 120, 90}, {150, 250, 60, 60}});
        QCOMPARE(m[0], expected.cnrAbs);
        QCOMPARE(m[1], expected.cnr);
        QCOMPARE(m[2], expected.miou);
        QCOMPARE(m[3], expected.aurocBinned);
        QCOMPARE(m[4], expected.auroc);
        QVERIFY2(g->metricsText().contains("2 box(es) of this sentence"), qPrintable(g->metricsText()));
        QVERIFY(g->metricsText().contains(QString::number(expected.cnrAbs, 'f', 3)));

        // A malformed CSV is refused with the line and the column; the loaded boxes stay.
        const QString bad = tmp.filePath("bad.csv");
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("dicom_id,category_name,label_text,path,x,y,w,h,image_width,image_height\n"
                    "input,Pleural Effusion,x,files/input.png,abc,1,2,3,512,431\n");
        }
        QVERIFY(!w->loadGroundTruthCsv(bad, &message));
        QVERIFY2(message.contains(":2") && message.contains("\"x\"") && message.contains("abc"), qPrintable(message));
        QCOMPARE(w->viewport()->boxes().size(), 3);
    }

    void drawMoveResizeDeleteBoxes() {
        GroundingPanel* g = w->groundingPanel();
        Viewport* v = w->viewport();
        w->drawBoxesAction()->setChecked(true);
        QVERIFY(v->boxEditing());
        const int before = int(v->boxes().size());
        auto toScreen = [v](double x, double y) {
            const PointF p = v->geometry().imageToScreen({x, y});
            return QPoint(int(std::lround(p.x)), int(std::lround(p.y)));
        };
        auto toImage = [v](QPoint p) {
            const PointF q = v->geometry().screenToImage({double(p.x()), double(p.y())});
            return QPointF(q.x, q.y);
        };
        // Draw: a drag on empty image area (top left corner of the image, no box there).
        const QPoint a = toScreen(20, 20), b = toScreen(80, 60);
        QSignalSpy edited(v, &Viewport::boxesChanged);
        QTest::mousePress(v, Qt::LeftButton, {}, a);
        QTest::mouseMove(v, (a + b) / 2);
        QTest::mouseMove(v, b);
        QTest::mouseRelease(v, Qt::LeftButton, {}, b);
        QCOMPARE(edited.count(), 1);
        QCOMPARE(int(v->boxes().size()), before + 1);
        const QRect drawn = v->boxes().last().rect;
        const QRectF want(toImage(a), toImage(b));
        QVERIFY2(std::abs(drawn.left() - want.left()) <= 1 && std::abs(drawn.right() + 1 - want.right()) <= 1 &&
                     std::abs(drawn.top() - want.top()) <= 1 && std::abs(drawn.bottom() + 1 - want.bottom()) <= 1,
                 qPrintable(QString("%1,%2 %3x%4").arg(drawn.x()).arg(drawn.y()).arg(drawn.width()).arg(drawn.height())));
        QVERIFY(v->boxes().last().label.isEmpty());

        // Move: drag from inside the box; the size stays, the position follows the cursor.
        const QPoint inside = toScreen(drawn.center().x(), drawn.center().y());
        const QPoint moved = inside + QPoint(30, 20);
        QTest::mousePress(v, Qt::LeftButton, {}, inside);
        QTest::mouseMove(v, moved);
        QTest::mouseRelease(v, Qt::LeftButton, {}, moved);
        QCOMPARE(edited.count(), 2);
        const QRect after = v->boxes().last().rect;
        QCOMPARE(after.size(), drawn.size());
        const QPointF shift = toImage(moved) - toImage(inside);
        QVERIFY(std::abs(after.left() - drawn.left() - shift.x()) <= 1.0);
        QVERIFY(std::abs(after.top() - drawn.top() - shift.y()) <= 1.0);

        // Resize: drag the bottom-right handle outwards.
        const QPoint corner = toScreen(after.x() + after.width(), after.y() + after.height());
        QTest::mousePress(v, Qt::LeftButton, {}, corner);
        QTest::mouseMove(v, corner + QPoint(25, 15));
        QTest::mouseRelease(v, Qt::LeftButton, {}, corner + QPoint(25, 15));
        const QRect resized = v->boxes().last().rect;
        QCOMPARE(resized.topLeft(), after.topLeft());
        QVERIFY(resized.width() > after.width() && resized.height() > after.height());

        // The panel's metrics follow the edited boxes (the drawn box has no label: every box counts
        // only when no box carries the sentence; here the CSV boxes of the sentence still apply).
        QTRY_VERIFY_WITH_TIMEOUT(!g->metricsPending(), 30000);
        QVERIFY(g->metricsText().contains("2 box(es) of this sentence"));

        QVERIFY(screenshot(w.get(), "boxes-editing.png"));

        // Double-click a box: name its sentence; the metrics of that sentence then include it.
        QTimer::singleShot(300, [] {
            if (auto* d = qobject_cast<QInputDialog*>(QApplication::activeModalWidget())) {
                d->setTextValue("Small left pleural effusion");
                d->accept();
            }
        });
        QTest::mouseDClick(v, Qt::LeftButton, {}, toScreen(resized.center().x(), resized.center().y()));
        // QTest's offscreen double click can leave the button marked as held: release it.
        if (QApplication::mouseButtons() != Qt::NoButton)
            QTest::mouseRelease(v, Qt::LeftButton, {}, toScreen(resized.center().x(), resized.center().y()));
        QTRY_COMPARE_WITH_TIMEOUT(v->boxes().last().label, QString("Small left pleural effusion"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!g->metricsPending(), 30000);
        QVERIFY2(g->metricsText().contains("3 box(es) of this sentence"), qPrintable(g->metricsText()));
        // Delete removes the selected box; boxes of this image are kept when it is shown again.
        QCOMPARE(v->selectedBox(), int(v->boxes().size()) - 1);
        QTest::keyClick(v, Qt::Key_Delete);
        QCOMPARE(int(v->boxes().size()), before);
        QCOMPARE(edited.count(), 5);
        w->drawBoxesAction()->setChecked(false);
        QVERIFY(!v->boxEditing());

        // The boxes toggle hides them.
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QTest::keyClick(v, Qt::Key_B);
        QVERIFY(!v->boxesVisible());
        QTest::keyClick(v, Qt::Key_B);
        QVERIFY(v->boxesVisible());
    }

    void cleanupTestCase() {
        w.reset();
        QSettings().clear();
    }
};

QTEST_MAIN(TestGroundTruthBoxes)
#include "test_ground_truth_boxes.moc"
