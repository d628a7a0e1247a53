// The viewer under engine failures and odd request sequences (issue: "no error ends the
// program"): a failure inside the UNet loop (injected through the engine's test hook) becomes a
// message while the image, the other results and the queue stay; earlier windows after later
// ones, other layers and per-word maps of mixed-resolution layers are exact and never crash.
#include "ui_test_support.h"

#include <QListWidget>
#include <QPlainTextEdit>

#include <cmath>
#include <cstring>

using namespace cxr;
using namespace cxr::ui;
using namespace uitest;

namespace {

grounding::Settings at30(int a = -1, int b = -1, std::vector<int> layers = {3, 4, 6, 7}) {
    grounding::Settings s;
    s.steps = 30;  // default window 12:18; what is checked does not depend on the step count
    s.windowStart = a;
    s.windowEnd = b;
    s.layers = std::move(layers);
    return s;
}

}  // namespace

class TestGroundingFailures : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w;

private Q_SLOTS:
    void initTestCase() {
        initApplication("test_grounding_failures");
        // The engine's UNet calls 19 and 20 fail as an out-of-memory error would (the hook is read
        // when the model loads).
        qputenv("CXRG_TEST_FAIL_UNET_CALL", "19-20");
        w = makeWindow(QSize(1300, 900));
        QVERIFY(w);
        QVERIFY(loadTestModel(*w));
        qunsetenv("CXRG_TEST_FAIL_UNET_CALL");
        QVERIFY(waitShown(*w, data("fixture-cases/nih01_landscape_up/input.png")));
    }

    void failureKeepsImageResultsAndQueue() {
        GroundingPanel* g = w->groundingPanel();
        g->setMethodSettings(at30());
        QVERIFY(groundAndWait(g, {"Small left pleural effusion"}));  // calls 1..18
        QCOMPARE(g->lastUnetCalls(), 18);
        QCOMPARE(g->resultList()->count(), 1);
        const std::vector<float> first = g->result(0).original;

        // The next request fails at its first call (19); the one queued behind it runs (the
        // failure at call 20 hits it first, so a third one runs after that).
        QSignalSpy failed(g, &GroundingPanel::groundingFailed);
        QSignalSpy done(g, &GroundingPanel::groundingFinished);
        g->ground({"cardiomegaly"});
        g->ground({"right lower lobe opacity"});
        g->ground({"no pneumothorax"});
        for (int i = 0; i < 6000 && done.isEmpty(); ++i) done.wait(100);
        QCOMPARE(failed.count(), 2);
        QVERIFY2(failed.at(0).at(0).toString().contains("out of memory"), qPrintable(failed.at(0).at(0).toString()));
        QVERIFY(!failed.at(0).at(0).toString().contains("frame #"));
        QCOMPARE(done.count(), 1);
        QVERIFY(!g->busy());
        // The image is still shown and grounded results are kept.
        QVERIFY(w->viewport()->hasImage());
        QCOMPARE(g->resultList()->count(), 2);
        QVERIFY(std::memcmp(g->result(0).original.data(), first.data(), first.size() * sizeof(float)) == 0);
        QCOMPARE(g->result(1).prompt, std::string("no pneumothorax"));
        QCOMPARE(g->lastUnetCalls(), 6);  // on the kept trajectory
        // The failed sentences can be grounded again.
        QVERIFY(groundAndWait(g, {"cardiomegaly"}));
        QCOMPARE(g->resultList()->count(), 3);
    }

    // A later request with an earlier window used to read a dropped trajectory state.
    void earlierWindowsAfterLaterOnes() {
        GroundingPanel* g = w->groundingPanel();
        for (const auto& [a, b] : std::vector<std::pair<int, int>>{{12, 18}, {6, 12}, {0, 6}, {20, 26}}) {
            const grounding::Settings s = at30(a, b);
            QSignalSpy done(g, &GroundingPanel::groundingFinished);
            g->ground({"left basal atelectasis"}, s);
            for (int i = 0; i < 6000 && done.isEmpty(); ++i) done.wait(100);
            QVERIFY2(!done.isEmpty(), qPrintable(g->lastError()));
            QCOMPARE(g->displayedResult()->prompt, std::string("left basal atelectasis"));
            QVERIFY(w->viewport()->hasImage());
        }
    }

    // Per-word maps after a re-run with layers of both resolutions (0 is 32x32, 3 is 16x16).
    void perWordMapsOfMixedLayers() {
        GroundingPanel* g = w->groundingPanel();
        QSignalSpy done(g, &GroundingPanel::groundingFinished);
        g->ground({"small left pleural effusion"}, at30(-1, -1, {0, 3}));
        for (int i = 0; i < 6000 && done.isEmpty(); ++i) done.wait(100);
        QVERIFY2(!done.isEmpty(), qPrintable(g->lastError()));
        const grounding::PromptResult* r = g->displayedResult();
        QVERIFY(r);
        QCOMPARE(r->tokenMapSides.front(), 32);
        QCOMPARE(r->tokenMapSides.back(), 16);
        QListWidget* chips = g->wordChips();
        QVERIFY(chips->count() >= 3);
        QTest::mouseClick(chips->viewport(), Qt::LeftButton, {}, chips->visualItemRect(chips->item(2)).center());
        QCOMPARE(g->activeWord(), 2);
        grounding::PromptResult expected;
        std::string err;
        QVERIFY2(grounding::Engine::restrictTokens(*r, r->words[2].firstToken, r->words[2].lastToken, at30(-1, -1, {0, 3}),
                                                   &expected, &err),
                 err.c_str());
        QCOMPARE(g->displayedResult()->heatmap, expected.heatmap);
    }
};

QTEST_MAIN(TestGroundingFailures)
#include "test_grounding_failures.moc"
