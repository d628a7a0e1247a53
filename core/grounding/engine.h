// The grounding engine: Algorithm 1 of the paper (DDIM inversion with v-prediction, cross-attention
// heat maps, post-processing) on the model files exactly as downloaded. docs/method.md describes
// the method as implemented, with every constant and where it comes from.
//
// Small and synchronous: load once, then ground(image, prompts). Progress through a callback,
// cancellation through a flag checked before every UNet call. No call throws: every failure
// (LibTorch errors, out of memory, a non-finite result) comes back as a message. This header
// does not include LibTorch (pimpl), so the UI can include it cheaply.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cxr::grounding {

// The method: every setting that changes a result (docs/method.md).
struct Settings {
    int steps = 300;                    // inversion steps N (paper: 300)
    int windowStart = -1;               // first call of the window; -1: N//2 - (10*N)//100 (120 for 300)
    int windowEnd = -1;                 // one past the last call; -1: N//2 + (10*N)//100 (180 for 300)
    std::vector<int> layers{3, 4, 6, 7};  // cross-attention layers (0-based execution order)
    bool otsu = true;                   // mask the map with its Otsu threshold
    // Attribution mode (the paper's Table III, method.md "Attribution"): an MS-CXR category name
    // such as "Pleural Effusion". The map then averages the prompt's tokens that match the
    // category's sub-tokens, over [first match, last match) as the authors' code does. Empty: all
    // the prompt's word tokens (the paper's main setting).
    std::string attribution;

    // Resolved window for these settings (calls, end exclusive).
    int resolvedStart() const;
    int resolvedEnd() const;
    // The trailing schedule (method.md "Schedule"): step = T // N and K = ceil(T / step) calls
    // (334 for N = 300, 100 for N = 100).
    int stepSize(int trainTimesteps = 1000) const;
    int totalCalls(int trainTimesteps = 1000) const;
    // Empty when valid; else one line per problem. crossAttentionLayers 0: not checked.
    std::string validate(int crossAttentionLayers, int trainTimesteps = 1000) const;
    bool operator==(const Settings& o) const;
    bool operator!=(const Settings& o) const { return !(*this == o); }
};
using MethodSettings = Settings;
// "Fast (the paper's ablation setting)": 100 steps, calls 40-59, layers 3-8, Otsu (Table II's last
// row: mIoU 20.4 %, CNR 0.75, against 22.8 % and |CNR| 0.92 of the main setting in Table I).
Settings fastPreset();

// The run: where and how the model computes. These change speed, not the method; reduced
// precision changes results within the tolerances README gives.
struct RunSettings {
    std::string device = "cpu";         // "cpu", "cuda" or "cuda:N"
    std::string precision = "fp32";     // "fp32"; "bf16" / "fp16" for the UNet's convolutions and matmuls
    int threads = 0;                    // 0: the cores this process may use (affinity / cgroup quota)
    bool allowTf32 = false;             // CUDA: TF32 matmuls (faster, outside fp32 parity)
    std::string validate() const;       // empty when valid
};

// Cores this process may run on: its CPU affinity, bounded by a cgroup CPU quota when one is set.
int usableCores();

// An 8-bit grey image as a reader sees it (DICOMs rendered with their LUTs, MONOCHROME1 inverted).
struct GreyImage {
    int width = 0, height = 0;
    std::vector<uint8_t> pixels;  // row-major, width*height
    std::string cacheKey;         // the caller's name for it (the engine keys its caches by content)
};

enum class Phase { LoadModel, EncodeImage, EncodeText, Inversion, Attention, PostProcess };
const char* phaseName(Phase p);
using ProgressFn = std::function<void(Phase phase, int step, int total)>;

struct Timings {
    double encodeImage = 0, encodeText = 0, inversion = 0, attention = 0, postprocess = 0;
};

struct WordSpan {
    std::string text;          // the cleaned word (lower case)
    int firstToken = 0, lastToken = 0;  // its token positions (1-based, inclusive)
    bool isWord = false;       // letters or digits (not punctuation)
};

