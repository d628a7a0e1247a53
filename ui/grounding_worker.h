// The grounding worker: lives in its own thread and owns the engine; the panel drives it with
// queued calls. The engine header is LibTorch-free (pimpl).
#pragma once

#include "grounding/engine.h"

#include <QByteArray>
#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

namespace cxr::ui {

using ResultsPtr = std::shared_ptr<std::vector<grounding::PromptResult>>;

// Lives in its own thread; every slot runs there. The model loads once and stays loaded.
class GroundingWorker : public QObject {
    Q_OBJECT
public:
    GroundingWorker() = default;
    std::atomic_bool cancel{false};

public Q_SLOTS:
    void loadModel(const QString& dir, const QString& device, const QString& precision, int threads);
    void ground(quint64 requestId, const QByteArray& pixels, int width, int height, const QString& imageKey,
                const QStringList& prompts, const cxr::grounding::Settings& settings);

Q_SIGNALS:
    void modelLoaded(const QString& dir, const QString& device, int threads, qulonglong parameters, int crossAttentionLayers);
    void modelFailed(const QString& dir, const QString& message);
    void progress(quint64 requestId, int phase, int step, int total);
    void finished(quint64 requestId, const QString& imageKey, cxr::ui::ResultsPtr results);
    void failed(quint64 requestId, const QString& message);

private:
    std::unique_ptr<grounding::Engine> engine_;
    grounding::Settings settings_;
};

}  // namespace cxr::ui

Q_DECLARE_METATYPE(cxr::ui::ResultsPtr)
Q_DECLARE_METATYPE(cxr::grounding::Settings)
