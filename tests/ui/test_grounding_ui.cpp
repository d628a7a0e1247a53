// Grounding from the real main window (offscreen) with the small test model: the overlay equals
// the engine's output, a second prompt reuses the trajectory, cancel, bad model folder.
#include "dialogs.h"
#include "download_dialog.h"
#include "compare.h"
#include "grounding.h"
#include "imaging/loader.h"
#include "mainwindow.h"
#include "viewport.h"

#include "eval/metrics.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace cxr;
using namespace cxr::ui;

namespace {
QString data(const QString& rel) { return QStringLiteral(CXRG_TEST_DATA "/") + rel; }
// README pictures: CXRG_SCREENSHOT_DIR=docs/screenshots xvfb-run -a build/tests/ui/test_grounding_ui
void screenshot(QWidget* widget, const QString& name) {
    const QString dir = qEnvironmentVariable("CXRG_SCREENSHOT_DIR");
    if (dir.isEmpty()) return;
    QTest::qWait(200);
    QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
}
}

class TestGroundingUi : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w;

    bool waitFor(QObject* o, const char* signal, int ms) {
        QSignalSpy spy(o, signal);
        return spy.wait(ms);
    }

private Q_SLOTS:
    void initTestCase() {
        QApplication::setOrganizationName(QStringLiteral("CXR Ground Tests"));
        QApplication::setApplicationName(QStringLiteral("test_grounding_ui"));
        QSettings().clear();
        w = std::make_unique<MainWindow>();
        w->setShowErrorDialogs(false);
        w->resize(1300, 900);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    }

    void invalidModelFolderIsExplained() {
        QTemporaryDir tmp;
        GroundingPanel* g = w->groundingPanel();
        QSignalSpy state(g, &GroundingPanel::modelStateChanged);
        g->setModelFolder(tmp.path());
        QVERIFY(state.wait(30000));
        QVERIFY(!g->modelReady());
        QVERIFY2(g->lastError().contains("configs/inference.json"), qPrintable(g->lastError()));
    }

    void groundsAPromptAndShowsTheEnginesMap() {
        GroundingPanel* g = w->groundingPanel();
        QSignalSpy state(g, &GroundingPanel::modelStateChanged);
        g->setModelFolder(data("model-small"));
        QVERIFY(state.wait(60000));
        QVERIFY2(g->modelReady(), qPrintable(g->lastError()));
        QVERIFY(g->demoModel());
        QSignalSpy shown(w.get(), &MainWindow::imageShown);
        w->showFile(data("fixture-cases/nih01_landscape_up/input.png"));
        QVERIFY(shown.wait(30000));

        // An empty prompt is refused with a message, nothing runs.
        g->promptEdit()->setPlainText("   ");
        QTest::keyClick(g->promptEdit(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!g->busy());
        QVERIFY(!g->lastError().isEmpty());

        g->promptEdit()->setPlainText("Small left pleural effusion");
        QSignalSpy done(g, &GroundingPanel::groundingFinished);
        QTest::keyClick(g->promptEdit(), Qt::Key_Return, Qt::ControlModifier);  // Ctrl+Enter grounds
        QVERIFY(g->busy());
        QVERIFY(done.wait(600000));
        QCOMPARE(g->resultCount(), 1);
        QCOMPARE(g->lastUnetCalls(), 180);
        QCOMPARE(g->resultList()->count(), 1);

        // The overlay is the engine's map at original size, placed pixel for pixel.
        const auto& r = g->result(0);
        const QImage heat = w->viewport()->heatOverlay();
        QCOMPARE(heat.size(), QSize(512, 431));
        QCOMPARE(r.originalWidth, 512);
        int checked = 0;
        for (int y = 0; y < 431; y += 13)
            for (int x = 0; x < 512; x += 11) {
                const float v = r.original[size_t(y) * 512 + x];
                const QRgb px = heat.pixel(x, y);
                if (std::isnan(v) || v <= 0) {
                    QVERIFY(qAlpha(px) < 120);  // transparent or the "not analysed" hatch
                } else {
                    const double level = std::clamp(std::lround(v * 255.0), 0L, 255L) / 255.0;  // 256-entry colour table
                    QCOMPARE(px & 0xffffff, colourAt(g->colourMap(), level) & 0xffffff);
                    QCOMPARE(qAlpha(px), int(std::lround(g->opacity() * 255)));
                    ++checked;
                }
            }
        QVERIFY(checked > 20);
        // The crop leaves columns outside the analysed square: NaN there.
        QVERIFY(std::isnan(r.original[100 * 512 + 5]));

        // Word chips: one per word; clicking one shows that word's own map, clicking again the sentence.
        QListWidget* chips = g->wordChips();
        QCOMPARE(chips->count(), 4);
        QCOMPARE(chips->item(2)->text(), QString("pleural"));
        const QImage sentenceHeat = w->viewport()->heatOverlay();
        QTest::mouseClick(chips->viewport(), Qt::LeftButton, {}, chips->visualItemRect(chips->item(2)).center());
        QCOMPARE(g->activeWord(), 2);
        grounding::PromptResult expected;
        std::string err;
        QVERIFY(grounding::Engine::restrictTokens(r, 3, 4, grounding::Settings(), &expected, &err));  // "ple", "ural</w>"
        QVERIFY(g->displayedResult() != &r);
        QCOMPARE(g->displayedResult()->heatmap, expected.heatmap);
        QVERIFY(expected.heatmap != r.heatmap);
        QVERIFY(w->viewport()->heatOverlay() != sentenceHeat);
        QTest::mouseClick(chips->viewport(), Qt::LeftButton, {}, chips->visualItemRect(chips->item(2)).center());
        QCOMPARE(g->activeWord(), -1);
        QCOMPARE(g->displayedResult(), &g->result(0));
        QCOMPARE(w->viewport()->heatOverlay(), sentenceHeat);

        // A second prompt on the same image reuses the trajectory: only the 60 window calls.
        g->ground({"cardiomegaly"});
        QVERIFY(done.wait(600000));
        QCOMPARE(g->lastUnetCalls(), 60);
        QCOMPARE(g->resultList()->count(), 2);
        // Hiding a result removes its overlay.
        g->resultList()->item(1)->setCheckState(Qt::Unchecked);
        QVERIFY(w->viewport()->heatOverlay().isNull());
    }

    void overlayControls() {
        GroundingPanel* g = w->groundingPanel();
        g->resultList()->setCurrentRow(0);
        const auto& r = g->result(0);
        QVERIFY(!w->viewport()->heatOverlay().isNull());
        // Colour bar: the colour map, the value range and the Otsu threshold of the map shown.
        const Legend& legend = w->viewport()->legend();
        QVERIFY(legend.valid());
        QCOMPARE(legend.colours[255], colourAt(g->colourMap(), 1.0));
        QCOMPARE(legend.otsu, double(r.threshold));
        QVERIFY(legend.maxValue > legend.minValue && legend.maxValue <= 1.0);

        // Threshold: values at or below it become transparent, the others keep their colour.
        g->thresholdSlider()->setValue(50);
        QCOMPARE(w->viewport()->legend().lower, 0.5);
        const QImage heat = w->viewport()->heatOverlay();
        int above = 0, below = 0;
        for (int y = 0; y < 431; y += 3)
            for (int x = 0; x < 512; x += 3) {
                const float v = r.original[size_t(y) * 512 + x];
                if (std::isnan(v)) continue;
                if (v <= 0.5f) {
                    QCOMPARE(qAlpha(heat.pixel(x, y)), 0);
                    ++below;
                } else {
                    QCOMPARE(qAlpha(heat.pixel(x, y)), int(std::lround(g->opacity() * 255)));
                    ++above;
                }
            }
        QVERIFY(above > 10 && below > 10);
        g->thresholdSlider()->setValue(0);

        // The quick toggle key hides and shows the heat map (window shortcuts need the active window).
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QTest::keyClick(w->viewport(), Qt::Key_O);
        QVERIFY(w->viewport()->heatOverlay().isNull());
        QVERIFY(!g->heatVisible());
        QTest::keyClick(w->viewport(), Qt::Key_O);
        QVERIFY(!w->viewport()->heatOverlay().isNull());

        // Otsu mask: fill covers exactly the mask pixels in the chosen colour; off removes it.
        g->setMaskColour(QColor(255, 0, 255));
        g->setMaskMode(MaskMode::Fill);
        const QImage fill = w->viewport()->outlineOverlay().convertToFormat(QImage::Format_ARGB32);
        int maskPixels = 0, painted = 0;
        for (int y = 0; y < 431; ++y)
            for (int x = 0; x < 512; ++x) {
                const float v = r.original[size_t(y) * 512 + x];
                const bool in = !std::isnan(v) && v > 0;
                maskPixels += in;
                const QRgb px = fill.pixel(x, y);
                if (qAlpha(px) > 0) {
                    ++painted;
                    QVERIFY(in);
                    QCOMPARE(qRed(px), 255);
                    QCOMPARE(qGreen(px), 0);
                }
            }
        QCOMPARE(painted, maskPixels);
        QTest::keyClick(w->viewport(), Qt::Key_M);
        QCOMPARE(g->maskMode(), MaskMode::Off);
        QVERIFY(w->viewport()->outlineOverlay().isNull());
        QTest::keyClick(w->viewport(), Qt::Key_M);
        QCOMPARE(g->maskMode(), MaskMode::Outline);
        QVERIFY(!w->viewport()->outlineOverlay().isNull());
    }

    void promptListRenameRemoveRerunAndCache() {
        GroundingPanel* g = w->groundingPanel();
        QCOMPARE(g->resultCount(), 2);
        // Rename changes the name only; an empty name is refused.
        g->resultList()->item(0)->setText("effusion (report line 3)");
        QCOMPARE(g->entries()[0].name, QString("effusion (report line 3)"));
        QCOMPARE(g->entries()[0].prompt, QString("Small left pleural effusion"));
        g->resultList()->item(0)->setText("  ");
        QCOMPARE(g->entries()[0].name, QString("effusion (report line 3)"));

        // Remove with the Delete key.
        const auto cardiomegaly = g->entries()[1].result;
        g->resultList()->setCurrentRow(1);
        QTest::keyClick(g->resultList(), Qt::Key_Delete);
        QCOMPARE(g->resultCount(), 1);

        // Grounding it again with the same settings comes from the cache: at once, no model call.
        QSignalSpy done(g, &GroundingPanel::groundingFinished);
        g->ground({"cardiomegaly"});
        QCOMPARE(done.count(), 1);
        QVERIFY(!g->busy());
        QCOMPARE(g->resultCount(), 2);
        QVERIFY(g->entries()[1].fromCache);
        QCOMPARE(g->entries()[1].result, cardiomegaly);
        QCOMPARE(g->lastUnetCalls(), 0);

        // Re-run with other settings: a new entry that says so, a new trajectory (30 steps: calls 0..17).
        grounding::Settings s30;
        s30.steps = 30;
        g->rerunEntry(0, s30);
        QVERIFY(done.wait(600000));
        QCOMPARE(g->resultCount(), 3);
        QCOMPARE(g->lastUnetCalls(), 18);
        QCOMPARE(g->entries()[2].settings.steps, 30);
        QVERIFY2(g->entries()[2].name.contains("30 steps"), qPrintable(g->entries()[2].name));
        QVERIFY(g->entries()[2].result->heatmap != g->entries()[0].result->heatmap);

        {
            MethodDialog m(s30, 16, w.get());
            m.show();
            screenshot(&m, "method-settings.png");
        }
        screenshot(w.get(), "prompt-list.png");
        // Requests queue: the second waits for the first, both land.
        g->ground({"left effusion"}, s30);
        g->ground({"right effusion"}, s30);
        QCOMPARE(g->queuedRequests(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(g->resultCount(), 5, 600000);
        QCOMPARE(g->queuedRequests(), 0);
        QCOMPARE(g->entries()[4].prompt, QString("right effusion"));

        // Another image and back: the list of this image comes back as it was.
        QSignalSpy shown(w.get(), &MainWindow::imageShown);
        w->showFile(data("png-chest/nih_cxr14_00000001_000.png"));
        QVERIFY(shown.wait(30000));
        QCOMPARE(g->resultCount(), 0);
        w->showFile(data("fixture-cases/nih01_landscape_up/input.png"));
        QVERIFY(shown.wait(30000));
        QCOMPARE(g->resultCount(), 5);
        QCOMPARE(g->entries()[0].name, QString("effusion (report line 3)"));
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

        screenshot(w.get(), "boxes-editing.png");

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

    void wholeReportIsSplitAndMarked() {
        GroundingPanel* g = w->groundingPanel();
        const int before = g->resultCount();
        g->promptEdit()->setPlainText("FINDINGS:\nThere is a small left pleural effusion with adjacent\natelectasis. No pneumothorax.\n"
                                      "IMPRESSION:\n1. Left effusion approx. 3.5 cm deep.");
        QCOMPARE(g->promptSentences(), QStringList({"There is a small left pleural effusion with adjacent atelectasis.",
                                                    "No pneumothorax.", "Left effusion approx. 3.5 cm deep."}));
        QCOMPARE(g->groundButton()->text(), QString("Ground 3 sentences"));
        QSignalSpy done(g, &GroundingPanel::groundingFinished);
        QTest::keyClick(g->promptEdit(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(done.wait(600000));
        QCOMPARE(g->resultCount(), before + 3);
        QCOMPARE(g->lastUnetCalls(), 60);  // one batch on the cached trajectory
        QVERIFY(!g->entries()[before].negated);
        QVERIFY(g->entries()[before + 1].negated);
        QCOMPARE(g->entries()[before + 1].negationCue, QString("no"));
        QVERIFY(g->resultList()->item(before + 1)->font().italic());
        QVERIFY(g->resultList()->item(before + 1)->toolTip().startsWith("Negated"));
        for (int i = before; i < before + 3; ++i) QVERIFY(!g->resultList()->item(i)->icon().isNull());
        g->promptEdit()->setPlainText("Small left pleural effusion");
        QCOMPARE(g->groundButton()->text(), QString("Ground"));
    }

    // A 100k-token paste: a clear message instead of thousands of groundings, the text kept; one
    // endless sentence is grounded on its first 77 tokens and shown shortened.
    void hugePasteIsHandled() {
        GroundingPanel* g = w->groundingPanel();
        const int before = g->resultCount();
        QString many;
        for (int i = 0; i < 33000; ++i) many += QStringLiteral("Small effusion %1. ").arg(i);
        g->promptEdit()->setPlainText(many);
        QTest::keyClick(g->promptEdit(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!g->busy());
        QCOMPARE(g->resultCount(), before);
        QVERIFY2(g->lastError().contains("33000") || g->lastError().contains("33,000"), qPrintable(g->lastError()));
        QCOMPARE(g->promptEdit()->toPlainText(), many);  // nothing of the user's text is lost

        QString endless;
        for (int i = 0; i < 100000; ++i) endless += QStringLiteral("effusion ");
        g->promptEdit()->setPlainText(endless);
        QSignalSpy done(g, &GroundingPanel::groundingFinished);
        QTest::keyClick(g->promptEdit(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(done.wait(600000));
        QCOMPARE(g->resultCount(), before + 1);
        const GroundedPrompt& e = g->entries()[before];
        QVERIFY(e.result->truncated);
        QCOMPARE(e.result->length, 77);
        QVERIFY2(e.name.size() < 200, qPrintable(QString::number(e.name.size())));
        QVERIFY(g->resultList()->item(before)->toolTip().size() < 2000);
        QVERIFY(g->resultList()->item(before)->toolTip().contains("77 tokens"));
        g->removeEntry(before);
        QCOMPARE(g->resultCount(), before);
        g->promptEdit()->setPlainText("Small left pleural effusion");
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
        QTRY_COMPARE_WITH_TIMEOUT(c->count(), 4, 600000);
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
        screenshot(w.get(), "compare-grid.png");
        w->setCompareMode(false);
        QVERIFY(!w->compareMode());
    }

    void exportBurnsInTheVisibleLayers() {
        w->setCompareMode(false);
        GroundingPanel* g = w->groundingPanel();
        g->resultList()->setCurrentRow(0);
        g->setMaskMode(MaskMode::Off);
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        if (w->boxesAction()->isChecked()) w->boxesAction()->trigger();  // boxes hidden: not exported
        const auto& r = g->result(0);
        QTemporaryDir tmp;
        QString message;
        const QString png = tmp.filePath("effusion.png");
        QVERIFY2(w->exportView(png, "png", true, false, false, &message), qPrintable(message));
        const QImage out = QImage(png).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(out.width(), 512);
        QVERIFY(out.height() > 431);  // the footer with caption, colour bar and research-use line
        const QImage shown = w->viewport()->rendered().convertToFormat(QImage::Format_RGB32);
        const int alpha = int(std::lround(g->opacity() * 255));
        int inHeat = 0, outside = 0;
        for (int y = 0; y < 431; y += 5)
            for (int x = 0; x < 512; x += 5) {
                if (y > 431 - 50 && x < 320) continue;  // the "demo model" stamp
                const float v = r.original[size_t(y) * 512 + x];
                const QRgb got = out.pixel(x, y), base = shown.pixel(x, y);
                if (!std::isnan(v) && v > 0) {
                    // The colour map's colour at the chosen opacity over the image.
                    const QRgb c = colourAt(g->colourMap(), std::clamp(std::lround(v * 255.0), 0L, 255L) / 255.0);
                    auto blend = [alpha](int fg, int bg) { return (fg * alpha + bg * (255 - alpha)) / 255.0; };
                    QVERIFY(std::abs(qRed(got) - blend(qRed(c), qRed(base))) <= 2);
                    QVERIFY(std::abs(qGreen(got) - blend(qGreen(c), qGreen(base))) <= 2);
                    QVERIFY(std::abs(qBlue(got) - blend(qBlue(c), qBlue(base))) <= 2);
                    ++inHeat;
                } else if (!std::isnan(v)) {
                    QCOMPARE(got, base);  // outside every layer: the rendered image itself
                    ++outside;
                }
            }
        QVERIFY(inHeat > 20 && outside > 20);

        // Rotated and mirrored in the viewer: the original-resolution export is turned the same way
        // (every analysed pixel lands where the viewer shows it; labels are drawn upright after).
        w->viewport()->rotateClockwise();
        w->viewport()->flipHorizontal();
        const ImageGeometry geom = w->viewport()->geometry();
        const QString turnedPng = tmp.filePath("turned.png");
        QVERIFY2(w->exportView(turnedPng, "png", true, false, false, &message), qPrintable(message));
        w->viewport()->flipHorizontal();
        w->viewport()->rotateCounterClockwise();
        const QImage turned = QImage(turnedPng).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(turned.width(), 431);
        QVERIFY(turned.height() > 512);
        int same = 0;
        for (int oy = 0; oy < 512; oy += 3)
            for (int ox = 0; ox < 431; ox += 3) {
                const PointF p = geom.orientedToImage({ox + 0.5, oy + 0.5});
                const int sx = int(p.x), sy = int(p.y);
                if ((sy > 431 - 50 && sx < 320) || (oy > 512 - 50 && ox < 320)) continue;  // the stamps
                if (std::isnan(r.original[size_t(sy) * 512 + sx])) continue;  // hatching follows the picture
                QCOMPARE(turned.pixel(ox, oy), out.pixel(sx, sy));
                ++same;
            }
        QVERIFY(same > 10000);
        QFile::remove(turnedPng);

        // Never overwritten without asking; a missing folder is named; nothing half-written.
        const QByteArray first = [&] { QFile f(png); f.open(QIODevice::ReadOnly); return f.readAll(); }();
        QVERIFY(!w->exportView(png, "png", true, false, false, &message));
        QVERIFY2(message.contains("exists"), qPrintable(message));
        QFile again(png);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), first);
        QVERIFY(!w->exportView(tmp.filePath("missing/x.png"), "png", true, false, false, &message));
        QVERIFY2(message.contains("missing"), qPrintable(message));
        QCOMPARE(QDir(tmp.path()).entryList(QDir::Files | QDir::Hidden), QStringList({"effusion.png"}));

        // JPEG at screen resolution.
        QVERIFY2(w->exportView(tmp.filePath("view.jpg"), "jpg", false, false, false, &message), qPrintable(message));
        QCOMPARE(QImage(tmp.filePath("view.jpg")).width(), w->viewport()->width() * int(w->viewport()->devicePixelRatioF()));

        // Every prompt of the image into a folder.
        QStringList written;
        QVERIFY2(w->exportAllPrompts(tmp.filePath(""), false, &message, &written), qPrintable(message));
        QCOMPARE(written.size(), g->resultCount());
        for (const QString& f : written) QVERIFY(!QImage(f).isNull());

        // DICOM Secondary Capture: readable by this viewer, in colour, same size as the picture.
        QVERIFY2(w->exportView(tmp.filePath("sc.dcm"), "dcm", true, true, false, &message), qPrintable(message));
        const LoadResult back = loadImage(tmp.filePath("sc.dcm"));
        QVERIFY2(back.ok(), qPrintable(back.error));
        QVERIFY(back.image->isColor());
        QCOMPARE(back.image->width, 512);
        QCOMPARE(back.image->height, out.height());
        w->boxesAction()->trigger();
        g->setMaskMode(MaskMode::Outline);
    }

    void groundsADicomAndExportsIntoItsStudy() {
        w->setCompareMode(false);
        GroundingPanel* g = w->groundingPanel();
        const QString dicom = data("dicom-chest/nih_google_DX_chest_implicitLE.dcm");
        QSignalSpy shown(w.get(), &MainWindow::imageShown);
        w->showFile(dicom);
        QVERIFY(shown.wait(30000));
        const auto img = w->viewport()->image();
        QSignalSpy done(g, &GroundingPanel::groundingFinished);
        grounding::Settings s30;
        s30.steps = 30;
        g->ground({"Small left pleural effusion"}, s30);
        QVERIFY(done.wait(600000));
        QCOMPARE(g->resultCount(), 1);
        const auto& r = g->result(0);
        QCOMPARE(r.originalWidth, img->width);
        QCOMPARE(r.originalHeight, img->height);
        QCOMPARE(w->viewport()->heatOverlay(),
                 heatmapImage(r.original, r.originalWidth, r.originalHeight, g->colourMap(), g->opacity(), g->lowerThreshold()));

        // Into the study: a Secondary Capture with the source's Study UID and new instance UIDs.
        QTemporaryDir tmp;
        QString message;
        QVERIFY2(w->exportView(tmp.filePath("sc.dcm"), "dcm", true, false, false, &message), qPrintable(message));
        auto tag = [](const QString& file, const QString& t) {
            QString err;
            for (const TagRow& row : dumpTags(file, &err))
                if (row.tag.compare(t, Qt::CaseInsensitive) == 0) return row.value;
            return QString();
        };
        QVERIFY(!tag(dicom, "(0020,000d)").isEmpty());
        QCOMPARE(tag(tmp.filePath("sc.dcm"), "(0020,000d)"), tag(dicom, "(0020,000d)"));
        QVERIFY(tag(tmp.filePath("sc.dcm"), "(0008,0018)") != tag(dicom, "(0008,0018)"));
        QVERIFY2(tag(tmp.filePath("sc.dcm"), "(0008,103e)").startsWith("CXR Ground heat map: Small left"), qPrintable(tag(tmp.filePath("sc.dcm"), "(0008,103e)")));
        QCOMPARE(tag(tmp.filePath("sc.dcm"), "(0010,0010)"), tag(dicom, "(0010,0010)"));

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

    void cancelStopsTheRun() {
        GroundingPanel* g = w->groundingPanel();
        QSignalSpy shown(w.get(), &MainWindow::imageShown);
        w->showFile(data("png-chest/nih_cxr14_00027426_000.png"));  // new image: full inversion
        QVERIFY(shown.wait(30000));
        QSignalSpy failed(g, &GroundingPanel::groundingFailed);
        g->ground({"effusion"});
        QVERIFY(g->busy());
        QTest::qWait(300);
        g->cancel();
        QVERIFY(failed.wait(60000));
        QVERIFY(!g->busy());
        QCOMPARE(g->resultCount(), 0);
    }

    void settingsModelPageExplainsTheFolder() {
        SettingsDialog d(w.get());
        d.showModelPage();
        QCOMPARE(d.tabs()->currentIndex(), 1);
        QSignalSpy checked(&d, &SettingsDialog::modelChecked);
        QTemporaryDir empty;
        d.modelFolderEdit()->setText(empty.path());
        QTRY_VERIFY_WITH_TIMEOUT(!d.checking(), 30000);
        QVERIFY(!d.modelFolderUsable());
        QVERIFY2(d.modelReport().contains("cannot be used") && d.modelReport().contains("configs/inference.json") &&
                     d.modelReport().contains("missing"),
                 qPrintable(d.modelReport()));
        d.modelFolderEdit()->setText(data("model-small"));
        QTRY_VERIFY_WITH_TIMEOUT(!d.checking(), 30000);
        QVERIFY2(d.modelFolderUsable(), qPrintable(d.modelReport()));
        QVERIFY(d.modelReport().startsWith("Usable"));
        d.show();
        screenshot(&d, "settings-model.png");
        d.hide();
        // A wrong tensor shape is named.
        QTemporaryDir broken;
        QVERIFY(QDir().mkpath(broken.filePath("configs")));
        QVERIFY(QFile::copy(data("model-small/configs/inference.json"), broken.filePath("configs/inference.json")));
        d.modelFolderEdit()->setText(broken.path());
        QTRY_VERIFY_WITH_TIMEOUT(!d.checking(), 30000);
        QVERIFY(!d.modelFolderUsable());
        QVERIFY2(d.modelReport().contains("models/diffusion_model.pth"), qPrintable(d.modelReport()));
        // CPU is always offered; the reduced precisions need CUDA.
        QCOMPARE(d.device(), QString("cpu"));
        QCOMPARE(d.precision(), QString("fp32"));
        QCOMPARE(d.threads(), 0);
    }

    void downloadDialogRefusesAFullFolder() {
        // The downloader itself is tested against a local HTTP server (test_download); here the
        // dialog shows its message and never touches an existing model folder.
        QTemporaryDir tmp;
        QFile marker(tmp.filePath("keep.txt"));
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.write("user data");
        marker.close();
        DownloadDialog d(w.get());
        download::Sources local;
        local.bundleBaseUrl = local.textBaseUrl = "http://127.0.0.1:9/none";
        d.setSources(local);
        d.setTarget(tmp.path());
        d.start();
        QTRY_VERIFY_WITH_TIMEOUT(!d.running(), 30000);
        QVERIFY(!d.succeeded());
        QVERIFY2(d.message().contains(QDir::cleanPath(tmp.path())), qPrintable(d.message()));
        d.show();
        screenshot(&d, "download.png");
        d.hide();
        QVERIFY(QFile::exists(tmp.filePath("keep.txt")));
        QVERIFY(!QFile::exists(download::stagingFolder(tmp.path())));
    }

    void cleanupTestCase() {
        w.reset();
        QSettings().clear();
    }
};

QTEST_MAIN(TestGroundingUi)
#include "test_grounding_ui.moc"