struct PromptResult {
    std::string prompt;
    std::vector<WordSpan> words;     // the prompt's words with their token positions (per-word maps)
    std::vector<int64_t> tokenIds;   // 77 ids (padded with the pad id)
    int length = 0;                  // unpadded length incl. bos / eos
    bool truncated = false;          // the prompt was longer than 77 tokens
    std::vector<std::string> tokens; // word tokens (positions 1 .. length-2)
    int firstToken = 1, lastToken = 0;  // token positions the map uses (1-based, inclusive)
    // Attribution mode: the category and whether any of its tokens is in the prompt. When none
    // is, every map is NaN (the sample is left out of the evaluation) and threshold is NaN.
    std::string attribution;
    bool attributionMatched = true;
    std::vector<float> heatmapMean;  // 512x512: mean of the normalised, resized maps
    std::vector<float> heatmapSmooth;  // 512x512: blurred, min-max normalised (before the mask)
    float threshold = 0.0f;          // Otsu threshold (0 when Otsu is off)
    std::vector<float> heatmap;      // 512x512: final map (smooth * (smooth > threshold))
    std::vector<float> original;     // originalWidth x originalHeight, NaN outside the analysed crop
    int originalWidth = 0, originalHeight = 0;
    // Token-level maps for per-word maps: for each recorded (layer, call), layer-major, the
    // probabilities of the word tokens (positions 1 .. length-2) at the layer's own resolution:
    // map k is [tokenMapSides[k]^2][length-2], the maps stored one after the other.
    std::vector<float> tokenMaps;
    std::vector<int> tokenMapSides;
    int unetCalls = 0;               // UNet calls made for this request (shared calls counted once)
    bool trajectoryCached = false;   // the image's trajectory came from the cache
    Timings seconds;
};

// Ablations in one pass: the token-averaged, min-max normalised map of every cross-attention
// layer at every inversion call up to `calls`, for one prompt, at each layer's own resolution,
// for each token range asked for (the prompt's words; the attribution range). Any (layers,
// window, Otsu, attribution) setting inside that range is computed from it without another UNet
// call (Engine::resultFromRecord).
struct AblationRecord {
    std::string prompt;
    int steps = 0;                       // N of the recording's schedule
    int firstToken = 1, lastToken = 0;   // the prompt's word tokens (all-token maps)
    int calls = 0, layers = 0;
    std::vector<int> sides;              // per layer: the map is sides[l] x sides[l]
    std::vector<std::vector<float>> maps;  // [call * layers + layer], normalised to [0, 1]
    // Attribution maps (empty when no category was given): the same for the category's range.
    std::string attribution;
    bool attributionMatched = false;
    int attributionFirst = 0, attributionLast = -1;  // inclusive token positions
    std::vector<std::vector<float>> attributionMaps;
    int originalWidth = 0, originalHeight = 0;
    int unetCalls = 0;
};

struct EngineInfo {
    std::string modelDir, device, precision;
    int threads = 0;
    int crossAttentionLayers = 0;
    int trainTimesteps = 1000;
    size_t parameterCount = 0;
    // Precisions this device ran a probe convolution in ("fp32" always).
    std::vector<std::string> precisions;
};

class Engine {
public:
    // Loads and validates the model folder (configs, tokenizer, weights; decoder weights are
    // skipped). nullptr with a message naming every problem on failure.
    static std::unique_ptr<Engine> load(const std::string& modelDir, const RunSettings& run, std::string* error,
                                        const ProgressFn& progress = {});
    // Builds the real-size architecture (or the one of `modelDir`'s configs) with random weights,
    // for benchmarks: timing does not depend on weight values.
    static std::unique_ptr<Engine> randomForBenchmark(const std::string& configDir, const RunSettings& run,
                                                      std::string* error);
    ~Engine();

    // Devices this LibTorch build can use: "cpu", then "cuda:0", "cuda:1", ... when it has CUDA.
    static std::vector<std::string> availableDevices();
    // Precisions a device runs (a tiny probe convolution in each): "fp32" always, then "bf16" /
    // "fp16" where the device computes them. Never throws.
    static std::vector<std::string> supportedPrecisions(const std::string& device);
    static bool supportsReducedPrecision(const std::string& device);

