// The engine's settings and building blocks: the method settings, image preprocessing, the two
// encoders and one UNet call. Algorithm 1 itself is in algorithm.cpp, loading in loader.cpp, the
// heat map in heatmap.cpp, the schedule in schedule.cpp.
#include "grounding/engine.h"

#include "grounding/crop.h"
#include "grounding/engine_internal.h"
#include "text/clip_tokenizer.h"

#include <algorithm>
#include <sstream>

namespace cxr::grounding {

namespace F = torch::nn::functional;

// ---------------------------------------------------------------------------------------------
// Building blocks

Schedule Engine::Impl::schedule(int steps) const {
    return Schedule::make(info.trainTimesteps, betaStart, betaEnd, betaSchedule, steps, prediction, clipSample);
}

torch::Tensor Engine::Impl::preprocess(const GreyImage& img) const {
    torch::NoGradGuard g;
    torch::Tensor x = torch::from_blob(const_cast<uint8_t*>(img.pixels.data()), {1, 1, img.height, img.width},
                                       torch::kUInt8)
                          .to(torch::kFloat32)
                          .div(255.0)
                          .clamp(0.0, 1.0);
    const CentreCrop c = CentreCrop::of(img.width, img.height);
    if (c.resizedHeight != img.height || c.resizedWidth != img.width)
        x = F::interpolate(x, F::InterpolateFuncOptions()
                                  .size(std::vector<int64_t>{c.resizedHeight, c.resizedWidth})
                                  .mode(torch::kBilinear)
                                  .align_corners(false));
    return x.slice(2, c.cropY, c.cropY + CentreCrop::kModelSize)
        .slice(3, c.cropX, c.cropX + CentreCrop::kModelSize)
        .contiguous();
}

torch::Tensor Engine::Impl::encodeImage(const torch::Tensor& image512) {
    torch::NoGradGuard g;
    return autoencoder->encodeMean(image512.to(device, torch::kFloat32)) * kLatentScale;
}

torch::Tensor Engine::Impl::encodeText(const std::vector<std::vector<int64_t>>& ids) {
    torch::NoGradGuard g;
    std::vector<int64_t> flat;
    for (const auto& v : ids) flat.insert(flat.end(), v.begin(), v.end());
    torch::Tensor t = torch::tensor(flat, torch::kInt64).reshape({static_cast<int64_t>(ids.size()), -1}).to(device);
    return text->forward(t);
}

torch::Tensor Engine::Impl::unetCall(const torch::Tensor& x, int t, const torch::Tensor& context,
                                     nets::AttentionControl* ctl) {
    torch::NoGradGuard g;
    ++unetCallCount;
    if (beforeUnetCall) beforeUnetCall(unetCallCount);
    const torch::Tensor ts = torch::full({x.size(0)}, static_cast<int64_t>(t), torch::TensorOptions().dtype(torch::kInt64).device(device));
    torch::Tensor in = x.to(device, torch::kFloat32);
    if (channelsLast) in = in.contiguous(torch::MemoryFormat::ChannelsLast);
    torch::Tensor out = unet->forward(in, ts, context, ctl);
    return out.defined() ? out.to(torch::kFloat32) : out;
}

// ---------------------------------------------------------------------------------------------
// Engine

Engine::Engine() : d(std::make_unique<Impl>()) {}
Engine::~Engine() = default;
const EngineInfo& Engine::info() const { return d->info; }

bool Engine::tokenize(const std::string& textIn, std::vector<int64_t>* ids, int* length, bool* truncated,
                      std::vector<std::string>* tokens) const {
    if (!d->tokenizer) return false;
    const auto r = d->tokenizer->encode(textIn, 77);
    *ids = r.ids;
    *length = r.length;
    *truncated = r.truncated;
    if (tokens) *tokens = r.tokens;
    return true;
}

void Engine::clearCache() {
    std::lock_guard<std::mutex> lock(d->mutex);
    d->cache.clear();
}

int Engine::cachedImages() const {
    std::lock_guard<std::mutex> lock(d->mutex);
    return static_cast<int>(d->cache.size());
}

}  // namespace cxr::grounding
