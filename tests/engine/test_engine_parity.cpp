// Parity of the grounding engine with the upstream implementations, on the fixture model
// (tests/data/model-small: random weights, real geometry) and the reference cases in
// tests/data/fixture-cases (the paper's main setting, every intermediate). The cases away from the
// main setting (tests/data/fixture-cases-steps: 100 steps, attribution mode, layers 3-8) are run
// through `cxr-ground ground` as users run them, in test_cli_engine.
//
// Tolerances (relative = max|ours - ref| / max|ref|), and why they hold:
//  - preprocessed image: 1e-6 absolute. Same bilinear kernel (ATen), same float32 maths.
//  - text context, z0, UNet output at call 0, attention probabilities: 1e-4 relative. Same
//    operations in float32; differences come only from BLAS / convolution summation order
//    (thread count, kernel choice), which stays around 1e-6 relative for these depths.
//  - trajectory x_120..x_180: 1e-3 relative. 180 chained UNet calls amplify the per-call
//    rounding differences; observed well below this bound.
//  - heat maps (mean, smoothed, at original size) and the Otsu threshold: 1e-3 absolute on [0,1]
//    maps (a pixel of the final map next to the threshold may be 0 on one side only: those
//    pixels count against the mask agreement instead).
//  - final mask: the pixels above the threshold agree on >= 99.9 %; NaN padding identical.
//  - metrics of our map against the case's box: 1e-2 absolute of the reference's metrics.json.
//
// Request sequences, per-word maps and injected failures run at 30 steps (window 12..17): what
// they check does not depend on the step count, and they stay short.
#include "eval/metrics.h"
#include "grounding/engine.h"
#include "grounding/engine_internal.h"
#include "grounding/npy.h"
#include "grounding/postprocess.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

QJsonObject readJson(const QString& file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(file));
    return QJsonDocument::fromJson(f.readAll()).object();
}

// Largest |a - b| where both are numbers; -1 when the NaN positions differ.
double maxAbsDiff(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size()) return -1;
    double e = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::isnan(a[i]) != std::isnan(b[i])) return -1;
        if (!std::isnan(a[i])) e = std::max(e, double(std::fabs(a[i] - b[i])));
    }
    return e;
}

// The final map against a reference final map: values where both are unmasked within 1e-3,
// the masks within 99.9 %, NaN positions identical.
void compareFinal(const std::vector<float>& ours, const std::vector<float>& ref, const char* what) {
    QCOMPARE(ours.size(), ref.size());
    size_t agree = 0, both = 0;
    double worst = 0;
    for (size_t i = 0; i < ref.size(); ++i) {
        if (std::isnan(ours[i]) != std::isnan(ref[i])) QFAIL(qPrintable(QString("%1: NaN padding differs at %2").arg(what).arg(i)));
        if (std::isnan(ref[i])) {
            ++agree;
            continue;
        }
        agree += (ours[i] > 0) == (ref[i] > 0);
        if (ours[i] > 0 && ref[i] > 0) {
            ++both;
            worst = std::max(worst, double(std::fabs(ours[i] - ref[i])));
        }
    }
    QVERIFY2(agree >= size_t(0.999 * ref.size()), qPrintable(QString("%1: mask agreement %2 / %3").arg(what).arg(agree).arg(ref.size())));
    QVERIFY2(both > 0, what);
    QVERIFY2(worst <= 1e-3, qPrintable(QString("%1: value abs err %2").arg(what).arg(worst)));
}

Settings settingsAt(int steps, int a = -1, int b = -1, std::vector<int> layers = {3, 4, 6, 7}) {
    Settings s;
    s.steps = steps;
    s.windowStart = a;
    s.windowEnd = b;
    s.layers = std::move(layers);
    return s;
}

}  // namespace

class TestEngineParity : public QObject {
    Q_OBJECT
    std::unique_ptr<Engine> engine;

