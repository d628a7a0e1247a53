// Parity of the grounding engine with the upstream implementations, on the fixture model
// (tests/data/model-small: random weights, real geometry) and the two reference cases in
// tests/data/fixture-cases (produced by the authors' code, MONAI GenerativeModels and
// Hugging Face transformers; see FIXTURES_README.md there).
//
// Tolerances (relative = max|ours - ref| / max|ref|), and why they hold:
//  - preprocessed image: 1e-6 absolute. Same bilinear kernel (ATen), same float32 maths.
//  - text context, z0, UNet output at call 0, attention probabilities: 1e-4 relative. Same
//    operations in float32; differences come only from BLAS / convolution summation order
//    (thread count, kernel choice), which stays around 1e-6 relative for these depths.
//  - trajectory x_120..x_180: 1e-3 relative. 180 chained UNet calls amplify the per-call
//    rounding differences; observed well below this bound.
//  - heat maps (mean, smoothed) and the Otsu threshold: 1e-3 absolute on [0,1] maps.
//  - final mask: the pixels above the threshold agree on >= 99.9 % (a pixel within rounding of
//    the threshold may flip); NaN padding of the map at original size identical.
#include "grounding/engine.h"
#include "grounding/engine_internal.h"
#include "grounding/npy.h"

#include <QDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

#include <cmath>

using namespace cxr;
using namespace cxr::grounding;

namespace {

const QString kModel = QStringLiteral(CXRG_TEST_DATA "/model-small");
const QString kCases = QStringLiteral(CXRG_TEST_DATA "/fixture-cases");

npy::Array load(const QString& dir, const char* name) {
    npy::Array a;
    std::string err;
    if (!npy::read((dir + "/" + name).toStdString(), &a, &err)) qFatal("%s", err.c_str());
    return a;
}

torch::Tensor toTensor(const npy::Array& a) {
    std::vector<float> v = a.toFloat();
    return torch::from_blob(v.data(), a.shape, torch::kFloat32).clone();
}

double relErr(const torch::Tensor& ours, const torch::Tensor& ref) {
    const torch::Tensor o = ours.to(torch::kFloat64).cpu(), r = ref.to(torch::kFloat64).cpu();
    return (o - r).abs().max().item<double>() / std::max(1e-30, r.abs().max().item<double>());
}

GreyImage readPng(const QString& path) {
    const cv::Mat m = cv::imread(path.toStdString(), cv::IMREAD_GRAYSCALE);
    GreyImage g;
    g.width = m.cols;
    g.height = m.rows;
    g.pixels.assign(m.data, m.data + m.total());
    return g;
}

}  // namespace

class TestEngineParity : public QObject {
    Q_OBJECT
    std::unique_ptr<Engine> engine;

private Q_SLOTS:
    void initTestCase() {
        std::string err;
        Settings s;
        engine = Engine::load(kModel.toStdString(), s, &err);
        QVERIFY2(engine, err.c_str());
        QCOMPARE(engine->info().crossAttentionLayers, 11);
    }

