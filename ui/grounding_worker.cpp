#include "grounding_worker.h"

namespace cxr::ui {

void GroundingWorker::loadModel(const QString& dir, const QString& device, const QString& precision, int threads) {
    engine_.reset();
    settings_.device = device.toStdString();
    settings_.precision = precision.toStdString();
    settings_.threads = threads;
    std::string err;
    engine_ = grounding::Engine::load(dir.toStdString(), settings_, &err);
    if (!engine_) {
        Q_EMIT modelFailed(dir, QString::fromStdString(err));
        return;
    }
    const auto& i = engine_->info();
    Q_EMIT modelLoaded(dir, QString::fromStdString(i.device), i.threads, qulonglong(i.parameterCount), i.crossAttentionLayers);
}

void GroundingWorker::ground(quint64 id, const QByteArray& pixels, int width, int height, const QString& key,
                            const QStringList& prompts, const cxr::grounding::Settings& method) {
    if (!engine_) {
        Q_EMIT failed(id, tr("No model is loaded."));
        return;
    }
    if (cancel) {  // cancelled while queued
        Q_EMIT failed(id, QStringLiteral("cancelled"));
        return;
    }
    grounding::Settings s = method;
    s.device = settings_.device;
    s.precision = settings_.precision;
    s.threads = settings_.threads;
    grounding::GreyImage img;
    img.width = width;
    img.height = height;
    img.pixels.assign(reinterpret_cast<const uint8_t*>(pixels.constData()),
                      reinterpret_cast<const uint8_t*>(pixels.constData()) + pixels.size());
    img.cacheKey = key.toStdString();
    std::vector<std::string> ps;
    for (const QString& p : prompts) ps.push_back(p.toStdString());
    auto results = std::make_shared<std::vector<grounding::PromptResult>>();
    std::string err;
    const bool ok = engine_->ground(
        img, ps, s, results.get(), &err,
        [this, id](grounding::Phase phase, int step, int total) { Q_EMIT progress(id, static_cast<int>(phase), step, total); },
        &cancel);
    if (!ok) {
        Q_EMIT failed(id, QString::fromStdString(err));
        return;
    }
    Q_EMIT finished(id, key, results);
}

}  // namespace cxr::ui
