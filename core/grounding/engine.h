// The grounding engine: Algorithm 1 of the paper (DDIM inversion with v-prediction, cross-attention
// heat maps, post-processing) on the model files exactly as downloaded.
//
// Small and synchronous: load once, then ground(image, prompts). Progress through a callback,
// cancellation through a flag checked before every UNet call. This header does not include
// LibTorch (pimpl), so the UI can include it cheaply.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cxr::grounding {

struct Settings {
    int steps = 300;                    // inversion steps N (paper: 300)
    int windowStart = -1;               // first call of the window; -1: N/2 - N/10 (120 for 300)
    int windowEnd = -1;                 // one past the last call; -1: N/2 + N/10 (180 for 300)
    std::vector<int> layers{3, 4, 6, 7};  // cross-attention layers (0-based execution order)
    bool otsu = true;                   // mask the map with its Otsu threshold
    std::string device = "cpu";         // "cpu" or "cuda" / "cuda:N"
    std::string precision = "fp32";     // "fp32"; "bf16" / "fp16" on CUDA
    int threads = 0;                    // 0: all cores
    double latentScale = 0.3;           // the bundle's latent scale factor
    double blurSigma = 2.5;

    // Resolved window for these settings.
    int resolvedStart() const;
    int resolvedEnd() const;
    // Number of inversion calls of the full schedule (334 for N = 300).
    int totalCalls(int trainTimesteps = 1000) const;
    std::string validate(int crossAttentionLayers) const;  // empty when valid
};

// An 8-bit grey image as a reader sees it (DICOMs rendered with their LUTs, MONOCHROME1 inverted).
struct GreyImage {
    int width = 0, height = 0;
    std::vector<uint8_t> pixels;  // row-major, width*height
    std::string cacheKey;         // identifies the image for the trajectory cache; empty: hash of pixels
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
    std::vector<float> heatmapMean;  // 512x512: mean of the normalised, resized maps
    std::vector<float> heatmapSmooth;  // 512x512: blurred, min-max normalised (before the mask)
    float threshold = 0.0f;          // Otsu threshold (0 when Otsu is off)
    std::vector<float> heatmap;      // 512x512: final map (smooth * (smooth > threshold))
    std::vector<float> original;     // originalWidth x originalHeight, NaN outside the analysed crop
    int originalWidth = 0, originalHeight = 0;
    // Token-level maps for per-word maps: for each recorded (layer, call), the probabilities of
    // the word tokens at the layer's resolution: [maps][side*side][length-2].
    std::vector<float> tokenMaps;
    int tokenMapCount = 0, tokenMapSide = 0;
    int unetCalls = 0;               // UNet calls made for this request (shared calls counted once)
    bool trajectoryCached = false;   // the image's trajectory came from the cache
    Timings seconds;
};

// Ablations in one pass (issue 6): the token-averaged, min-max normalised map of every
// cross-attention layer at every inversion call up to `calls`, for one prompt, at each layer's
// own resolution. Any (layers, window, Otsu) setting inside that range is computed from it
// without another UNet call (Engine::resultFromRecord).
struct AblationRecord {
    std::string prompt;
    int firstToken = 1, lastToken = 0;   // token positions averaged (the prompt's words)
    int calls = 0, layers = 0;
    std::vector<int> sides;              // per layer: the map is sides[l] x sides[l]
    std::vector<std::vector<float>> maps;  // [call * layers + layer], normalised to [0, 1]
    int originalWidth = 0, originalHeight = 0;
    int unetCalls = 0;
};

struct EngineInfo {
    std::string modelDir, device, precision;
    int threads = 0;
    int crossAttentionLayers = 0;
    int trainTimesteps = 1000;
    size_t parameterCount = 0;
};

class Engine {
public:
    // Loads and validates the model folder (configs, tokenizer, weights; decoder weights are
    // skipped). nullptr with a message naming every problem on failure.
    static std::unique_ptr<Engine> load(const std::string& modelDir, const Settings& settings,
                                        std::string* error, const ProgressFn& progress = {});
    // Builds the real-size architecture (or the one of `modelDir`'s configs) with random weights,
    // for benchmarks: timing does not depend on weight values.
    static std::unique_ptr<Engine> randomForBenchmark(const std::string& configDir, const Settings& settings,
                                                      std::string* error);
    ~Engine();

    // Devices this LibTorch build can use: "cpu", then "cuda:0", "cuda:1", ... when it has CUDA.
    static std::vector<std::string> availableDevices();
    // Whether a device supports the reduced precisions (bf16 / fp16): CUDA devices only.
    static bool supportsReducedPrecision(const std::string& device);

    const EngineInfo& info() const;

    // At most this many prompts share one UNet batch; more are grounded in successive batches on
    // the image's cached trajectory, so memory per call stays bounded.
    static constexpr int kMaxBatchPrompts = 16;

    // Grounds every prompt on the image (batches on the image's trajectory). False with a
    // message on error or cancellation ("cancelled").
    bool ground(const GreyImage& image, const std::vector<std::string>& prompts, const Settings& settings,
                std::vector<PromptResult>* results, std::string* error, const ProgressFn& progress = {},
                const std::atomic_bool* cancel = nullptr);

    // Records every cross-attention layer at every call 0 .. calls-1 for each prompt (one batch on
    // a fresh trajectory of the image): the raw material of ablations. Costs `calls` full
    // conditional passes.
    bool recordAllLayers(const GreyImage& image, const std::vector<std::string>& prompts, const Settings& settings,
                         int calls, std::vector<AblationRecord>* records, std::string* error,
                         const ProgressFn& progress = {}, const std::atomic_bool* cancel = nullptr);
    // The result of one setting (its layers, window and Otsu; steps must match the record's run)
    // from a record: the same mean, smoothing, Otsu and mapping back as ground(). No UNet call.
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

    void clearCache();
    int cachedImages() const;

    struct Impl;
    Impl* impl() { return d.get(); }  // for parity tests (engine_internal.h)

private:
    Engine();
    // ground() for at most kMaxBatchPrompts prompts, with the engine's lock held.
    bool groundBatch(const GreyImage& image, const std::vector<std::string>& prompts, const Settings& settings,
                     std::vector<PromptResult>* results, std::string* error, const ProgressFn& progress,
                     const std::atomic_bool* cancel);
    std::unique_ptr<Impl> d;
};

// Post-processing from a mean map (spec section 5): blur, normalise, Otsu, mask, map back.
void finishHeatmap(PromptResult* r, const Settings& settings, int originalWidth, int originalHeight);

}  // namespace cxr::grounding