    // Grounds on a fresh trajectory (as a new engine would).
    PromptResult fresh(const GreyImage& image, const std::string& prompt, const Settings& s) {
        engine->clearCache();
        std::vector<PromptResult> rs;
        std::string err;
        if (!engine->ground(image, {prompt}, s, &rs, &err)) qFatal("%s", err.c_str());
        return rs[0];
    }

private Q_SLOTS:
    void initTestCase() {
        std::string err;
        engine = Engine::load(kModel.toStdString(), RunSettings(), &err);
        QVERIFY2(engine, err.c_str());
        QCOMPARE(engine->info().crossAttentionLayers, 11);
        QCOMPARE(engine->info().precisions.front(), std::string("fp32"));
    }

    // The trailing schedule and the default window for any N (method.md "Schedule").
    void schedules() {
        Engine::Impl* d = engine->impl();
        struct Row {
            int n, calls, first, window0, window1;
        };
        for (const Row& r : {Row{300, 334, 0, 120, 180}, Row{100, 100, 9, 40, 60}, Row{50, 50, 19, 20, 30},
                             Row{57, 59, 13, 23, 33}, Row{1000, 1000, 0, 400, 600}, Row{7, 8, 5, 3, 3}}) {
            const Schedule s = d->schedule(r.n);
            QCOMPARE(int(s.timesteps.size()), r.calls);
            QCOMPARE(settingsAt(r.n).totalCalls(), r.calls);
            QCOMPARE(s.timesteps.front(), r.first);
            QCOMPARE(s.timesteps.back(), 999);
            for (size_t i = 1; i < s.timesteps.size(); ++i) QCOMPARE(s.timesteps[i] - s.timesteps[i - 1], s.step);
            QCOMPARE(settingsAt(r.n).resolvedStart(), r.window0);
            QCOMPARE(settingsAt(r.n).resolvedEnd(), r.window1);
        }
        // N = 7 has an empty default window: refused with a message, not run.
        QVERIFY(settingsAt(7).validate(11).find("window 3:3") != std::string::npos);
        QVERIFY(!settingsAt(1001).validate(11).empty());
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
        const Settings s;
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
        for (int i = 0; i < 180; i += 7) trajErr = std::max(trajErr, relErr(traj.states[i], refTraj[i].unsqueeze(0)));
        for (int i = 120; i < 180; ++i) trajErr = std::max(trajErr, relErr(traj.states[i], refTraj[i].unsqueeze(0)));
        const Schedule sched = d->schedule(300);
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
        const double meanErr = maxAbsDiff(r.heatmapMean, load(dir, "heatmap_mean.npy").toFloat());
        QVERIFY2(meanErr >= 0 && meanErr <= 1e-3, qPrintable(QString("heatmap_mean abs err %1").arg(meanErr)));
        const double smoothErr = maxAbsDiff(r.heatmapSmooth, load(dir, "heatmap_blur01.npy").toFloat());
        QVERIFY2(smoothErr >= 0 && smoothErr <= 1e-3, qPrintable(QString("heatmap_blur01 abs err %1").arg(smoothErr)));
        const double thr = load(dir, "otsu_threshold.npy").toFloat()[0];
        QVERIFY2(std::fabs(r.threshold - thr) <= 1e-3, qPrintable(QString("threshold %1 vs %2").arg(r.threshold).arg(thr)));
        const std::vector<float> fin = load(dir, "heatmap_final.npy").toFloat();
        compareFinal(r.heatmap, fin, "heatmap_final");
        const npy::Array orig = load(dir, "heatmap_original.npy");
        QCOMPARE(r.originalHeight, int(orig.shape[0]));
        QCOMPARE(r.originalWidth, int(orig.shape[1]));
        compareFinal(r.original, orig.toFloat(), "heatmap_original");

        // The metrics of our map against the case's box, as the reference computed them.
        const QJsonObject metrics = readJson(dir + "/metrics.json");
        std::vector<eval::Box> boxes;
        for (const QJsonValue& b : metrics["boxes_original"].toArray()) {
            const QJsonArray a = b.toArray();
            boxes.push_back({a[0].toInt(), a[1].toInt(), a[2].toInt(), a[3].toInt()});
        }
        QVERIFY(!boxes.empty());
        const eval::Metrics m = eval::computeAll(r.original, r.originalWidth, r.originalHeight, boxes);
        const double metricErr = std::max({std::fabs(m.cnrAbs - metrics["cnr_abs"].toDouble()),
                                           std::fabs(m.cnr - metrics["cnr_signed"].toDouble()),
                                           std::fabs(m.miou - metrics["miou"].toDouble()),
                                           std::fabs(m.aurocBinned - metrics["auroc_binned"].toDouble())});
        QVERIFY2(metricErr <= 1e-2, qPrintable(QString("metrics abs err %1 (cnr %2 miou %3 auc %4)")
                                                   .arg(metricErr)
                                                   .arg(m.cnr)
                                                   .arg(m.miou)
                                                   .arg(m.aurocBinned)));
        qInfo("%s: image %.2g ctx %.2g z0 %.2g unet %.2g traj %.2g attn %.2g mean %.2g smooth %.2g thr %.4f/%.4f metrics %.2g",
              qPrintable(QFileInfo(dir).fileName()), imgErr, ctxErr, zErr, uErr, trajErr, attnErr, meanErr, smoothErr,
              r.threshold, thr, metricErr);

        // A second prompt on the same image reuses the trajectory: only the window's calls.
        std::vector<PromptResult> again;
        QVERIFY2(engine->ground(image, {"left lung"}, s, &again, &err), err.c_str());
        QCOMPARE(again[0].unetCalls, 60);
        QVERIFY(again[0].trajectoryCached);
    }