    void cases_data() {
        QTest::addColumn<QString>("dir");
        for (const QString& c : QDir(kCases).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            QTest::newRow(qPrintable(c)) << kCases + "/" + c;
    }

    void cases() {
        QFETCH(QString, dir);
        Engine::Impl* d = engine->impl();
        torch::NoGradGuard g;
        const GreyImage image = readPng(dir + "/input.png");
        QFile pf(dir + "/prompt.txt");
        QVERIFY(pf.open(QIODevice::ReadOnly));
        const std::string prompt = QString::fromUtf8(pf.readAll()).trimmed().toStdString();

        // 1. preprocessing
        const torch::Tensor img = d->preprocess(image);
        const torch::Tensor refImg = toTensor(load(dir, "image_512.npy"));
        const double imgErr = (img.reshape({512, 512}) - refImg).abs().max().item<double>();
        QVERIFY2(imgErr <= 1e-6, qPrintable(QString("image_512 abs err %1").arg(imgErr)));

        // 2. tokens and text context
        std::vector<int64_t> ids;
        int length = 0;
        bool truncated = false;
        QVERIFY(engine->tokenize(prompt, &ids, &length, &truncated, nullptr));
        QCOMPARE(ids, load(dir, "token_ids.npy").toInt64());
        const std::vector<int64_t> emptyIds = load(dir, "token_ids_empty.npy").toInt64();
        const torch::Tensor ctx = d->encodeText({emptyIds, ids});
        const double ctxErr = relErr(ctx, toTensor(load(dir, "context.npy")));
        QVERIFY2(ctxErr <= 1e-4, qPrintable(QString("context rel err %1").arg(ctxErr)));

        // 3. z0 and the UNet alone at call 0
        const torch::Tensor z0 = d->encodeImage(refImg.reshape({1, 1, 512, 512}));
        const double zErr = relErr(z0, toTensor(load(dir, "z0.npy")));
        QVERIFY2(zErr <= 1e-4, qPrintable(QString("z0 rel err %1").arg(zErr)));
        const torch::Tensor out0 = d->unetCall(z0.expand({2, -1, -1, -1}), 0, ctx);
        const double uErr = relErr(out0, toTensor(load(dir, "unet_out_call0.npy")));
        QVERIFY2(uErr <= 1e-4, qPrintable(QString("UNet call 0 rel err %1").arg(uErr)));

        // 4. the whole pipeline through the public API
        Settings s;
        std::vector<PromptResult> results;
        std::string err;
        engine->clearCache();
        QVERIFY2(engine->ground(image, {prompt}, s, &results, &err), err.c_str());
        QCOMPARE(results.size(), size_t(1));
        const PromptResult& r = results[0];
        QCOMPARE(r.unetCalls, 180);  // 120 unconditional, then 60 window calls (shared batch)

        // trajectory x_120 .. x_179 from the cache, x_180 one more call
        const torch::Tensor refTraj = toTensor(load(dir, "z_trajectory.npy"));  // [181,3,64,64]
        QCOMPARE(d->cache.size(), size_t(1));
        const CachedTrajectory& traj = d->cache.begin()->second;
        QCOMPARE(int(traj.states.size()), 180);
        double trajErr = 0;
        for (int i = 120; i < 180; ++i) trajErr = std::max(trajErr, relErr(traj.states[i], refTraj[i].unsqueeze(0)));
        const Schedule sched = Schedule::make(1000, d->betaStart, d->betaEnd, d->betaSchedule, 300);
        QCOMPARE(int(sched.timesteps.size()), 334);
        const torch::Tensor v179 = d->unetCall(traj.states[179], sched.timesteps[179], ctx.slice(0, 0, 1));
        const torch::Tensor x180 = sched.invertStep(traj.states[179], v179, 179);
        trajErr = std::max(trajErr, relErr(x180, refTraj[180].unsqueeze(0)));
        QVERIFY2(trajErr <= 1e-3, qPrintable(QString("trajectory rel err %1").arg(trajErr)));

        // attention probabilities of layers 3,4,6,7 at calls 120..179 (conditional path)
        const std::vector<int> layers{3, 4, 6, 7};
        std::vector<torch::Tensor> refAttn;
        for (int l : layers) refAttn.push_back(toTensor(load(dir, qPrintable(QString("attn_layer%1.npy").arg(l)))));
        double attnErr = 0;
        for (int i = 120; i < 180; i += 7) {  // every 7th call keeps the test short; all layers
            nets::AttentionControl ctl;
            ctl.record = layers;
            ctl.stopAfter = 7;
            d->unetCall(traj.states[i], sched.timesteps[i], ctx.slice(0, 1, 2), &ctl);
            QVERIFY(ctl.stopped);
            QCOMPARE(ctl.maps.size(), layers.size());
            for (size_t k = 0; k < layers.size(); ++k) {
                QCOMPARE(ctl.maps[k].first, layers[k]);
                attnErr = std::max(attnErr, relErr(ctl.maps[k].second[0], refAttn[k][i - 120]));
            }
        }
        QVERIFY2(attnErr <= 1e-4, qPrintable(QString("attention rel err %1").arg(attnErr)));

        // One batch [unconditional, conditional] that keeps only the unconditional row after the
        // last recorded layer gives what the two separate passes give.
        {
            const torch::Tensor x = traj.states[150];
            nets::AttentionControl both;
            both.record = layers;
            both.stopAfter = 7;
            both.keepRows = 1;
            const torch::Tensor out = d->unetCall(x.expand({2, -1, -1, -1}), sched.timesteps[150], ctx, &both);
            QCOMPARE(out.size(0), int64_t(1));
            const torch::Tensor alone = d->unetCall(x, sched.timesteps[150], ctx.slice(0, 0, 1));
            QVERIFY2(relErr(out, alone) <= 1e-5, qPrintable(QString::number(relErr(out, alone))));
            nets::AttentionControl cond;
            cond.record = layers;
            cond.stopAfter = 7;
            d->unetCall(x, sched.timesteps[150], ctx.slice(0, 1, 2), &cond);
            for (size_t k = 0; k < layers.size(); ++k)
                QVERIFY(relErr(both.maps[k].second[1], cond.maps[k].second[0]) <= 1e-5);
        }

        // heat maps
        auto absErr = [](const std::vector<float>& a, const npy::Array& b) {
            const std::vector<float> v = b.toFloat();
            double e = 0;
            for (size_t i = 0; i < v.size(); ++i) e = std::max(e, double(std::fabs(a[i] - v[i])));
            return e;
        };
        const double meanErr = absErr(r.heatmapMean, load(dir, "heatmap_mean.npy"));
        QVERIFY2(meanErr <= 1e-3, qPrintable(QString("heatmap_mean abs err %1").arg(meanErr)));
        const double smoothErr = absErr(r.heatmapSmooth, load(dir, "heatmap_blur01.npy"));
        QVERIFY2(smoothErr <= 1e-3, qPrintable(QString("heatmap_blur01 abs err %1").arg(smoothErr)));
        const double thr = load(dir, "otsu_threshold.npy").toFloat()[0];
        QVERIFY2(std::fabs(r.threshold - thr) <= 1e-3, qPrintable(QString("threshold %1 vs %2").arg(r.threshold).arg(thr)));
        const std::vector<float> fin = load(dir, "heatmap_final.npy").toFloat();
        size_t agree = 0;
        for (size_t i = 0; i < fin.size(); ++i) agree += (r.heatmap[i] > 0) == (fin[i] > 0);
        QVERIFY2(agree >= size_t(0.999 * fin.size()), qPrintable(QString("mask agreement %1 / %2").arg(agree).arg(fin.size())));
        const npy::Array orig = load(dir, "heatmap_original.npy");
        QCOMPARE(r.originalHeight, int(orig.shape[0]));
        QCOMPARE(r.originalWidth, int(orig.shape[1]));
        const std::vector<float> ov = orig.toFloat();
        for (size_t i = 0; i < ov.size(); ++i)
            if (std::isnan(ov[i]) != std::isnan(r.original[i])) QFAIL("NaN padding differs");
        qInfo("%s: image %.2g ctx %.2g z0 %.2g unet %.2g traj %.2g attn %.2g mean %.2g smooth %.2g thr %.4f/%.4f mask %.5f",
              qPrintable(QFileInfo(dir).fileName()), imgErr, ctxErr, zErr, uErr, trajErr, attnErr, meanErr, smoothErr,
              r.threshold, thr, double(agree) / fin.size());

        // A second prompt on the same image reuses the trajectory: only the window's calls.
        std::vector<PromptResult> again;
        QVERIFY2(engine->ground(image, {"left lung"}, s, &again, &err), err.c_str());
        QCOMPARE(again[0].unetCalls, 60);
        QVERIFY(again[0].trajectoryCached);
    }

    void perWordMapsUseTheirTokens() {
        // The last case's image: its trajectory is still cached, so only the window runs.
        const QString dir = kCases + "/nihdx_landscape_down";
        const GreyImage image = readPng(dir + "/input.png");
        Settings s;
        std::vector<PromptResult> rs;
        std::string err;
        QVERIFY2(engine->ground(image, {"small left pleural effusion"}, s, &rs, &err), err.c_str());
        const PromptResult& full = rs[0];
        PromptResult all, word;
        QVERIFY2(engine->restrictTokens(full, full.firstToken, full.lastToken, s, &all, &err), err.c_str());
        // The full range reproduces the sentence map exactly.
        QCOMPARE(all.heatmapMean, full.heatmapMean);
        QVERIFY2(engine->restrictTokens(full, 2, 2, s, &word, &err), err.c_str());
        QVERIFY(word.heatmapMean != full.heatmapMean);
        QVERIFY(!engine->restrictTokens(full, 0, 2, s, &word, &err));
        QVERIFY(err.find("outside") != std::string::npos);
    }

    void badPromptsAndCancel() {
        const GreyImage image = readPng(kCases + "/nihdx_landscape_down/input.png");  // cached trajectory
        Settings s;
        std::vector<PromptResult> rs;
        std::string err;
        QVERIFY(!engine->ground(image, {"   "}, s, &rs, &err));
        QVERIFY2(err.find("no words") != std::string::npos, err.c_str());
        // Over 77 tokens: truncated (as the reference), with the flag set.
        std::string longPrompt;
        for (int i = 0; i < 200; ++i) longPrompt += "effusion ";
        QVERIFY2(engine->ground(image, {longPrompt}, s, &rs, &err), err.c_str());
        QVERIFY(rs[0].truncated);
        QCOMPARE(rs[0].length, 77);
        // Cancel stops before the next UNet call.
        engine->clearCache();
        std::atomic_bool cancel{false};
        int callsSeen = 0;
        const bool ok = engine->ground(image, {"effusion"}, s, &rs, &err,
                                       [&](Phase p, int, int) { if (p == Phase::Inversion && ++callsSeen == 3) cancel = true; },
                                       &cancel);
        QVERIFY(!ok);
        QCOMPARE(QString::fromStdString(err), QString("cancelled"));
        QCOMPARE(callsSeen, 3);
        // Invalid settings are explained.
        s.layers = {3, 42};
        QVERIFY(!engine->ground(image, {"effusion"}, s, &rs, &err));
        QVERIFY2(err.find("layer 42") != std::string::npos, err.c_str());
    }

    // More prompts than one UNet batch holds: successive batches on the image's trajectory, each
    // result the same as grounding its prompt alone.
    void manyPromptsRunInBatches() {
        const GreyImage image = readPng(kCases + "/nih01_landscape_up/input.png");
        Settings s;
        s.steps = 30;
        const char* findings[] = {"effusion", "atelectasis", "pneumothorax", "cardiomegaly", "consolidation",
                                  "edema", "opacity", "nodule", "mass", "fracture"};
        std::vector<std::string> prompts;
        for (int i = 0; i <= Engine::kMaxBatchPrompts; ++i)
            prompts.push_back(std::string(i % 2 ? "left " : "right ") + findings[i % 10] + (i >= 10 ? " again" : ""));
        engine->clearCache();
        std::vector<PromptResult> rs;
        std::string err;
        QVERIFY2(engine->ground(image, prompts, s, &rs, &err), err.c_str());
        QCOMPARE(rs.size(), prompts.size());
        QVERIFY(!rs.front().trajectoryCached);
        QVERIFY(rs.back().trajectoryCached);  // the second batch reused the first one's inversion
        QCOMPARE(rs.back().unetCalls, s.resolvedEnd() - s.resolvedStart());
        for (size_t k : {size_t(0), prompts.size() - 1}) {
            std::vector<PromptResult> one;
            QVERIFY2(engine->ground(image, {prompts[k]}, s, &one, &err), err.c_str());
            QCOMPARE(one[0].prompt, rs[k].prompt);
            QCOMPARE(one[0].heatmapMean.size(), rs[k].heatmapMean.size());
            double worst = 0;
            for (size_t i = 0; i < one[0].heatmapMean.size(); ++i)
                worst = std::max(worst, double(std::abs(one[0].heatmapMean[i] - rs[k].heatmapMean[i])));
            QVERIFY2(worst < 1e-5, qPrintable(QString::number(worst)));
        }
    }
};

QTEST_GUILESS_MAIN(TestEngineParity)
#include "test_engine_parity.moc"
