// Preparing images before the sentence, in the real main window (offscreen) with the small test
// model at 30 steps (window 12:18: 18 states, 17 unconditional calls): the background preparation
// yields to a sentence within one UNet call and the sentence's map is exactly a cold one; the
// preparation resumes afterwards and completes; switching images keeps partial work; Cancel says
// "Cancelled" and keeps the states; the next images of a study are prepared up to the limit;
// Settings shows the disk cache's size and Clear empties it. The engine's own counts (the states it
// holds, the calls each job makes) are what is checked: no call is ever made twice.
#include "ui_test_support.h"

#include "dialogs.h"
#include "imaging/loader.h"
#include "preparation_settings.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>

#include <cmath>

using namespace cxr;
using namespace cxr::ui;
using namespace uitest;
using Status = BackgroundPreparation::Status;

namespace {
grounding::Settings at30() {
    grounding::Settings s;
    s.steps = 30;  // window 12:18; the preparation needs x_0 .. x_17
    return s;
}
constexpr int kNeeded = 18;

// The engine's cold result for the image file (a fresh engine, no cache of any kind).
bool coldGround(const QString& path, const std::string& prompt, const grounding::Settings& s, grounding::PromptResult* out) {
    const LoadResult r = loadImage(path, 0);
    if (!r.ok()) return false;
    grounding::GreyImage img;
    const QByteArray grey = groundingPixels(*r.image, &img.width, &img.height);
    img.pixels.assign(grey.begin(), grey.end());
    std::string err;
    auto engine = grounding::Engine::load(data("model-small").toStdString(), grounding::RunSettings(), &err);
    if (!engine) return false;
    std::vector<grounding::PromptResult> results;
    if (!engine->ground(img, {prompt}, s, &results, &err) || results.size() != 1) return false;
    *out = results.front();
    return true;
}

double maxDifference(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size()) return INFINITY;
    double m = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::isnan(a[i]) != std::isnan(b[i])) return INFINITY;
        if (!std::isnan(a[i])) m = std::max(m, double(std::fabs(a[i] - b[i])));
    }
    return m;
}
}  // namespace

class TestPreparation : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w;
    GroundingPanel* g = nullptr;
    BackgroundPreparation* prep = nullptr;
    const QString imageA = data("fixture-cases/nih01_landscape_up/input.png");
    const QString imageB = data("png-chest/nih_cxr14_00000001_000.png");
    const QString imageC = data("png-chest/nih_cxr14_00027426_000.png");
    const QString imageD = data("fixture-cases/nihdx_landscape_down/input.png");
    QString key(const QString& path) const { return groundingKey(path, 0); }

