// DiffusionModelUNet (MONAI GenerativeModels 0.2.x) with cross-attention probability recording
// and early exit after a chosen cross-attention layer. Keys as in the checkpoint: conv_in.conv.*,
// time_embed.{0,2}.*, down_blocks.N.{resnets,attentions,downsampler.op}.*, middle_block.*,
// up_blocks.N.{resnets,attentions,upsampler.conv}.*, out.{0,2.conv}.*
#pragma once

#include "layers.h"

#include <vector>

namespace cxr::nets {

struct UNetParams {
    int64_t inChannels = 3;
    int64_t outChannels = 3;
    std::vector<int64_t> channels{256, 512, 768};
    std::vector<bool> attentionLevels{false, true, true};
    std::vector<int64_t> numHeadChannels{0, 512, 768};
    int64_t numResBlocks = 2;
    int64_t groups = 32;
    double eps = 1e-6;
    int64_t transformerLayers = 1;
    int64_t crossAttentionDim = 1024;
    bool upcastAttention = false;  // attention scores and softmax in fp32 in every layer
};

// What one forward pass records and where it stops. Cross-attention (attn2) layers are numbered
// 0.. in execution order; the conditional pass records `record` and stops after `stopAfter`.
struct AttentionControl {
    std::vector<int> record;           // attn2 indices whose probabilities are kept
    int stopAfter = -1;                // -1: run the whole network
    // After `stopAfter`, continue with only the first `keepRows` batch rows (0: stop the pass).
    // Lets one batch hold the unconditional row that drives the trajectory and conditional rows
    // that are only needed up to the last recorded layer.
    int keepRows = 0;
    // Every batch row has the same x and t (the rows differ only in their text context): the
    // part before the first cross-attention (time embedding, conv_in, the levels and resnets
    // before it) runs on one row and is shared.
    bool sharedInput = false;
    // filled during the pass
    int counter = 0;
    bool stopped = false;
    bool sliceNow = false;             // set at stopAfter when keepRows > 0; the UNet slices
    bool sliced = false;
    std::vector<std::pair<int, torch::Tensor>> maps;  // (index, probs [B*heads, HW, T])
    bool wants(int idx) const;
};

struct CrossAttentionImpl : torch::nn::Module {
    CrossAttentionImpl(int64_t queryDim, int64_t contextDim, int64_t heads, int64_t headDim, bool upcast);
    // x [B,N,C], context [B,T,Cc] or undefined (self-attention) -> [B,N,C]. The matmuls run in the
    // weights' precision; the scores and their softmax in fp32 when recorded (probsOut: fp32
    // [B*heads,N,T]) or when `upcast` (the config's upcast_attention).
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& context, torch::Tensor* probsOut);
    int64_t heads, headDim;
    double scale;
    bool upcast;
    torch::nn::Linear to_q{nullptr}, to_k{nullptr}, to_v{nullptr};
    torch::nn::Sequential to_out{nullptr};  // to_out.0: Linear inner -> C
    torch::nn::Linear out0{nullptr};        // to_out[0]
};
TORCH_MODULE(CrossAttention);

struct FeedForwardImpl : torch::nn::Module {  // linear1 C->8C, GEGLU, linear2 4C->C
    explicit FeedForwardImpl(int64_t dim);
    torch::Tensor forward(const torch::Tensor& x);
    torch::nn::Linear linear1{nullptr}, linear2{nullptr};
};
TORCH_MODULE(FeedForward);

struct BasicTransformerBlockImpl : torch::nn::Module {
    BasicTransformerBlockImpl(int64_t dim, int64_t heads, int64_t headDim, int64_t contextDim, bool upcast);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& context, AttentionControl* ctl);
    CrossAttention attn1{nullptr};
    FeedForward ff{nullptr};
    CrossAttention attn2{nullptr};
    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr}, norm3{nullptr};
};
TORCH_MODULE(BasicTransformerBlock);

