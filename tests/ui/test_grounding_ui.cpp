// Grounding from the real main window (offscreen) with the small test model: the overlay equals
// the engine's output, a second prompt reuses the trajectory, cancel, bad model folder.
#include "grounding.h"
#include "mainwindow.h"
#include "viewport.h"

#include <QApplication>
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
        QCOMPARE(int(g->results().size()), 1);
        QCOMPARE(g->lastUnetCalls(), 180);
        QCOMPARE(g->resultList()->count(), 1);

        // The overlay is the engine's map at original size, placed pixel for pixel.
        const auto& r = g->results()[0];
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
        QCOMPARE(g->displayedResult(), &g->results()[0]);
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
        QVERIFY(g->results().empty());
    }

    void cleanupTestCase() {
        w.reset();
        QSettings().clear();
    }
};

QTEST_MAIN(TestGroundingUi)
#include "test_grounding_ui.moc"