    // Attribution mode's token range (method.md "Attribution"): [first match, last match), one
    // token when they coincide; no match gives an all-NaN map.
    void attributionRanges() {
        const GreyImage image = readPng(kCases + "/nihdx_landscape_down/input.png");
        Settings s = settingsAt(30);
        s.attribution = "Lung Opacity";  // lung|opac|ity
        std::vector<PromptResult> rs;
        std::string err;
        QVERIFY2(engine->ground(image, {"Left lung opacity, possibly pneumonia.", "Pleural effusion on the left",
                                        "Opacity in the right lung"},
                                s, &rs, &err),
                 err.c_str());
        // "left lung opacity": left=1 lung=2 opac=3 ity=4 -> [2, 4) -> positions 2..3
        QCOMPARE(rs[0].firstToken, 2);
        QCOMPARE(rs[0].lastToken, 3);
        QVERIFY(!rs[1].attributionMatched);  // no token of "lung opacity"
        for (float v : rs[1].original) QVERIFY(std::isnan(v));
        QVERIFY(std::isnan(rs[1].threshold));
        // "opacity in the right lung": opac=1 ity=2 ... lung=6 -> [1, 6) -> 1..5 (lung itself left out)
        QCOMPARE(rs[2].firstToken, 1);
        QCOMPARE(rs[2].lastToken, 5);
        s.attribution = "Edema";  // one token: [p, p + 1)
        QVERIFY2(engine->ground(image, {"mild pulmonary edema"}, s, &rs, &err), err.c_str());
        QCOMPARE(rs[0].firstToken, 3);
        QCOMPARE(rs[0].lastToken, 3);
        // The attribution map equals the map of that token range computed from the token maps.
        PromptResult ranged;
        QVERIFY2(Engine::restrictTokens(rs[0], 3, 3, s, &ranged, &err), err.c_str());
        QCOMPARE(ranged.heatmapMean, rs[0].heatmapMean);
    }

