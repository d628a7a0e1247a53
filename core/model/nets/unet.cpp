#include "unet.h"

#include <algorithm>
#include <cmath>
#include <chrono>
#include <functional>
#include <stdexcept>

namespace cxr::nets {

bool AttentionControl::wants(int idx) const {
    return std::find(record.begin(), record.end(), idx) != record.end();
}

CrossAttentionImpl::CrossAttentionImpl(int64_t queryDim, int64_t contextDim, int64_t h, int64_t d, bool up)
    : heads(h), headDim(d), scale(1.0 / std::sqrt(double(d))), upcast(up) {
    const int64_t inner = h * d;
    to_q = register_module("to_q", linear(queryDim, inner, false));
    to_k = register_module("to_k", linear(contextDim, inner, false));
    to_v = register_module("to_v", linear(contextDim, inner, false));
    out0 = linear(inner, queryDim);
    to_out = register_module("to_out", torch::nn::Sequential(out0));
}

torch::Tensor CrossAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& context,
                                          torch::Tensor* probsOut) {
    const torch::Tensor& c = context.defined() ? context : x;
    const int64_t B = x.size(0);
    auto toHeads = [&](const torch::Tensor& t) {  // [B,N,h*d] -> [B*h,N,d]
        const int64_t N = t.size(1);
        return t.reshape({B, N, heads, headDim}).permute({0, 2, 1, 3}).reshape({B * heads, N, headDim});
    };
    const torch::Tensor q = toHeads(applyLinear(to_q, x));
    const torch::Tensor k = toHeads(applyLinear(to_k, c));
    const torch::Tensor v = toHeads(applyLinear(to_v, c));
    const auto ct = to_q->weight.scalar_type();  // the matmuls' precision
    const auto st = probsOut || upcast ? torch::kFloat32 : ct;  // the scores' precision
    const torch::Tensor qs = q.to(st), ks = k.to(st);
    torch::Tensor scores = torch::baddbmm(torch::empty({qs.size(0), qs.size(1), ks.size(1)}, qs.options()), qs,
                                          ks.transpose(-1, -2), /*beta=*/0.0, /*alpha=*/scale);
    torch::Tensor probs = scores.softmax(-1, torch::kFloat32);  // [B*h,N,T] fp32
    if (tProfile) countFlops(4.0 * double(q.size(0)) * double(q.size(1)) * double(k.size(1)) * double(headDim));
    if (probsOut) *probsOut = probs;
    torch::Tensor o = torch::bmm(probs.to(ct), v.to(ct)).to(x.scalar_type());  // [B*h,N,d]
    const int64_t N = o.size(1);
    o = o.reshape({B, heads, N, headDim}).permute({0, 2, 1, 3}).reshape({B, N, heads * headDim});
    return applyLinear(out0, o);
}

FeedForwardImpl::FeedForwardImpl(int64_t dim) {
    linear1 = register_module("linear1", linear(dim, dim * 8));
    linear2 = register_module("linear2", linear(dim * 4, dim));
}

torch::Tensor FeedForwardImpl::forward(const torch::Tensor& x) {
    const auto parts = applyLinear(linear1, x).chunk(2, -1);  // GEGLU: a * gelu(g)
    return applyLinear(linear2, parts[0] * torch::gelu(parts[1]));
}

BasicTransformerBlockImpl::BasicTransformerBlockImpl(int64_t dim, int64_t heads, int64_t headDim,
                                                     int64_t contextDim, bool upcast) {
    attn1 = register_module("attn1", CrossAttention(dim, dim, heads, headDim, upcast));
    ff = register_module("ff", FeedForward(dim));
    attn2 = register_module("attn2", CrossAttention(dim, contextDim, heads, headDim, upcast));
    auto ln = [&] { return torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(1e-5)); };
    norm1 = register_module("norm1", ln());
    norm2 = register_module("norm2", ln());
    norm3 = register_module("norm3", ln());
}