private Q_SLOTS:
    void initTestCase() {
        initApplication("test_preparation");
        QSettings().setValue("preparation/background", true);  // the product's default (the shared set-up turns it off)
        w = makeWindow(QSize(1300, 900));
        QVERIFY(w);
        g = w->groundingPanel();
        prep = g->preparation();
        g->setMethodSettings(at30());
        QVERIFY(loadTestModel(*w));
    }

    // A sentence goes first: the preparation stops within one UNet call, the sentence continues
    // from the states prepared so far, its map equals a cold ground, and the preparation then
    // resumes from where the sentence left the trajectory and completes.
    void sentenceGoesFirstAndIsExact() {
        QVERIFY(waitShown(*w, imageA));
        QTRY_VERIFY_WITH_TIMEOUT(prep->runningKey() == key(imageA) && prep->state(key(imageA)).states >= 3, kGroundingWaitMs);
        QVERIFY2(g->preparationText().startsWith("Preparing this image: "), qPrintable(g->preparationText()));
        QCOMPARE(g->progressBar()->maximum(), kNeeded);
        QVERIFY(g->progressBar()->value() >= 3);
        QVERIFY(g->cancelButton()->isEnabled());

        // An earlier window (calls 6-8) than the preparation's, so that the preparation has work
        // left afterwards.
        grounding::Settings early = at30();
        early.windowStart = 6;
        early.windowEnd = 9;
        QSignalSpy done(g, &GroundingPanel::groundingFinished);
        g->ground({"Small left pleural effusion"}, early);
        QVERIFY(g->busy());
        QVERIFY2(g->preparationText().contains("your sentence goes first"), qPrintable(g->preparationText()));
        for (int i = 0; i < kGroundingWaitMs / 100 && done.isEmpty(); ++i) done.wait(100);
        QCOMPARE(done.count(), 1);
        // Within one UNet call: the call in flight at most.
        QVERIFY2(prep->lastYieldCalls() == 0 || prep->lastYieldCalls() == 1, qPrintable(QString::number(prep->lastYieldCalls())));
        QVERIFY(prep->lastYieldMs() >= 0);
        const int prepared = prep->preparedCalls();
        QVERIFY2(prepared >= 2 && prepared < kNeeded - 1, qPrintable(QString::number(prepared)));  // stopped part-way
        // The sentence continued from the prepared states: x_0 .. x_5 from the preparation as far as
        // it got, then the window's 3 passes.
        QCOMPARE(g->lastUnetCalls(), 3 + std::max(0, 6 - prepared));
        // Exact: the map equals a cold ground of a fresh engine.
        grounding::PromptResult cold;
        QVERIFY(coldGround(imageA, "Small left pleural effusion", early, &cold));
        QCOMPARE(g->resultCount(), 1);
        const grounding::PromptResult& r = g->result(0);
        QVERIFY2(maxDifference(r.heatmapMean, cold.heatmapMean) <= 1e-5, qPrintable(QString::number(maxDifference(r.heatmapMean, cold.heatmapMean))));
        QVERIFY2(maxDifference(r.heatmapSmooth, cold.heatmapSmooth) <= 1e-5, qPrintable(QString::number(maxDifference(r.heatmapSmooth, cold.heatmapSmooth))));
        QVERIFY(std::fabs(r.threshold - cold.threshold) <= 1e-5);
        QCOMPARE(r.heatmap.size(), cold.heatmap.size());
        size_t maskDiffers = 0;  // the Otsu mask: a value within 1e-5 of the threshold may fall either side
        for (size_t i = 0; i < r.heatmap.size(); ++i) maskDiffers += (r.heatmap[i] > 0) != (cold.heatmap[i] > 0);
        QVERIFY2(maskDiffers * 1000 <= r.heatmap.size(), qPrintable(QString::number(maskDiffers)));  // >= 99.9 % agree

        // The preparation resumes where the sentence left the trajectory (x_8) and completes.
        QTRY_VERIFY_WITH_TIMEOUT(prep->state(key(imageA)).status == Status::Ready, kGroundingWaitMs);
        QCOMPARE(prep->preparedCalls() - prepared, (kNeeded - 1) - std::max(prepared, 8));
        QCOMPARE(prep->state(key(imageA)).states, kNeeded);
        QVERIFY2(g->preparationText().startsWith("Ready: a sentence takes"), qPrintable(g->preparationText()));
        QCOMPARE(g->progressBar()->value(), kNeeded);
        QVERIFY(!g->cancelButton()->isEnabled());
        // Now a sentence costs only the window's passes.
        QVERIFY(groundAndWait(g, {"cardiomegaly"}));
        QCOMPARE(g->lastUnetCalls(), 6);
        screenshot(w.get(), "preparation-ready.png");
    }

    // Switching images keeps partial work: the image left behind keeps its states (the engine's
    // count), the bar and the line are the shown image's own, and coming back continues.
    void switchingImagesKeepsPartialWork() {
        QVERIFY(waitShown(*w, imageB));
        QTRY_VERIFY_WITH_TIMEOUT(prep->runningKey() == key(imageB) && prep->state(key(imageB)).states >= 3, kGroundingWaitMs);
        QVERIFY(waitShown(*w, imageC));
        QTRY_VERIFY_WITH_TIMEOUT(prep->runningKey() == key(imageC), kGroundingWaitMs);
        const BackgroundPreparation::State b = prep->state(key(imageB));
        QCOMPARE(b.status, Status::Waiting);
        QVERIFY2(b.states >= 3 && b.states < kNeeded, qPrintable(QString::number(b.states)));
        QVERIFY(g->statusText().isEmpty());  // nothing of B's follows to C
        QTRY_VERIFY_WITH_TIMEOUT(prep->state(key(imageC)).status == Status::Ready, kGroundingWaitMs);
        QCOMPARE(g->progressBar()->value(), kNeeded);
        QCOMPARE(prep->state(key(imageB)).states, b.states);  // untouched while C was prepared

        const int before = prep->preparedCalls();
        QVERIFY(waitShown(*w, imageB));
        QCOMPARE(prep->state(key(imageB)).states, b.states);
        QCOMPARE(g->progressBar()->value(), b.states);  // B's own progress again
        QTRY_VERIFY_WITH_TIMEOUT(prep->state(key(imageB)).status == Status::Ready, kGroundingWaitMs);
        // Continued from the kept states: exactly the calls that were missing.
        QCOMPARE(prep->preparedCalls() - before, kNeeded - b.states);
    }

    // Cancel: "Cancelled", the states stay (the engine's count), the bar shows them rather than
    // a frozen value, nothing more runs; per image; coming back continues from them.
    void cancelSaysCancelledAndKeepsTheStates() {
        QVERIFY(waitShown(*w, imageD));
        QSignalSpy failed(g, &GroundingPanel::groundingFailed);
        g->ground({"effusion"});
        QVERIFY(g->busy());
        QTRY_VERIFY_WITH_TIMEOUT(g->progressBar()->value() >= 3 && g->statusText().startsWith("inverting the image"), kGroundingWaitMs);
        QTest::mouseClick(g->cancelButton(), Qt::LeftButton);
        QVERIFY(failed.wait(kGroundingWaitMs));
        QVERIFY(!g->busy());
        QCOMPARE(g->statusText(), QString("Cancelled."));
        // The engine's count of the states it kept arrives after the request's end.
        QTRY_VERIFY_WITH_TIMEOUT(prep->state(key(imageD)).status == Status::Stopped && prep->state(key(imageD)).states >= 4, 30000);
        const int kept = prep->state(key(imageD)).states;
        QVERIFY2(kept >= 4 && kept < kNeeded, qPrintable(QString::number(kept)));
        QVERIFY2(g->preparationText().startsWith("Cancelled: ") && g->preparationText().contains("kept"),
                 qPrintable(g->preparationText()));
        QCOMPARE(g->progressBar()->maximum(), kNeeded);
        QCOMPARE(g->progressBar()->value(), kept);
        QTest::qWait(1000);
        QVERIFY(!prep->running());  // nothing more runs after a Cancel
        QVERIFY(!g->cancelButton()->isEnabled());
        screenshot(w.get(), "preparation-cancelled.png");

        // Per image: A shows its own state.
        QVERIFY(waitShown(*w, imageA));
        QVERIFY(g->statusText() != QString("Cancelled."));
        QCOMPARE(g->progressBar()->value(), kNeeded);
        QVERIFY(g->preparationText().startsWith("Ready"));

        // Back on D: its own last word, and the preparation continues from the kept states.
        const int before = prep->preparedCalls();
        QVERIFY(waitShown(*w, imageD));
        QCOMPARE(g->statusText(), QString("Cancelled."));
        QTRY_VERIFY_WITH_TIMEOUT(prep->state(key(imageD)).status == Status::Ready, kGroundingWaitMs);
        QCOMPARE(prep->preparedCalls() - before, kNeeded - kept);
        QVERIFY(groundAndWait(g, {"effusion"}));
        QCOMPARE(g->lastUnetCalls(), 6);
    }

    // Cancel pressed while another image is shown: that image says "Cancelled." at once, the
    // request's own image says it once the request stopped; no "Cancelling…" is left behind.
    void cancelWhileAnotherImageIsShown() {
        QVERIFY(waitShown(*w, imageC));
        grounding::Settings at40;
        at40.steps = 40;  // another trajectory: 24 calls, time to switch images
        QSignalSpy failed(g, &GroundingPanel::groundingFailed);
        g->ground({"effusion"}, at40);
        QTRY_VERIFY_WITH_TIMEOUT(g->progressBar()->value() >= 1 && g->statusText().startsWith("inverting the image"), kGroundingWaitMs);
        QVERIFY(waitShown(*w, imageB));
        QVERIFY(g->busy());
        QVERIFY(g->statusText().isEmpty() || g->statusText().startsWith("Done"));  // B's own word, not C's progress
        QTest::mouseClick(g->cancelButton(), Qt::LeftButton);
        QCOMPARE(g->statusText(), QString("Cancelled."));
        QVERIFY(failed.wait(kGroundingWaitMs));
        QCOMPARE(g->statusText(), QString("Cancelled."));
        QVERIFY(waitShown(*w, imageC));
        QCOMPARE(g->statusText(), QString("Cancelled."));
    }

    // Settings > Preparation: the next images of the open study are prepared too, up to the limit.
    void nextImagesOfTheStudy() {
        QTemporaryDir study;
        // Three new images (the engine knows images by content): B's pixels, shifted.
        const QImage base(imageB);
        QVERIFY(!base.isNull());
        QStringList files;
        for (int i = 0; i < 3; ++i) {
            QImage im = base.convertToFormat(QImage::Format_Grayscale8);
            QPainter p(&im);
            p.fillRect(10 + 40 * i, 10, 30, 30, Qt::white);
            p.end();
            files << study.filePath(QStringLiteral("img%1.png").arg(i));
            QVERIFY(im.save(files.last()));
        }
        QSettings().setValue("preparation/nextImages", 1);
        g->applyPreparationSettings();
        QSignalSpy scanned(w.get(), &MainWindow::scanFinished);
        QSignalSpy shown(w.get(), &MainWindow::imageShown);
        w->openFolder(study.path());
        QVERIFY(scanned.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(w->currentFile() == files[0], 30000);
        QTRY_VERIFY_WITH_TIMEOUT(prep->followingCount() == 1, 30000);
        // The shown image, then the next one, without showing it; not the third (limit 1).
        QTRY_VERIFY_WITH_TIMEOUT(prep->state(key(files[0])).status == Status::Ready &&
                                     prep->state(key(files[1])).status == Status::Ready,
                                 kGroundingWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!prep->running(), 30000);
        QCOMPARE(prep->state(key(files[2])).status, Status::Unknown);
        QVERIFY2(g->preparationText().contains("Next images of the study: 1 of 1 prepared."), qPrintable(g->preparationText()));
        // The next image is ready the moment it is shown: a sentence costs the window's passes only.
        QVERIFY(waitShown(*w, files[1]));
        QVERIFY2(g->preparationText().startsWith("Ready"), qPrintable(g->preparationText()));
        QCOMPARE(g->progressBar()->value(), kNeeded);
        QVERIFY(groundAndWait(g, {"effusion"}));
        QCOMPARE(g->lastUnetCalls(), 6);
        // Now the third is the next one.
        QTRY_VERIFY_WITH_TIMEOUT(prep->state(key(files[2])).status == Status::Ready, kGroundingWaitMs);
        QSettings().setValue("preparation/nextImages", 0);
        g->applyPreparationSettings();
        QCOMPARE(prep->followingCount(), 0);
    }

    // Settings > Preparation shows the disk cache (in the test's own folder, never the user's):
    // its size is the folder's, and Clear empties it.
    void settingsShowTheCacheAndClearEmptiesIt() {
        const QString expected = qEnvironmentVariable("XDG_CACHE_HOME") + "/cxr-ground/trajectories";
        QVERIFY(!expected.startsWith(QDir::homePath() + "/.cache"));
        SettingsDialog d(w.get());
        d.showPreparationPage();
        PreparationSettingsPage* page = d.preparationPage();
        QCOMPARE(d.tabs()->currentWidget(), page);
        QCOMPARE(page->cacheDir(), expected);
        QVERIFY(page->background()->isChecked());
        QVERIFY(page->diskCache()->isChecked());
        QCOMPARE(page->cacheLimit()->value(), 2048);
        QTRY_VERIFY_WITH_TIMEOUT(!page->busy(), 30000);
        // Every image prepared above was written to the cache: A, B, C, D and the study's three.
        const QFileInfoList entries = QDir(expected).entryInfoList({"*.traj"}, QDir::Files);
        QVERIFY2(entries.size() >= 7, qPrintable(QString::number(entries.size())));
        qulonglong bytes = 0;
        for (const QFileInfo& f : entries) bytes += qulonglong(f.size());
        QCOMPARE(page->cacheEntries(), int(entries.size()));
        QCOMPARE(page->cacheBytes(), bytes);
        QVERIFY2(page->sizeText().contains(QString::number(bytes / 1e6, 'f', 1) + " MB in " + QString::number(entries.size()) + " image(s)"),
                 qPrintable(page->sizeText()));
        QVERIFY(page->clearButton()->isEnabled());
        screenshot(&d, "settings-preparation.png");

        QSignalSpy updated(page, &PreparationSettingsPage::sizeUpdated);
        QTest::mouseClick(page->clearButton(), Qt::LeftButton);
        QVERIFY(updated.wait(30000));
        QCOMPARE(page->cacheEntries(), 0);
        QCOMPARE(page->cacheBytes(), 0ull);
        QVERIFY(QDir(expected).entryList({"*.traj"}, QDir::Files).isEmpty());
        QVERIFY2(page->sizeText().startsWith("0.0 MB in 0 image(s)"), qPrintable(page->sizeText()));
        QVERIFY(!page->clearButton()->isEnabled());

        // Another folder and a bound, written on OK and used by the viewer from then on.
        QTemporaryDir other;
        page->cacheDirEdit()->setText(other.path());
        page->cacheLimit()->setValue(512);
        page->nextImages()->setValue(3);
        QTRY_VERIFY_WITH_TIMEOUT(!page->busy(), 30000);
        QCOMPARE(page->cacheEntries(), 0);
        d.accept();
        QCOMPARE(QSettings().value("cache/dir").toString(), other.path());
        QCOMPARE(QSettings().value("cache/maxMiB").toInt(), 512);
        QCOMPARE(QSettings().value("preparation/nextImages").toInt(), 3);
        g->applyPreparationSettings();
        // A new image is prepared into the new folder.
        QTemporaryDir img;
        QImage im = QImage(imageB).convertToFormat(QImage::Format_Grayscale8);
        im.invertPixels();
        QVERIFY(im.save(img.filePath("inverted.png")));
        QVERIFY(waitShown(*w, img.filePath("inverted.png")));
        QTRY_VERIFY_WITH_TIMEOUT(prep->state(key(img.filePath("inverted.png"))).status == Status::Ready, kGroundingWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(QDir(other.path()).entryList({"*.traj"}, QDir::Files).size(), 1, 30000);
        QVERIFY(QDir(expected).entryList({"*.traj"}, QDir::Files).isEmpty());
        QSettings().remove("cache/dir");
        g->applyPreparationSettings();
    }

    void cleanupTestCase() {
        w.reset();
        QSettings().clear();
    }
};

QTEST_MAIN(TestPreparation)
#include "test_preparation.moc"
