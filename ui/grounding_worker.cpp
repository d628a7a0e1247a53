#include "grounding_worker.h"

#include <chrono>

namespace cxr::ui {

namespace {
long long steadyNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

void GroundingWorker::loadModel(const QString& dir, const QString& device, const QString& precision, int threads) {
    engine_.reset();
    secondsPerCall_ = 0;
    run_.device = device.toStdString();
    run_.precision = precision.toStdString();
    run_.threads = threads;
    std::string err;
    engine_ = grounding::Engine::load(dir.toStdString(), run_, &err);
    if (!engine_) {
        Q_EMIT modelFailed(dir, QString::fromStdString(err));
        return;
    }
    if (!cacheDir_.empty()) engine_->setTrajectoryCache(cacheDir_, cacheMaxBytes_);
    const auto& i = engine_->info();
    Q_EMIT modelLoaded(dir, QString::fromStdString(i.device), i.threads, qulonglong(i.parameterCount), i.crossAttentionLayers);
}

void GroundingWorker::setTrajectoryCache(const QString& dir, qulonglong maxBytes) {
    cacheDir_ = dir.toStdString();
    cacheMaxBytes_ = maxBytes;
    if (engine_) engine_->setTrajectoryCache(cacheDir_, cacheMaxBytes_);
}

grounding::GreyImage GroundingWorker::image(const QByteArray& pixels, int width, int height, const QString& key) const {
    grounding::GreyImage img;
    img.width = width;
    img.height = height;
    img.pixels.assign(reinterpret_cast<const uint8_t*>(pixels.constData()),
                      reinterpret_cast<const uint8_t*>(pixels.constData()) + pixels.size());
    img.cacheKey = key.toStdString();
    return img;
}

void GroundingWorker::reportCacheProblem() {
    if (!engine_) return;
    const std::string problem = engine_->lastCacheProblem();
    if (!problem.empty()) Q_EMIT cacheProblem(QString::fromStdString(problem));
}

void GroundingWorker::ground(quint64 id, const QByteArray& pixels, int width, int height, const QString& key,
                            const QStringList& prompts, const cxr::grounding::Settings& method) {
    const long long yieldAt = yieldAtNs.exchange(0);
    if (yieldAt != 0) Q_EMIT requestStarted(id, prepareCalls.load() - yieldAtCalls.load(), (steadyNs() - yieldAt) / 1e6);
    else Q_EMIT requestStarted(id, -1, -1);
    if (!engine_) {
        Q_EMIT failed(id, tr("No model is loaded."));
        return;
    }
    if (cancel) {  // cancelled while queued
        Q_EMIT failed(id, QStringLiteral("cancelled"));
        return;
    }
    // The engine turns its own failures into messages; this guards the copies around it (a huge
    // image when memory is short), so nothing ends the worker's thread.
    auto results = std::make_shared<std::vector<grounding::PromptResult>>();
    std::string err;
    bool ok = false;
    grounding::GreyImage img;
    try {
        img = image(pixels, width, height, key);
        std::vector<std::string> ps;
        for (const QString& p : prompts) ps.push_back(p.toStdString());
        ok = engine_->ground(
            img, ps, method, results.get(), &err,
            [this, id](grounding::Phase phase, int step, int total) { Q_EMIT progress(id, static_cast<int>(phase), step, total); },
            &cancel);
    } catch (const std::exception& e) {
        err = std::string("the grounding failed: ") + e.what();
        ok = false;
    }
    if (!ok) Q_EMIT failed(id, QString::fromStdString(err));
    else Q_EMIT finished(id, key, results);
    // Whatever the outcome, the engine keeps the states computed: the panel shows how far the
    // image's preparation now is.
    if (!img.pixels.empty()) {
        const grounding::Engine::Preparation p = engine_->preparation(img, method);
        Q_EMIT trajectoryHeld(key, method.steps, p.states, p.fromDisk);
    }
    reportCacheProblem();
}

void GroundingWorker::prepare(const QByteArray& pixels, int width, int height, const QString& key,
                              const cxr::grounding::Settings& settings) {
    const int needed = std::max(1, settings.resolvedEnd());
    if (!engine_) {
        Q_EMIT prepareEnded(key, -1, needed, false, Failed, 0, tr("No model is loaded."));
        return;
    }
    if (prepareCancel) {  // a request came first while this waited
        Q_EMIT prepareEnded(key, -1, needed, false, Stopped, 0, QString());
        return;
    }
    int calls = 0;
    bool ok = false, fromDisk = false;
    std::string err;
    try {
        const grounding::GreyImage img = image(pixels, width, height, key);
        const grounding::Engine::Preparation before = engine_->preparation(img, settings);
        fromDisk = before.fromDisk;
        Q_EMIT prepareProgress(key, before.states, needed, secondsPerCall_);
        long long last = 0;
        ok = engine_->prepare(
            img, settings, &err,
            [&](grounding::Phase phase, int step, int total) {
                if (phase != grounding::Phase::Inversion) return;
                const long long now = steadyNs();
                if (calls > 0) {  // one UNet call and its step since the last report
                    const double dt = (now - last) / 1e9;
                    secondsPerCall_ = secondsPerCall_ > 0 ? 0.8 * secondsPerCall_ + 0.2 * dt : dt;
                }
                last = now;
                ++calls;
                ++prepareCalls;
                Q_EMIT prepareProgress(key, needed - total + step, needed, secondsPerCall_);
            },
            &prepareCancel);
        const grounding::Engine::Preparation after = engine_->preparation(img, settings);
        const int outcome = ok ? Prepared : err == "cancelled" ? Stopped : Failed;
        Q_EMIT prepareEnded(key, after.states, needed, fromDisk, outcome, calls,
                            ok || outcome == Stopped ? QString() : QString::fromStdString(err));
    } catch (const std::exception& e) {
        Q_EMIT prepareEnded(key, -1, needed, false, Failed, calls, tr("The preparation failed: %1").arg(QString::fromUtf8(e.what())));
    }
    reportCacheProblem();
}

}  // namespace cxr::ui
