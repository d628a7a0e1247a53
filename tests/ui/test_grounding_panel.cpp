// The grounding panel in the real main window (offscreen) with the small test model: the overlay
// equals the engine's output, a second prompt reuses the trajectory, the prompt list, reports,
// huge pastes, cancel, a bad model folder. The method runs at 30 steps (18 UNet calls, 6 of them
// in the attention window; the paper's 300 steps make 180 and 60): what is tested here is the
// panel, the engine's parity has its own tests. The test functions share one window and its
// groundings.
#include "ui_test_support.h"

#include "viewport.h"

#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QTemporaryDir>

#include <cmath>

using namespace cxr;
using namespace cxr::ui;
using namespace uitest;

class TestGroundingPanel : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w;

private Q_SLOTS:
    void initTestCase() {
        initApplication("test_grounding_panel");
        w = makeWindow(QSize(1300, 900));
        QVERIFY(w);
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
        grounding::Settings s30;
        s30.steps = 30;
        g->setMethodSettings(s30);

        // An empty prompt is refused with a message, nothing runs.
        g->promptEdit()->setPlainText("   ");
        QTest::keyClick(g->promptEdit(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!g->busy());
        QVERIFY(!g->lastError().isEmpty());

        g->promptEdit()->setPlainText("Small left pleural effusion");
        QSignalSpy done(g, &GroundingPanel::groundingFinished);
        QTest::keyClick(g->promptEdit(), Qt::Key_Return, Qt::ControlModifier);  // Ctrl+Enter grounds
        QVERIFY(g->busy());
        QVERIFY(done.wait(kGroundingWaitMs));
        QCOMPARE(g->resultCount(), 1);
        QCOMPARE(g->lastUnetCalls(), 18);  // calls 0..17: the window 12..17 is the last
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

        // A second prompt on the same image reuses the trajectory: only the 6 window calls.
        g->ground({"cardiomegaly"});
        QVERIFY(done.wait(kGroundingWaitMs));
        QCOMPARE(g->lastUnetCalls(), 6);
        QCOMPARE(g->resultList()->count(), 2);
        // The ticks mean what they show: the heat map is the selected prompt's, every ticked prompt
        // is outlined in its own colour with a legend under the image. Unticking the selected
        // prompt hides its outline, never the map of the prompt that stays selected.
        QCOMPARE(g->resultList()->currentRow(), 1);
        const QImage selectedHeat = w->viewport()->heatOverlay();
        QCOMPARE(w->viewport()->outlines().size(), 2);
        QCOMPARE(w->viewport()->outlines()[0].colour, g->maskColour());  // the selected one first
        QCOMPARE(w->viewport()->outlines()[1].name, g->entries()[0].name);
        QVERIFY(w->viewport()->outlines()[1].colour != g->maskColour());
        g->resultList()->item(1)->setCheckState(Qt::Unchecked);
        QCOMPARE(w->viewport()->heatOverlay(), selectedHeat);
        QCOMPARE(w->viewport()->outlines().size(), 1);
        QCOMPARE(w->viewport()->outlines()[0].name, g->entries()[0].name);
        g->resultList()->item(0)->setCheckState(Qt::Unchecked);
        QVERIFY(w->viewport()->outlines().isEmpty());
        QCOMPARE(w->viewport()->heatOverlay(), selectedHeat);
        g->resultList()->item(0)->setCheckState(Qt::Checked);
        g->resultList()->item(1)->setCheckState(Qt::Checked);
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
        QVERIFY(w->viewport()->outlines().isEmpty());
        QTest::keyClick(w->viewport(), Qt::Key_M);
        QCOMPARE(g->maskMode(), MaskMode::Outline);
        // The outline is a vector path along the mask's edge (continuous at any zoom), not pixels.
        QVERIFY(w->viewport()->outlineOverlay().isNull());
        QVERIFY(!w->viewport()->outlines().isEmpty());
        const auto contours = annotate::maskContours(r.original, 512, 431);
        QCOMPARE(w->viewport()->outlines()[0].contours.size(), contours.size());
        for (const QPolygonF& c : contours)
            for (const QPointF& pt : c) {
                const float v = r.original[size_t(pt.y()) * 512 + size_t(pt.x())];
                QVERIFY(!std::isnan(v) && v > 0);  // on a mask pixel
            }
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

        // Re-run with other settings: a new entry that says so, a new trajectory (20 steps: calls 0..11).
        grounding::Settings s20;
        s20.steps = 20;
        g->rerunEntry(0, s20);
        QVERIFY(done.wait(kGroundingWaitMs));
        QCOMPARE(g->resultCount(), 3);
        QCOMPARE(g->lastUnetCalls(), 12);
        QCOMPARE(g->entries()[2].settings.steps, 20);
        QVERIFY2(g->entries()[2].name.contains("20 steps"), qPrintable(g->entries()[2].name));
        QVERIFY(g->entries()[2].result->heatmap != g->entries()[0].result->heatmap);

        {
            MethodDialog m(s20, 16, w.get());
            m.show();
            QVERIFY(screenshot(&m, "method-settings.png"));
        }
        QVERIFY(screenshot(w.get(), "prompt-list.png"));
        // Requests queue: the second waits for the first, both land.
        g->ground({"left effusion"}, s20);
        g->ground({"right effusion"}, s20);
        QCOMPARE(g->queuedRequests(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(g->resultCount(), 5, kGroundingWaitMs);
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
        QVERIFY(done.wait(kGroundingWaitMs));
        QCOMPARE(g->resultCount(), before + 3);
        QCOMPARE(g->lastUnetCalls(), 6);  // one batch on the cached trajectory
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
        QVERIFY(done.wait(kGroundingWaitMs));
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

    // German reports: negations are marked, and the user is told once that the model reads English.
    void germanSentenceWarnsOnce() {
        GroundingPanel* g = w->groundingPanel();
        QVERIFY(g->languageWarning().isEmpty());
        QVERIFY(groundAndWait(g, {"Kein Pleuraerguss links."}));
        const GroundedPrompt& e = g->entries().last();
        QVERIFY(e.negated);
        QCOMPARE(e.negationCue, QString("kein"));
        const QString warning = g->languageWarning();
        QVERIFY2(warning.contains("English") && warning.contains("Kein Pleuraerguss"), qPrintable(warning));
        QVERIFY(groundAndWait(g, {"Kleiner Erguss rechts."}));
        QCOMPARE(g->languageWarning(), warning);  // once: not repeated for the next sentence
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
        // Feedback: "Cancelled." and no bar frozen at its last value; nothing follows to other images.
        QCOMPARE(g->statusText(), QString("Cancelled."));
        QCOMPARE(g->progressBar()->value(), g->progressBar()->minimum() - 1);  // reset: empty
        QVERIFY(!g->progressBar()->text().contains('%'));
        w->showFile(data("fixture-cases/nih01_landscape_up/input.png"));
        QVERIFY(shown.wait(30000));
        // That image shows its own last word (it was grounded before), never the cancelled run's.
        QVERIFY2(!g->statusText().contains("Cancelled"), qPrintable(g->statusText()));
        QCOMPARE(g->progressBar()->value(), g->progressBar()->minimum() - 1);
    }

    // The bundled demo model is the third choice; a folder that fails is summed up in one line
    // with "Details…" holding each problem once, and it never replaces the remembered working one.
    void demoModelAndABadFolder() {
        GroundingPanel* g = w->groundingPanel();
        QVERIFY(!demoModelFolder().isEmpty());
        QTemporaryDir bad;
        QSignalSpy state(g, &GroundingPanel::modelStateChanged);
        g->setModelFolder(bad.path());
        QTRY_VERIFY_WITH_TIMEOUT(!g->modelReady() && !g->lastError().isEmpty() && g->detailsButton()->isVisibleTo(g), 30000);
        QVERIFY(g->demoButton()->isVisibleTo(g));
        const QString line = g->modelText();
        QVERIFY2(line.count('\n') == 0 && line.size() < 260 && line.contains("cannot be used"), qPrintable(line));
        const QStringList details = g->modelDetails().split('\n', Qt::SkipEmptyParts);
        QVERIFY2(details.size() >= 2, qPrintable(g->modelDetails()));
        QCOMPARE(details.size(), QSet<QString>(details.begin(), details.end()).size());  // each problem once
        QCOMPARE(g->modelDetails().count("cannot be used"), 0);  // no repeated header
        QVERIFY(g->modelDetails().contains("configs/inference.json"));
        // Still remembered: the last folder that loaded.
        QCOMPARE(QSettings().value("grounding/modelDir").toString(), QFileInfo(data("model-small")).absoluteFilePath());
        // The demo button loads the bundled model, stamped as random weights.
        QTest::mouseClick(g->demoButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(g->modelReady(), 60000);
        QVERIFY(g->demoModel());
        QVERIFY(!g->demoButton()->isVisibleTo(g));
        QCOMPARE(QSettings().value("grounding/modelDir").toString(), demoModelFolder());
    }

    void cleanupTestCase() {
        w.reset();
        QSettings().clear();
    }
};

QTEST_MAIN(TestGroundingPanel)
#include "test_grounding_panel.moc"
