// `cxr-ground bench engine`: the real-size architecture with random weights (timing does not
// depend on weight values), measured in one run:
//   (a) the naive pipeline as the authors run it: every call of the schedule, both paths in a
//       batch of two, every cross-attention map kept (skipped with --no-naive);
//   (b) the first prompt on a cold image; (c) another prompt on the same image;
//   (e) the first prompt on a prepared image (prepare() timed on its own);
//   (f) the first prompt in a new engine (a new process) whose disk cache holds the image, plus
//       its model loading;
//   (g) the fast preset (100 steps, calls 40-59, layers 3-8): cold, then another prompt;
//   then where a window call's time goes (down / middle / up levels, GFLOP and seconds) and, on
//   the CPU, the same partial pass in bf16 against fp32 (speed, largest difference of the
//   smoothed map, mask agreement).
// Qt-free: also built in the engine-only configuration (CUDA machines with PyTorch's LibTorch).
#include "bench_engine.h"

#include "grounding/engine.h"
#include "grounding/engine_internal.h"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

namespace cxr::bench {

namespace {

double now() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

// Peak and current resident memory of this process in MiB (Linux).
void memory(double* peakMiB, double* currentMiB) {
    std::ifstream f("/proc/self/status");
    std::string line;
    *peakMiB = *currentMiB = 0;
    while (std::getline(f, line)) {
        if (line.rfind("VmHWM:", 0) == 0) *peakMiB = std::stod(line.substr(6)) / 1024.0;
        if (line.rfind("VmRSS:", 0) == 0) *currentMiB = std::stod(line.substr(6)) / 1024.0;
    }
}

grounding::GreyImage syntheticImage(int w, int h, int seed) {
    grounding::GreyImage g;
    g.width = w;
    g.height = h;
    g.pixels.resize(size_t(w) * h);
    uint32_t s = 1234567u + seed;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            s = s * 1664525u + 1013904223u;
            g.pixels[size_t(y) * w + x] = static_cast<uint8_t>(((x * 7 + y * 3 + seed * 11) % 200) + (s >> 28));
        }
    g.cacheKey = "bench-" + std::to_string(seed);
    return g;
}

struct Row {
    std::string name;
    int calls;
    double seconds, gflop, peakMiB;
};

// GFLOP of `calls` UNet calls of a request, from one instrumented partial and one full call.
struct CallCost {
    double partialGflop = 0, fullGflop = 0;  // per row
};

}  // namespace