torch::Tensor BasicTransformerBlockImpl::forward(const torch::Tensor& x0, const torch::Tensor& context,
                                                 AttentionControl* ctl) {
    torch::Tensor x = attn1->forward(norm1->forward(x0), {}, nullptr) + x0;
    const int idx = ctl ? ctl->counter++ : -1;
    torch::Tensor probs;
    const bool keep = ctl && ctl->wants(idx);
    x = attn2->forward(norm2->forward(x), context, keep ? &probs : nullptr) + x;
    if (keep) ctl->maps.emplace_back(idx, probs);
    if (ctl && ctl->stopAfter >= 0 && idx >= ctl->stopAfter && !ctl->sliced) {
        if (ctl->keepRows > 0) {
            ctl->sliceNow = true;  // finish this block on the whole batch, then keep fewer rows
        } else {
            ctl->stopped = true;
            return x;  // the rest of this pass is not needed
        }
    }
    return ff->forward(norm3->forward(x)) + x;
}

SpatialTransformerImpl::SpatialTransformerImpl(int64_t channels, int64_t heads, int64_t headDim,
                                               int64_t layers, int64_t groups, double eps, int64_t contextDim,
                                               bool upcast) {
    norm = register_module("norm", groupNorm(groups, channels, eps));
    proj_in = register_module("proj_in", ConvWrap(channels, heads * headDim, 1, 1, 0));
    transformer_blocks = register_module("transformer_blocks", torch::nn::ModuleList());
    for (int64_t i = 0; i < layers; ++i) {
        blocks.emplace_back(heads * headDim, heads, headDim, contextDim, upcast);
        transformer_blocks->push_back(blocks.back());
    }
    proj_out = register_module("proj_out", ConvWrap(heads * headDim, channels, 1, 1, 0));
}

torch::Tensor SpatialTransformerImpl::forward(const torch::Tensor& x, const torch::Tensor& context,
                                              AttentionControl* ctl) {
    const int64_t B = x.size(0), H = x.size(2), W = x.size(3);
    torch::Tensor h = proj_in->forward(norm->forward(x));
    const int64_t inner = h.size(1);
    h = h.permute({0, 2, 3, 1}).reshape({B, H * W, inner});  // row-major tokens
    for (auto& b : blocks) {
        h = b->forward(h, context, ctl);
        if (ctl && ctl->stopped) return {};
    }
    h = h.reshape({B, H, W, inner}).permute({0, 3, 1, 2}).contiguous();
    return proj_out->forward(h) + x;
}

ResnetBlockImpl::ResnetBlockImpl(int64_t in, int64_t out, int64_t tembDim, int64_t groups, double eps) {
    norm1 = register_module("norm1", groupNorm(groups, in, eps));
    conv1 = register_module("conv1", ConvWrap(in, out, 3));
    time_emb_proj = register_module("time_emb_proj", linear(tembDim, out));
    norm2 = register_module("norm2", groupNorm(groups, out, eps));
    conv2 = register_module("conv2", ConvWrap(out, out, 3));
    if (in != out) skip_connection = register_module("skip_connection", ConvWrap(in, out, 1, 1, 0));
}

torch::Tensor ResnetBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& emb) {
    torch::Tensor h = conv1->forward(torch::silu(norm1->forward(x)));
    h = h + applyLinear(time_emb_proj, torch::silu(emb)).unsqueeze(-1).unsqueeze(-1);
    h = conv2->forward(torch::silu(norm2->forward(h)));
    return (skip_connection ? skip_connection->forward(x) : x) + h;
}

torch::Tensor UpsampleImpl::forward(const torch::Tensor& x) {
    namespace F = torch::nn::functional;
    return conv->forward(F::interpolate(
        x, F::InterpolateFuncOptions().scale_factor(std::vector<double>{2.0, 2.0}).mode(torch::kNearest)));
}

torch::Tensor timestepEmbedding(const torch::Tensor& t, int64_t dim) {
    const int64_t half = dim / 2;
    const auto opts = torch::TensorOptions().dtype(torch::kFloat32).device(t.device());
    const torch::Tensor exponent = -std::log(10000.0) * torch::arange(0, half, opts);
    const torch::Tensor freqs = torch::exp(exponent / double(half));
    const torch::Tensor args = t.unsqueeze(1).to(torch::kFloat32) * freqs.unsqueeze(0);
    torch::Tensor emb = torch::cat({torch::cos(args), torch::sin(args)}, -1);
    if (dim % 2 == 1) emb = torch::nn::functional::pad(emb, torch::nn::functional::PadFuncOptions({0, 1}));
    return emb;
}

