// Preparing an image before the sentence and remembering its trajectory on disk: prepare + ground
// equals a cold ground; a cancelled preparation continues without repeating work; damaged,
// truncated, foreign and old-version cache entries are rebuilt (the map still exact); two
// processes prepare one image into one folder; the size bound holds. At 30 steps (window 12..17):
// what is checked does not depend on the step count.
#include "grounding/engine.h"
#include "grounding/engine_internal.h"
#include "grounding/trajectory_cache.h"

#include "cli_run.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace cxr::grounding;

namespace {

const QString kData = QStringLiteral(CXRG_TEST_DATA);
const QString kExe = QStringLiteral(CXRG_BINARY_DIR "/app/cxr-ground");

GreyImage loadGrey(const QString& path) {
    const QImage img = QImage(path).convertToFormat(QImage::Format_Grayscale8);
    GreyImage g;
    g.width = img.width();
    g.height = img.height();
    for (int y = 0; y < img.height(); ++y) g.pixels.insert(g.pixels.end(), img.constScanLine(y), img.constScanLine(y) + img.width());
    return g;
}

Settings at30() {
    Settings s;
    s.steps = 30;
    return s;
}

double maxAbsDiff(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size()) return 1e9;
    double e = 0;
    for (size_t i = 0; i < a.size(); ++i) e = std::max(e, double(std::fabs(a[i] - b[i])));
    return e;
}

QStringList cacheFiles(const QString& dir) { return QDir(dir).entryList({"*.traj"}, QDir::Files); }

}  // namespace

class TestPrepare : public QObject {
    Q_OBJECT
    std::unique_ptr<Engine> engine;
    GreyImage image, other;
    PromptResult cold;  // "small left pleural effusion" on `image`, no cache at all
    QTemporaryDir pristine;  // a cache folder holding both images, prepared once
    QString mineFile, theirsFile;  // in `pristine`: `image`'s entry and `other`'s

    PromptResult groundOne(const GreyImage& img, const std::string& prompt, int* calls = nullptr, bool* cached = nullptr) {
        std::vector<PromptResult> rs;
        std::string err;
        if (!engine->ground(img, {prompt}, at30(), &rs, &err)) qFatal("%s", err.c_str());
        if (calls) *calls = rs[0].unetCalls;
        if (cached) *cached = rs[0].trajectoryCached;
        return rs[0];
    }

private Q_SLOTS:
    void initTestCase() {
        std::string err;
        engine = Engine::load((kData + "/model-small").toStdString(), RunSettings(), &err);
        QVERIFY2(engine, err.c_str());
        image = loadGrey(kData + "/fixture-cases/nih01_landscape_up/input.png");
        other = loadGrey(kData + "/png-chest/nih_cxr14_00027426_000.png");
        int calls = 0;
        cold = groundOne(image, "small left pleural effusion", &calls);
        QCOMPARE(calls, 18);  // 12 unconditional, then 6 shared window calls
        engine->clearCache();
        // The pristine cache of the damage cases, and which entry belongs to which image.
        engine->setTrajectoryCache(pristine.path().toStdString(), TrajectoryCache::kDefaultMaxBytes);
        QVERIFY2(engine->prepare(image, at30(), &err), err.c_str());
        const QStringList first = cacheFiles(pristine.path());
        QCOMPARE(first.size(), 1);
        mineFile = first[0];
        QVERIFY2(engine->prepare(other, at30(), &err), err.c_str());
        for (const QString& f : cacheFiles(pristine.path()))
            if (f != mineFile) theirsFile = f;
        QVERIFY(!theirsFile.isEmpty());
        engine->setTrajectoryCache("", 0);
        engine->clearCache();
    }

    // prepare() runs the unconditional calls up to the window's end; a prompt then costs only the
    // window's conditional passes, and its map is the cold one.
    void prepareThenGround() {
        QTemporaryDir cache;
        engine->setTrajectoryCache(cache.path().toStdString(), TrajectoryCache::kDefaultMaxBytes);
        QCOMPARE(engine->preparation(image, at30()).states, 0);
        QCOMPARE(engine->preparation(image, at30()).needed, 18);
        std::string err;
        int progressCalls = 0;
        QVERIFY2(engine->prepare(image, at30(), &err, [&](Phase p, int, int total) {
            if (p == Phase::Inversion) {
                ++progressCalls;
                QCOMPARE(total, 17);
            }
        }),
                 err.c_str());
        QCOMPARE(progressCalls, 17);  // x_1 .. x_17
        QVERIFY(engine->preparation(image, at30()).ready());
        QCOMPARE(cacheFiles(cache.path()).size(), 1);
        int calls = 0;
        bool cached = false;
        const PromptResult r = groundOne(image, "small left pleural effusion", &calls, &cached);
        QCOMPARE(calls, 6);
        QVERIFY(cached);
        QVERIFY2(maxAbsDiff(r.heatmapMean, cold.heatmapMean) <= 1e-5, qPrintable(QString::number(maxAbsDiff(r.heatmapMean, cold.heatmapMean))));
        // A new engine (a new process) finds it on disk: no call for the prefix.
        std::unique_ptr<Engine> second = Engine::load((kData + "/model-small").toStdString(), RunSettings(), &err);
        second->setTrajectoryCache(cache.path().toStdString(), TrajectoryCache::kDefaultMaxBytes);
        const Engine::Preparation p = second->preparation(image, at30());
        QVERIFY(p.ready() && p.fromDisk);
        std::vector<PromptResult> rs;
        QVERIFY2(second->ground(image, {"small left pleural effusion"}, at30(), &rs, &err), err.c_str());
        QCOMPARE(rs[0].unetCalls, 6);
        QVERIFY(rs[0].trajectoryCached);
        QVERIFY(maxAbsDiff(rs[0].heatmapMean, cold.heatmapMean) <= 1e-5);
        QVERIFY(second->lastCacheProblem().empty());
        engine->setTrajectoryCache("", 0);
        engine->clearCache();
    }

