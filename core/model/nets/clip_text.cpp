#include "clip_text.h"

#include <cmath>
#include <limits>

namespace cxr::nets {

ClipAttentionImpl::ClipAttentionImpl(const ClipTextParams& p)
    : heads(p.heads), headDim(p.hidden / p.heads), scale(std::pow(double(p.hidden / p.heads), -0.5)) {
    k_proj = register_module("k_proj", linear(p.hidden, p.hidden));
    v_proj = register_module("v_proj", linear(p.hidden, p.hidden));
    q_proj = register_module("q_proj", linear(p.hidden, p.hidden));
    out_proj = register_module("out_proj", linear(p.hidden, p.hidden));
}

torch::Tensor ClipAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& causalMask) {
    const int64_t B = x.size(0), T = x.size(1), C = x.size(2);
    auto shape = [&](const torch::Tensor& t) {  // [B,T,C] -> [B*h,T,d]
        return t.view({B, T, heads, headDim}).transpose(1, 2).contiguous().view({B * heads, T, headDim});
    };
    const torch::Tensor q = shape(q_proj->forward(x) * scale);
    const torch::Tensor k = shape(k_proj->forward(x));
    const torch::Tensor v = shape(v_proj->forward(x));
    torch::Tensor w = torch::bmm(q, k.transpose(1, 2));              // [B*h,T,T]
    w = (w.view({B, heads, T, T}) + causalMask).view({B * heads, T, T});
    w = torch::softmax(w, -1);
    torch::Tensor o = torch::bmm(w, v);                               // [B*h,T,d]
    o = o.view({B, heads, T, headDim}).transpose(1, 2).reshape({B, T, C});
    return out_proj->forward(o);
}

ClipMlpImpl::ClipMlpImpl(const ClipTextParams& p) : quickGelu(p.quickGelu) {
    fc1 = register_module("fc1", linear(p.hidden, p.intermediate));
    fc2 = register_module("fc2", linear(p.intermediate, p.hidden));
}

torch::Tensor ClipMlpImpl::forward(const torch::Tensor& x) {
    torch::Tensor h = fc1->forward(x);
    h = quickGelu ? h * torch::sigmoid(1.702 * h) : torch::gelu(h);  // exact erf GELU
    return fc2->forward(h);
}

ClipEncoderLayerImpl::ClipEncoderLayerImpl(const ClipTextParams& p) {
    self_attn = register_module("self_attn", ClipAttention(p));
    layer_norm1 = register_module(
        "layer_norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({p.hidden}).eps(p.layerNormEps)));
    mlp = register_module("mlp", ClipMlp(p));
    layer_norm2 = register_module(
        "layer_norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({p.hidden}).eps(p.layerNormEps)));
}

torch::Tensor ClipEncoderLayerImpl::forward(const torch::Tensor& x, const torch::Tensor& causalMask) {
    torch::Tensor h = x + self_attn->forward(layer_norm1->forward(x), causalMask);
    return h + mlp->forward(layer_norm2->forward(h));
}

ClipEmbeddingsImpl::ClipEmbeddingsImpl(const ClipTextParams& p) {
    token_embedding = register_module("token_embedding", torch::nn::Embedding(p.vocabSize, p.hidden));
    position_embedding = register_module("position_embedding", torch::nn::Embedding(p.maxPositions, p.hidden));
}

torch::Tensor ClipEmbeddingsImpl::forward(const torch::Tensor& ids) {
    const int64_t T = ids.size(1);
    const torch::Tensor pos = torch::arange(T, torch::TensorOptions().dtype(torch::kLong).device(ids.device()));
    return token_embedding->forward(ids) + position_embedding->forward(pos).unsqueeze(0);
}

ClipEncoderImpl::ClipEncoderImpl(const ClipTextParams& p) {
    layers = register_module("layers", torch::nn::ModuleList());
    for (int64_t i = 0; i < p.layers; ++i) {
        typed.emplace_back(p);
        layers->push_back(typed.back());
    }
}

ClipTextTransformerImpl::ClipTextTransformerImpl(const ClipTextParams& p) {
    embeddings = register_module("embeddings", ClipEmbeddings(p));
    encoder = register_module("encoder", ClipEncoder(p));
    final_layer_norm = register_module(
        "final_layer_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({p.hidden}).eps(p.layerNormEps)));
}

torch::Tensor ClipTextTransformerImpl::forward(const torch::Tensor& ids) {
    torch::Tensor h = embeddings->forward(ids);
    const int64_t T = ids.size(1);
    // Causal mask: the dtype's lowest value above the diagonal (as transformers builds it).
    torch::Tensor mask = torch::full({T, T}, std::numeric_limits<float>::lowest(), h.options()).triu(1);
    mask = mask.view({1, 1, T, T});
    for (auto& layer : encoder->typed) h = layer->forward(h, mask);
    return final_layer_norm->forward(h);
}

ClipTextModelImpl::ClipTextModelImpl(const ClipTextParams& p) : params(p) {
    text_model = register_module("text_model", ClipTextTransformer(p));
}

}  // namespace cxr::nets