DiffusionUNetImpl::DiffusionUNetImpl(const UNetParams& p) : params(p) {
    const size_t L = p.channels.size();
    if (p.attentionLevels.size() != L || p.numHeadChannels.size() != L)
        throw std::runtime_error("UNet configuration: channels, attention_levels and num_head_channels differ in length");
    const int64_t temb = p.channels[0] * 4;
    auto headsOf = [&](size_t level, int64_t* heads, int64_t* headDim) {
        const int64_t hc = p.numHeadChannels[level];
        if (hc <= 0 || p.channels[level] % hc != 0)
            throw std::runtime_error("UNet configuration: num_head_channels must divide the channels of attention levels");
        *heads = p.channels[level] / hc;
        *headDim = hc;
    };
    conv_in = register_module("conv_in", ConvWrap(p.inChannels, p.channels[0], 3));
    time0 = linear(p.channels[0], temb);
    time2 = linear(temb, temb);
    time_embed = register_module("time_embed", torch::nn::Sequential(time0, torch::nn::SiLU(), time2));
    down_blocks = register_module("down_blocks", torch::nn::ModuleList());
    int64_t outCh = p.channels[0];
    for (size_t i = 0; i < L; ++i) {
        const int64_t inCh = outCh;
        outCh = p.channels[i];
        const bool last = i + 1 == L;
        UNetBlock b;
        if (p.attentionLevels[i]) b->attentions = b->register_module("attentions", torch::nn::ModuleList());
        b->resnets = b->register_module("resnets", torch::nn::ModuleList());
        for (int64_t r = 0; r < p.numResBlocks; ++r) {
            b->res.emplace_back(r == 0 ? inCh : outCh, outCh, temb, p.groups, p.eps);
            b->resnets->push_back(b->res.back());
            if (p.attentionLevels[i]) {
                int64_t heads, hd;
                headsOf(i, &heads, &hd);
                b->attn.emplace_back(outCh, heads, hd, p.transformerLayers, p.groups, p.eps, p.crossAttentionDim, p.upcastAttention);
                b->attentions->push_back(b->attn.back());
                numCross += static_cast<int>(p.transformerLayers);
            }
        }
        if (!last) b->downsampler = b->register_module("downsampler", Downsample(outCh));
        down.push_back(b);
        down_blocks->push_back(b);
    }
    // Middle: resnet, attention, resnet at the last level's width.
    const int64_t midCh = p.channels.back();
    middle_block = register_module("middle_block", MiddleBlock());
    middle_block->resnet_1 = middle_block->register_module("resnet_1", ResnetBlock(midCh, midCh, temb, p.groups, p.eps));
    {
        int64_t heads, hd;
        headsOf(L - 1, &heads, &hd);
        middle_block->attention = middle_block->register_module(
            "attention", SpatialTransformer(midCh, heads, hd, p.transformerLayers, p.groups, p.eps, p.crossAttentionDim, p.upcastAttention));
        numCross += static_cast<int>(p.transformerLayers);
    }
    middle_block->resnet_2 = middle_block->register_module("resnet_2", ResnetBlock(midCh, midCh, temb, p.groups, p.eps));
    // Up path: reversed levels, num_res_blocks + 1 resnets each, skip channels from the down path.
    up_blocks = register_module("up_blocks", torch::nn::ModuleList());
    std::vector<int64_t> rev(p.channels.rbegin(), p.channels.rend());
    std::vector<bool> revAttn(p.attentionLevels.rbegin(), p.attentionLevels.rend());
    int64_t prevOut = rev[0];
    for (size_t i = 0; i < L; ++i) {
        const int64_t out = rev[i];
        const int64_t in = rev[std::min(i + 1, L - 1)];
        const bool last = i + 1 == L;
        const size_t level = L - 1 - i;
        UNetBlock b;
        if (revAttn[i]) b->attentions = b->register_module("attentions", torch::nn::ModuleList());
        b->resnets = b->register_module("resnets", torch::nn::ModuleList());
        for (int64_t r = 0; r <= p.numResBlocks; ++r) {
            const int64_t skipCh = r == p.numResBlocks ? in : out;
            const int64_t resIn = r == 0 ? prevOut : out;
            b->res.emplace_back(resIn + skipCh, out, temb, p.groups, p.eps);
            b->resnets->push_back(b->res.back());
            if (revAttn[i]) {
                int64_t heads, hd;
                headsOf(level, &heads, &hd);
                b->attn.emplace_back(out, heads, hd, p.transformerLayers, p.groups, p.eps, p.crossAttentionDim, p.upcastAttention);
                b->attentions->push_back(b->attn.back());
                numCross += static_cast<int>(p.transformerLayers);
            }
        }
        if (!last) b->upsampler = b->register_module("upsampler", Upsample(out));
        prevOut = out;
        up.push_back(b);
        up_blocks->push_back(b);
    }
    out = register_module("out", torch::nn::Sequential(groupNorm(p.groups, p.channels[0], p.eps), torch::nn::SiLU(),
                                                        ConvWrap(p.channels[0], p.outChannels, 3)));
}

