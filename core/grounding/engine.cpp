#include "grounding/engine.h"

#include "grounding/engine_internal.h"
#include "grounding/postprocess.h"
#include "model/config.h"
#include "model/model_folder.h"
#include "model/weights.h"
#include "text/clip_tokenizer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>
#include <thread>

namespace cxr::grounding {

namespace F = torch::nn::functional;

namespace {

double now() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

torch::ScalarType torchType(model::DType t, bool* ok) {
    *ok = true;
    switch (t) {
    case model::DType::F32: return torch::kFloat32;
    case model::DType::F64: return torch::kFloat64;
    case model::DType::F16: return torch::kFloat16;
    case model::DType::BF16: return torch::kBFloat16;
    case model::DType::I64: return torch::kInt64;
    case model::DType::I32: return torch::kInt32;
    case model::DType::I16: return torch::kInt16;
    case model::DType::I8: return torch::kInt8;
    case model::DType::U8: return torch::kUInt8;
    case model::DType::BOOL: return torch::kBool;
    default: *ok = false; return torch::kFloat32;
    }
}

std::string shapeString(const std::vector<int64_t>& s) { return model::shapeToString(s); }

// Copies every parameter / buffer of `module` from `file` by name. Problems are appended.
void bindWeights(torch::nn::Module& module, const model::WeightFile& file, const std::string& what,
                 std::vector<std::string>* problems) {
    torch::NoGradGuard noGrad;
    auto bind = [&](const std::string& name, torch::Tensor& target) {
        const model::TensorRecord* r = file.find(name);
        if (!r) {
            problems->push_back(what + ": missing tensor " + name + " " + shapeString(target.sizes().vec()));
            return;
        }
        if (r->shape != target.sizes().vec()) {
            problems->push_back(what + ": tensor " + name + " has shape " + shapeString(r->shape) +
                                ", the configuration needs " + shapeString(target.sizes().vec()));
            return;
        }
        bool ok = false;
        const torch::ScalarType st = torchType(r->dtype, &ok);
        if (!ok || !model::dtypeIsFloating(r->dtype)) {
            problems->push_back(what + ": tensor " + name + " has unsupported type " + model::dtypeName(r->dtype));
            return;
        }
        torch::Tensor src;
        if (r->isContiguous()) {
            src = torch::from_blob(const_cast<void*>(r->data), r->shape, torch::TensorOptions().dtype(st));
        } else {
            src = torch::empty(r->shape, torch::TensorOptions().dtype(st));
            r->copyContiguous(src.data_ptr());
        }
        target.copy_(src.to(target.scalar_type()));
        file.releasePages(*r);  // keep one copy of the weights resident, not two
    };
    for (auto& p : module.named_parameters(true)) bind(p.key(), p.value());
    for (auto& b : module.named_buffers(true)) bind(b.key(), b.value());
}

nets::ClipTextParams clipParams(const model::TextEncoderConfig& c) {
    nets::ClipTextParams p;
    p.vocabSize = c.vocabSize;
    p.hidden = c.hiddenSize;
    p.layers = c.numHiddenLayers;
    p.heads = c.numAttentionHeads;
    p.intermediate = c.intermediateSize;
    p.maxPositions = c.maxPositionEmbeddings;
    p.layerNormEps = c.layerNormEps;
    p.quickGelu = c.hiddenAct == "quick_gelu";
    return p;
}

nets::AutoencoderParams aeParams(const model::AutoencoderConfig& c) {
    nets::AutoencoderParams p;
    p.inChannels = c.inChannels;
    p.latentChannels = c.latentChannels;
    p.channels = c.channels;
    p.numResBlocks = c.numResBlocks.empty() ? 2 : c.numResBlocks[0];
    p.groups = c.normNumGroups;
    p.eps = c.normEps;
    p.attentionLevels = c.attentionLevels;
    p.encoderNonlocalAttn = c.withEncoderNonlocalAttn;
    return p;
}

nets::UNetParams unetParams(const model::UNetConfig& c) {
    nets::UNetParams p;
    p.inChannels = c.inChannels;
    p.outChannels = c.outChannels;
    p.channels = c.channels;
    p.attentionLevels = c.attentionLevels;
    p.numHeadChannels = c.numHeadChannels;
    p.numResBlocks = c.numResBlocks.empty() ? 2 : c.numResBlocks[0];
    p.groups = c.normNumGroups;
    p.eps = c.normEps;
    p.transformerLayers = c.transformerNumLayers;
    p.crossAttentionDim = c.crossAttentionDim;
    return p;
}

std::string checkSupported(const model::BundleConfig& b) {
    const auto& u = b.unet;
    const auto& a = b.autoencoder;
    std::ostringstream s;
    for (size_t i = 1; i < u.numResBlocks.size(); ++i)
        if (u.numResBlocks[i] != u.numResBlocks[0]) s << "diffusion_def: different num_res_blocks per level are not supported\n";
    for (size_t i = 1; i < a.numResBlocks.size(); ++i)
        if (a.numResBlocks[i] != a.numResBlocks[0]) s << "autoencoder_def: different num_res_blocks per level are not supported\n";
    if (u.resblockUpdown) s << "diffusion_def: resblock_updown is not supported\n";
    if (!u.withConditioning || u.crossAttentionDim <= 0) s << "diffusion_def: the UNet has no text conditioning (with_conditioning / cross_attention_dim)\n";
    if (u.numClassEmbeds > 0) s << "diffusion_def: class embeddings are not supported\n";
    if (u.spatialDims != 2 || a.spatialDims != 2) s << "only 2-D networks are supported\n";
    for (bool x : a.attentionLevels)
        if (x) { s << "autoencoder_def: attention levels in the encoder are not supported\n"; break; }
    if (a.withEncoderNonlocalAttn) s << "autoencoder_def: with_encoder_nonlocal_attn is not supported\n";
    if (b.scheduler.predictionType != "v_prediction")
        s << "scheduler: prediction_type '" << b.scheduler.predictionType << "' (the method needs v_prediction)\n";
    return s.str();
}

uint64_t fnv1a(const uint8_t* p, size_t n) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; ++i) { h ^= p[i]; h *= 1099511628211ull; }
    return h;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Settings

int Settings::resolvedStart() const {
    return windowStart >= 0 ? windowStart : static_cast<int>(std::floor(steps / 2.0 - steps / 10.0));
}
int Settings::resolvedEnd() const {
    return windowEnd >= 0 ? windowEnd : static_cast<int>(std::floor(steps / 2.0 + steps / 10.0));
}
int Settings::totalCalls(int T) const {
    const int step = std::max(1, T / std::max(1, steps));
    return (T + step - 1) / step;
}

std::string Settings::validate(int crossLayers) const {
    std::ostringstream s;
    if (steps < 2 || steps > 1000) s << "steps must be between 2 and 1000 (got " << steps << ")\n";
    const int a = resolvedStart(), b = resolvedEnd();
    if (a < 0 || b <= a || b > totalCalls()) s << "the window " << a << ":" << b << " must lie within 0:" << totalCalls() << " and not be empty\n";
    if (layers.empty()) s << "at least one cross-attention layer is needed\n";
    for (int l : layers)
        if (l < 0 || (crossLayers > 0 && l >= crossLayers)) s << "layer " << l << " does not exist (0.." << crossLayers - 1 << ")\n";
    if (precision != "fp32" && precision != "bf16" && precision != "fp16") s << "precision must be fp32, bf16 or fp16\n";
    if (precision != "fp32" && device.rfind("cuda", 0) != 0) s << "bf16 / fp16 need a CUDA device\n";
    if (threads < 0) s << "threads must be 0 (all cores) or more\n";
    return s.str();
}

const char* phaseName(Phase p) {
    switch (p) {
    case Phase::LoadModel: return "load-model";
    case Phase::EncodeImage: return "encode-image";
    case Phase::EncodeText: return "encode-text";
    case Phase::Inversion: return "inversion";
    case Phase::Attention: return "attention";
    case Phase::PostProcess: return "post-process";
    }
    return "?";
}

// ---------------------------------------------------------------------------------------------
// Schedule

Schedule Schedule::make(int T, double betaStart, double betaEnd, const std::string& schedule, int steps) {
    Schedule s;
    s.trainTimesteps = T;
    const auto f32 = torch::TensorOptions().dtype(torch::kFloat32);
    torch::Tensor betas;
    if (schedule == "linear_beta")
        betas = torch::linspace(betaStart, betaEnd, T, f32);
    else  // scaled_linear_beta
        betas = torch::linspace(std::sqrt(betaStart), std::sqrt(betaEnd), T, f32).pow(2);
    s.alphasCumprod = torch::cumprod(1.0 - betas, 0);
    s.step = std::max(1, T / steps);
    for (int t = 0; t < T; t += s.step) s.timesteps.push_back(t);
    return s;
}

torch::Tensor Schedule::invertStep(const torch::Tensor& x, const torch::Tensor& v, int i) const {
    const int t = timesteps[static_cast<size_t>(i)];
    const torch::Tensor a = alphasCumprod[t];
    const torch::Tensor b = 1 - a;
    const int tn = t + step;
    const torch::Tensor an = tn < trainTimesteps ? alphasCumprod[tn] : torch::zeros({}, alphasCumprod.options());
    const torch::Tensor x0 = a.pow(0.5).to(x.dtype()) * x - b.pow(0.5).to(x.dtype()) * v;
    const torch::Tensor eps = a.pow(0.5).to(x.dtype()) * v + b.pow(0.5).to(x.dtype()) * x;
    return an.pow(0.5).to(x.dtype()) * x0 + (1 - an).pow(0.5).to(x.dtype()) * eps;
}

// ---------------------------------------------------------------------------------------------
// Heat map aggregation

// Spec section 5, per (layer, call): mean over the word tokens of probabilities [HW, T], reshaped
// to its square and min-max normalised -> [1, 1, side, side].
torch::Tensor normalisedWordMap(const torch::Tensor& p, int firstToken, int lastToken) {
    const int64_t side = static_cast<int64_t>(std::lround(std::sqrt(double(p.size(0)))));
    torch::Tensor m = p.slice(1, firstToken, lastToken + 1).mean(1).reshape({1, 1, side, side});
    return (m - m.min()) / (m.max() - m.min());
}

// Mean of the maps [1, 1, s, s] after bilinear resizing to 512 x 512 (align_corners false).
std::vector<float> meanOfResized(const std::vector<torch::Tensor>& maps) {
    torch::Tensor sum;
    for (const torch::Tensor& m : maps) {
        const torch::Tensor r = F::interpolate(m, F::InterpolateFuncOptions()
                                                      .size(std::vector<int64_t>{512, 512})
                                                      .mode(torch::kBilinear)
                                                      .align_corners(false));
        sum = sum.defined() ? sum + r : r;
    }
    sum = (sum / static_cast<double>(maps.size())).reshape({512 * 512}).contiguous();
    return std::vector<float>(sum.data_ptr<float>(), sum.data_ptr<float>() + sum.numel());
}

std::vector<float> meanHeatmap(const std::vector<torch::Tensor>& probs, int firstToken, int lastToken) {
    torch::NoGradGuard g;
    std::vector<torch::Tensor> maps;
    maps.reserve(probs.size());
    for (const torch::Tensor& p : probs) maps.push_back(normalisedWordMap(p, firstToken, lastToken));  // p: [HW, T]
    return meanOfResized(maps);
}

void finishHeatmap(PromptResult* r, const Settings& s, int ow, int oh) {
    r->heatmapSmooth = gaussianFilter(r->heatmapMean, 512, 512, s.blurSigma);
    minMaxNormalise(r->heatmapSmooth);
    r->heatmap = r->heatmapSmooth;
    r->threshold = 0.0f;
    if (s.otsu) {
        r->threshold = otsuThreshold(r->heatmapSmooth);
        for (float& v : r->heatmap) v = v > r->threshold ? v : 0.0f;
    }
    r->originalWidth = ow;
    r->originalHeight = oh;
    r->original = mapToOriginal(r->heatmap, 512, ow, oh);
}

// ---------------------------------------------------------------------------------------------
// Impl building blocks

torch::Tensor Engine::Impl::preprocess(const GreyImage& img) const {
    torch::NoGradGuard g;
    torch::Tensor x = torch::from_blob(const_cast<uint8_t*>(img.pixels.data()), {1, 1, img.height, img.width},
                                       torch::kUInt8)
                          .to(torch::kFloat32)
                          .div(255.0)
                          .clamp(0.0, 1.0);
    const int shorter = std::min(img.width, img.height);
    const int64_t nh = img.height == shorter ? 512 : static_cast<int64_t>(512.0 * img.height / shorter);
    const int64_t nw = img.width == shorter ? 512 : static_cast<int64_t>(512.0 * img.width / shorter);
    if (nh != img.height || nw != img.width)
        x = F::interpolate(x, F::InterpolateFuncOptions()
                                  .size(std::vector<int64_t>{nh, nw})
                                  .mode(torch::kBilinear)
                                  .align_corners(false));
    const int64_t top = (nh - 512) / 2, left = (nw - 512) / 2;
    return x.slice(2, top, top + 512).slice(3, left, left + 512).contiguous();
}

torch::Tensor Engine::Impl::encodeImage(const torch::Tensor& image512) {
    torch::NoGradGuard g;
    return autoencoder->encodeMean(image512.to(device, dtype)) * 0.3;
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
    const torch::Tensor ts = torch::full({x.size(0)}, static_cast<int64_t>(t), torch::TensorOptions().dtype(torch::kInt64).device(device));
    return unet->forward(x, ts, context, ctl);
}

void Engine::Impl::toDevice() {
    text->to(device, dtype);
    autoencoder->to(device, dtype);
    unet->to(device, dtype);
    text->eval();
    autoencoder->eval();
    unet->eval();
}

// ---------------------------------------------------------------------------------------------
// Engine

Engine::Engine() : d(std::make_unique<Impl>()) {}
Engine::~Engine() = default;
const EngineInfo& Engine::info() const { return d->info; }

namespace {

bool setupDevice(Engine::Impl* d, const Settings& s, std::string* error) {
    const std::string problems = s.validate(0);
    if (!problems.empty()) {
        *error = problems;
        return false;
    }
    if (s.device.rfind("cuda", 0) == 0) {
        if (!torch::cuda::is_available()) {
            *error = "CUDA was asked for but this LibTorch build has no CUDA device available";
            return false;
        }
        d->device = torch::Device(s.device);
    } else if (s.device != "cpu") {
        *error = "unknown device '" + s.device + "' (cpu or cuda)";
        return false;
    }
    d->dtype = s.precision == "bf16" ? torch::kBFloat16 : s.precision == "fp16" ? torch::kFloat16 : torch::kFloat32;
    const int threads = s.threads > 0 ? s.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
    d->info.threads = threads;
    d->info.device = s.device;
    d->info.precision = s.precision;
    return true;
}

void buildNets(Engine::Impl* d, const model::BundleConfig& b, const model::TextEncoderConfig& t) {
    d->text = nets::ClipTextModel(clipParams(t));
    d->autoencoder = nets::AutoencoderKLEncoder(aeParams(b.autoencoder));
    d->unet = nets::DiffusionUNet(unetParams(b.unet));
    d->betaStart = b.scheduler.betaStart;
    d->betaEnd = b.scheduler.betaEnd;
    d->betaSchedule = b.scheduler.schedule;
    d->predictionType = b.scheduler.predictionType;
    d->info.trainTimesteps = static_cast<int>(b.scheduler.numTrainTimesteps);
    d->info.crossAttentionLayers = d->unet->crossAttentionLayers();
    size_t n = 0;
    for (auto* m : {static_cast<torch::nn::Module*>(d->text.get()), static_cast<torch::nn::Module*>(d->autoencoder.get()),
                    static_cast<torch::nn::Module*>(d->unet.get())})
        for (const auto& p : m->parameters()) n += static_cast<size_t>(p.numel());
    d->info.parameterCount = n;
}

}  // namespace

std::unique_ptr<Engine> Engine::load(const std::string& dir, const Settings& s, std::string* error,
                                     const ProgressFn& progress) {
    std::unique_ptr<Engine> e(new Engine());
    Impl* d = e->d.get();
    if (!setupDevice(d, s, error)) return nullptr;
    if (progress) progress(Phase::LoadModel, 0, 4);
    model::ModelFolderReport rep = model::inspectModelFolder(dir);
    if (!rep.ok) {
        *error = "the model folder " + dir + " cannot be used:\n" + rep.text;
        return nullptr;
    }
    const std::string unsupported = checkSupported(rep.bundle);
    if (!unsupported.empty()) {
        *error = "the model folder " + dir + " describes networks this engine does not support:\n" + unsupported;
        return nullptr;
    }
    std::string terr;
    std::unique_ptr<text::ClipTokenizer> tok = text::ClipTokenizer::load(dir + "/tokenizer", &terr);
    if (!tok) {
        *error = "the tokenizer in " + dir + "/tokenizer cannot be loaded: " + terr;
        return nullptr;
    }
    d->tokenizer = std::shared_ptr<text::ClipTokenizer>(std::move(tok));
    try {
        buildNets(d, rep.bundle, rep.textEncoder);
        std::vector<std::string> problems;
        int k = 1;
        for (const model::CheckpointReport& c : rep.checkpoints) {
            if (!c.file) continue;
            torch::nn::Module* m = c.network == model::Network::UNet ? static_cast<torch::nn::Module*>(d->unet.get())
                                   : c.network == model::Network::Autoencoder
                                       ? static_cast<torch::nn::Module*>(d->autoencoder.get())
                                       : static_cast<torch::nn::Module*>(d->text.get());
            bindWeights(*m, *c.file, c.relPath, &problems);
            if (progress) progress(Phase::LoadModel, k++, 4);
        }
        if (!problems.empty()) {
            std::ostringstream s;
            s << "the weights in " << dir << " do not fit the networks:\n";
            for (const auto& p : problems) s << "  " << p << "\n";
            *error = s.str();
            return nullptr;
        }
        rep.checkpoints.clear();  // releases the memory maps
        d->toDevice();
    } catch (const std::exception& ex) {
        *error = std::string("the model cannot be built: ") + ex.what();
        return nullptr;
    }
    d->info.modelDir = dir;
    if (progress) progress(Phase::LoadModel, 4, 4);
    return e;
}

std::unique_ptr<Engine> Engine::randomForBenchmark(const std::string& configDir, const Settings& s,
                                                   std::string* error) {
    std::unique_ptr<Engine> e(new Engine());
    Impl* d = e->d.get();
    if (!setupDevice(d, s, error)) return nullptr;
    model::BundleConfig b;
    model::TextEncoderConfig t;
    if (!model::loadBundleConfig(configDir + "/configs/inference.json", &b, error)) return nullptr;
    if (!model::loadTextEncoderConfig(configDir + "/text_encoder/config.json", &t, error)) return nullptr;
    const std::string unsupported = checkSupported(b);
    if (!unsupported.empty()) {
        *error = unsupported;
        return nullptr;
    }
    std::string terr;
    auto tok = text::ClipTokenizer::load(configDir + "/tokenizer", &terr);
    if (!tok) {
        *error = "tokenizer: " + terr;
        return nullptr;
    }
    d->tokenizer = std::shared_ptr<text::ClipTokenizer>(std::move(tok));
    try {
        torch::manual_seed(0);
        buildNets(d, b, t);
        torch::NoGradGuard g;
        // Scale random weights down so activations stay finite through 30+ layers.
        for (auto* m : {static_cast<torch::nn::Module*>(d->text.get()), static_cast<torch::nn::Module*>(d->unet.get())})
            for (auto& p : m->parameters())
                if (p.dim() >= 2) p.mul_(0.5);
        d->toDevice();
    } catch (const std::exception& ex) {
        *error = std::string("the model cannot be built: ") + ex.what();
        return nullptr;
    }
    d->info.modelDir = configDir + " (random weights)";
    return e;
}

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

std::vector<std::string> Engine::availableDevices() {
    std::vector<std::string> out{"cpu"};
    if (torch::cuda::is_available())
        for (size_t i = 0; i < torch::cuda::device_count(); ++i) out.push_back("cuda:" + std::to_string(i));
    return out;
}

bool Engine::supportsReducedPrecision(const std::string& device) { return device.rfind("cuda", 0) == 0; }

void Engine::clearCache() {
    std::lock_guard<std::mutex> lock(d->mutex);
    d->cache.clear();
}

int Engine::cachedImages() const {
    std::lock_guard<std::mutex> lock(d->mutex);
    return static_cast<int>(d->cache.size());
}

bool Engine::ground(const GreyImage& image, const std::vector<std::string>& prompts, const Settings& s,
                    std::vector<PromptResult>* results, std::string* error, const ProgressFn& progress,
                    const std::atomic_bool* cancel) {
    std::lock_guard<std::mutex> lock(d->mutex);
    results->clear();
    if (prompts.size() <= size_t(kMaxBatchPrompts)) return groundBatch(image, prompts, s, results, error, progress, cancel);
    // The first batch inverts the image (and caches its trajectory); the others reuse it.
    for (size_t first = 0; first < prompts.size(); first += kMaxBatchPrompts) {
        const size_t end = std::min(prompts.size(), first + size_t(kMaxBatchPrompts));
        const std::vector<std::string> batch(prompts.begin() + std::ptrdiff_t(first), prompts.begin() + std::ptrdiff_t(end));
        std::vector<PromptResult> part;
        if (!groundBatch(image, batch, s, &part, error, progress, cancel)) {
            results->clear();
            return false;
        }
        for (PromptResult& r : part) results->push_back(std::move(r));
    }
    return true;
}

bool Engine::groundBatch(const GreyImage& image, const std::vector<std::string>& prompts, const Settings& s,
                         std::vector<PromptResult>* results, std::string* error, const ProgressFn& progress,
                         const std::atomic_bool* cancel) {
    c10::InferenceMode inference;
    results->clear();
    const std::string problems = s.validate(d->info.crossAttentionLayers);
    if (!problems.empty()) {
        *error = problems;
        return false;
    }
    if (s.device != d->info.device || s.precision != d->info.precision) {
        *error = "the engine was loaded for " + d->info.device + "/" + d->info.precision + "; reload it to use " +
                 s.device + "/" + s.precision;
        return false;
    }
    if (s.threads > 0 && s.threads != torch::get_num_threads()) torch::set_num_threads(s.threads);
    if (image.width <= 0 || image.height <= 0 || image.pixels.size() != size_t(image.width) * image.height) {
        *error = "the image is empty or its size does not match its pixels";
        return false;
    }
    if (prompts.empty()) {
        *error = "no prompt to ground";
        return false;
    }
    auto cancelled = [&] { return cancel && cancel->load(); };
    const int T = d->info.trainTimesteps;
    const Schedule sched = Schedule::make(T, d->betaStart, d->betaEnd, d->betaSchedule, s.steps);
    const int wa = s.resolvedStart(), wb = s.resolvedEnd();
    const int lastLayer = *std::max_element(s.layers.begin(), s.layers.end());

    // ---- text ----------------------------------------------------------------------------
    double t0 = now();
    std::vector<std::vector<int64_t>> ids;
    for (const std::string& p : prompts) {
        PromptResult r;
        r.prompt = p;
        const auto tk = d->tokenizer->encode(p, 77);
        r.tokenIds = tk.ids;
        r.length = tk.length;
        r.truncated = tk.truncated;
        r.tokens = tk.tokens;
        r.firstToken = 1;
        r.lastToken = tk.length - 2;
        for (const auto& w : d->tokenizer->words(p, 77)) r.words.push_back({w.text, w.firstToken, w.lastToken, w.isWord});
        if (r.lastToken < r.firstToken) {
            *error = "the prompt \"" + p + "\" has no words to ground (empty after cleaning)";
            results->clear();
            return false;
        }
        ids.push_back(r.tokenIds);
        results->push_back(std::move(r));
    }
    if (progress) progress(Phase::EncodeText, 0, 1);
    if (!d->emptyContext.defined()) d->emptyContext = d->encodeText({d->tokenizer->encode("", 77).ids});  // [1,77,H]
    const torch::Tensor ctxEmpty = d->emptyContext;
    const torch::Tensor ctxPrompts = d->encodeText(ids);                     // [P,77,H]
    const double tText = now() - t0;

    // ---- trajectory (cached per image) and window passes -----------------------------------
    // Before the window only the unconditional path runs (it drives the trajectory). In the
    // window, a fresh image's unconditional row and the prompts' conditional rows share one batch
    // up to the last recorded layer, then the unconditional row alone finishes the pass. A cached
    // trajectory needs only the conditional rows, up to the last recorded layer.
    std::string key = image.cacheKey;
    if (key.empty()) key = std::to_string(fnv1a(image.pixels.data(), image.pixels.size()));
    key += "|" + std::to_string(image.width) + "x" + std::to_string(image.height) + "|N" + std::to_string(s.steps);
    int calls = 0;
    double tImage = 0, tInv = 0;
    auto it = d->cache.find(key);
    const bool fromCache = it != d->cache.end() && static_cast<int>(it->second.states.size()) >= wb;
    CachedTrajectory fresh;
    CachedTrajectory* traj = fromCache ? &it->second : &fresh;
    if (!fromCache) {
        t0 = now();
        if (progress) progress(Phase::EncodeImage, 0, 1);
        fresh.width = image.width;
        fresh.height = image.height;
        fresh.z0 = d->encodeImage(d->preprocess(image));
        fresh.states.push_back(fresh.z0);
        tImage = now() - t0;
        t0 = now();
        for (int i = 0; i < wa; ++i) {
            if (cancelled()) {
                *error = "cancelled";
                results->clear();
                return false;
            }
            if (progress) progress(Phase::Inversion, i, wb - 1);
            const torch::Tensor v = d->unetCall(fresh.states.back(), sched.timesteps[i], ctxEmpty);
            ++calls;
            fresh.states.push_back(sched.invertStep(fresh.states.back(), v, i));
        }
        tInv = now() - t0;
    }

    t0 = now();
    const int64_t P = static_cast<int64_t>(prompts.size());
    std::vector<std::vector<torch::Tensor>> maps(static_cast<size_t>(P));  // per prompt: [HW,77] per (layer, call)
    const torch::Tensor ctxWithEmpty = torch::cat({ctxEmpty, ctxPrompts}, 0);  // [1+P,77,H]
    for (int i = wa; i < wb; ++i) {
        if (cancelled()) {
            *error = "cancelled";
            results->clear();
            return false;
        }
        if (progress) progress(fromCache ? Phase::Attention : Phase::Inversion, fromCache ? i - wa : i, fromCache ? wb - wa : wb - 1);
        const torch::Tensor xi = traj->states[static_cast<size_t>(i)];  // a handle: states may grow below
        const bool advance = !fromCache && i + 1 < wb;  // the trajectory still needs x_{i+1}
        nets::AttentionControl ctl;
        ctl.record = s.layers;
        ctl.stopAfter = lastLayer;
        torch::Tensor out;
        int64_t firstCond = 0;
        if (advance) {
            ctl.keepRows = 1;
            firstCond = 1;
            out = d->unetCall(xi.expand({1 + P, -1, -1, -1}), sched.timesteps[i], ctxWithEmpty, &ctl);
            fresh.states.push_back(sched.invertStep(xi, out, i));
        } else {
            d->unetCall(xi.expand({P, -1, -1, -1}), sched.timesteps[i], ctxPrompts, &ctl);
        }
        ++calls;
        const int64_t rows = P + firstCond;
        // maps arrive in execution order; keep them layer by layer in the order of s.layers
        for (int layer : s.layers)
            for (auto& [idx, probs] : ctl.maps)
                if (idx == layer) {
                    const int64_t heads = probs.size(0) / rows;
                    torch::Tensor pr = probs.to(torch::kFloat32)
                                           .reshape({rows, heads, probs.size(1), probs.size(2)})
                                           .mean(1)
                                           .slice(0, firstCond, rows)
                                           .cpu();
                    for (int64_t p = 0; p < P; ++p) maps[static_cast<size_t>(p)].push_back(pr[p]);
                }
    }
    const double tAttn = now() - t0;
    if (!fromCache) {
        if (d->cache.size() >= d->maxCachedImages) {  // forget the least recently used image
            auto oldest = std::min_element(d->cache.begin(), d->cache.end(), [](const auto& a, const auto& b) {
                return a.second.lastUse < b.second.lastUse;
            });
            d->cache.erase(oldest);
        }
        // Only the window's states are needed later.
        for (int i = 0; i < wa && i < static_cast<int>(fresh.states.size()); ++i) fresh.states[i] = torch::Tensor();
        traj = &(d->cache[key] = std::move(fresh));
    }
    traj->lastUse = ++d->useCounter;

    // ---- heat maps ----------------------------------------------------------------------------
    t0 = now();
    if (progress) progress(Phase::PostProcess, 0, 1);
    for (int64_t p = 0; p < P; ++p) {
        PromptResult& r = (*results)[static_cast<size_t>(p)];
        // order maps layer-major: for each layer, every call (the mean is order-independent
        // up to rounding; keep the reference's order)
        std::vector<torch::Tensor> ordered;
        const size_t L = s.layers.size(), C = static_cast<size_t>(wb - wa);
        for (size_t l = 0; l < L; ++l)
            for (size_t c = 0; c < C; ++c) ordered.push_back(maps[static_cast<size_t>(p)][c * L + l]);
        r.heatmapMean = meanHeatmap(ordered, r.firstToken, r.lastToken);
        finishHeatmap(&r, s, image.width, image.height);
        // token maps for per-word results
        const int words = r.lastToken - r.firstToken + 1;
        r.tokenMapCount = static_cast<int>(ordered.size());
        r.tokenMapSide = static_cast<int>(std::lround(std::sqrt(double(ordered.front().size(0)))));
        r.tokenMaps.clear();
        r.tokenMaps.reserve(ordered.size() * ordered.front().size(0) * words);
        for (const torch::Tensor& m : ordered) {
            const torch::Tensor w = m.slice(1, r.firstToken, r.lastToken + 1).contiguous();
            r.tokenMaps.insert(r.tokenMaps.end(), w.data_ptr<float>(), w.data_ptr<float>() + w.numel());
        }
        r.unetCalls = calls;
        r.trajectoryCached = fromCache;
        r.seconds.encodeImage = tImage;
        r.seconds.encodeText = tText;
        r.seconds.inversion = tInv;
        r.seconds.attention = tAttn;
    }
    const double tPost = now() - t0;
    for (auto& r : *results) r.seconds.postprocess = tPost;
    return true;
}

bool Engine::recordAllLayers(const GreyImage& image, const std::vector<std::string>& prompts, const Settings& s, int callCount,
                             std::vector<AblationRecord>* records, std::string* error, const ProgressFn& progress,
                             const std::atomic_bool* cancel) {
    std::lock_guard<std::mutex> lock(d->mutex);
    c10::InferenceMode inference;
    records->clear();
    const int L = d->info.crossAttentionLayers;
    if (s.device != d->info.device || s.precision != d->info.precision) {
        *error = "the engine was loaded for " + d->info.device + "/" + d->info.precision;
        return false;
    }
    if (callCount < 1 || callCount > s.totalCalls(d->info.trainTimesteps)) {
        *error = "ablation calls must lie within 1.." + std::to_string(s.totalCalls(d->info.trainTimesteps)) + " (got " +
                 std::to_string(callCount) + ")";
        return false;
    }
    if (image.width <= 0 || image.height <= 0 || image.pixels.size() != size_t(image.width) * image.height) {
        *error = "the image is empty or its size does not match its pixels";
        return false;
    }
    if (prompts.empty()) {
        *error = "no prompt to ground";
        return false;
    }
    if (s.threads > 0 && s.threads != torch::get_num_threads()) torch::set_num_threads(s.threads);
    const int T = d->info.trainTimesteps;
    const Schedule sched = Schedule::make(T, d->betaStart, d->betaEnd, d->betaSchedule, s.steps);
    std::vector<std::vector<int64_t>> ids;
    for (const std::string& p : prompts) {
        AblationRecord r;
        r.prompt = p;
        const auto tk = d->tokenizer->encode(p, 77);
        r.firstToken = 1;
        r.lastToken = tk.length - 2;
        if (r.lastToken < r.firstToken) {
            *error = "the prompt \"" + p + "\" has no words to ground (empty after cleaning)";
            records->clear();
            return false;
        }
        r.calls = callCount;
        r.layers = L;
        r.sides.assign(size_t(L), 0);
        r.maps.resize(size_t(callCount) * L);
        r.originalWidth = image.width;
        r.originalHeight = image.height;
        ids.push_back(tk.ids);
        records->push_back(std::move(r));
    }
    if (progress) progress(Phase::EncodeText, 0, 1);
    if (!d->emptyContext.defined()) d->emptyContext = d->encodeText({d->tokenizer->encode("", 77).ids});
    const torch::Tensor ctxWithEmpty = torch::cat({d->emptyContext, d->encodeText(ids)}, 0);  // [1+P,77,H]
    const int64_t P = static_cast<int64_t>(prompts.size()), rows = 1 + P;
    if (progress) progress(Phase::EncodeImage, 0, 1);
    torch::Tensor x = d->encodeImage(d->preprocess(image));
    std::vector<int> all(static_cast<size_t>(L));
    for (int l = 0; l < L; ++l) all[size_t(l)] = l;
    for (int i = 0; i < callCount; ++i) {
        if (cancel && cancel->load()) {
            *error = "cancelled";
            records->clear();
            return false;
        }
        if (progress) progress(Phase::Inversion, i, callCount);
        nets::AttentionControl ctl;
        ctl.record = all;
        ctl.stopAfter = L - 1;
        ctl.keepRows = 1;  // the unconditional row finishes the pass and drives the trajectory
        const torch::Tensor v = d->unetCall(x.expand({rows, -1, -1, -1}), sched.timesteps[i], ctxWithEmpty, &ctl);
        x = sched.invertStep(x, v, i);
        for (auto& [idx, probs] : ctl.maps) {
            const int64_t heads = probs.size(0) / rows;
            const torch::Tensor pr = probs.to(torch::kFloat32).reshape({rows, heads, probs.size(1), probs.size(2)}).mean(1).cpu();
            const int64_t hw = pr.size(1);
            const int side = static_cast<int>(std::lround(std::sqrt(double(hw))));
            for (int64_t p = 0; p < P; ++p) {
                AblationRecord& r = (*records)[size_t(p)];
                const torch::Tensor m = normalisedWordMap(pr[p + 1], r.firstToken, r.lastToken).contiguous();
                r.sides[size_t(idx)] = side;
                r.maps[size_t(i) * L + idx].assign(m.data_ptr<float>(), m.data_ptr<float>() + m.numel());
            }
        }
        for (auto& r : *records) r.unetCalls = i + 1;
    }
    return true;
}

bool Engine::resultFromRecord(const AblationRecord& rec, const Settings& s, PromptResult* out, std::string* error) {
    const int a = s.resolvedStart(), b = s.resolvedEnd();
    if (s.layers.empty() || a < 0 || b <= a || b > rec.calls) {
        *error = "the window " + std::to_string(a) + ":" + std::to_string(b) + " is outside the recorded calls 0:" +
                 std::to_string(rec.calls);
        return false;
    }
    for (int l : s.layers)
        if (l < 0 || l >= rec.layers) {
            *error = "layer " + std::to_string(l) + " does not exist (0.." + std::to_string(rec.layers - 1) + ")";
            return false;
        }
    c10::InferenceMode inference;
    std::vector<torch::Tensor> maps;
    for (int l : s.layers)  // layer-major, as ground()
        for (int c = a; c < b; ++c) {
            const std::vector<float>& m = rec.maps[size_t(c) * rec.layers + l];
            const int side = rec.sides[size_t(l)];
            if (m.size() != size_t(side) * side || side == 0) {
                *error = "the record lacks layer " + std::to_string(l) + " at call " + std::to_string(c);
                return false;
            }
            maps.push_back(torch::from_blob(const_cast<float*>(m.data()), {1, 1, side, side}, torch::kFloat32));
        }
    *out = PromptResult();
    out->prompt = rec.prompt;
    out->firstToken = rec.firstToken;
    out->lastToken = rec.lastToken;
    out->heatmapMean = meanOfResized(maps);
    finishHeatmap(out, s, rec.originalWidth, rec.originalHeight);
    out->unetCalls = 0;
    return true;
}

bool Engine::restrictTokens(const PromptResult& full, int first, int last, const Settings& s, PromptResult* out,
                            std::string* error) {
    const int words = full.lastToken - full.firstToken + 1;
    if (first < full.firstToken || last > full.lastToken || last < first) {
        *error = "token range " + std::to_string(first) + ".." + std::to_string(last) + " is outside the prompt's words " +
                 std::to_string(full.firstToken) + ".." + std::to_string(full.lastToken);
        return false;
    }
    if (full.tokenMapCount == 0 || full.tokenMaps.empty()) {
        *error = "this result holds no token maps";
        return false;
    }
    c10::InferenceMode inference;
    const int64_t hw = int64_t(full.tokenMapSide) * full.tokenMapSide;
    torch::Tensor all = torch::from_blob(const_cast<float*>(full.tokenMaps.data()),
                                         {full.tokenMapCount, hw, words}, torch::kFloat32);
    std::vector<torch::Tensor> maps;
    for (int i = 0; i < full.tokenMapCount; ++i) maps.push_back(all[i]);
    *out = full;
    out->firstToken = first;
    out->lastToken = last;
    // tokenMaps columns start at full.firstToken: shift the range.
    out->heatmapMean = meanHeatmap(maps, first - full.firstToken, last - full.firstToken);
    finishHeatmap(out, s, full.originalWidth, full.originalHeight);
    out->unetCalls = 0;
    return true;
}

}  // namespace cxr::grounding
