// Small building blocks shared by the networks. Module names follow the checkpoints exactly:
// MONAI's `Convolution` wraps nn.Conv2d as child `conv`, hence ConvWrap.
#pragma once

#include <torch/torch.h>

namespace cxr::nets {

// MONAI Convolution: keys <name>.conv.weight / <name>.conv.bias.
struct ConvWrapImpl : torch::nn::Module {
    ConvWrapImpl(int64_t in, int64_t out, int64_t kernel, int64_t stride = 1, int64_t padding = -1) {
        if (padding < 0) padding = kernel / 2;
        conv = register_module(
            "conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding)));
    }
    torch::Tensor forward(const torch::Tensor& x) { return conv->forward(x); }  // [B,in,H,W] -> [B,out,H',W']
    torch::nn::Conv2d conv{nullptr};
};
TORCH_MODULE(ConvWrap);

inline torch::nn::GroupNorm groupNorm(int64_t groups, int64_t channels, double eps) {
    return torch::nn::GroupNorm(torch::nn::GroupNormOptions(groups, channels).eps(eps).affine(true));
}

inline torch::nn::Linear linear(int64_t in, int64_t out, bool bias = true) {
    return torch::nn::Linear(torch::nn::LinearOptions(in, out).bias(bias));
}

}  // namespace cxr::nets