int runEngineBench(const Options& o) {
    using namespace grounding;
    Settings s;
    s.steps = o.steps;
    RunSettings runSettings;
    runSettings.device = o.device;
    runSettings.precision = o.precision;
    runSettings.threads = o.threads;
    std::string err;
    double tBuild = now();
    auto engine = Engine::randomForBenchmark(o.configDir, runSettings, &err);
    if (!engine) {
        std::fprintf(stderr, "cxr-ground: %s\n", err.c_str());
        return 1;
    }
    tBuild = now() - tBuild;
    Engine::Impl* d = engine->impl();
    if (o.channelsLast >= 0) d->setChannelsLast(o.channelsLast == 1);
    char cacheDir[] = "/tmp/cxrg-bench-cache-XXXXXX";
    if (!::mkdtemp(cacheDir)) {
        std::fprintf(stderr, "cxr-ground: cannot create a temporary cache folder\n");
        return 1;
    }
    engine->setTrajectoryCache(cacheDir, TrajectoryCache::kDefaultMaxBytes);
    std::printf("benchmark: engine (%s, random weights, %zu parameters)\n", o.configDir.c_str(), engine->info().parameterCount);
    std::printf("  settings: steps %d, window %d:%d, layers 3,4,6,7, device %s, precision %s, threads %d, channels-last %s; built in %.1f s\n",
                s.steps, s.resolvedStart(), s.resolvedEnd(), runSettings.device.c_str(), runSettings.precision.c_str(),
                engine->info().threads, d->channelsLast ? "on" : "off", tBuild);
    std::fflush(stdout);
    std::vector<Row> rows;
    double peak = 0, cur = 0;

    // One prompt's text context, and its partial conditional pass of a window call (to the last
    // recorded layer, up_blocks.0.attentions.2).
    auto promptContext = [&] {
        std::vector<int64_t> ids;
        int len = 0;
        bool tr = false;
        engine->tokenize("small left pleural effusion", &ids, &len, &tr, nullptr);
        return d->encodeText({ids});
    };
    auto partialPass = [&](const torch::Tensor& x, const torch::Tensor& ctx) {
        nets::AttentionControl ctl;
        ctl.record = s.layers;
        ctl.stopAfter = 7;
        d->unetCall(x, 500, ctx, &ctl);
    };

    // The work of one window call: an instrumented partial conditional pass and a full pass.
    CallCost cost;
    {
        c10::InferenceMode g;
        const torch::Tensor x = torch::randn({1, 3, 64, 64});
        const torch::Tensor ctx = promptContext();
        nets::Profile prof;
        nets::tProfile = &prof;
        partialPass(x, ctx);
        cost.partialGflop = (prof.flops[0] + prof.flops[1] + prof.flops[2]) / 1e9;
        nets::Profile full;
        nets::tProfile = &full;
        d->unetCall(x, 500, ctx);
        cost.fullGflop = (full.flops[0] + full.flops[1] + full.flops[2]) / 1e9;
        nets::tProfile = nullptr;
    }
    const int K = s.totalCalls(), wa = s.resolvedStart(), wb = s.resolvedEnd();

    const GreyImage img1 = syntheticImage(o.width, o.height, 1);
    if (!o.quick && !o.skipNaive) {
        // (a) naive: all calls, batch of two (empty + prompt), all attention maps recorded.
        c10::InferenceMode g;
        const double t0 = now();
        const Schedule sched = d->schedule(s.steps);
        std::vector<int64_t> ids, emptyIds;
        int len = 0;
        bool tr = false;
        engine->tokenize("small left pleural effusion", &ids, &len, &tr, nullptr);
        engine->tokenize("", &emptyIds, &len, &tr, nullptr);
        const torch::Tensor ctx = d->encodeText({emptyIds, ids});
        torch::Tensor x = d->encodeImage(d->preprocess(img1));
        std::vector<int> all;
        for (int l = 0; l < engine->info().crossAttentionLayers; ++l) all.push_back(l);
        std::vector<torch::Tensor> kept;
        int calls = 0;
        for (size_t i = 0; i < sched.timesteps.size(); ++i) {
            nets::AttentionControl ctl;
            ctl.record = all;
            const torch::Tensor out = d->unetCall(x.expand({2, -1, -1, -1}), sched.timesteps[i], ctx, &ctl);
            ++calls;
            for (auto& m : ctl.maps) kept.push_back(m.second.slice(0, 1, 2).cpu());
            x = sched.invertStep(x, out.slice(0, 0, 1), static_cast<int>(i));
        }
        std::vector<torch::Tensor> window;
        const int L = engine->info().crossAttentionLayers;
        for (int i = wa; i < wb; ++i)
            for (int l : s.layers) window.push_back(kept[size_t(i) * L + l][0]);
        PromptResult r;
        r.heatmapMean = meanHeatmap(window, 1, len - 2);
        finishHeatmap(&r, s, img1.width, img1.height);
        memory(&peak, &cur);
        rows.push_back({"(a) naive pipeline (authors): all calls, batch 2", calls, now() - t0, 2 * K * cost.fullGflop, peak});
        std::printf("  %s: %d calls, %.1f s\n", rows.back().name.c_str(), calls, rows.back().seconds);
        std::fflush(stdout);
    }
    std::vector<PromptResult> res;
    // GFLOP of a request from its calls: unconditional full calls before the window, shared
    // window calls (one full row + the prompt rows up to the last layer), partial calls.
    auto gflopOf = [&](int calls, bool cachedPrefix, int prompts, const Settings& st) {
        const int window = st.resolvedEnd() - st.resolvedStart();
        if (cachedPrefix) return calls * prompts * cost.partialGflop;
        const int before = calls - window;
        return before * cost.fullGflop + window * (cost.fullGflop + prompts * cost.partialGflop);
    };
    auto run = [&](const std::string& name, Engine& e, const GreyImage& img, const std::vector<std::string>& prompts,
                   const Settings& st) {
        const double t0 = now();
        if (!e.ground(img, prompts, st, &res, &err)) {
            std::fprintf(stderr, "cxr-ground: %s\n", err.c_str());
            return false;
        }
        memory(&peak, &cur);
        rows.push_back({name, res[0].unetCalls, now() - t0,
                        gflopOf(res[0].unetCalls, res[0].trajectoryCached, int(prompts.size()), st), peak});
        std::printf("  %s: %d calls, %.1f s\n", name.c_str(), res[0].unetCalls, rows.back().seconds);
        std::fflush(stdout);
        return true;
    };
    if (!o.quick) {
    if (!run("(b) first prompt on a cold image", *engine, img1, {"small left pleural effusion"}, s)) return 1;
    if (!run("(c) another prompt, same image", *engine, img1, {"cardiomegaly"}, s)) return 1;
    // (e) a prepared image: the preparation runs before the sentence (in the viewer: while the
    // user reads and types).
    const GreyImage img2 = syntheticImage(o.width, o.height, 2);
    double tPrep = now();
    if (!engine->prepare(img2, s, &err)) {
        std::fprintf(stderr, "cxr-ground: %s\n", err.c_str());
        return 1;
    }
    tPrep = now() - tPrep;
    rows.push_back({"    prepare() of that image (before the sentence)", wb - 1, tPrep, (wb - 1) * cost.fullGflop, peak});
    std::printf("  %s: %.1f s\n", rows.back().name.c_str(), tPrep);
    if (!run("(e) first prompt on a prepared image", *engine, img2, {"small left pleural effusion"}, s)) return 1;
    // (f) a new engine (as a new process) whose disk cache holds the image.
    double tLoad = now();
    auto second = Engine::randomForBenchmark(o.configDir, runSettings, &err);
    tLoad = now() - tLoad;
    if (!second) {
        std::fprintf(stderr, "cxr-ground: %s\n", err.c_str());
        return 1;
    }
    if (o.channelsLast >= 0) second->impl()->setChannelsLast(o.channelsLast == 1);
    second->setTrajectoryCache(cacheDir, TrajectoryCache::kDefaultMaxBytes);
    rows.push_back({"    model loading of a new process", 0, tLoad, 0, peak});
    if (!run("(f) first prompt, new process, image in the disk cache", *second, img2, {"cardiomegaly"}, s)) return 1;
    second.reset();
    // (g) the fast preset.
    const GreyImage img3 = syntheticImage(o.width, o.height, 3);
    const Settings fast = fastPreset();
    if (!run("(g) fast preset, first prompt on a cold image", *engine, img3, {"small left pleural effusion"}, fast)) return 1;
    if (!run("(g) fast preset, another prompt", *engine, img3, {"cardiomegaly"}, fast)) return 1;

    std::printf("\n| run | UNet calls | GFLOP | seconds | GFLOP/s | peak RSS (MiB) |\n|---|---|---|---|---|---|\n");
    for (const Row& r : rows)
        std::printf("| %s | %d | %.0f | %.1f | %.1f | %.0f |\n", r.name.c_str(), r.calls, r.gflop, r.seconds,
                    r.seconds > 0 ? r.gflop / r.seconds : 0.0, r.peakMiB);
    auto find = [&](const char* prefix) -> const Row* {
        for (const Row& r : rows)
            if (r.name.rfind(prefix, 0) == 0) return &r;
        return nullptr;
    };
    const Row *a = find("(a)"), *b = find("(b)"), *c = find("(c)"), *e = find("(e)"), *f = find("(f)");
    if (a && b && c) std::printf("\nratios: a/b = %.2f, a/c = %.2f\n", a->seconds / b->seconds, a->seconds / c->seconds);
    if (c && e && f)
        std::printf("(e)/(c) = %.2f, (f)/(c) = %.2f (without its model loading)\n", e->seconds / c->seconds,
                    f->seconds / c->seconds);
    }  // !quick

    // Where a window call's time goes: the partial conditional pass of one prompt, by part.
    {
        c10::InferenceMode g;
        const torch::Tensor x = torch::randn({1, 3, 64, 64});
        const torch::Tensor ctx = promptContext();
        nets::Profile prof;
        const int reps = o.quick ? 10 : 5;
        for (int rep = 0; rep < reps + 1; ++rep) {
            nets::Profile p1;
            nets::tProfile = rep == 0 ? &p1 : &prof;  // the first call warms up
            partialPass(x, ctx);
        }
        nets::tProfile = nullptr;
        const char* names[3] = {"down (conv_in, levels 0-2)", "middle", "up (to up_blocks.0.attentions.2)"};
        std::printf("\npartial conditional pass of one prompt (to layer 7), per call, mean of %d:\n", reps);
        std::printf("| part | GFLOP | seconds | GFLOP/s |\n|---|---|---|---|\n");
        for (int p = 0; p < 3; ++p)
            std::printf("| %s | %.1f | %.3f | %.1f |\n", names[p], prof.flops[p] / reps / 1e9, prof.seconds[p] / reps,
                        prof.seconds[p] > 0 ? prof.flops[p] / prof.seconds[p] / 1e9 : 0.0);
        std::printf("full call: %.1f GFLOP per row\n", cost.fullGflop);
    }

    // CPU bf16 against fp32 on the partial pass of the window (speed, smoothed map, mask).
    if (o.compareBf16 && d->device.is_cpu() && o.quick) {  // per call only
        c10::InferenceMode g;
        const torch::Tensor x = torch::randn({1, 3, 64, 64});
        const torch::Tensor ctx = promptContext();
        auto perCall = [&] {
            partialPass(x, ctx);  // warm-up
            const double t0 = now();
            for (int r = 0; r < 10; ++r) partialPass(x, ctx);
            return (now() - t0) / 10;
        };
        const double t32 = perCall();
        d->dtype = torch::kBFloat16;
        d->toDevice();
        const double t16 = perCall();
        std::printf("\npartial pass per call: fp32 %.3f s, bf16 %.3f s: %.2fx\n", t32, t16, t32 / t16);
    } else if (o.compareBf16 && d->device.is_cpu()) {
        const GreyImage img4 = syntheticImage(o.width, o.height, 4);
        std::vector<PromptResult> r32, r16;
        if (!engine->prepare(img4, s, &err) || !engine->ground(img4, {"cardiomegaly"}, s, &r32, &err)) {
            std::fprintf(stderr, "cxr-ground: %s\n", err.c_str());
            return 1;
        }
        double t32 = now();
        engine->ground(img4, {"small left pleural effusion"}, s, &r32, &err);
        t32 = now() - t32;
        d->dtype = torch::kBFloat16;  // the UNet's convolutions and matmuls; the rest stays fp32
        d->info.precision = "bf16";   // (a separate trajectory key: computed anew)
        d->toDevice();
        std::vector<PromptResult> warm;
        engine->prepare(img4, s, &err);
        engine->ground(img4, {"cardiomegaly"}, s, &warm, &err);
        double t16 = now();
        if (!engine->ground(img4, {"small left pleural effusion"}, s, &r16, &err)) {
            std::fprintf(stderr, "cxr-ground: bf16: %s\n", err.c_str());
            return 1;
        }
        t16 = now() - t16;
        double worst = 0;
        size_t agree = 0;
        for (size_t i = 0; i < r32[0].heatmapSmooth.size(); ++i) {
            worst = std::max(worst, double(std::fabs(r32[0].heatmapSmooth[i] - r16[0].heatmapSmooth[i])));
            agree += (r32[0].heatmap[i] > 0) == (r16[0].heatmap[i] > 0);
        }
        std::printf("\nCPU bf16 against fp32, another prompt on a prepared image (%d window calls; the trajectory in each precision):\n",
                    wb - wa);
        std::printf("  fp32 %.1f s, bf16 %.1f s: %.2fx; smoothed map max |diff| %.4f; mask agreement %.2f %%\n", t32, t16,
                    t32 / t16, worst, 100.0 * double(agree) / double(r32[0].heatmap.size()));
    }
    memory(&peak, &cur);  // --quick runs no case that reads it
    std::printf("peak resident memory: %.0f MiB\n", peak);
    std::string rm = std::string("rm -rf '") + cacheDir + "'";
    if (std::system(rm.c_str()) != 0) std::fprintf(stderr, "cxr-ground: could not remove %s\n", cacheDir);
    return 0;
}

