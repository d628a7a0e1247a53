// The DDIM inversion schedule (docs/method.md "Schedule"): the authors' trailing timesteps for any
// step count and the reversed DDIM step of MONAI GenerativeModels' DDIMScheduler, in fp32.
#include "grounding/engine_internal.h"

#include <algorithm>

namespace cxr::grounding {

Schedule Schedule::make(int T, double betaStart, double betaEnd, const std::string& schedule, int steps,
                        Prediction prediction, bool clipSample) {
    Schedule s;
    s.trainTimesteps = T;
    s.prediction = prediction;
    s.clipSample = clipSample;
    const auto f32 = torch::TensorOptions().dtype(torch::kFloat32);
    torch::Tensor betas;
    if (schedule == "linear_beta")
        betas = torch::linspace(betaStart, betaEnd, T, f32);
    else  // "scaled_linear_beta" (the loader refuses any other)
        betas = torch::linspace(std::sqrt(betaStart), std::sqrt(betaEnd), T, f32).pow(2);
    s.alphasCumprod = torch::cumprod(1.0 - betas, 0);
    // Trailing: timesteps = arange(T, 0, -step) - 1, run in ascending order.
    s.step = std::max(1, T / std::max(1, steps));
    const int K = (T + s.step - 1) / s.step;
    for (int i = 0; i < K; ++i) s.timesteps.push_back((T - 1) - s.step * (K - 1 - i));
    return s;
}

torch::Tensor Schedule::invertStep(const torch::Tensor& x, const torch::Tensor& out, int i) const {
    const int t = timesteps[static_cast<size_t>(i)];
    const torch::Tensor a = alphasCumprod[t].to(x.device());
    const torch::Tensor b = 1 - a;
    const int tn = t + step;  // the next timestep; past the end its alpha is 0
    const torch::Tensor an = tn < trainTimesteps ? alphasCumprod[tn].to(x.device()) : torch::zeros({}, x.options());
    torch::Tensor x0, eps;
    switch (prediction) {
    case Prediction::V:
        x0 = a.pow(0.5) * x - b.pow(0.5) * out;
        eps = a.pow(0.5) * out + b.pow(0.5) * x;
        break;
    case Prediction::Epsilon:
        x0 = (x - b.pow(0.5) * out) / a.pow(0.5);
        eps = out;
        break;
    case Prediction::Sample:
        x0 = out;
        eps = (x - a.pow(0.5) * x0) / b.pow(0.5);
        break;
    }
    if (clipSample) x0 = x0.clamp(-1, 1);
    return an.pow(0.5) * x0 + (1 - an).pow(0.5) * eps;
}

}  // namespace cxr::grounding