    const EngineInfo& info() const;

    // At most this many prompts share one UNet batch; more are grounded in successive batches on
    // the image's cached trajectory, so memory per call stays bounded.
    static constexpr int kMaxBatchPrompts = 16;

    // Grounds every prompt on the image (batches on the image's trajectory). False with a
    // message on error or cancellation ("cancelled"). Any sequence of requests on one image
    // gives what a fresh engine gives.
    bool ground(const GreyImage& image, const std::vector<std::string>& prompts, const Settings& settings,
                std::vector<PromptResult>* results, std::string* error, const ProgressFn& progress = {},
                const std::atomic_bool* cancel = nullptr);

    // Records every cross-attention layer at every call 0 .. calls-1 for each prompt (one batch on
    // the image's trajectory): the raw material of ablations. Costs `calls` conditional passes.
    // settings.steps gives the schedule; settings.attribution, or categories[p] for prompt p when
    // given (an evaluation: each sample's own category), adds the attribution maps.
    bool recordAllLayers(const GreyImage& image, const std::vector<std::string>& prompts, const Settings& settings,
                         int calls, std::vector<AblationRecord>* records, std::string* error,
                         const ProgressFn& progress = {}, const std::atomic_bool* cancel = nullptr,
                         const std::vector<std::string>& categories = {});
    // The result of one setting (its layers, window, Otsu and attribution; steps must match the
    // record's) from a record: the same mean, smoothing, Otsu and mapping back as ground().
    // No UNet call.
    static bool resultFromRecord(const AblationRecord& record, const Settings& settings, PromptResult* out,
                                 std::string* error);

    // Re-computes a result's map from its token maps restricted to token positions
    // [firstToken, lastToken] (1-based, inclusive; per-word maps). No UNet call.
    // Pure computation on the result: safe from any thread while the engine works.
    static bool restrictTokens(const PromptResult& full, int firstToken, int lastToken, const Settings& settings,
                               PromptResult* out, std::string* error);

    // Tokenises like the engine (77 ids); false with a message when the tokenizer is missing.
    bool tokenize(const std::string& text, std::vector<int64_t>* ids, int* length, bool* truncated,
                  std::vector<std::string>* tokens) const;

    // ---- preparing an image before the sentence (the trajectory does not depend on it) ----
    // The persistent trajectory cache: every state computed for an image is kept in `dir` (shared
    // by processes, bounded by maxBytes, least recently used removed first) and read back by a
    // later request, in this or another process. dir "": memory only (the default).
    void setTrajectoryCache(const std::string& dir, uint64_t maxBytes);
    std::string trajectoryCacheDir() const;
    // The last problem with the persistent cache (the request went on without it), else "".
    std::string lastCacheProblem() const;
    // Computes the unconditional trajectory up to the window's last call, in memory and in the
    // persistent cache; then a prompt costs only the window's conditional passes. A cancel keeps
    // the states computed so far; a later prepare() or ground() continues from them. False with
    // a message on error or cancellation ("cancelled").
    bool prepare(const GreyImage& image, const Settings& settings, std::string* error, const ProgressFn& progress = {},
                 const std::atomic_bool* cancel = nullptr);
    // How far an image is prepared for these settings: the states held (memory or disk) of those
    // the window needs. No UNet call.
    struct Preparation {
        int states = 0, needed = 0;
        bool fromDisk = false;
        bool ready() const { return states >= needed; }
    };
    Preparation preparation(const GreyImage& image, const Settings& settings);

    void clearCache();  // the memory cache (the persistent one stays)
    int cachedImages() const;

    struct Impl;
    Impl* impl() { return d.get(); }  // for parity tests (engine_internal.h)

private:
    Engine();
    std::unique_ptr<Impl> d;
};

// Post-processing from a mean map (method.md "Heat map"): blur, normalise, Otsu, mask, map back.
void finishHeatmap(PromptResult* r, const Settings& settings, int originalWidth, int originalHeight);

}  // namespace cxr::grounding