    // A cancelled preparation keeps its states; the next prepare() continues from there and a
    // ground() after a partial one joins at the window. No call is made twice.
    void cancelAndContinue() {
        QTemporaryDir cache;
        engine->setTrajectoryCache(cache.path().toStdString(), TrajectoryCache::kDefaultMaxBytes);
        std::atomic_bool cancel{false};
        int done = 0;
        std::string err;
        QVERIFY(!engine->prepare(image, at30(), &err, [&](Phase p, int, int) {
            if (p == Phase::Inversion && ++done == 5) cancel = true;
        }, &cancel));
        QCOMPARE(QString::fromStdString(err), QString("cancelled"));
        QCOMPARE(engine->preparation(image, at30()).states, 6);  // x_0 .. x_5
        done = 0;
        cancel = false;
        QVERIFY(!engine->prepare(image, at30(), &err, [&](Phase p, int, int) {
            if (p == Phase::Inversion && ++done == 3) cancel = true;
        }, &cancel));
        QCOMPARE(engine->preparation(image, at30()).states, 9);
        // The partial trajectory is on disk too: a new engine continues from it.
        std::unique_ptr<Engine> second = Engine::load((kData + "/model-small").toStdString(), RunSettings(), &err);
        second->setTrajectoryCache(cache.path().toStdString(), TrajectoryCache::kDefaultMaxBytes);
        std::vector<PromptResult> rs;
        QVERIFY2(second->ground(image, {"small left pleural effusion"}, at30(), &rs, &err), err.c_str());
        QCOMPARE(rs[0].unetCalls, 4 + 6);  // x_9 .. x_12 unconditional, then the 6 window calls
        QVERIFY(maxAbsDiff(rs[0].heatmapMean, cold.heatmapMean) <= 1e-5);
        engine->setTrajectoryCache("", 0);
        engine->clearCache();
    }

    // A preparation may be a new engine's first request (the viewer prepares an image as soon as it
    // is shown): its unconditional calls use the empty prompt's context all the same.
    void prepareAsTheFirstRequest() {
        std::string err;
        std::unique_ptr<Engine> fresh = Engine::load((kData + "/model-small").toStdString(), RunSettings(), &err);
        QVERIFY2(fresh, err.c_str());
        QVERIFY2(fresh->prepare(image, at30(), &err), err.c_str());
        std::vector<PromptResult> rs;
        QVERIFY2(fresh->ground(image, {"small left pleural effusion"}, at30(), &rs, &err), err.c_str());
        QCOMPARE(rs[0].unetCalls, 6);
        QVERIFY2(maxAbsDiff(rs[0].heatmapMean, cold.heatmapMean) <= 1e-5, qPrintable(QString::number(maxAbsDiff(rs[0].heatmapMean, cold.heatmapMean))));
    }

    // Damaged, truncated, foreign and old-version entries are never trusted: rebuilt, the map exact.
    void badEntriesAreRebuilt_data() {
        QTest::addColumn<QString>("damage");
        QTest::newRow("flipped byte") << "flip";
        QTest::newRow("truncated") << "truncate";
        QTest::newRow("old version") << "version";
        QTest::newRow("foreign") << "foreign";
        QTest::newRow("not a cache file") << "garbage";
    }
    void badEntriesAreRebuilt() {
        QFETCH(QString, damage);
        QTemporaryDir cache;
        for (const QString& f : cacheFiles(pristine.path())) QVERIFY(QFile::copy(pristine.filePath(f), cache.filePath(f)));
        engine->clearCache();
        engine->setTrajectoryCache(cache.path().toStdString(), TrajectoryCache::kDefaultMaxBytes);
        QVERIFY(engine->preparation(image, at30()).fromDisk);  // intact: read from disk
        const QString mine = cache.filePath(mineFile), theirs = cache.filePath(theirsFile);
        QFile f(mine);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray b = f.readAll();
        f.close();
        if (damage == "flip") b[b.size() / 2] = char(b[b.size() / 2] ^ 0x40);
        else if (damage == "truncate") b.truncate(b.size() - 1000);
        else if (damage == "version") b[8] = 2;
        else if (damage == "garbage") b = QByteArray(4096, 'x');
        else if (damage == "foreign") {
            QFile t(theirs);
            QVERIFY(t.open(QIODevice::ReadOnly));
            b = t.readAll();  // another image's entry under this image's name
        }
        QVERIFY(QFile::remove(mine));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(b);
        f.close();
        engine->clearCache();
        int calls = 0;
        bool cached = true;
        const PromptResult r = groundOne(image, "small left pleural effusion", &calls, &cached);
        QVERIFY(!cached);
        QCOMPARE(calls, 18);
        QVERIFY(maxAbsDiff(r.heatmapMean, cold.heatmapMean) <= 1e-5);
        QVERIFY2(QString::fromStdString(engine->lastCacheProblem()).contains("rebuilt"), engine->lastCacheProblem().c_str());
        // Rebuilt: valid again.
        engine->clearCache();
        QVERIFY(engine->preparation(image, at30()).fromDisk);
        engine->setTrajectoryCache("", 0);
        engine->clearCache();
    }

