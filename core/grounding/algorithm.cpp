// Algorithm 1 of the paper as the authors' code runs it (docs/method.md), in named steps:
//
//   1. encodePrompts   tokenise each sentence, choose its token range, encode ['', prompts]
//   2. invertToWindow  encode the image (z0 = 0.3 * mu) and run the unconditional DDIM inversion
//                      up to the window's first call; the trajectory is cached per image
//   3. windowPasses    at each window call, the prompts' conditional rows record the chosen
//                      cross-attention layers and stop after the last one; where the trajectory
//                      still lacks x_{i+1}, the unconditional row shares the batch and advances it
//   4. aggregate       per prompt: token mean, min-max, resize to 512, mean over (layer, call)
//   5. finish          Gaussian smoothing, min-max, Otsu, map back to the original image
//
// ground() and recordAllLayers() share steps 1-3 (prepareRequest()); Engine::prepare() runs step 2
// alone, before any sentence. Calls after the window never
// influence the map and are not run; the trajectory does not depend on the prompt.
#include "grounding/engine_internal.h"

#include "grounding/crop.h"
#include "grounding/postprocess.h"
#include "text/clip_tokenizer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>
#include <sstream>

namespace cxr::grounding {

namespace F = torch::nn::functional;

namespace {

double now() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

// The layers as the authors' code visits them: ascending, each once.
std::vector<int> layerOrder(const std::vector<int>& layers) {
    const std::set<int> s(layers.begin(), layers.end());
    return {s.begin(), s.end()};
}

// Counts the request's UNet calls for progress and the result.
struct CallCounter {
    const ProgressFn& progress;
    int total = 0, done = 0;
    void step(Phase p) {
        if (progress) progress(p, done, total);
        ++done;
    }
};

struct Cancelled {};  // thrown between UNet calls when the user cancels

// ---- step 1 -------------------------------------------------------------------------------------

// The attribution token range (method.md "Attribution"): positions of the prompt's ids that equal
// any of the category's sub-token ids; [first, last) with last exclusive, or [first, first + 1)
// when they coincide. False when none matches.
bool attributionRange(const text::ClipTokenizer& tok, const std::string& category, const std::vector<int64_t>& ids,
                      int length, int* first, int* lastInclusive) {
    const auto cat = tok.encode(category, 77);
    const std::set<int64_t> catIds(cat.ids.begin() + 1, cat.ids.begin() + std::max(1, cat.length - 1));
    int p0 = -1, p1 = -1;
    for (int p = 0; p < length; ++p)
        if (catIds.count(ids[size_t(p)])) {
            if (p0 < 0) p0 = p;
            p1 = p;
        }
    if (p0 < 0) return false;
    *first = p0;
    *lastInclusive = p0 == p1 ? p0 : p1 - 1;
    return true;
}

struct EncodedPrompts {
    std::vector<PromptResult> results;  // tokens, words and the token range of each prompt
    torch::Tensor context;              // [P,77,H] fp32
};

// categories: per prompt, the attribution category (empty: none); else s.attribution for all.
bool encodePrompts(Engine::Impl* d, const std::vector<std::string>& prompts, const Settings& s,
                   const std::vector<std::string>& categories, EncodedPrompts* out, std::string* error) {
    std::vector<std::vector<int64_t>> ids;
    for (size_t k = 0; k < prompts.size(); ++k) {
        const std::string& p = prompts[k];
        const std::string& category = categories.empty() ? s.attribution : categories[k];
        PromptResult r;
        r.prompt = p;
        const auto tk = d->tokenizer->encode(p, 77);
        r.tokenIds = tk.ids;
        r.length = tk.length;
        r.truncated = tk.truncated;
        r.tokens = tk.tokens;
        r.firstToken = 1;
        r.lastToken = tk.length - 2;  // the authors' [1, len - 1)
        for (const auto& w : d->tokenizer->words(p, 77)) r.words.push_back({w.text, w.firstToken, w.lastToken, w.isWord});
        if (r.lastToken < r.firstToken) {
            *error = "the prompt \"" + p + "\" has no words to ground (empty after cleaning)";
            return false;
        }
        if (!category.empty()) {
            r.attribution = category;
            r.attributionMatched =
                attributionRange(*d->tokenizer, category, tk.ids, tk.length, &r.firstToken, &r.lastToken);
        }
        ids.push_back(r.tokenIds);
        out->results.push_back(std::move(r));
    }
    if (!d->emptyContext.defined()) d->emptyContext = d->encodeText({d->tokenizer->encode("", 77).ids});  // [1,77,H]
    out->context = d->encodeText(ids);                                                                      // [P,77,H]
    return true;
}

// ---- step 2 -------------------------------------------------------------------------------------

// The image's key: a hash of its preprocessed 512 x 512 input (what the trajectory depends on),
// the model, the step count, the precision and the device class.
TrajectoryKey trajectoryKey(Engine::Impl* d, const torch::Tensor& x512, int steps) {
    const torch::Tensor c = x512.to(torch::kCPU, torch::kFloat32).contiguous();
    const size_t n = size_t(c.numel()) * sizeof(float);
    TrajectoryKey k;
    k.imageHash = TrajectoryCache::hex(TrajectoryCache::fnv1a(c.data_ptr<float>(), n)) +
                  TrajectoryCache::hex(TrajectoryCache::fnv1a(c.data_ptr<float>(), n, 0x84222325cbf29ce4ull));
    k.modelFingerprint = d->modelFingerprint;
    k.steps = steps;
    k.precision = d->info.precision;
    k.deviceClass = d->device.is_cuda() ? "cuda" : "cpu";
    return k;
}

// The image's trajectory entry: from memory, else from the persistent cache, else x_0 = z0 of a
// new one (the least recently used image is forgotten when memory is full).
CachedTrajectory& trajectoryFor(Engine::Impl* d, const GreyImage& image, int steps, bool* cached, double* seconds,
                                const ProgressFn& progress, bool* fromDisk = nullptr) {
    const double t0 = now();
    const torch::Tensor x512 = d->preprocess(image);
    const TrajectoryKey key = trajectoryKey(d, x512, steps);
    const std::string id = key.text();
    auto it = d->cache.find(id);
    *cached = it != d->cache.end() && !it->second.states.empty();
    if (fromDisk) *fromDisk = false;
    if (!*cached) {
        if (it == d->cache.end() && d->cache.size() >= d->maxCachedImages) {
            auto oldest = std::min_element(d->cache.begin(), d->cache.end(), [](const auto& a, const auto& b) {
                return a.second.lastUse < b.second.lastUse;
            });
            d->cache.erase(oldest);
        }
        CachedTrajectory& t = d->cache[id];
        t.width = image.width;
        t.height = image.height;
        t.key = key;
        t.states.clear();
        TrajectoryStates disk;
        std::string why;
        if (d->diskCache && d->diskCache->load(key, &disk, &why)) {
            for (const auto& x : disk.states)
                t.states.push_back(torch::from_blob(const_cast<float*>(x.data()), {1, disk.channels, disk.height, disk.width},
                                                    torch::kFloat32)
                                       .to(d->device, torch::kFloat32, false, /*copy=*/true));
            t.stored = t.states.size();
            *cached = true;
            if (fromDisk) *fromDisk = true;
        } else {
            if (!why.empty()) d->lastCacheProblem = why;
            if (progress) progress(Phase::EncodeImage, 0, 1);
            t.states = {d->encodeImage(x512)};
            t.stored = 0;
        }
        it = d->cache.find(id);
    }
    *seconds = now() - t0;
    it->second.lastUse = ++d->useCounter;
    return it->second;
}

// Writes the states the persistent cache does not hold yet. Never throws: a full disk or an
// unwritable folder is remembered in lastCacheProblem and the request goes on.
void persist(Engine::Impl* d, CachedTrajectory& t) noexcept {
    if (!d->diskCache || t.states.size() <= t.stored) return;
    try {
        TrajectoryStates s;
        const torch::Tensor first = t.states.front();
        s.channels = int(first.size(1));
        s.height = int(first.size(2));
        s.width = int(first.size(3));
        for (const torch::Tensor& x : t.states) {
            const torch::Tensor c = x.to(torch::kCPU, torch::kFloat32).contiguous();
            s.states.emplace_back(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
        }
        std::string err;
        if (d->diskCache->store(t.key, s, &err)) t.stored = t.states.size();
        else d->lastCacheProblem = err;
    } catch (const std::exception& e) {
        d->lastCacheProblem = std::string("the trajectory cache: ") + e.what();
    }
}

// Persists the trajectory when the request ends, however it ends (done, cancelled, failed).
struct PersistOnExit {
    Engine::Impl* d;
    CachedTrajectory* t = nullptr;
    ~PersistOnExit() {
        if (t) persist(d, *t);
    }
};

// One call's output, checked: NaN or Inf (a reduced precision overflowing, a broken model) is a
// message, not a map.
void checkFinite(const torch::Tensor& sum, int call) {
    const double v = sum.item<double>();
    if (!std::isfinite(v))
        throw std::runtime_error("the model produced non-finite values (NaN or Inf) at inversion call " +
                                 std::to_string(call) +
                                 "; with bf16 / fp16 this is an overflow: use fp32");
}

// Unconditional calls from the trajectory's last state until it holds x_upTo.
void invertToWindow(Engine::Impl* d, CachedTrajectory& traj, const Schedule& sched, int upTo, CallCounter& calls,
                    const std::atomic_bool* cancel) {
    while (static_cast<int>(traj.states.size()) <= upTo) {
        if (cancel && cancel->load()) throw Cancelled();
        const int i = static_cast<int>(traj.states.size()) - 1;
        calls.step(Phase::Inversion);
        const torch::Tensor v = d->unetCall(traj.states.back(), sched.timesteps[size_t(i)], d->emptyContext);
        torch::Tensor next = sched.invertStep(traj.states.back(), v, i);
        if (i % 16 == 15) checkFinite(next.sum(), i);
        traj.states.push_back(std::move(next));
    }
}

// ---- step 3 -------------------------------------------------------------------------------------

// Per call i of [a, b): sink(i, probs) with probs[k] the conditional rows' probabilities of
// layers[k] (ascending), [P, HW, 77] fp32, still on the device.
using Sink = std::function<void(int call, std::vector<torch::Tensor>& probs)>;

void windowPasses(Engine::Impl* d, CachedTrajectory& traj, const Schedule& sched, int a, int b,
                  const std::vector<int>& layers, const torch::Tensor& ctxPrompts, CallCounter& calls,
                  const std::atomic_bool* cancel, const Sink& sink) {
    const int64_t P = ctxPrompts.size(0);
    const torch::Tensor ctxWithEmpty = torch::cat({d->emptyContext, ctxPrompts}, 0);  // [1+P,77,H]
    for (int i = a; i < b; ++i) {
        if (cancel && cancel->load()) throw Cancelled();
        calls.step(Phase::Attention);
        const torch::Tensor xi = traj.states[size_t(i)];  // a handle: states may grow below
        // The window still needs x_{i+1} and the trajectory lacks it: the unconditional row rides along.
        const bool advance = i + 1 < b && static_cast<int>(traj.states.size()) == i + 1;
        nets::AttentionControl ctl;
        ctl.record = layers;
        ctl.stopAfter = layers.back();
        ctl.sharedInput = true;  // every row is x_i at t_i; only the text differs
        int64_t firstCond = 0;
        torch::Tensor check;
        if (advance) {
            ctl.keepRows = 1;
            firstCond = 1;
            const torch::Tensor out = d->unetCall(xi.expand({1 + P, -1, -1, -1}), sched.timesteps[size_t(i)], ctxWithEmpty, &ctl);
            traj.states.push_back(sched.invertStep(xi, out, i));
            check = traj.states.back().sum();
        } else {
            d->unetCall(xi.expand({P, -1, -1, -1}), sched.timesteps[size_t(i)], ctxPrompts, &ctl);
        }
        const int64_t rows = P + firstCond;
        std::vector<torch::Tensor> probs;
        for (auto& [idx, pr] : ctl.maps) {  // execution order = ascending layer index
            (void)idx;
            const int64_t heads = pr.size(0) / rows;
            torch::Tensor m = pr.reshape({rows, heads, pr.size(1), pr.size(2)}).mean(1).slice(0, firstCond, rows);
            check = check.defined() ? check + m.sum() : m.sum();
            probs.push_back(std::move(m));
        }
        checkFinite(check, i);
        sink(i, probs);
    }
}

// ---- the shared preparation of ground() and recordAllLayers() -----------------------------------

struct Prepared {
    EncodedPrompts prompts;
    CachedTrajectory* trajectory = nullptr;
    Schedule schedule;
    bool cached = false;
    double secondsText = 0, secondsImage = 0;
};

bool checkRequest(const GreyImage& image, const std::vector<std::string>& prompts, std::string* error) {
    if (image.width <= 0 || image.height <= 0 || image.pixels.size() != size_t(image.width) * size_t(image.height)) {
        *error = "the image is empty or its size does not match its pixels";
        return false;
    }
    if (prompts.empty()) {
        *error = "no prompt to ground";
        return false;
    }
    return true;
}

bool prepareRequest(Engine::Impl* d, const GreyImage& image, const std::vector<std::string>& prompts, const Settings& s,
             const std::vector<std::string>& categories, const ProgressFn& progress, Prepared* out, std::string* error) {
    if (!checkRequest(image, prompts, error)) return false;
    if (!categories.empty() && categories.size() != prompts.size()) {
        *error = "one attribution category per prompt is needed";
        return false;
    }
    double t0 = now();
    if (progress) progress(Phase::EncodeText, 0, 1);
    if (!encodePrompts(d, prompts, s, categories, &out->prompts, error)) return false;
    out->secondsText = now() - t0;
    out->schedule = d->schedule(s.steps);
    out->trajectory = &trajectoryFor(d, image, s.steps, &out->cached, &out->secondsImage, progress);
    return true;
}

}  // namespace

// ---- Engine entry points ------------------------------------------------------------------------

// Runs `body` under the engine's lock with every failure turned into a message.
template <class Body>
static bool guarded(Engine::Impl* d, std::string* error, Body&& body) {
    std::lock_guard<std::mutex> lock(d->mutex);
    try {
        c10::InferenceMode inference;
        return body();
    } catch (const Cancelled&) {
        *error = "cancelled";
    } catch (const std::exception& e) {
        *error = "the grounding failed: " + describeException(e);
    }
    return false;
}

bool Engine::ground(const GreyImage& image, const std::vector<std::string>& prompts, const Settings& s,
                    std::vector<PromptResult>* results, std::string* error, const ProgressFn& progress,
                    const std::atomic_bool* cancel) {
    results->clear();
    const std::string problems = s.validate(d->info.crossAttentionLayers, d->info.trainTimesteps);
    if (!problems.empty()) {
        *error = problems;
        return false;
    }
    const bool ok = guarded(d.get(), error, [&] {
        d->lastCacheProblem.clear();
        // At most kMaxBatchPrompts prompts per UNet batch; later batches reuse the trajectory.
        for (size_t first = 0; first < prompts.size() || first == 0; first += kMaxBatchPrompts) {
            const size_t end = std::min(prompts.size(), first + size_t(kMaxBatchPrompts));
            const std::vector<std::string> batch(prompts.begin() + std::ptrdiff_t(first),
                                                 prompts.begin() + std::ptrdiff_t(end));
            Prepared prep;
            if (!prepareRequest(d.get(), image, batch, s, {}, progress, &prep, error)) return false;
            PersistOnExit keep{d.get(), prep.trajectory};
            const std::vector<int> layers = layerOrder(s.layers);
            const int wa = s.resolvedStart(), wb = s.resolvedEnd();
            CallCounter calls{progress};
            calls.total = std::max(0, wa + 1 - static_cast<int>(prep.trajectory->states.size())) + (wb - wa);

            double t0 = now();
            invertToWindow(d.get(), *prep.trajectory, prep.schedule, wa, calls, cancel);
            const double tInv = now() - t0;

            // Step 3, kept on the device: per layer, the calls' [P, HW, words] word-token columns.
            t0 = now();
            int maxWords = 0;
            for (const PromptResult& r : prep.prompts.results) maxWords = std::max(maxWords, r.length - 2);
            std::vector<std::vector<torch::Tensor>> perLayer(layers.size());
            windowPasses(d.get(), *prep.trajectory, prep.schedule, wa, wb, layers, prep.prompts.context, calls, cancel,
                         [&](int, std::vector<torch::Tensor>& probs) {
                             for (size_t k = 0; k < probs.size(); ++k)
                                 perLayer[k].push_back(probs[k].slice(2, 1, 1 + maxWords));
                         });
            // One copy to the host per layer: [calls, P, HW, maxWords].
            std::vector<torch::Tensor> host;
            for (auto& l : perLayer) host.push_back(torch::stack(l).to(torch::kCPU, torch::kFloat32).contiguous());
            const double tAttn = now() - t0;

            // Steps 4 and 5.
            t0 = now();
            if (progress) progress(Phase::PostProcess, 0, 1);
            const int C = wb - wa;
            for (size_t p = 0; p < prep.prompts.results.size(); ++p) {
                PromptResult& r = prep.prompts.results[p];
                const int words = r.length - 2;
                std::vector<torch::Tensor> ordered;  // layer-major, as the reference
                r.tokenMaps.clear();
                r.tokenMapSides.clear();
                for (size_t l = 0; l < layers.size(); ++l)
                    for (int c = 0; c < C; ++c) {
                        const torch::Tensor m = host[l][c][int64_t(p)].slice(1, 0, words).contiguous();  // [HW, words]
                        ordered.push_back(m);
                        r.tokenMapSides.push_back(static_cast<int>(std::lround(std::sqrt(double(m.size(0))))));
                        r.tokenMaps.insert(r.tokenMaps.end(), m.data_ptr<float>(), m.data_ptr<float>() + m.numel());
                    }
                if (r.attributionMatched) {
                    // Columns hold positions 1 .. length-2.
                    r.heatmapMean = meanHeatmap(ordered, r.firstToken - 1, r.lastToken - 1);
                    finishHeatmap(&r, s, image.width, image.height);
                } else {
                    attributionUnmatched(&r, image.width, image.height);
                }
                r.unetCalls = calls.done;
                r.trajectoryCached = prep.cached;
                r.seconds.encodeImage = prep.secondsImage;
                r.seconds.encodeText = prep.secondsText;
                r.seconds.inversion = tInv;
                r.seconds.attention = tAttn;
            }
            const double tPost = now() - t0;
            for (PromptResult& r : prep.prompts.results) {
                r.seconds.postprocess = tPost;
                results->push_back(std::move(r));
            }
            if (end >= prompts.size()) break;
        }
        return true;
    });
    if (!ok) results->clear();
    return ok;
}

bool Engine::recordAllLayers(const GreyImage& image, const std::vector<std::string>& prompts, const Settings& s,
                             int callCount, std::vector<AblationRecord>* records, std::string* error,
                             const ProgressFn& progress, const std::atomic_bool* cancel,
                             const std::vector<std::string>& categories) {
    records->clear();
    const int L = d->info.crossAttentionLayers, T = d->info.trainTimesteps;
    Settings all = s;  // every layer, the window 0 .. callCount
    all.layers.clear();
    for (int l = 0; l < L; ++l) all.layers.push_back(l);
    all.windowStart = 0;
    all.windowEnd = callCount;
    if (callCount < 1 || callCount > s.totalCalls(T)) {
        *error = "ablation calls must lie within 1.." + std::to_string(s.totalCalls(T)) + " (got " +
                 std::to_string(callCount) + ")";
        return false;
    }
    const std::string problems = all.validate(L, T);
    if (!problems.empty()) {
        *error = problems;
        return false;
    }
    const bool ok = guarded(d.get(), error, [&] {
        d->lastCacheProblem.clear();
        Prepared prep;
        if (!prepareRequest(d.get(), image, prompts, all, categories, progress, &prep, error)) return false;
        PersistOnExit keep{d.get(), prep.trajectory};
        // The all-token range of each prompt (prepare() chose the attribution range when asked).
        const size_t P = prompts.size();
        std::vector<int> wordsLast(P);
        for (size_t p = 0; p < P; ++p) wordsLast[p] = prep.prompts.results[p].length - 2;
        CallCounter calls{progress};
        calls.total = callCount;
        std::vector<int> layers(static_cast<size_t>(L));
        for (int l = 0; l < L; ++l) layers[size_t(l)] = l;
        // Per call and layer: the normalised maps of every prompt [P, side, side] (and the
        // attribution maps), kept on the device and copied once at the end.
        std::vector<std::vector<torch::Tensor>> mapsAt(static_cast<size_t>(callCount)), attrAt(static_cast<size_t>(callCount));
        bool anyCategory = false;
        for (const PromptResult& r : prep.prompts.results) anyCategory = anyCategory || !r.attribution.empty();
        auto normalised = [](const torch::Tensor& pr, int first, int last) {  // pr [HW, 77]
            torch::Tensor m = pr.slice(1, first, last + 1).mean(1);
            return (m - m.min()) / (m.max() - m.min());
        };
        windowPasses(d.get(), *prep.trajectory, prep.schedule, 0, callCount, layers, prep.prompts.context, calls, cancel,
                     [&](int i, std::vector<torch::Tensor>& probs) {
                         for (const torch::Tensor& pr : probs) {  // [P, HW, 77]
                             std::vector<torch::Tensor> m, a;
                             for (size_t p = 0; p < P; ++p) {
                                 const PromptResult& r = prep.prompts.results[p];
                                 m.push_back(normalised(pr[int64_t(p)], 1, wordsLast[p]));
                                 if (!r.attribution.empty() && r.attributionMatched)
                                     a.push_back(normalised(pr[int64_t(p)], r.firstToken, r.lastToken));
                                 else
                                     a.push_back(torch::zeros_like(m.back()));
                             }
                             mapsAt[size_t(i)].push_back(torch::stack(m));
                             if (anyCategory) attrAt[size_t(i)].push_back(torch::stack(a));
                         }
                     });
        for (size_t p = 0; p < P; ++p) {
            const PromptResult& r = prep.prompts.results[p];
            AblationRecord rec;
            rec.prompt = r.prompt;
            rec.steps = s.steps;
            rec.firstToken = 1;
            rec.lastToken = wordsLast[p];
            rec.calls = callCount;
            rec.layers = L;
            rec.sides.assign(size_t(L), 0);
            rec.maps.resize(size_t(callCount) * L);
            rec.attribution = r.attribution;
            rec.attributionMatched = !r.attribution.empty() && r.attributionMatched;
            rec.attributionFirst = r.firstToken;
            rec.attributionLast = r.lastToken;
            if (rec.attributionMatched) rec.attributionMaps.resize(size_t(callCount) * L);
            rec.originalWidth = image.width;
            rec.originalHeight = image.height;
            rec.unetCalls = calls.done;
            records->push_back(std::move(rec));
        }
        for (int l = 0; l < L; ++l) {
            std::vector<torch::Tensor> m, a;
            for (int i = 0; i < callCount; ++i) {
                m.push_back(mapsAt[size_t(i)][size_t(l)]);
                if (anyCategory) a.push_back(attrAt[size_t(i)][size_t(l)]);
            }
            const torch::Tensor hm = torch::stack(m).to(torch::kCPU, torch::kFloat32).contiguous();  // [calls, P, HW]
            const torch::Tensor ha = a.empty() ? torch::Tensor() : torch::stack(a).to(torch::kCPU, torch::kFloat32).contiguous();
            const int side = static_cast<int>(std::lround(std::sqrt(double(hm.size(2)))));
            for (size_t p = 0; p < P; ++p) {
                AblationRecord& rec = (*records)[p];
                rec.sides[size_t(l)] = side;
                for (int i = 0; i < callCount; ++i) {
                    const torch::Tensor x = hm[i][int64_t(p)];
                    rec.maps[size_t(i) * L + l].assign(x.data_ptr<float>(), x.data_ptr<float>() + x.numel());
                    if (rec.attributionMatched) {
                        const torch::Tensor y = ha[i][int64_t(p)];
                        rec.attributionMaps[size_t(i) * L + l].assign(y.data_ptr<float>(), y.data_ptr<float>() + y.numel());
                    }
                }
            }
        }
        return true;
    });
    if (!ok) records->clear();
    return ok;
}

bool Engine::prepare(const GreyImage& image, const Settings& s, std::string* error, const ProgressFn& progress,
                     const std::atomic_bool* cancel) {
    const std::string problems = s.validate(d->info.crossAttentionLayers, d->info.trainTimesteps);
    if (!problems.empty()) {
        *error = problems;
        return false;
    }
    if (!checkRequest(image, {std::string("-")}, error)) return false;
    return guarded(d.get(), error, [&] {
        d->lastCacheProblem.clear();
        bool cached = false;
        double seconds = 0;
        CachedTrajectory& t = trajectoryFor(d.get(), image, s.steps, &cached, &seconds, progress);
        PersistOnExit keep{d.get(), &t};
        // The unconditional calls read the empty prompt's context: a preparation may be the
        // engine's first request (an undefined context made the cross-attention layers attend to
        // the image itself: a wrong trajectory, or a shape error with the real model).
        if (!d->emptyContext.defined()) d->emptyContext = d->encodeText({d->tokenizer->encode("", 77).ids});
        const int last = s.resolvedEnd() - 1;  // the window needs x_0 .. x_last
        CallCounter calls{progress};
        calls.total = std::max(0, last + 1 - static_cast<int>(t.states.size()));
        invertToWindow(d.get(), t, d->schedule(s.steps), last, calls, cancel);
        return true;
    });
}

Engine::Preparation Engine::preparation(const GreyImage& image, const Settings& s) {
    Preparation p;
    p.needed = std::max(1, s.resolvedEnd());
    std::string error;
    if (!checkRequest(image, {std::string("-")}, &error)) return p;
    guarded(d.get(), &error, [&] {
        const torch::Tensor x512 = d->preprocess(image);
        const TrajectoryKey key = trajectoryKey(d.get(), x512, s.steps);
        auto it = d->cache.find(key.text());
        if (it != d->cache.end()) p.states = int(it->second.states.size());
        if (d->diskCache) {
            TrajectoryStates disk;
            if (p.states < p.needed && d->diskCache->load(key, &disk) && int(disk.states.size()) > p.states) {
                p.states = int(disk.states.size());
                p.fromDisk = true;
            }
        }
        return true;
    });
    return p;
}

void Engine::setTrajectoryCache(const std::string& dir, uint64_t maxBytes) {
    std::lock_guard<std::mutex> lock(d->mutex);
    if (dir.empty()) d->diskCache.reset();
    else d->diskCache = std::make_unique<TrajectoryCache>(dir, maxBytes);
}

std::string Engine::trajectoryCacheDir() const {
    std::lock_guard<std::mutex> lock(d->mutex);
    return d->diskCache ? d->diskCache->dir() : std::string();
}

std::string Engine::lastCacheProblem() const {
    std::lock_guard<std::mutex> lock(d->mutex);
    return d->lastCacheProblem;
}

}  // namespace cxr::grounding