    // Per-word maps against an independent computation from the raw attention probabilities,
    // with layers of both resolutions (0 is 32x32, 3 is 16x16).
    void perWordMapsIndependent() {
        Engine::Impl* d = engine->impl();
        const GreyImage image = readPng(kCases + "/nihdx_landscape_down/input.png");
        const Settings s = settingsAt(30, -1, -1, {0, 3});
        const std::string prompt = "small left pleural effusion";  // small=1 left=2 ple=3 ural=4 ...
        const PromptResult full = fresh(image, prompt, s);
        QCOMPARE(full.tokenMapSides.size(), size_t(2 * 6));
        QCOMPARE(full.tokenMapSides.front(), 32);
        QCOMPARE(full.tokenMapSides.back(), 16);
        PromptResult word;
        std::string err;
        QVERIFY2(Engine::restrictTokens(full, 3, 4, s, &word, &err), err.c_str());
        // Independent: the conditional pass on each cached state, columns 3..4 of each layer.
        const CachedTrajectory& traj = d->cache.begin()->second;
        const Schedule sched = d->schedule(30);
        std::vector<int64_t> ids;
        int len = 0;
        bool tr = false;
        engine->tokenize(prompt, &ids, &len, &tr, nullptr);
        const torch::Tensor ctx = d->encodeText({ids});
        torch::Tensor sum = torch::zeros({1, 1, 512, 512});
        int n = 0;
        std::vector<torch::Tensor> perLayer[2];
        for (int i = s.resolvedStart(); i < s.resolvedEnd(); ++i) {
            nets::AttentionControl ctl;
            ctl.record = {0, 3};
            ctl.stopAfter = 3;
            d->unetCall(traj.states[size_t(i)], sched.timesteps[size_t(i)], ctx, &ctl);
            for (size_t k = 0; k < 2; ++k) perLayer[k].push_back(ctl.maps[k].second[0]);
        }
        for (auto& layer : perLayer)
            for (const torch::Tensor& p : layer) {
                const int64_t side = int64_t(std::lround(std::sqrt(double(p.size(0)))));
                torch::Tensor m = p.slice(1, 3, 5).mean(1).reshape({1, 1, side, side});
                m = (m - m.min()) / (m.max() - m.min());
                sum += torch::nn::functional::interpolate(
                    m, torch::nn::functional::InterpolateFuncOptions().size(std::vector<int64_t>{512, 512}).mode(torch::kBilinear).align_corners(false));
                ++n;
            }
        sum = (sum / n).reshape({-1}).contiguous();
        const std::vector<float> expected(sum.data_ptr<float>(), sum.data_ptr<float>() + sum.numel());
        const double e = maxAbsDiff(word.heatmapMean, expected);
        QVERIFY2(e >= 0 && e <= 1e-5, qPrintable(QString("per-word map abs err %1").arg(e)));
        std::vector<float> smooth = gaussianFilter(expected, 512, 512, kBlurSigma);
        minMaxNormalise(smooth);
        QVERIFY(maxAbsDiff(word.heatmapSmooth, smooth) <= 1e-5);
        // The full range reproduces the sentence map exactly; ranges outside the words are refused.
        PromptResult all;
        QVERIFY2(Engine::restrictTokens(full, full.firstToken, full.lastToken, s, &all, &err), err.c_str());
        QCOMPARE(all.heatmapMean, full.heatmapMean);
        QVERIFY(!Engine::restrictTokens(full, 0, 2, s, &word, &err));
        QVERIFY(err.find("outside") != std::string::npos);
        QVERIFY(!Engine::restrictTokens(full, 2, full.length - 1, s, &word, &err));  // eos is not a word
    }

    // Any sequence of requests on one image gives what a fresh engine gives: later windows,
    // earlier windows, other layers, another step count.
    void requestSequences() {
        const GreyImage image = readPng(kCases + "/nih01_landscape_up/input.png");
        const std::string prompt = "small left pleural effusion";
        struct Step {
            Settings s;
            int calls;  // UNet calls this request makes after the ones before it
        };
        const std::vector<Step> seq = {
            {settingsAt(30, 12, 18), 18},         // inverts 0..11, window 12..17
            {settingsAt(30, 6, 12), 6},           // earlier window: the states are kept
            {settingsAt(30, 0, 6), 6},            // from the start
            {settingsAt(30, 15, 24), 9},          // later window: continues from x_17
            {settingsAt(30, 3, 9, {0, 8, 10}), 6},  // 32x32 layers only
            {settingsAt(20, -1, -1), 12},         // another step count: another trajectory
        };
        engine->clearCache();
        std::vector<PromptResult> seqResults;
        std::string err;
        for (const Step& st : seq) {
            std::vector<PromptResult> rs;
            QVERIFY2(engine->ground(image, {prompt}, st.s, &rs, &err), err.c_str());
            QCOMPARE(rs[0].unetCalls, st.calls);
            seqResults.push_back(rs[0]);
        }
        for (size_t k = 0; k < seq.size(); ++k) {
            const PromptResult f = fresh(image, prompt, seq[k].s);
            const double e = maxAbsDiff(seqResults[k].heatmapMean, f.heatmapMean);
            QVERIFY2(e >= 0 && e <= 1e-5, qPrintable(QString("request %1: abs err %2 against a fresh engine").arg(k).arg(e)));
            QCOMPARE(seqResults[k].tokenMapSides, f.tokenMapSides);
        }
    }