struct SpatialTransformerImpl : torch::nn::Module {
    SpatialTransformerImpl(int64_t channels, int64_t heads, int64_t headDim, int64_t layers,
                           int64_t groups, double eps, int64_t contextDim, bool upcast);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& context, AttentionControl* ctl);
    torch::nn::GroupNorm norm{nullptr};
    ConvWrap proj_in{nullptr};
    torch::nn::ModuleList transformer_blocks{nullptr};
    std::vector<BasicTransformerBlock> blocks;
    ConvWrap proj_out{nullptr};
};
TORCH_MODULE(SpatialTransformer);

struct ResnetBlockImpl : torch::nn::Module {
    ResnetBlockImpl(int64_t in, int64_t out, int64_t tembDim, int64_t groups, double eps);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& emb);  // [B,in,H,W] -> [B,out,H,W]
    torch::nn::GroupNorm norm1{nullptr}, norm2{nullptr};
    ConvWrap conv1{nullptr}, conv2{nullptr}, skip_connection{nullptr};
    torch::nn::Linear time_emb_proj{nullptr};
};
TORCH_MODULE(ResnetBlock);

struct DownsampleImpl : torch::nn::Module {  // conv3x3 stride 2 padding 1, key op.conv
    explicit DownsampleImpl(int64_t ch) { op = register_module("op", ConvWrap(ch, ch, 3, 2, 1)); }
    torch::Tensor forward(const torch::Tensor& x) { return op->forward(x); }
    ConvWrap op{nullptr};
};
TORCH_MODULE(Downsample);

struct UpsampleImpl : torch::nn::Module {  // nearest x2 then conv3x3, key conv.conv
    explicit UpsampleImpl(int64_t ch) { conv = register_module("conv", ConvWrap(ch, ch, 3)); }
    torch::Tensor forward(const torch::Tensor& x);
    ConvWrap conv{nullptr};
};
TORCH_MODULE(Upsample);

// Down or up block: resnets (+ attentions) (+ down/up sampler).
struct UNetBlockImpl : torch::nn::Module {
    UNetBlockImpl() = default;
    torch::nn::ModuleList attentions{nullptr}, resnets{nullptr};
    std::vector<SpatialTransformer> attn;
    std::vector<ResnetBlock> res;
    Downsample downsampler{nullptr};
    Upsample upsampler{nullptr};
};
TORCH_MODULE(UNetBlock);

struct MiddleBlockImpl : torch::nn::Module {
    ResnetBlock resnet_1{nullptr};
    SpatialTransformer attention{nullptr};
    ResnetBlock resnet_2{nullptr};
};
TORCH_MODULE(MiddleBlock);

struct DiffusionUNetImpl : torch::nn::Module {
    explicit DiffusionUNetImpl(const UNetParams& p);
    // x [B,3,64,64], t [B] (timesteps), context [B,77,Cc] -> [B,3,64,64]; undefined when the
    // control asked to stop early (after recording).
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& t, const torch::Tensor& context,
                          AttentionControl* ctl = nullptr);
    int crossAttentionLayers() const { return numCross; }
    UNetParams params;
    ConvWrap conv_in{nullptr};
    torch::nn::Sequential time_embed{nullptr};  // 0: Linear C0 -> 4*C0, 1: SiLU, 2: Linear 4*C0 -> 4*C0
    torch::nn::Linear time0{nullptr}, time2{nullptr};
    torch::nn::ModuleList down_blocks{nullptr};
    MiddleBlock middle_block{nullptr};
    torch::nn::ModuleList up_blocks{nullptr};
    torch::nn::Sequential out{nullptr};
    std::vector<UNetBlock> down, up;
    int numCross = 0;
};
TORCH_MODULE(DiffusionUNet);

// Sinusoidal timestep embedding: cat(cos, sin) of t * exp(-ln(10000) * i / half).  [B] -> [B,dim]
torch::Tensor timestepEmbedding(const torch::Tensor& t, int64_t dim);

}  // namespace cxr::nets
