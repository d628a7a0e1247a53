// CLIP text encoder (Hugging Face CLIPTextModel, pre-LN, causal mask, no padding mask).
// Keys: text_model.embeddings.*, text_model.encoder.layers.N.*, text_model.final_layer_norm.*
#pragma once

#include "layers.h"

namespace cxr::nets {

struct ClipTextParams {
    int64_t vocabSize = 49408;
    int64_t hidden = 1024;
    int64_t layers = 23;
    int64_t heads = 16;
    int64_t intermediate = 4096;
    int64_t maxPositions = 77;
    double layerNormEps = 1e-5;
    bool quickGelu = false;  // hidden_act "quick_gelu" (OpenAI CLIP); SD-2.1 uses exact "gelu"
};

struct ClipAttentionImpl : torch::nn::Module {
    explicit ClipAttentionImpl(const ClipTextParams& p);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& causalMask);  // [B,T,C] -> [B,T,C]
    int64_t heads, headDim;
    double scale;
    torch::nn::Linear k_proj{nullptr}, v_proj{nullptr}, q_proj{nullptr}, out_proj{nullptr};
};
TORCH_MODULE(ClipAttention);

struct ClipMlpImpl : torch::nn::Module {
    explicit ClipMlpImpl(const ClipTextParams& p);
    torch::Tensor forward(const torch::Tensor& x);
    bool quickGelu;
    torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(ClipMlp);

struct ClipEncoderLayerImpl : torch::nn::Module {
    explicit ClipEncoderLayerImpl(const ClipTextParams& p);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& causalMask);
    ClipAttention self_attn{nullptr};
    torch::nn::LayerNorm layer_norm1{nullptr};
    ClipMlp mlp{nullptr};
    torch::nn::LayerNorm layer_norm2{nullptr};
};
TORCH_MODULE(ClipEncoderLayer);

struct ClipEmbeddingsImpl : torch::nn::Module {
    explicit ClipEmbeddingsImpl(const ClipTextParams& p);
    torch::Tensor forward(const torch::Tensor& ids);  // [B,T] int64 -> [B,T,C]
    torch::nn::Embedding token_embedding{nullptr}, position_embedding{nullptr};
};
TORCH_MODULE(ClipEmbeddings);

struct ClipEncoderImpl : torch::nn::Module {
    explicit ClipEncoderImpl(const ClipTextParams& p);
    torch::nn::ModuleList layers{nullptr};
    std::vector<ClipEncoderLayer> typed;
};
TORCH_MODULE(ClipEncoder);

struct ClipTextTransformerImpl : torch::nn::Module {
    explicit ClipTextTransformerImpl(const ClipTextParams& p);
    torch::Tensor forward(const torch::Tensor& ids);  // [B,77] -> last_hidden_state [B,77,C]
    ClipEmbeddings embeddings{nullptr};
    ClipEncoder encoder{nullptr};
    torch::nn::LayerNorm final_layer_norm{nullptr};
};
TORCH_MODULE(ClipTextTransformer);

// Root: registers `text_model` so keys start with "text_model.".
struct ClipTextModelImpl : torch::nn::Module {
    explicit ClipTextModelImpl(const ClipTextParams& p);
    torch::Tensor forward(const torch::Tensor& ids) { return text_model->forward(ids); }
    ClipTextParams params;
    ClipTextTransformer text_model{nullptr};
};
TORCH_MODULE(ClipTextModel);

}  // namespace cxr::nets
