// Engine internals with LibTorch types: for the engine's own TUs, the CLI's bench mode and the
// parity tests. The UI never includes this header.
#pragma once

#include "grounding/engine.h"
#include "grounding/trajectory_cache.h"
#include "model/nets/autoencoder.h"
#include "model/nets/clip_text.h"
#include "model/nets/unet.h"

#include <torch/torch.h>

#include <map>
#include <mutex>

namespace cxr::text {
class ClipTokenizer;
}

namespace cxr::grounding {

// The latent scale factor of the MONAI bundle (its sampler's `scale_factor`, passed as 0.3 by the
// authors' eval_ldm.py; inference.json does not state it). method.md "Image".
constexpr double kLatentScale = 0.3;
// Gaussian smoothing of the mean map (the authors' sigma=(2.5, 2.5)). method.md "Heat map".
constexpr double kBlurSigma = 2.5;

// DDIM inversion schedule (method.md "Schedule"), fp32 like the reference.
struct Schedule {
    int trainTimesteps = 1000;
    int step = 3;                         // trainTimesteps // N
    std::vector<int> timesteps;           // call i runs at t_i = (T - 1) - step * (K - 1 - i), i = 0 .. K-1
    torch::Tensor alphasCumprod;          // [T] float32
    enum class Prediction { V, Epsilon, Sample } prediction = Prediction::V;
    bool clipSample = false;              // clamp the predicted x0 to [-1, 1] (scheduler clip_sample)
    // The schedule of the bundle's scheduler section for N steps. `schedule` is one of the
    // implemented beta schedules (the loader refuses others).
    static Schedule make(int trainTimesteps, double betaStart, double betaEnd, const std::string& schedule, int steps,
                         Prediction prediction = Prediction::V, bool clipSample = false);
    // x_{i+1} from x_i and the model output at call i (fp32).
    torch::Tensor invertStep(const torch::Tensor& x, const torch::Tensor& modelOutput, int i) const;
};

// The inversion trajectory of one image at one step count: x_0 .. x_k, never thinned, so any
// later window inside it needs no new call.
struct CachedTrajectory {
    std::vector<torch::Tensor> states;  // x_0 .. x_k, [1,C,h,w] fp32 each
    int width = 0, height = 0;
    uint64_t lastUse = 0;
    TrajectoryKey key;                  // its key in the persistent cache
    size_t stored = 0;                  // states the persistent cache holds
};

struct Engine::Impl {
    EngineInfo info;
    torch::Device device{torch::kCPU};
    torch::ScalarType dtype = torch::kFloat32;  // the UNet's convolutions and matmuls
    nets::ClipTextModel text{nullptr};
    nets::AutoencoderKLEncoder autoencoder{nullptr};
    nets::DiffusionUNet unet{nullptr};
    std::shared_ptr<text::ClipTokenizer> tokenizer;
    // The bundle's scheduler section (the loader refused what is not implemented).
    double betaStart = 0.0015, betaEnd = 0.0205;
    std::string betaSchedule = "scaled_linear_beta";
    Schedule::Prediction prediction = Schedule::Prediction::V;
    bool clipSample = false;
    std::map<std::string, CachedTrajectory> cache;  // by image key + step count
    torch::Tensor emptyContext;                      // text context of the empty prompt [1,77,H]
    uint64_t useCounter = 0;
    size_t maxCachedImages = 8;
    mutable std::mutex mutex;
    // Test-only hook: called before every UNet call with the engine's running call count; a
    // throw there is a failure inside the UNet loop. Set by tests through impl(), or by the
    // CXRG_TEST_FAIL_UNET_CALL environment variable (see loader.cpp) for the CLI's tests.
    std::function<void(long call)> beforeUnetCall;
    long unetCallCount = 0;
    // The UNet's convolutions in channels-last memory format (oneDNN on the CPU): the same
    // arithmetic in another memory order. On for the CPU (README "Benchmarks").
    bool channelsLast = false;
    void setChannelsLast(bool on);
    // The persistent trajectory cache (none: memory only) and the model's fingerprint for its keys.
    std::unique_ptr<TrajectoryCache> diskCache;
    std::string modelFingerprint;
    std::string lastCacheProblem;  // the last disk-cache read or write problem (the request went on)

    Schedule schedule(int steps) const;

    // Building blocks, exposed for the parity tests.
    torch::Tensor preprocess(const GreyImage& image) const;           // [1,1,512,512] in [0,1]
    torch::Tensor encodeImage(const torch::Tensor& image512);         // z0 [1,C,64,64] fp32
    torch::Tensor encodeText(const std::vector<std::vector<int64_t>>& ids);  // [B,77,H] fp32
    // One UNet call; x fp32, output fp32 (the UNet computes in `dtype` inside).
    torch::Tensor unetCall(const torch::Tensor& x, int t, const torch::Tensor& context,
                           nets::AttentionControl* ctl = nullptr);
    void toDevice();
};

// Token-mean, min-max normalised, bilinearly resized maps averaged (method.md "Heat map").
// probs: per map [HW, T] (float32, heads averaged; each map keeps its own side). Token positions
// [firstToken, lastToken] (inclusive) of T are averaged. Returns [512*512].
std::vector<float> meanHeatmap(const std::vector<torch::Tensor>& probs, int firstToken, int lastToken);

// Attribution mode, when the prompt holds none of the category's tokens: every map all NaN (the
// authors' code returns an all-NaN map; the evaluation leaves the sample out).
void attributionUnmatched(PromptResult* r, int originalWidth, int originalHeight);

// A LibTorch / standard exception as a message for the user (no backtrace; out of memory named).
std::string describeException(const std::exception& e);

}  // namespace cxr::grounding
