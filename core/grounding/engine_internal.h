// Engine internals with LibTorch types: for the engine's own TUs, the CLI's bench mode and the
// parity tests. The UI never includes this header.
#pragma once

#include "grounding/engine.h"
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

// DDIM inversion schedule (spec section 4), fp32 like the reference.
struct Schedule {
    int trainTimesteps = 1000;
    int step = 3;                         // trainTimesteps / N
    std::vector<int> timesteps;           // t_i = step * i, i = 0 .. calls-1
    torch::Tensor alphasCumprod;          // [T] float32
    static Schedule make(int trainTimesteps, double betaStart, double betaEnd, const std::string& schedule, int steps);
    // x_{i+1} from x_i and the v-prediction at call i.
    torch::Tensor invertStep(const torch::Tensor& x, const torch::Tensor& v, int i) const;
};

struct CachedTrajectory {
    std::vector<torch::Tensor> states;  // x_0 .. x_k (k = last window call), [1,C,h,w] each
    torch::Tensor z0;                   // [1,C,h,w]
    int width = 0, height = 0;
    uint64_t lastUse = 0;
};

struct Engine::Impl {
    EngineInfo info;
    torch::Device device{torch::kCPU};
    torch::ScalarType dtype = torch::kFloat32;
    nets::ClipTextModel text{nullptr};
    nets::AutoencoderKLEncoder autoencoder{nullptr};
    nets::DiffusionUNet unet{nullptr};
    std::shared_ptr<text::ClipTokenizer> tokenizer;
    double betaStart = 0.0015, betaEnd = 0.0205;
    std::string betaSchedule = "scaled_linear_beta";
    std::string predictionType = "v_prediction";
    std::map<std::string, CachedTrajectory> cache;  // by image key + schedule
    torch::Tensor emptyContext;                      // text context of the empty prompt [1,77,H]
    uint64_t useCounter = 0;
    size_t maxCachedImages = 8;
    mutable std::mutex mutex;

    // Building blocks, exposed for the parity tests.
    torch::Tensor preprocess(const GreyImage& image) const;           // [1,1,512,512] in [0,1]
    torch::Tensor encodeImage(const torch::Tensor& image512);         // z0 [1,C,64,64]
    torch::Tensor encodeText(const std::vector<std::vector<int64_t>>& ids);  // [B,77,H]
    torch::Tensor unetCall(const torch::Tensor& x, int t, const torch::Tensor& context,
                           nets::AttentionControl* ctl = nullptr);
    void toDevice();
};

// Token-mean, min-max normalised, bilinearly resized maps averaged (spec section 5).
// probs: per map [HW, T] (float32, heads averaged). Returns [512*512].
std::vector<float> meanHeatmap(const std::vector<torch::Tensor>& probs, int firstToken, int lastToken);

}  // namespace cxr::grounding
