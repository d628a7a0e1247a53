#include "autoencoder.h"

#include <stdexcept>

namespace cxr::nets {

AeResBlockImpl::AeResBlockImpl(int64_t in, int64_t out, int64_t groups, double eps) {
    norm1 = register_module("norm1", groupNorm(groups, in, eps));
    conv1 = register_module("conv1", ConvWrap(in, out, 3));
    norm2 = register_module("norm2", groupNorm(groups, out, eps));
    conv2 = register_module("conv2", ConvWrap(out, out, 3));
    if (in != out) nin_shortcut = register_module("nin_shortcut", ConvWrap(in, out, 1));
}

torch::Tensor AeResBlockImpl::forward(const torch::Tensor& x) {
    torch::Tensor h = conv1->forward(torch::silu(norm1->forward(x)));
    h = conv2->forward(torch::silu(norm2->forward(h)));
    return (nin_shortcut ? nin_shortcut->forward(x) : x) + h;
}

AeDownsampleImpl::AeDownsampleImpl(int64_t ch) { conv = register_module("conv", ConvWrap(ch, ch, 3, 2, 0)); }

torch::Tensor AeDownsampleImpl::forward(const torch::Tensor& x) {
    namespace F = torch::nn::functional;
    return conv->forward(F::pad(x, F::PadFuncOptions({0, 1, 0, 1}).mode(torch::kConstant).value(0.0)));
}

AeEncoderImpl::AeEncoderImpl(const AutoencoderParams& p) {
    for (bool a : p.attentionLevels)
        if (a) throw std::runtime_error("autoencoder attention levels are not supported by this engine");
    if (p.encoderNonlocalAttn) throw std::runtime_error("autoencoder non-local attention is not supported by this engine");
    blocks = register_module("blocks", torch::nn::ModuleList());
    auto conv0 = ConvWrap(p.inChannels, p.channels[0], 3);
    blocks->push_back(conv0);
    run.emplace_back([conv0](const torch::Tensor& x) mutable { return conv0->forward(x); });
    int64_t ch = p.channels[0];
    for (size_t level = 0; level < p.channels.size(); ++level) {
        const int64_t out = p.channels[level];
        for (int64_t r = 0; r < p.numResBlocks; ++r) {
            auto rb = AeResBlock(ch, out, p.groups, p.eps);
            blocks->push_back(rb);
            run.emplace_back([rb](const torch::Tensor& x) mutable { return rb->forward(x); });
            ch = out;
        }
        if (level + 1 < p.channels.size()) {
            auto down = AeDownsample(ch);
            blocks->push_back(down);
            run.emplace_back([down](const torch::Tensor& x) mutable { return down->forward(x); });
        }
    }
    auto norm = groupNorm(p.groups, ch, p.eps);
    blocks->push_back(norm);
    run.emplace_back([norm](const torch::Tensor& x) mutable { return norm->forward(x); });
    // No SiLU between the final norm and the output convolution (as the checkpoint's code runs).
    auto convOut = ConvWrap(ch, p.latentChannels, 3);
    blocks->push_back(convOut);
    run.emplace_back([convOut](const torch::Tensor& x) mutable { return convOut->forward(x); });
}

torch::Tensor AeEncoderImpl::forward(const torch::Tensor& x) {
    torch::Tensor h = x;
    for (auto& f : run) h = f(h);
    return h;
}

AutoencoderKLEncoderImpl::AutoencoderKLEncoderImpl(const AutoencoderParams& p) : params(p) {
    encoder = register_module("encoder", AeEncoder(p));
    quant_conv_mu = register_module("quant_conv_mu", ConvWrap(p.latentChannels, p.latentChannels, 1));
}

torch::Tensor AutoencoderKLEncoderImpl::encodeMean(const torch::Tensor& x) {
    return quant_conv_mu->forward(encoder->forward(x));
}

}  // namespace cxr::nets