    // A failure inside the UNet loop (out of memory, an unsupported kernel) is a message; the
    // engine stays usable and exact afterwards.
    void injectedFailure() {
        Engine::Impl* d = engine->impl();
        const GreyImage image = readPng(kCases + "/nih01_landscape_up/input.png");
        const Settings s = settingsAt(30);
        const PromptResult before = fresh(image, "cardiomegaly", s);
        engine->clearCache();
        const long at = d->unetCallCount + 5;
        d->beforeUnetCall = [at](long call) {
            if (call == at) throw c10::Error({__func__, __FILE__, uint32_t(__LINE__)}, "CUDA out of memory. Tried to allocate 20.00 GiB");
        };
        std::vector<PromptResult> rs;
        std::string err;
        QVERIFY(!engine->ground(image, {"cardiomegaly"}, s, &rs, &err));
        QVERIFY2(err.find("out of memory") != std::string::npos, err.c_str());
        QVERIFY2(err.find("frame #") == std::string::npos, err.c_str());  // no backtrace
        QVERIFY(rs.empty());
        std::vector<AblationRecord> recs;
        const long at2 = d->unetCallCount + 2;
        d->beforeUnetCall = [at2](long call) {
            if (call == at2) throw std::runtime_error("no kernel image is available for execution on the device");
        };
        QVERIFY(!engine->recordAllLayers(image, {"cardiomegaly"}, s, 8, &recs, &err));
        QVERIFY2(err.find("no kernel image") != std::string::npos, err.c_str());
        d->beforeUnetCall = nullptr;
        // The partial trajectory is kept and continued exactly.
        QVERIFY2(engine->ground(image, {"cardiomegaly"}, s, &rs, &err), err.c_str());
        QVERIFY(rs[0].trajectoryCached);
        QVERIFY(maxAbsDiff(rs[0].heatmapMean, before.heatmapMean) <= 1e-5);
    }

    void badPromptsAndCancel() {
        const GreyImage image = readPng(kCases + "/nihdx_landscape_down/input.png");
        const Settings s = settingsAt(30);
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
        Settings bad = s;
        bad.layers = {3, 42};
        QVERIFY(!engine->ground(image, {"effusion"}, bad, &rs, &err));
        QVERIFY2(err.find("layer 42") != std::string::npos, err.c_str());
        bad = s;
        bad.windowStart = 5;
        bad.windowEnd = 40;  // 30 steps have 30 calls
        QVERIFY(!engine->ground(image, {"effusion"}, bad, &rs, &err));
        QVERIFY2(err.find("5:40") != std::string::npos, err.c_str());
    }

    // More prompts than one UNet batch holds: successive batches on the image's trajectory, each
    // result the same as grounding its prompt alone.
    void manyPromptsRunInBatches() {
        const GreyImage image = readPng(kCases + "/nih01_landscape_up/input.png");
        const Settings s = settingsAt(30);
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
            const double worst = maxAbsDiff(one[0].heatmapMean, rs[k].heatmapMean);
            QVERIFY2(worst >= 0 && worst < 1e-5, qPrintable(QString::number(worst)));
        }
    }
};

QTEST_GUILESS_MAIN(TestEngineParity)
#include "test_engine_parity.moc"
