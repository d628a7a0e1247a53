// Small building blocks shared by the networks. Module names follow the checkpoints exactly:
// MONAI's `Convolution` wraps nn.Conv2d as child `conv`, hence ConvWrap.
#pragma once

#include <torch/torch.h>

namespace cxr::nets {

// Benchmark instrumentation (off unless a benchmark sets it, one pointer test per layer): the
// multiply-add work of convolutions, linear layers and attention matmuls (2 FLOP per
// multiply-add) and the seconds per part of a UNet call.
struct Profile {
    double flops[3] = {0, 0, 0};    // down path (incl. conv_in and the time embedding), middle, up (incl. out)
    double seconds[3] = {0, 0, 0};
    int part = 0;                   // where the pass is now
};
inline thread_local Profile* tProfile = nullptr;
inline void countFlops(double f) {
    if (tProfile) tProfile->flops[tProfile->part] += f;
}

// MONAI Convolution: keys <name>.conv.weight / <name>.conv.bias.
struct ConvWrapImpl : torch::nn::Module {
    ConvWrapImpl(int64_t in, int64_t out, int64_t kernel, int64_t stride = 1, int64_t padding = -1) {
        if (padding < 0) padding = kernel / 2;
        conv = register_module(
            "conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding)));
    }
    // [B,in,H,W] -> [B,out,H',W'], computed in the weights' precision, returned in the input's.
    torch::Tensor forward(const torch::Tensor& x) {
        const auto wt = conv->weight.scalar_type();
        torch::Tensor y = wt == x.scalar_type() ? conv->forward(x) : conv->forward(x.to(wt)).to(x.scalar_type());
        if (tProfile) countFlops(2.0 * double(y.numel()) * double(conv->weight.numel() / conv->weight.size(0)));
        return y;
    }
    torch::nn::Conv2d conv{nullptr};
};
TORCH_MODULE(ConvWrap);

inline torch::nn::GroupNorm groupNorm(int64_t groups, int64_t channels, double eps) {
    return torch::nn::GroupNorm(torch::nn::GroupNormOptions(groups, channels).eps(eps).affine(true));
}

inline torch::nn::Linear linear(int64_t in, int64_t out, bool bias = true) {
    return torch::nn::Linear(torch::nn::LinearOptions(in, out).bias(bias));
}

// A linear layer in its weights' precision (fp32, or bf16 / fp16 for the UNet under reduced
// precision); the activation comes back in the input's precision.
inline torch::Tensor applyLinear(torch::nn::Linear l, const torch::Tensor& x) {
    const auto wt = l->weight.scalar_type();
    if (tProfile) countFlops(2.0 * double(x.numel()) * double(l->weight.size(0)));
    return wt == x.scalar_type() ? l->forward(x) : l->forward(x.to(wt)).to(x.scalar_type());
}

}  // namespace cxr::nets
