// `cxr-ground bench engine`: the real-size architecture with random weights (timing does not
// depend on weight values), measured in one run:
//   (a) the naive pipeline as the authors run it: every call of the schedule, both paths in a
//       batch of two, every cross-attention map kept;
//   (b) this engine's first prompt on an image; (c) a further prompt on the same image;
//   (d) four prompts at once on a new image.
// Qt-free: also built in the engine-only configuration (CUDA machines with PyTorch's LibTorch).
#include "bench_engine.h"

#include "grounding/engine.h"
#include "grounding/engine_internal.h"

#include <chrono>
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
            g.pixels[size_t(y) * w + x] = static_cast<uint8_t>(((x * 7 + y * 3) % 200) + (s >> 28));
        }
    g.cacheKey = "bench-" + std::to_string(seed);
    return g;
}

struct Row {
    const char* name;
    int calls;
    double seconds, peakMiB;
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
    const double tBuild = now();
    auto engine = Engine::randomForBenchmark(o.configDir, runSettings, &err);
    if (!engine) {
        std::fprintf(stderr, "cxr-ground: %s\n", err.c_str());
        return 1;
    }
    Engine::Impl* d = engine->impl();
    std::printf("benchmark: engine (%s, random weights, %zu parameters)\n", o.configDir.c_str(), engine->info().parameterCount);
    std::printf("  settings: steps %d, window %d:%d, layers 3,4,6,7, device %s, precision %s, threads %d; built in %.1f s\n",
                s.steps, s.resolvedStart(), s.resolvedEnd(), runSettings.device.c_str(), runSettings.precision.c_str(), engine->info().threads,
                now() - tBuild);
    std::fflush(stdout);
    std::vector<Row> rows;
    double peak = 0, cur = 0;
    const GreyImage img1 = syntheticImage(o.width, o.height, 1);

    if (!o.skipNaive) {
        // (a) naive: all calls, batch of two (empty + prompt), all attention maps recorded.
        torch::NoGradGuard g;
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
        for (int i = s.resolvedStart(); i < s.resolvedEnd(); ++i)
            for (int l : s.layers) window.push_back(kept[size_t(i) * L + l][0]);
        PromptResult r;
        r.heatmapMean = meanHeatmap(window, 1, len - 2);
        finishHeatmap(&r, s, img1.width, img1.height);
        memory(&peak, &cur);
        rows.push_back({"(a) naive pipeline (authors): all calls, batch 2", calls, now() - t0, peak});
        std::printf("  %s: %d calls, %.1f s\n", rows.back().name, calls, rows.back().seconds);
        std::fflush(stdout);
    }
    std::vector<PromptResult> res;
    auto run = [&](const char* name, const GreyImage& img, const std::vector<std::string>& prompts) {
        const double t0 = now();
        if (!engine->ground(img, prompts, s, &res, &err)) {
            std::fprintf(stderr, "cxr-ground: %s\n", err.c_str());
            return false;
        }
        memory(&peak, &cur);
        rows.push_back({name, res[0].unetCalls, now() - t0, peak});
        std::printf("  %s: %d calls, %.1f s\n", name, res[0].unetCalls, rows.back().seconds);
        std::fflush(stdout);
        return true;
    };
    if (!run("(b) engine, first prompt on an image", img1, {"small left pleural effusion"})) return 1;
    if (!run("(c) engine, another prompt, same image", img1, {"cardiomegaly"})) return 1;
    const GreyImage img2 = syntheticImage(o.width, o.height, 2);
    if (!run("(d) engine, four prompts at once, new image", img2,
             {"small left pleural effusion", "cardiomegaly", "right lower lobe opacity", "no pneumothorax"}))
        return 1;

    std::printf("\n| run | UNet calls | seconds | peak RSS (MiB) |\n|---|---|---|---|\n");
    for (const Row& r : rows) std::printf("| %s | %d | %.2f | %.0f |\n", r.name, r.calls, r.seconds, r.peakMiB);
    if (!o.skipNaive && rows.size() == 4) {
        std::printf("\nratios: a/b = %.2f, a/c = %.2f, a/(d per prompt) = %.2f\n", rows[0].seconds / rows[1].seconds,
                    rows[0].seconds / rows[2].seconds, rows[0].seconds / (rows[3].seconds / 4.0));
    }
    std::printf("peak resident memory: %.0f MiB\n", peak);
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
