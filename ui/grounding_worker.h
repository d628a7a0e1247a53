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
// One job at a time: a user request (ground) or the background preparation of an image
// (prepare). A request the panel queues sets prepareCancel, so the preparation stops before its
// next UNet call and the request runs next; the engine keeps the states prepared so far.
class GroundingWorker : public QObject {
    Q_OBJECT
public:
    GroundingWorker() = default;
    std::atomic_bool cancel{false};         // the running user request
    std::atomic_bool prepareCancel{false};  // the running preparation (a request goes first, Cancel)

    // How a request that made a preparation yield started: set by the panel when it asks the
    // preparation to yield (steady-clock nanoseconds and the preparation's call count then); the
    // request's start reports how many preparation calls and milliseconds passed in between.
    std::atomic<long long> yieldAtNs{0};
    std::atomic_int yieldAtCalls{0};
    std::atomic_int prepareCalls{0};  // UNet calls started by preparations, since the worker began

    enum Outcome { Prepared = 0, Stopped = 1, Failed = 2 };

public Q_SLOTS:
    void loadModel(const QString& dir, const QString& device, const QString& precision, int threads);
    void ground(quint64 requestId, const QByteArray& pixels, int width, int height, const QString& imageKey,
                const QStringList& prompts, const cxr::grounding::Settings& settings);
    // Computes the image's trajectory up to the window's end (Engine::prepare) until done or
    // prepareCancel; reports the engine's own count of the states held afterwards.
    void prepare(const QByteArray& pixels, int width, int height, const QString& imageKey,
                 const cxr::grounding::Settings& settings);
    // The persistent trajectory cache for this and every later model ("" : memory only).
    void setTrajectoryCache(const QString& dir, qulonglong maxBytes);

Q_SIGNALS:
    void modelLoaded(const QString& dir, const QString& device, int threads, qulonglong parameters, int crossAttentionLayers);
    void modelFailed(const QString& dir, const QString& message);
    void progress(quint64 requestId, int phase, int step, int total);
    void finished(quint64 requestId, const QString& imageKey, cxr::ui::ResultsPtr results);
    void failed(quint64 requestId, const QString& message);
    // A request began on the worker; callsAfterYield / yieldMs: -1 when no preparation yielded to it.
    void requestStarted(quint64 requestId, int callsAfterYield, double yieldMs);
    // The states of an image's trajectory the engine holds after a request (steps: its schedule).
    void trajectoryHeld(const QString& imageKey, int steps, int states, bool fromDisk);
    // Preparation: before each UNet call (states held so far of those needed) and at its end.
    void prepareProgress(const QString& imageKey, int states, int needed, double secondsPerCall);
    void prepareEnded(const QString& imageKey, int states, int needed, bool fromDisk, int outcome, int calls,
                      const QString& message);
    void cacheProblem(const QString& message);  // the disk cache could not be used (work went on)

private:
    grounding::GreyImage image(const QByteArray& pixels, int width, int height, const QString& key) const;
    void reportCacheProblem();
    std::unique_ptr<grounding::Engine> engine_;
    grounding::RunSettings run_;
    std::string cacheDir_;
    uint64_t cacheMaxBytes_ = 0;
    double secondsPerCall_ = 0;  // unconditional UNet call, measured (moving average)
};

}  // namespace cxr::ui

Q_DECLARE_METATYPE(cxr::ui::ResultsPtr)
Q_DECLARE_METATYPE(cxr::grounding::Settings)