torch::Tensor DiffusionUNetImpl::forward(const torch::Tensor& x, const torch::Tensor& t, const torch::Tensor& context,
                                         AttentionControl* ctl) {
    if (ctl) {
        ctl->counter = 0;
        ctl->stopped = false;
        ctl->sliceNow = false;
        ctl->sliced = false;
        ctl->maps.clear();
    }
    // Benchmarks: seconds per part (down, middle, up), closed when the pass moves on or stops.
    auto clockNow = [] { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); };
    double partStart = tProfile ? clockNow() : 0;
    auto enterPart = [&](int part) {
        if (!tProfile) return;
        const double t1 = clockNow();
        tProfile->seconds[tProfile->part] += t1 - partStart;
        partStart = t1;
        tProfile->part = part;
    };
    struct ClosePart {
        std::function<void()> f;
        ~ClosePart() { f(); }
    } closePart{[&] { enterPart(0); }};
    if (tProfile) tProfile->part = 0;
    // Rows identical up to the first cross-attention run there once: [1, ...], expanded to B rows
    // where the text context first enters.
    const int64_t B = x.size(0);
    const bool share = ctl && ctl->sharedInput && B > 1;
    bool expanded = !share;
    // time_embed: Linear, SiLU, Linear (keys time_embed.0 / .2)
    torch::Tensor emb = timestepEmbedding(share ? t.slice(0, 0, 1) : t, params.channels[0]).to(x.dtype());  // [B, C0]
    emb = applyLinear(time2, torch::silu(applyLinear(time0, emb)));  // [B, 4*C0]
    torch::Tensor h = conv_in->forward(share ? x.slice(0, 0, 1) : x);
    torch::Tensor ctx = context;
    std::vector<torch::Tensor> skips{h};
    auto expandRows = [&] {
        if (expanded) return;
        h = h.expand({B, -1, -1, -1});
        emb = emb.expand({B, -1});
        for (auto& sk : skips) sk = sk.expand({B, -1, -1, -1});
        expanded = true;
    };
    // After the last recorded layer: keep only the first keepRows rows of everything.
    auto sliceIfAsked = [&] {
        if (!ctl || !ctl->sliceNow) return;
        const int64_t k = ctl->keepRows;
        h = h.slice(0, 0, k);
        emb = emb.slice(0, 0, k);
        ctx = ctx.slice(0, 0, k);
        for (auto& sk : skips) sk = sk.slice(0, 0, k);
        ctl->sliceNow = false;
        ctl->sliced = true;
    };
    for (auto& b : down) {
        for (size_t r = 0; r < b->res.size(); ++r) {
            h = b->res[r]->forward(h, emb);
            if (!b->attn.empty()) {
                expandRows();
                h = b->attn[r]->forward(h, ctx, ctl);
                if (ctl && ctl->stopped) return {};
            }
            skips.push_back(h);
            sliceIfAsked();
        }
        if (b->downsampler) {
            h = b->downsampler->forward(h);
            skips.push_back(h);
        }
    }
    enterPart(1);
    h = middle_block->resnet_1->forward(h, emb);
    expandRows();
    h = middle_block->attention->forward(h, ctx, ctl);
    if (ctl && ctl->stopped) return {};
    sliceIfAsked();
    h = middle_block->resnet_2->forward(h, emb);
    enterPart(2);
    for (auto& b : up) {
        for (size_t r = 0; r < b->res.size(); ++r) {
            torch::Tensor skip = skips.back();
            skips.pop_back();
            h = b->res[r]->forward(torch::cat({h, skip}, 1), emb);
            if (!b->attn.empty()) {
                h = b->attn[r]->forward(h, ctx, ctl);
                if (ctl && ctl->stopped) return {};
                sliceIfAsked();
            }
        }
        if (b->upsampler) h = b->upsampler->forward(h);
    }
    return out->forward(h);
}

}  // namespace cxr::nets