bool parseOptions(int argc, char** argv, int first, Options* o, std::string* error) {
    for (int i = first; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&](std::string* v) {
            if (i + 1 >= argc) { *error = a + " needs a value"; return false; }
            *v = argv[++i];
            return true;
        };
        std::string v;
        try {
            if (a == "--config") { if (!next(&o->configDir)) return false; }
            else if (a == "--steps") { if (!next(&v)) return false; o->steps = std::stoi(v); }
            else if (a == "--device") { if (!next(&o->device)) return false; }
            else if (a == "--precision") { if (!next(&o->precision)) return false; }
            else if (a == "--threads") { if (!next(&v)) return false; o->threads = std::stoi(v); }
            else if (a == "--size") { if (!next(&v)) return false; o->width = std::stoi(v); o->height = o->width; }
            else if (a == "--no-naive") { o->skipNaive = true; }
            else if (a == "--compare-bf16") { o->compareBf16 = true; }
            else if (a == "--quick") { o->quick = true; }
            else if (a == "--channels-last") {
                if (!next(&v)) return false;
                if (v != "on" && v != "off") { *error = "--channels-last on|off"; return false; }
                o->channelsLast = v == "on" ? 1 : 0;
            }
            else { *error = "unknown option " + a; return false; }
        } catch (const std::exception&) {
            *error = "bad value for " + a;
            return false;
        }
    }
    if (o->configDir.empty()) { *error = "bench engine needs --config DIR (a model folder or its configs, e.g. tests/data/full-config)"; return false; }
    return true;
}

}  // namespace cxr::bench
