// Preparing images before the sentence: the inversion trajectory does not depend on the sentence,
// so the viewer computes it in the background as soon as an image is shown and a model is
// loaded (Engine::prepare on the grounding worker). A sentence the user asks for always goes
// first: the preparation stops before its next UNet call, the request runs, and the preparation
// continues afterwards from where it stopped (the engine keeps the states, in memory and in the
// persistent trajectory cache). Optionally the next images of the open study are prepared too.
#pragma once

#include "grounding/engine.h"
#include "imaging/image.h"
#include "imaging/scan.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <algorithm>

namespace cxr::ui {

class GroundingWorker;

// The 8-bit picture the engine grounds on: the image as a reader sees it by default
// (docs/method.md "Image": DICOMs rendered with their LUTs; colour images as luminance).
QByteArray groundingPixels(const Image& image, int* width, int* height);
// The key the grounding panel gives an image: its path and frame.
QString groundingKey(const QString& path, int frame);
// The files after `current` in its study, series by series in instance order, at most `limit`.
QStringList followingImagesInStudy(const ScanResult& scan, const QString& current, int limit);

// Settings > Preparation (QSettings keys and defaults).
struct PreparationSettings {
    bool background = true;     // prepare the shown image as soon as it is shown
    int nextImages = 0;         // also the next N images of its study (0: off)
    bool diskCache = true;      // keep prepared trajectories on disk
    QString cacheDir;           // "" : grounding::TrajectoryCache::defaultDir() (XDG)
    int cacheMaxMiB = 2048;     // size bound of the disk cache
    static constexpr int kMaxNextImages = 20;
    static constexpr int kMemoryImages = 6;  // without the disk cache, no more than the engine keeps in memory
    static PreparationSettings load();
    void save() const;
    QString resolvedCacheDir() const;
};

// Decides on the GUI thread what the worker prepares, and keeps where each image stands.
class BackgroundPreparation : public QObject {
    Q_OBJECT
public:
    enum class Status {
        Unknown,    // not asked yet
        Preparing,  // on the worker now
        Waiting,    // partly prepared; waits for its turn (a sentence goes first, or another image)
        Ready,      // every state the window needs is held
        Stopped,    // Cancel: what is prepared is kept; continues when shown again or grounded
        Failed
    };
    struct State {
        Status status = Status::Unknown;
        int states = 0, needed = 0;  // states held of those the window needs
        bool fromDisk = false;       // the held states came from the disk cache
        QString error;
        double fraction() const { return needed > 0 ? std::min(1.0, double(states) / needed) : 0.0; }
    };

    BackgroundPreparation(GroundingWorker* worker, QObject* parent = nullptr);

    void setEnabled(bool on);
    bool enabled() const { return enabled_; }
    void setNextLimit(int n, bool diskCache);
    void setModelReady(bool ready);  // a new engine: every image is asked again
    void setSettings(const grounding::Settings& s);
    // The shown image (empty key: none). Resumes after a Cancel.
    void setCurrent(const QString& key, const QByteArray& grey, int width, int height);
    // The files after the shown one in its study (loaded here, in the background, when their turn comes).
    void setFollowing(const QStringList& paths);
    // A user request is queued or running: the preparation yields within one UNet call and waits.
    void setRequestActive(bool active);
    // Cancel: the running preparation stops, what it prepared is kept; nothing more is prepared
    // until an image is shown or a sentence is asked for.
    void stop();
    // After a user request: how many states of the image's trajectory the engine holds.
    void noteTrajectory(const QString& key, int steps, int states, bool fromDisk);
    // After a user request with one prompt: the time of its window passes (for the estimate).
    void noteRequestTimes(const grounding::Settings& s, const grounding::Timings& t, int prompts);

    State state(const QString& key) const;
    bool running() const { return !runningKey_.isEmpty(); }
    QString runningKey() const { return runningKey_; }
    bool stopped() const { return stopped_; }
    // The following images this setting prepares, and how many of them are ready.
    int followingCount() const;
    int followingReady() const;
    double secondsPerCall() const { return secondsPerCall_; }
    // Seconds a sentence takes on a prepared image (-1 while nothing was measured); seconds left
    // for an image's preparation (-1 when unknown).
    double sentenceSeconds() const;
    double secondsLeft(const QString& key) const;
    // The last request that made a preparation yield: preparation calls started after the yield
    // was asked (0 or 1: the call in flight) and milliseconds until the request began. -1: none.
    int lastYieldCalls() const { return lastYieldCalls_; }
    double lastYieldMs() const { return lastYieldMs_; }
    int preparedCalls() const { return preparedCalls_; }  // UNet calls the preparations made

Q_SIGNALS:
    void changed();
    void imagePrepared(const QString& key);

private:
    struct Target {
        QString key, path;
        QByteArray grey;
        int width = 0, height = 0;
        bool loading = false;
    };
    void startNext();
    void interrupt();  // the running preparation stops before its next call (its states stay)
    void reconsider();  // interrupts a preparation that is no longer the most wanted
    void resume();      // after a Cancel
    void resetStates();
    void onProgress(const QString& key, int states, int needed, double secondsPerCall);
    void onEnded(const QString& key, int states, int needed, bool fromDisk, int outcome, int calls, const QString& message);
    void onRequestStarted(quint64 id, int callsAfterYield, double yieldMs);
    void loadFollowing(const QString& path);
    QList<Target*> targets();

    GroundingWorker* worker_;
    bool enabled_ = true, modelReady_ = false, requestActive_ = false, stopped_ = false;
    int nextLimit_ = 0;
    grounding::Settings settings_;
    Target current_;
    QList<Target> following_;
    QHash<QString, State> states_;
    QString runningKey_;
    quint64 generation_ = 0, runningGeneration_ = 0, loadGeneration_ = 0;
    double secondsPerCall_ = 0;       // one unconditional UNet call (measured while preparing)
    double windowCallSeconds_ = -1;   // one window pass of one prompt (measured on requests)
    double overheadSeconds_ = 0;      // text encoding and post-processing of one prompt
    int lastYieldCalls_ = -1;
    double lastYieldMs_ = -1;
    int preparedCalls_ = 0;
};

}  // namespace cxr::ui
