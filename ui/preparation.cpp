#include "preparation.h"

#include "grounding/trajectory_cache.h"
#include "grounding_worker.h"
#include "imaging/loader.h"

#include <QFutureWatcher>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

#include <chrono>

namespace cxr::ui {

QByteArray groundingPixels(const Image& image, int* width, int* height) {
    Renderer ren;
    const Rendered px = ren.render(image, defaultDisplay(image));
    QByteArray grey(qsizetype(px.width) * px.height, Qt::Uninitialized);
    for (qsizetype i = 0; i < grey.size(); ++i) {
        if (px.channels == 1) {
            grey[i] = char(px.pixels[size_t(i)]);
        } else {
            const uint8_t* p = &px.pixels[size_t(i) * 3];
            grey[i] = char((p[0] * 299 + p[1] * 587 + p[2] * 114 + 500) / 1000);
        }
    }
    *width = px.width;
    *height = px.height;
    return grey;
}

QString groundingKey(const QString& path, int frame) { return path + QStringLiteral("#%1").arg(frame); }

QStringList followingImagesInStudy(const ScanResult& scan, const QString& current, int limit) {
    for (const auto& p : scan.patients)
        for (const auto& st : p.studies) {
            QStringList files;
            for (const auto& se : st.series)
                for (const auto& f : se.files) files << f.path;
            const int at = int(files.indexOf(current));
            if (at >= 0) return files.mid(at + 1, limit);
        }
    return {};
}

// ---- settings ----------------------------------------------------------------------------------

PreparationSettings PreparationSettings::load() {
    QSettings s;
    PreparationSettings p;
    p.background = s.value(QStringLiteral("preparation/background"), p.background).toBool();
    p.nextImages = std::clamp(s.value(QStringLiteral("preparation/nextImages"), p.nextImages).toInt(), 0, kMaxNextImages);
    p.diskCache = s.value(QStringLiteral("cache/enabled"), p.diskCache).toBool();
    p.cacheDir = s.value(QStringLiteral("cache/dir")).toString();
    p.cacheMaxMiB = std::max(1, s.value(QStringLiteral("cache/maxMiB"), p.cacheMaxMiB).toInt());
    return p;
}

void PreparationSettings::save() const {
    QSettings s;
    s.setValue(QStringLiteral("preparation/background"), background);
    s.setValue(QStringLiteral("preparation/nextImages"), nextImages);
    s.setValue(QStringLiteral("cache/enabled"), diskCache);
    s.setValue(QStringLiteral("cache/dir"), cacheDir);
    s.setValue(QStringLiteral("cache/maxMiB"), cacheMaxMiB);
}

QString PreparationSettings::resolvedCacheDir() const {
    return cacheDir.trimmed().isEmpty() ? QString::fromStdString(grounding::TrajectoryCache::defaultDir()) : cacheDir.trimmed();
}

// ---- the scheduler -----------------------------------------------------------------------------

namespace {
long long steadyNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
struct LoadedPixels {
    QByteArray grey;
    int width = 0, height = 0;
    QString error;
};
}  // namespace

BackgroundPreparation::BackgroundPreparation(GroundingWorker* worker, QObject* parent) : QObject(parent), worker_(worker) {
    connect(worker_, &GroundingWorker::prepareProgress, this, &BackgroundPreparation::onProgress);
    connect(worker_, &GroundingWorker::prepareEnded, this, &BackgroundPreparation::onEnded);
    connect(worker_, &GroundingWorker::requestStarted, this, &BackgroundPreparation::onRequestStarted);
}

void BackgroundPreparation::setEnabled(bool on) {
    if (on == enabled_) return;
    enabled_ = on;
    if (!on) interrupt();
    startNext();
    Q_EMIT changed();
}

void BackgroundPreparation::setNextLimit(int n, bool diskCache) {
    // Without the disk cache only what the engine keeps in memory can wait for its image.
    nextLimit_ = std::clamp(n, 0, diskCache ? PreparationSettings::kMaxNextImages : PreparationSettings::kMemoryImages);
    reconsider();
    startNext();
    Q_EMIT changed();
}

void BackgroundPreparation::reconsider() {
    if (!running()) return;
    bool wanted = false;
    for (Target* t : targets()) wanted = wanted || t->key == runningKey_;
    // The shown image comes first: a preparation of another image yields while it is not ready.
    const bool currentFirst = runningKey_ != current_.key && !current_.key.isEmpty() &&
                              state(current_.key).status != Status::Ready && state(current_.key).status != Status::Failed;
    if (!wanted || currentFirst) interrupt();
}

void BackgroundPreparation::resume() {
    stopped_ = false;
    for (auto it = states_.begin(); it != states_.end(); ++it)
        if (it->status == Status::Stopped) it->status = Status::Waiting;
}

void BackgroundPreparation::resetStates() {
    ++generation_;
    states_.clear();
    interrupt();
}

void BackgroundPreparation::setModelReady(bool ready) {
    modelReady_ = ready;
    resetStates();  // another engine (or none): what it holds is asked again
    startNext();
    Q_EMIT changed();
}

void BackgroundPreparation::setSettings(const grounding::Settings& s) {
    // The trajectory depends on the step count; the window's end says how far it is needed.
    const bool same = s.steps == settings_.steps && s.resolvedEnd() == settings_.resolvedEnd();
    settings_ = s;
    if (same) return;
    resetStates();
    startNext();
    Q_EMIT changed();
}

void BackgroundPreparation::setCurrent(const QString& key, const QByteArray& grey, int width, int height) {
    if (key == current_.key && width == current_.width && height == current_.height) return;
    current_ = Target{key, QString(), grey, width, height, false};
    resume();  // an image shown again continues
    reconsider();
    startNext();
    Q_EMIT changed();
}

void BackgroundPreparation::setFollowing(const QStringList& paths) {
    QList<Target> next;
    for (const QString& p : paths) {
        Target t;
        t.path = p;
        t.key = groundingKey(p, 0);
        for (const Target& old : following_)
            if (old.key == t.key) t = old;  // keeps its pixels when already loaded
        t.loading = false;
        next << t;
    }
    following_ = next;
    ++loadGeneration_;  // a load in flight belongs to the old list
    reconsider();
    startNext();
    Q_EMIT changed();
}

void BackgroundPreparation::setRequestActive(bool active) {
    if (active == requestActive_) return;
    requestActive_ = active;
    if (active) {
        resume();  // a sentence asked for: preparing goes on after it
        if (running()) {
            worker_->yieldAtCalls = worker_->prepareCalls.load();
            worker_->yieldAtNs = steadyNs();
            interrupt();
        } else {
            worker_->yieldAtNs = 0;
        }
    } else {
        startNext();
    }
    Q_EMIT changed();
}

void BackgroundPreparation::stop() {
    stopped_ = true;
    interrupt();
    State& s = states_[current_.key];
    if (!current_.key.isEmpty() && s.status != Status::Ready && s.status != Status::Failed) s.status = Status::Stopped;
    Q_EMIT changed();
}

void BackgroundPreparation::interrupt() {
    if (running()) worker_->prepareCancel = true;
}

void BackgroundPreparation::noteTrajectory(const QString& key, int steps, int states, bool fromDisk) {
    if (steps != settings_.steps || key.isEmpty() || key == runningKey_) return;
    State& s = states_[key];
    s.needed = std::max(1, settings_.resolvedEnd());
    s.states = states;
    s.fromDisk = fromDisk;
    if (states >= s.needed) s.status = Status::Ready;
    else if (stopped_ && key == current_.key) s.status = Status::Stopped;
    else if (states > 0) s.status = Status::Waiting;
    Q_EMIT changed();
}

void BackgroundPreparation::noteRequestTimes(const grounding::Settings& s, const grounding::Timings& t, int prompts) {
    const int window = s.resolvedEnd() - s.resolvedStart();
    if (prompts != 1 || window <= 0 || t.attention <= 0) return;
    windowCallSeconds_ = t.attention / window;
    overheadSeconds_ = t.encodeText + t.postprocess;
}

BackgroundPreparation::State BackgroundPreparation::state(const QString& key) const {
    State s = states_.value(key);
    if (s.needed <= 0) s.needed = std::max(1, settings_.resolvedEnd());
    return s;
}

int BackgroundPreparation::followingCount() const { return std::min(nextLimit_, int(following_.size())); }

int BackgroundPreparation::followingReady() const {
    int n = 0;
    for (int i = 0; i < followingCount(); ++i) n += state(following_[i].key).status == Status::Ready;
    return n;
}

double BackgroundPreparation::sentenceSeconds() const {
    const int window = settings_.resolvedEnd() - settings_.resolvedStart();
    const double perCall = windowCallSeconds_ > 0 ? windowCallSeconds_ : secondsPerCall_;
    if (perCall <= 0) return -1;
    return window * perCall + overheadSeconds_;
}

double BackgroundPreparation::secondsLeft(const QString& key) const {
    const State s = state(key);
    if (secondsPerCall_ <= 0 || s.states <= 0) return -1;
    return std::max(0, s.needed - s.states) * secondsPerCall_;
}

QList<BackgroundPreparation::Target*> BackgroundPreparation::targets() {
    QList<Target*> out;  // the shown image first, then the following ones in order
    if (!current_.key.isEmpty()) out << &current_;
    for (int i = 0; i < followingCount(); ++i)
        if (following_[i].key != current_.key) out << &following_[i];
    return out;
}

void BackgroundPreparation::startNext() {
    if (!enabled_ || !modelReady_ || requestActive_ || stopped_ || running()) return;
    for (Target* t : targets()) {
        const Status st = state(t->key).status;
        if (st == Status::Ready || st == Status::Failed) continue;
        if (t->grey.isEmpty()) {  // a following file: its pixels first, off the event loop
            if (!t->loading) loadFollowing(t->path);
            return;
        }
        runningKey_ = t->key;
        runningGeneration_ = generation_;
        State& s = states_[t->key];
        s.status = Status::Preparing;
        s.needed = std::max(1, settings_.resolvedEnd());
        worker_->prepareCancel = false;
        QMetaObject::invokeMethod(worker_, "prepare", Qt::QueuedConnection, Q_ARG(QByteArray, t->grey), Q_ARG(int, t->width),
                                  Q_ARG(int, t->height), Q_ARG(QString, t->key), Q_ARG(cxr::grounding::Settings, settings_));
        Q_EMIT changed();
        return;
    }
}

void BackgroundPreparation::loadFollowing(const QString& path) {
    for (Target& t : following_)
        if (t.path == path) t.loading = true;
    const quint64 gen = loadGeneration_;
    auto* watcher = new QFutureWatcher<LoadedPixels>(this);
    connect(watcher, &QFutureWatcher<LoadedPixels>::finished, this, [this, watcher, path, gen] {
        watcher->deleteLater();
        if (gen != loadGeneration_) return;
        const LoadedPixels r = watcher->result();
        for (Target& t : following_)
            if (t.path == path) {
                t.loading = false;
                if (r.error.isEmpty()) {
                    t.grey = r.grey;
                    t.width = r.width;
                    t.height = r.height;
                } else {
                    State& s = states_[t.key];
                    s.status = Status::Failed;
                    s.error = r.error;
                }
            }
        startNext();
        Q_EMIT changed();
    });
    watcher->setFuture(QtConcurrent::run([path] {
        LoadedPixels out;
        const LoadResult r = loadImage(path, 0);
        if (!r.ok()) out.error = r.error;
        else out.grey = groundingPixels(*r.image, &out.width, &out.height);
        return out;
    }));
}

void BackgroundPreparation::onProgress(const QString& key, int states, int needed, double secondsPerCall) {
    if (key != runningKey_ || runningGeneration_ != generation_) return;
    State& s = states_[key];
    s.states = states;
    s.needed = needed;
    if (secondsPerCall > 0) secondsPerCall_ = secondsPerCall;
    Q_EMIT changed();
}

void BackgroundPreparation::onEnded(const QString& key, int states, int needed, bool fromDisk, int outcome, int calls,
                                    const QString& message) {
    if (key != runningKey_) return;
    runningKey_.clear();
    preparedCalls_ += calls;
    if (runningGeneration_ == generation_) {
        State& s = states_[key];
        if (states >= 0) s.states = states;
        s.needed = needed;
        s.fromDisk = fromDisk;
        if (outcome == GroundingWorker::Failed) {
            s.status = Status::Failed;
            s.error = message;
        } else if (s.states >= s.needed) {
            s.status = Status::Ready;
        } else {
            s.status = stopped_ && key == current_.key ? Status::Stopped : Status::Waiting;
        }
        if (s.status == Status::Ready) {
            for (Target& t : following_)  // its pixels are no longer needed
                if (t.key == key) t.grey.clear();
            Q_EMIT imagePrepared(key);
        }
    }
    startNext();
    Q_EMIT changed();
}

void BackgroundPreparation::onRequestStarted(quint64, int callsAfterYield, double yieldMs) {
    if (callsAfterYield < 0) return;
    lastYieldCalls_ = callsAfterYield;
    lastYieldMs_ = yieldMs;
}

}  // namespace cxr::ui
