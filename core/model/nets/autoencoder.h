// AutoencoderKL encoder (MONAI GenerativeModels 0.2.x). Only the encoder and quant_conv_mu are
// built: the grounding needs z_mu alone; decoder tensors in a checkpoint are skipped on load.
// Keys: encoder.blocks.N.*, quant_conv_mu.conv.*
#pragma once

#include "layers.h"

#include <vector>

namespace cxr::nets {

struct AutoencoderParams {
    int64_t inChannels = 1;
    int64_t latentChannels = 3;
    std::vector<int64_t> channels{64, 128, 128, 128};
    int64_t numResBlocks = 2;
    int64_t groups = 32;
    double eps = 1e-6;
    std::vector<bool> attentionLevels{false, false, false, false};
    bool encoderNonlocalAttn = false;
};

// h = conv1(silu(norm1(x))); h = conv2(silu(norm2(h))); return nin_shortcut(x) + h
struct AeResBlockImpl : torch::nn::Module {
    AeResBlockImpl(int64_t in, int64_t out, int64_t groups, double eps);
    torch::Tensor forward(const torch::Tensor& x);  // [B,in,H,W] -> [B,out,H,W]
    torch::nn::GroupNorm norm1{nullptr}, norm2{nullptr};
    ConvWrap conv1{nullptr}, conv2{nullptr}, nin_shortcut{nullptr};
};
TORCH_MODULE(AeResBlock);

// pad (0,1,0,1) then conv3x3 stride 2 padding 0
struct AeDownsampleImpl : torch::nn::Module {
    explicit AeDownsampleImpl(int64_t ch);
    torch::Tensor forward(const torch::Tensor& x);  // [B,C,H,W] -> [B,C,H/2,W/2]
    ConvWrap conv{nullptr};
};
TORCH_MODULE(AeDownsample);

struct AeEncoderImpl : torch::nn::Module {
    explicit AeEncoderImpl(const AutoencoderParams& p);
    torch::Tensor forward(const torch::Tensor& x);  // [B,1,512,512] -> [B,latent,64,64]
    torch::nn::ModuleList blocks{nullptr};
    std::vector<std::function<torch::Tensor(const torch::Tensor&)>> run;
};
TORCH_MODULE(AeEncoder);

struct AutoencoderKLEncoderImpl : torch::nn::Module {
    explicit AutoencoderKLEncoderImpl(const AutoencoderParams& p);
    torch::Tensor encodeMean(const torch::Tensor& x);  // z_mu [B,latent,64,64]
    AutoencoderParams params;
    AeEncoder encoder{nullptr};
    ConvWrap quant_conv_mu{nullptr};
};
TORCH_MODULE(AutoencoderKLEncoder);

}  // namespace cxr::nets