    // The folder stays under its bound; the least recently used entry goes first.
    void sizeBoundHolds() {
        QTemporaryDir cache;
        TrajectoryStates s;
        s.channels = 3;
        s.height = s.width = 64;
        s.states.assign(10, std::vector<float>(3 * 64 * 64, 0.5f));  // ~480 KiB per entry
        std::string err;
        const uint64_t bound = 1200 * 1024;  // room for two entries
        TrajectoryCache bounded(cache.path().toStdString(), bound);
        for (int i = 0; i < 4; ++i) {
            TrajectoryKey k;
            k.imageHash = "image" + std::to_string(i);
            k.steps = 30;
            QVERIFY2(bounded.store(k, s, &err), err.c_str());
            if (i == 1) {  // image0 is used again: image1 becomes the oldest
                QTest::qWait(20);
                TrajectoryKey k0 = k;
                k0.imageHash = "image0";
                TrajectoryStates back;
                QVERIFY(bounded.load(k0, &back));
                QCOMPARE(back.states.size(), size_t(10));
            }
            QTest::qWait(20);
            QVERIFY(bounded.sizeBytes() <= bound);
        }
        int n = 0;
        QVERIFY(bounded.sizeBytes(&n) <= bound);
        QCOMPARE(n, 2);
        TrajectoryKey k;
        k.steps = 30;
        TrajectoryStates back;
        k.imageHash = "image3";
        QVERIFY(bounded.load(k, &back));  // the newest stays
        k.imageHash = "image1";
        QVERIFY(!bounded.load(k, &back));  // the least recently used went first
        QVERIFY(bounded.clear(&err));
        QCOMPARE(bounded.sizeBytes(&n), uint64_t(0));
    }

    // Two processes prepare the same image into one folder at the same time; a third process
    // grounds from it without a call for the prefix; result.json says so.
    void twoProcessesShareOneFolder() {
        QTemporaryDir cache, out;
        const QStringList args{"prepare", "--model", kData + "/model-small", "--image",
                               kData + "/fixture-cases/nih01_landscape_up/input.png", "--image",
                               kData + "/png-chest/nih_cxr14_00000001_000.png", "--steps", "30", "--cache-dir", cache.path()};
        QProcess a, b;
        a.start(kExe, args);
        b.start(kExe, args);
        QVERIFY(a.waitForFinished(900000) && b.waitForFinished(900000));
        QCOMPARE(a.exitCode(), 0);
        QCOMPARE(b.exitCode(), 0);
        QCOMPARE(cacheFiles(cache.path()).size(), 2);
        QCOMPARE(QDir(cache.path()).entryList({".tmp-*"}, QDir::Files | QDir::Hidden).size(), 0);
        const cxr::testing::Run r = cxr::testing::runProgram(
            kExe, {"ground", "--model", kData + "/model-small", "--image", kData + "/fixture-cases/nih01_landscape_up/input.png",
                   "--prompt", "small left pleural effusion", "--steps", "30", "--cache-dir", cache.path(), "--out", out.path()});
        QVERIFY2(r.code == 0, r.err.constData());
        QFile jf(out.filePath("000/result.json"));
        QVERIFY(jf.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(jf.readAll()).object();
        QCOMPARE(o["trajectory_cached"].toBool(), true);
        QCOMPARE(o["unet_calls"].toInt(), 6);
        // --no-cache: a cold run again.
        const cxr::testing::Run cold = cxr::testing::runProgram(
            kExe, {"ground", "--model", kData + "/model-small", "--image", kData + "/fixture-cases/nih01_landscape_up/input.png",
                   "--prompt", "small left pleural effusion", "--steps", "30", "--no-cache", "--out", out.filePath("cold")});
        QVERIFY2(cold.code == 0, cold.err.constData());
        QFile cf(out.filePath("cold/000/result.json"));
        QVERIFY(cf.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(cf.readAll()).object()["unet_calls"].toInt(), 18);
    }
};

QTEST_GUILESS_MAIN(TestPrepare)
#include "test_prepare.moc"
