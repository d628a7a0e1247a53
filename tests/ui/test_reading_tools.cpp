// The reading tools in the real main window (offscreen): measurements in mm drawn with the mouse
// (distance, angle, rectangle and ellipse regions, cardiothoracic ratio), edited, listed, deleted,
// kept per image and burned into exports; corner text and orientation markers that follow rotate
// and flip; chest window presets by number key; keyboard reading; the current study beside a prior
// and the PA beside the lateral, linked.
#include "ui_test_support.h"

#include "imaging/measure.h"
#include "imaging/orientation.h"
#include "measurements_panel.h"
#include "side_by_side.h"
#include "viewport.h"

#include <QComboBox>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <cmath>

using namespace cxr;
using namespace cxr::ui;
using namespace uitest;

namespace {

// A copy of a DICOM file with some elements set (and a new SOP Instance UID).
bool copyWith(const QString& from, const QString& to, const QList<QPair<DcmTagKey, QByteArray>>& values) {
    DcmFileFormat ff;
    if (ff.loadFile(QFile::encodeName(from).constData()).bad()) return false;
    DcmDataset* ds = ff.getDataset();
    char uid[100];
    dcmGenerateUniqueIdentifier(uid);
    ds->putAndInsertString(DCM_SOPInstanceUID, uid);
    ff.getMetaInfo()->putAndInsertString(DCM_MediaStorageSOPInstanceUID, uid);
    for (const auto& [tag, value] : values) ds->putAndInsertString(tag, value.constData());
    return ff.saveFile(QFile::encodeName(to).constData()).good();
}

QPointF screenOf(const Viewport* v, double x, double y) {
    const PointF s = v->geometry().imageToScreen({x, y});
    return {s.x, s.y};
}

void drag(Viewport* v, QPointF from, QPointF to) {
    sendMouse(v, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    sendMouse(v, QEvent::MouseMove, (from + to) / 2, Qt::NoButton, Qt::LeftButton);
    sendMouse(v, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
    sendMouse(v, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
}

void click(Viewport* v, QPointF at) {
    sendMouse(v, QEvent::MouseMove, at, Qt::NoButton, Qt::NoButton);
    sendMouse(v, QEvent::MouseButtonPress, at, Qt::LeftButton, Qt::LeftButton);
    sendMouse(v, QEvent::MouseButtonRelease, at, Qt::LeftButton, Qt::NoButton);
}

bool near(double a, double b, double tol = 1e-6) { return std::abs(a - b) <= tol; }

}  // namespace

class TestReadingTools : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w;
    QTemporaryDir dir;
    QString current, lateral, prior;

    // The window must be active for its shortcuts.
    bool activate() {
        w->activateWindow();
        return QTest::qWaitForWindowActive(w.get());
    }

private Q_SLOTS:
    void initTestCase() {
        initApplication("test_reading_tools");
        // One patient: a PA and a lateral in one study, and a PA two years before (real images with
        // a Pixel Spacing of 0.168 mm, their study and view rewritten).
        current = dir.filePath("current.dcm");
        lateral = dir.filePath("lateral.dcm");
        prior = dir.filePath("prior.dcm");
        const QByteArray study = "1.2.826.0.1.3680043.9.7777.12.1", priorStudy = "1.2.826.0.1.3680043.9.7777.12.2";
        QVERIFY(copyWith(data("dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm"), current,
                         {{DCM_StudyInstanceUID, study}, {DCM_StudyDate, "20190301"}, {DCM_SeriesInstanceUID, study + ".1"},
                          {DCM_SeriesNumber, "1"}, {DCM_InstanceNumber, "1"}, {DCM_ViewPosition, "PA"}}));
        QVERIFY(copyWith(data("dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm"), lateral,
                         {{DCM_StudyInstanceUID, study}, {DCM_StudyDate, "20190301"}, {DCM_SeriesInstanceUID, study + ".2"},
                          {DCM_SeriesNumber, "2"}, {DCM_InstanceNumber, "1"}, {DCM_ViewPosition, "LL"}, {DCM_PatientOrientation, "P\\F"}}));
        QVERIFY(copyWith(data("dicom-chest/txv_Fake_MONOHR1.dcm"), prior,
                         {{DCM_StudyInstanceUID, priorStudy}, {DCM_StudyDate, "20170115"}, {DCM_SeriesInstanceUID, priorStudy + ".1"},
                          {DCM_SeriesNumber, "1"}, {DCM_InstanceNumber, "1"}, {DCM_ViewPosition, "PA"}}));
        w = makeWindow(QSize(1300, 900));
        QVERIFY(w);
        QSignalSpy scanned(w.get(), &MainWindow::scanFinished);
        w->openFolder(dir.path());
        QVERIFY(scanned.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!w->currentFile().isEmpty() && !w->loading(), 30000);
        QCOMPARE(w->browser()->paths().size(), 3);
        QVERIFY(waitShown(*w, current));
        QVERIFY(activate());
    }

    // Distance, angle, rectangle and ellipse drawn with the mouse, in mm (Pixel Spacing 0.168),
    // listed with their values, edited by a handle, renamed and deleted.
    void measurementsInMillimetres() {
        Viewport* v = w->viewport();
        QTest::keyClick(v, Qt::Key_L);
        QCOMPARE(v->tool(), MeasureTool::Distance);
        QVERIFY(w->toolAction(MeasureTool::Distance)->isChecked());
        drag(v, screenOf(v, 200, 300), screenOf(v, 600, 600));
        QCOMPARE(v->measurements().size(), 1);
        Measurement m = v->measurements()[0];
        QCOMPARE(m.kind, MeasureKind::Distance);
        QVERIFY(near(m.points[0].x, 200) && near(m.points[0].y, 300) && near(m.points[1].x, 600) && near(m.points[1].y, 600));
        QVERIFY(near(v->measurementValues(0).length, 500 * 0.168));
        QVERIFY(v->measurementValues(0).calibrated);
        QTreeWidget* list = w->measurementsPanel()->list();
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(1), QString("84.0 mm"));
        QVERIFY(w->measurementsPanel()->note().isEmpty());  // calibrated: nothing to warn about

        // Edited: drag an end by its handle (the tool stays on; a handle wins over a new line).
        drag(v, screenOf(v, 600, 600), screenOf(v, 200, 650));
        QCOMPARE(v->measurements().size(), 1);
        QVERIFY(near(v->measurementValues(0).length, 350 * 0.168));
        QCOMPARE(list->topLevelItem(0)->text(1), QString("58.8 mm"));

        // A click (no drag) draws nothing.
        click(v, screenOf(v, 900, 900));
        QCOMPARE(v->measurements().size(), 1);

        // Angle: drag one arm to the vertex, click the end of the other arm.
        QTest::keyClick(v, Qt::Key_A);
        QCOMPARE(v->tool(), MeasureTool::Angle);
        drag(v, screenOf(v, 100, 100), screenOf(v, 300, 100));
        QVERIFY(v->measuring());
        click(v, screenOf(v, 300, 400));
        QCOMPARE(v->measurements().size(), 2);
        QVERIFY(near(v->measurementValues(1).angle, 90.0));

        // Rectangle and ellipse: area in mm², mean and SD of the pixels inside.
        QTest::keyClick(v, Qt::Key_Q);
        drag(v, screenOf(v, 350, 450), screenOf(v, 390, 470));
        QCOMPARE(v->measurements().size(), 3);
        MeasureValues r = v->measurementValues(2);
        QCOMPARE(r.pixels, 800);
        QVERIFY(near(r.area, 40 * 20 * 0.168 * 0.168));
        double sum = 0;
        for (int y = 450; y < 470; ++y)
            for (int x = 350; x < 390; ++x) sum += v->image()->modalityValue(v->image()->storedAt(x, y));
        QVERIFY(near(r.mean, sum / 800, 1e-9));
        QVERIFY(list->topLevelItem(2)->text(1).contains(QString("mean %1").arg(r.mean, 0, 'f', 1)));
        QVERIFY(list->topLevelItem(2)->text(1).contains("mm²"));
        QTest::keyClick(v, Qt::Key_E);
        drag(v, screenOf(v, 500, 500), screenOf(v, 700, 600));
        QCOMPARE(v->measurements().size(), 4);
        QVERIFY(near(v->measurementValues(3).area, M_PI * 100 * 50 * 0.168 * 0.168));
        QVERIFY(v->measurementValues(3).sd > 0);

        // Esc leaves the tool (the left button pans again).
        QTest::keyClick(v, Qt::Key_Escape);
        QCOMPARE(v->tool(), MeasureTool::None);
        for (QAction* a : {w->toolAction(MeasureTool::Distance), w->toolAction(MeasureTool::Ellipse)}) QVERIFY(!a->isChecked());

        // Named in the list; deleted in the view (Delete) and in the list.
        list->topLevelItem(0)->setText(0, "carina to apex");
        QCOMPARE(v->measurements()[0].label, QString("carina to apex"));
        QCOMPARE(list->topLevelItem(0)->text(0), QString("carina to apex"));
        list->setCurrentItem(list->topLevelItem(1));
        QCOMPARE(v->selectedMeasurement(), 1);
        v->setFocus();
        QTest::keyClick(v, Qt::Key_Delete);
        QCOMPARE(v->measurements().size(), 3);
        QCOMPARE(list->topLevelItemCount(), 3);
        QCOMPARE(v->measurements()[1].kind, MeasureKind::Rectangle);
        list->setCurrentItem(list->topLevelItem(2));
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(v->measurements().size(), 2);
    }

    // Measurements stay with their image for the session; visible ones are burned into exports.
    void measurementsAreKeptPerImageAndExported() {
        Viewport* v = w->viewport();
        QCOMPARE(v->measurements().size(), 2);
        QVERIFY(waitShown(*w, lateral));
        QVERIFY(v->measurements().isEmpty());
        QCOMPARE(w->measurementsPanel()->list()->topLevelItemCount(), 0);
        QVERIFY(waitShown(*w, current));
        QCOMPARE(v->measurements().size(), 2);
        QCOMPARE(v->measurements()[0].label, QString("carina to apex"));

        // The distance (200,300)-(200,650) in the picture at original resolution, in the
        // measurement colour; hidden, the picture shows the image there.
        QTemporaryDir tmp;
        QString message;
        QVERIFY2(w->exportView(tmp.filePath("m.png"), "png", true, false, false, &message), qPrintable(message));
        const QImage shown = QImage(tmp.filePath("m.png")).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(shown.width(), 1024);
        const QRgb mid = shown.pixel(200, 475), base = v->rendered().convertToFormat(QImage::Format_RGB32).pixel(200, 475);
        QVERIFY2(qRed(mid) > 200 && qGreen(mid) > 150 && qBlue(mid) < 110, qPrintable(QString::number(mid, 16)));
        QVERIFY(activate());
        QTest::keyClick(v, Qt::Key_M, Qt::ShiftModifier);
        QVERIFY(!v->measurementsVisible());
        QVERIFY2(w->exportView(tmp.filePath("hidden.png"), "png", true, false, false, &message), qPrintable(message));
        QCOMPARE(QImage(tmp.filePath("hidden.png")).convertToFormat(QImage::Format_RGB32).pixel(200, 475), base);
        QTest::keyClick(v, Qt::Key_M, Qt::ShiftModifier);
        QVERIFY(v->measurementsVisible());
    }

    // The cardiothoracic ratio from two level widths, shown beside a sentence about the heart's size.
    void cardiothoracicRatioOnADrawnPair() {
        Viewport* v = w->viewport();
        GroundingPanel* g = w->groundingPanel();
        // A sentence about the heart (a result imported as a DICOM object would be): before any
        // ratio is measured the panel says how to measure one.
        auto result = std::make_shared<grounding::PromptResult>();
        result->originalWidth = 1024;
        result->originalHeight = 1024;
        result->original.assign(1024 * 1024, 0.0f);
        g->addImportedResult("Mild cardiomegaly.", result, "test", "1.2.3.4", true);
        QVERIFY2(g->heartSizeNote().contains("cardiothoracic ratio"), qPrintable(g->heartSizeNote()));
        QTest::keyClick(v, Qt::Key_C);
        QCOMPARE(v->tool(), MeasureTool::CardiothoracicRatio);
        drag(v, screenOf(v, 350, 500), screenOf(v, 650, 530));  // kept level: the end goes to y 500
        QVERIFY(v->measuring());
        drag(v, screenOf(v, 200, 700), screenOf(v, 800, 690));
        QVERIFY(!v->measuring());
        const int i = int(v->measurements().size()) - 1;
        const Measurement m = v->measurements()[i];
        QCOMPARE(m.kind, MeasureKind::CardiothoracicRatio);
        QVERIFY(near(m.points[1].y, m.points[0].y) && near(m.points[3].y, m.points[2].y));
        const MeasureValues val = v->measurementValues(i);
        QVERIFY(near(val.cardiac, 300 * 0.168) && near(val.thoracic, 600 * 0.168));
        QVERIFY(near(val.ratio, 0.5));
        QVERIFY(w->measurementsPanel()->list()->topLevelItem(i)->text(1).startsWith("CTR 0.50"));
        QVERIFY2(g->heartSizeNote().contains("CTR 0.50"), qPrintable(g->heartSizeNote()));
        // Not about the heart: nothing.
        g->addImportedResult("Small left pleural effusion.", result, "test", "1.2.3.5", true);
        QVERIFY(g->heartSizeNote().isEmpty());
        g->removeEntry(g->resultCount() - 1);
        g->removeEntry(g->resultCount() - 1);
        QTest::keyClick(v, Qt::Key_Escape);
    }

    // Corner text (toggled with T, fields from the settings) and orientation markers that follow
    // rotation and flips.
    void cornerTextAndMarkersFollowTheView() {
        Viewport* v = w->viewport();
        QVERIFY(v->infoVisible());
        QVERIFY(v->cornerText(Corner::TopRight).contains("2019-03-01"));
        QVERIFY(v->cornerText(Corner::TopRight).contains("Se 1  Im 1"));
        QVERIFY(v->cornerText(Corner::BottomLeft).contains("PA"));
        QVERIFY2(v->cornerText(Corner::BottomRight).join(' ').contains("%"), qPrintable(v->cornerText(Corner::BottomRight).join(' ')));
        QVERIFY(v->cornerText(Corner::TopLeft).join(' ').contains("ID 16d7f894"));
        auto markers = [v] {
            const EdgeMarkers m = v->orientationMarkers();
            return QStringList{m.left, m.right, m.top, m.bottom}.join(',');
        };
        QCOMPARE(markers(), QString("R,L,H,F"));  // a PA without Patient Orientation: as usually stored
        QTest::keyClick(v, Qt::Key_R);            // rotate right
        QCOMPARE(markers(), QString("F,H,R,L"));
        QTest::keyClick(v, Qt::Key_H);  // flip horizontally
        QCOMPARE(markers(), QString("H,F,R,L"));
        QTest::keyClick(v, Qt::Key_V);  // flip vertically
        QCOMPARE(markers(), QString("H,F,L,R"));
        QTest::keyClick(v, Qt::Key_Backspace);  // reset
        QCOMPARE(markers(), QString("R,L,H,F"));
        QTest::keyClick(v, Qt::Key_T);
        QVERIFY(!v->infoVisible());
        QVERIFY(v->cornerText(Corner::TopRight).isEmpty());
        QTest::keyClick(v, Qt::Key_T);
        QVERIFY(v->infoVisible());
        // Only the study date, as chosen in the settings (and remembered).
        w->setCornerFields(CornerFields(CornerField::StudyDate));
        QVERIFY(v->cornerText(Corner::TopLeft).isEmpty());
        QCOMPARE(v->cornerText(Corner::TopRight), QStringList{"2019-03-01"});
        QCOMPARE(savedCornerFields(), CornerFields(CornerField::StudyDate));
        w->setCornerFields(CornerFields(kAllCornerFields));
        // The lateral's own Patient Orientation (P\F).
        QVERIFY(waitShown(*w, lateral));
        QCOMPARE(markers(), QString("A,P,H,F"));
        QVERIFY(waitShown(*w, current));
    }

    // Number keys choose the Window list's entries: 1 the file's own, 2 lung, 3 mediastinum, 4 bone.
    void windowPresetsByNumberKey() {
        Viewport* v = w->viewport();
        QComboBox* presets = w->presetCombo();
        const std::vector<Window> chest = chestPresets(*v->image());
        QTest::keyClick(v, Qt::Key_2);
        QVERIFY(near(v->display().window.center, chest[0].center) && near(v->display().window.width, chest[0].width));
        QVERIFY2(presets->currentText().startsWith("2  Lung"), qPrintable(presets->currentText()));
        QTest::keyClick(v, Qt::Key_4);
        QVERIFY(near(v->display().window.center, chest[2].center) && near(v->display().window.width, chest[2].width));
        QVERIFY(presets->currentText().startsWith("4  Bone"));
        QTest::keyClick(v, Qt::Key_3);
        QVERIFY(near(v->display().window.center, chest[1].center));
        QVERIFY(presets->currentText().startsWith("3  Mediastinum"));
        QTest::keyClick(v, Qt::Key_1);
        const DisplaySettings def = defaultDisplay(*v->image());
        QVERIFY(near(v->display().window.center, def.window.center) && near(v->display().window.width, def.window.width));
        QCOMPARE(presets->currentIndex(), 0);
        // Typing a number into the sentence box types it; the window stays.
        QPlainTextEdit* box = w->groundingPanel()->promptEdit();
        box->clear();
        box->setFocus();
        QTest::keyClick(box, Qt::Key_2);
        QCOMPARE(box->toPlainText(), QString("2"));
        QCOMPARE(presets->currentIndex(), 0);
        box->clear();
    }

    // Keyboard reading from the image: next / previous image and series, the sentence box, Esc.
    void keyboardReading() {
        Viewport* v = w->viewport();
        const QStringList paths = w->browser()->paths();
        const int here = int(paths.indexOf(current));
        QVERIFY(here >= 0);
        v->setFocus();
        QSignalSpy shown(w.get(), &MainWindow::imageShown);
        auto key = [&](Qt::Key k) {
            shown.clear();
            QTest::keyClick(v, k);
            return shown.wait(30000) ? w->currentFile() : QString();
        };
        // The studies' order: each series holds one image here, so series and images step alike.
        if (here + 1 < paths.size()) {
            QCOMPARE(key(Qt::Key_Down), paths[here + 1]);
            QCOMPARE(key(Qt::Key_Up), current);
        } else {
            QCOMPARE(key(Qt::Key_Up), paths[here - 1]);
            QCOMPARE(key(Qt::Key_Down), current);
        }
        const QString other = here + 1 < paths.size() ? paths[here + 1] : paths[here - 1];
        QCOMPARE(key(here + 1 < paths.size() ? Qt::Key_Right : Qt::Key_Left), other);
        QCOMPARE(key(here + 1 < paths.size() ? Qt::Key_Left : Qt::Key_Right), current);
        // At the end: a message, nothing changes.
        QVERIFY(!w->stepImage(here + 1 < paths.size() ? -100 : 100));
        QCOMPARE(w->currentFile(), current);
        // S: the sentence box takes the keyboard.
        QTest::keyClick(v, Qt::Key_S);
        QTRY_VERIFY(w->groundingPanel()->promptEdit()->hasFocus());
        // Esc from anywhere leaves a tool, and box editing.
        w->toolAction(MeasureTool::Angle)->trigger();
        QCOMPARE(v->tool(), MeasureTool::Angle);
        QTest::keyClick(w->groundingPanel()->promptEdit(), Qt::Key_Escape);
        QCOMPARE(v->tool(), MeasureTool::None);
        w->drawBoxesAction()->trigger();
        QVERIFY(v->boxEditing());
        v->setFocus();
        QTest::keyClick(v, Qt::Key_Escape);
        QVERIFY(!v->boxEditing());
    }

    // The current study beside the latest prior of the same patient: zoom and pan linked, each its
    // own window, the cursor marked on the other side.
    void priorBesideTheCurrentStudy() {
        QVERIFY(w->setLayout(MainWindow::Layout::PriorCurrent));
        SideBySideView* pair = w->sideBySideView();
        QVERIFY(pair->isVisible());
        QCOMPARE(pair->path(0), current);
        QTRY_COMPARE_WITH_TIMEOUT(pair->path(1), prior, 30000);
        QVERIFY(pair->view(1)->hasImage());
        QVERIFY2(pair->caption(1).contains("2017-01-15") && pair->caption(1).startsWith("Prior"), qPrintable(pair->caption(1)));
        QVERIFY(pair->caption(0).startsWith("Current"));
        Viewport* a = pair->view(0);
        Viewport* b = pair->view(1);
        QVERIFY(!b->cornerText(Corner::TopRight).isEmpty());  // the reading aids on both sides
        a->zoomBy(2.0);
        QVERIFY(near(b->geometry().zoom() * b->geometry().orientedWidth(), a->geometry().zoom() * a->geometry().orientedWidth(), 1e-6));
        const QPointF c(a->width() / 2.0, a->height() / 2.0);
        sendMouse(a, QEvent::MouseButtonPress, c, Qt::LeftButton, Qt::LeftButton);
        sendMouse(a, QEvent::MouseMove, c + QPointF(-60, 40), Qt::NoButton, Qt::LeftButton);
        sendMouse(a, QEvent::MouseButtonRelease, c + QPointF(-60, 40), Qt::LeftButton, Qt::NoButton);
        auto centre = [](const Viewport* v) {
            const PointF p = v->geometry().screenToImage({v->imageArea().width() / 2.0, v->imageArea().height() / 2.0});
            return QPointF(p.x / v->image()->width, p.y / v->image()->height);
        };
        QVERIFY(std::abs(centre(a).x() - centre(b).x()) < 1e-3 && std::abs(centre(a).y() - centre(b).y()) < 1e-3);
        const Window before = b->display().window;
        Window win;
        win.center = 100;
        win.width = 50;
        a->setWindow(win);
        QCOMPARE(b->display().window.center, before.center);  // different acquisitions: windows apart
        sendMouse(a, QEvent::MouseMove, c + QPointF(5, 5), Qt::NoButton, Qt::NoButton);
        sendMouse(a, QEvent::MouseMove, c, Qt::NoButton, Qt::NoButton);
        int x = -1, y = -1;
        QVERIFY(a->imagePixelAt(c, &x, &y));
        QCOMPARE(b->crosshair(), QPointF((x + 0.5) / 1024, (y + 0.5) / 1024));
        // The status bar reads the side under the cursor (the prior's own pixel values).
        const QPointF cb(b->width() / 2.0 + 9, b->height() / 2.0 - 7);
        sendMouse(b, QEvent::MouseMove, cb, Qt::NoButton, Qt::NoButton);
        QVERIFY(b->imagePixelAt(cb, &x, &y));
        QVERIFY2(w->statusText().startsWith(QString("x %1  y %2 | stored %3").arg(x).arg(y).arg(b->image()->storedAt(x, y))),
                 qPrintable(w->statusText()));
        // Unlinked: each side on its own.
        pair->setLinked(false);
        const double kept = b->geometry().zoom();
        a->zoomBy(1.5);
        QCOMPARE(b->geometry().zoom(), kept);
        pair->setLinked(true);
    }

    // The PA beside the lateral of one study, whichever is current; zoom, pan and window linked.
    void paBesideTheLateral() {
        QVERIFY(w->setLayout(MainWindow::Layout::PaLateral));
        SideBySideView* pair = w->sideBySideView();
        QCOMPARE(w->layout(), MainWindow::Layout::PaLateral);
        QCOMPARE(pair->path(0), current);
        QTRY_COMPARE_WITH_TIMEOUT(pair->path(1), lateral, 30000);
        Window win;
        win.center = 120;
        win.width = 80;
        pair->view(1)->setWindow(win);
        QCOMPARE(pair->view(0)->display().window.center, 120.0);
        pair->view(0)->zoomBy(1.7);
        QVERIFY(near(pair->view(1)->geometry().zoom(), pair->view(0)->geometry().zoom(), 1e-9));
        // The lateral as the current image: the PA stays on the left.
        QVERIFY(waitShown(*w, lateral));
        QTRY_COMPARE_WITH_TIMEOUT(pair->path(0), current, 30000);
        QCOMPARE(pair->path(1), lateral);
        // Every button inside the window at 1280 x 800, in both layouts.
        w->resize(1280, 800);
        QTRY_COMPARE(w->size(), QSize(1280, 800));
        QString problem;
        QVERIFY2(buttonsInside(w.get(), "PA and lateral", &problem), qPrintable(problem));
        QVERIFY(w->setLayout(MainWindow::Layout::PriorCurrent));
        QVERIFY2(buttonsInside(w.get(), "prior and current", &problem), qPrintable(problem));
        // A tool leaves the layout for the single view (measurements belong to it).
        QTest::keyClick(w.get(), Qt::Key_L);
        QCOMPARE(w->layout(), MainWindow::Layout::Single);
        QCOMPARE(w->viewport()->tool(), MeasureTool::Distance);
        QTest::keyClick(w.get(), Qt::Key_Escape);
        QCOMPARE(w->viewport()->tool(), MeasureTool::None);
        // No prior for an image of another patient: a message, the layout stays.
        QVERIFY(waitShown(*w, data("dicom-chest/wg04_RG1_J2KI.dcm")));
        QVERIFY(!w->setLayout(MainWindow::Layout::PriorCurrent));
        QCOMPARE(w->layout(), MainWindow::Layout::Single);
        QVERIFY(!w->priorAction()->isChecked());
    }

    // The first window fits the screen it opens on (an 800-pixel screen: not 860 tall).
    void firstWindowFitsTheScreen() {
        const QSize small = MainWindow::firstStartSize(QRect(0, 0, 1280, 800));
        QVERIFY(small.height() + 40 <= 800 && small.width() <= 1280);
        QCOMPARE(MainWindow::firstStartSize(QRect(0, 0, 1920, 1080)), QSize(1280, 860));
        w->resize(small);
        QTRY_COMPARE(w->size(), small);
        QVERIFY2(w->minimumSizeHint().height() <= small.height(), qPrintable(QString::number(w->minimumSizeHint().height())));
        QString problem;
        QVERIFY2(buttonsInside(w.get(), "first start at 1280 x 800", &problem), qPrintable(problem));
    }

    void cleanupTestCase() {
        w.reset();
        QSettings().clear();
    }
};

QTEST_MAIN(TestReadingTools)
#include "test_reading_tools.moc"
