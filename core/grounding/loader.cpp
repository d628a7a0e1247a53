// Loading: the run settings (device, precision, threads), the model folder's configuration and
// weights bound to the networks under their checkpoint key names, and the device probes.
#include "grounding/engine_internal.h"

#include "model/config.h"
#include "model/model_folder.h"
#include "model/weights.h"
#include "text/clip_tokenizer.h"

#include <ATen/Context.h>

#include <sched.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

namespace cxr::grounding {

namespace {

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

// Copies every parameter / buffer of `module` from `file` by name. Problems are appended.
void bindWeights(torch::nn::Module& module, const model::WeightFile& file, const std::string& what,
                 std::vector<std::string>* problems) {
    torch::NoGradGuard noGrad;
    auto bind = [&](const std::string& name, torch::Tensor& target) {
        const model::TensorRecord* r = file.find(name);
        if (!r) {
            problems->push_back(what + ": missing tensor " + name + " " + model::shapeToString(target.sizes().vec()));
            return;
        }
        if (r->shape != target.sizes().vec()) {
            problems->push_back(what + ": tensor " + name + " has shape " + model::shapeToString(r->shape) +
                                ", the configuration needs " + model::shapeToString(target.sizes().vec()));
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
    p.quickGelu = c.hiddenAct == "quick_gelu";  // else "gelu" (the loader refuses other values)
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
    p.upcastAttention = c.upcastAttention;
    return p;
}

// "cpu", "cuda" or "cuda:N" -> a device; false with a message for anything else or a CUDA device
// this build or machine does not have.
bool parseDevice(const std::string& s, torch::Device* out, std::string* error) {
    if (s == "cpu") {
        *out = torch::Device(torch::kCPU);
        return true;
    }
    int index = -1;
    if (s == "cuda") {
        index = 0;
    } else if (s.rfind("cuda:", 0) == 0 && s.size() > 5 && s.size() <= 8 &&
               std::all_of(s.begin() + 5, s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        index = std::stoi(s.substr(5));
    } else {
        *error = "unknown device \"" + s + "\": use cpu, cuda or cuda:N (N = the GPU's number)";
        return false;
    }
    if (!torch::cuda::is_available()) {
        *error = "the device \"" + s + "\" was asked for, but this build has no CUDA support or the machine has no "
                 "usable NVIDIA GPU (LibTorch reports none); use --device cpu";
        return false;
    }
    if (index >= static_cast<int>(torch::cuda::device_count())) {
        *error = "the device \"" + s + "\" does not exist: this machine has " +
                 std::to_string(torch::cuda::device_count()) + " CUDA device(s), cuda:0 .. cuda:" +
                 std::to_string(int(torch::cuda::device_count()) - 1);
        return false;
    }
    *out = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
    return true;
}

torch::ScalarType precisionType(const std::string& p) {
    return p == "bf16" ? torch::kBFloat16 : p == "fp16" ? torch::kFloat16 : torch::kFloat32;
}

// A tiny convolution and matmul in `type` on `device`; true when both run and give the exact answer.
bool probePrecision(const torch::Device& device, torch::ScalarType type) {
    try {
        c10::InferenceMode guard;
        const auto o = torch::TensorOptions().dtype(type).device(device);
        const torch::Tensor y = torch::conv2d(torch::ones({1, 4, 6, 6}, o), torch::ones({2, 4, 3, 3}, o));
        const torch::Tensor m = torch::matmul(torch::ones({3, 8}, o), torch::ones({8, 2}, o));
        return y.scalar_type() == type && y.to(torch::kFloat32).eq(36).all().item<bool>() &&
               m.to(torch::kFloat32).eq(8).all().item<bool>();
    } catch (const std::exception&) {
        return false;
    }
}

bool setupRun(Engine::Impl* d, const RunSettings& run, std::string* error) {
    const std::string problems = run.validate();
    if (!problems.empty()) {
        *error = problems;
        return false;
    }
    if (!parseDevice(run.device, &d->device, error)) return false;
    d->info.precisions = Engine::supportedPrecisions(run.device);
    if (std::find(d->info.precisions.begin(), d->info.precisions.end(), run.precision) == d->info.precisions.end()) {
        *error = "the precision " + run.precision + " does not run on " + run.device +
                 " (a probe convolution failed there); use fp32";
        return false;
    }
    d->dtype = precisionType(run.precision);
    // Channels-last convolutions (oneDNN) were measured slower end to end on this LibTorch: off
    // unless asked for (README "Benchmarks", bench engine --channels-last on).
    d->channelsLast = false;
    if (d->device.is_cuda()) {
        // fp32 stays fp32 on recent GPUs unless the user allows TF32; the shapes are fixed, so
        // cuDNN may pick its fastest kernels once.
        at::globalContext().setAllowTF32CuBLAS(run.allowTf32);
        at::globalContext().setAllowTF32CuDNN(run.allowTf32);
        at::globalContext().setBenchmarkCuDNN(true);
    }
    const int threads = run.threads > 0 ? run.threads : usableCores();
    torch::set_num_threads(threads);
    d->info.threads = threads;
    d->info.device = run.device;
    d->info.precision = run.precision;
    return true;
}

void applyBundle(Engine::Impl* d, const model::BundleConfig& b, const model::TextEncoderConfig& t) {
    d->text = nets::ClipTextModel(clipParams(t));
    d->autoencoder = nets::AutoencoderKLEncoder(aeParams(b.autoencoder));
    d->unet = nets::DiffusionUNet(unetParams(b.unet));
    d->betaStart = b.scheduler.betaStart;
    d->betaEnd = b.scheduler.betaEnd;
    d->betaSchedule = b.scheduler.schedule;
    d->prediction = b.scheduler.predictionType == "epsilon" ? Schedule::Prediction::Epsilon
                    : b.scheduler.predictionType == "sample" ? Schedule::Prediction::Sample
                                                             : Schedule::Prediction::V;
    d->clipSample = b.scheduler.clipSample;
    d->info.trainTimesteps = static_cast<int>(b.scheduler.numTrainTimesteps);
    d->info.crossAttentionLayers = d->unet->crossAttentionLayers();
    size_t n = 0;
    for (auto* m : {static_cast<torch::nn::Module*>(d->text.get()), static_cast<torch::nn::Module*>(d->autoencoder.get()),
                    static_cast<torch::nn::Module*>(d->unet.get())})
        for (const auto& p : m->parameters()) n += static_cast<size_t>(p.numel());
    d->info.parameterCount = n;
}

// Test-only: CXRG_TEST_FAIL_UNET_CALL=N[-M][:message] makes the engine's UNet calls N .. M
// (counted from 1 over the engine's life; M = N when absent) throw, as an out-of-memory error
// would. Lets the CLI's tests check that a failure inside the UNet loop becomes a message.
void installTestHook(Engine::Impl* d) {
    const char* v = std::getenv("CXRG_TEST_FAIL_UNET_CALL");
    if (!v || !*v) return;
    const std::string spec(v);
    const size_t colon = spec.find(':');
    const std::string range = spec.substr(0, colon);
    const size_t dash = range.find('-');
    const long from = std::atol(range.substr(0, dash).c_str());
    const long to = dash == std::string::npos ? from : std::atol(range.substr(dash + 1).c_str());
    const std::string message = colon == std::string::npos
                                    ? "CUDA out of memory. Tried to allocate 2.00 GiB (injected by CXRG_TEST_FAIL_UNET_CALL)"
                                    : spec.substr(colon + 1);
    if (from <= 0 || to < from) return;
    d->beforeUnetCall = [from, to, message](long call) {
        if (call >= from && call <= to) throw std::runtime_error(message);
    };
}

// A fingerprint of the model files for the trajectory cache's keys: each file's size and a hash
// of its first and last 4 MiB (the weights of two different checkpoints differ there; hashing
// 1.4 GB at every start would cost seconds).
std::string modelFingerprint(const std::string& dir) {
    uint64_t h = TrajectoryCache::fnv1a("cxrg-model-1", 12);
    for (const char* rel : {"configs/inference.json", "models/autoencoder.pth", "models/diffusion_model.pth",
                            "text_encoder/config.json", "text_encoder/model.safetensors", "text_encoder/pytorch_model.bin"}) {
        std::ifstream f(dir + "/" + rel, std::ios::binary | std::ios::ate);
        if (!f) continue;
        const std::streamoff size = f.tellg();
        h = TrajectoryCache::fnv1a(rel, std::strlen(rel), h);
        h = TrajectoryCache::fnv1a(&size, sizeof size, h);
        const std::streamoff chunk = std::min<std::streamoff>(size, 4 << 20);
        std::string buf(size_t(chunk), '\0');
        for (std::streamoff at : {std::streamoff(0), size - chunk}) {
            f.seekg(at);
            f.read(buf.data(), chunk);
            h = TrajectoryCache::fnv1a(buf.data(), size_t(f.gcount()), h);
        }
    }
    return TrajectoryCache::hex(h);
}

}  // namespace

int usableCores() {
    int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) == 0) cores = std::max(1, CPU_COUNT(&set));
    // A cgroup CPU quota (containers, Slurm): v2 "max 100000" / "200000 100000", v1 two files.
    double quota = -1, period = -1;
    std::ifstream v2("/sys/fs/cgroup/cpu.max");
    std::string q;
    if (v2 >> q >> period && q != "max") quota = std::atof(q.c_str());
    if (quota <= 0) {
        std::ifstream qf("/sys/fs/cgroup/cpu/cpu.cfs_quota_us"), pf("/sys/fs/cgroup/cpu/cpu.cfs_period_us");
        if (qf >> quota && pf >> period && quota <= 0) quota = -1;
    }
    if (quota > 0 && period > 0) cores = std::min(cores, std::max(1, static_cast<int>(std::ceil(quota / period))));
    return cores;
}

std::string RunSettings::validate() const {
    std::ostringstream s;
    if (precision != "fp32" && precision != "bf16" && precision != "fp16")
        s << "precision must be fp32, bf16 or fp16 (got \"" << precision << "\")\n";
    if (threads < 0 || threads > 4096) s << "threads must be 0 (the cores this process may use) or a positive count\n";
    if (precision != "fp32" && device == "cpu")
        s << "bf16 / fp16 are offered on CUDA devices only; the CPU computes in fp32 (README, \"Precision\")\n";
    return s.str();
}

std::string describeException(const std::exception& e) {
    std::string m;
    if (const auto* c = dynamic_cast<const c10::Error*>(&e)) m = c->what_without_backtrace();
    else m = e.what();
    if (dynamic_cast<const std::bad_alloc*>(&e)) m = "out of memory (std::bad_alloc)";
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    std::string lower = m;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (lower.find("out of memory") != std::string::npos || lower.find("bad_alloc") != std::string::npos ||
        lower.find("failed to allocate") != std::string::npos)
        return "the device ran out of memory (" + m +
               "). Ground fewer sentences at once, close other programs using the GPU, or use the CPU.";
    return m;
}

std::unique_ptr<Engine> Engine::load(const std::string& dir, const RunSettings& run, std::string* error,
                                     const ProgressFn& progress) {
    std::unique_ptr<Engine> e(new Engine());
    Impl* d = e->d.get();
    try {
        if (!setupRun(d, run, error)) return nullptr;
        if (progress) progress(Phase::LoadModel, 0, 4);
        model::ModelFolderReport rep = model::inspectModelFolder(dir);
        if (!rep.ok) {
            *error = "the model folder " + dir + " cannot be used:\n" + rep.text;
            return nullptr;
        }
        std::string terr;
        std::unique_ptr<text::ClipTokenizer> tok = text::ClipTokenizer::load(dir + "/tokenizer", &terr);
        if (!tok) {
            *error = "the tokenizer in " + dir + "/tokenizer cannot be loaded: " + terr;
            return nullptr;
        }
        d->tokenizer = std::shared_ptr<text::ClipTokenizer>(std::move(tok));
        applyBundle(d, rep.bundle, rep.textEncoder);
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
        d->modelFingerprint = modelFingerprint(dir);
        d->toDevice();
    } catch (const std::exception& ex) {
        *error = "the model in " + dir + " cannot be loaded: " + describeException(ex);
        return nullptr;
    }
    installTestHook(d);
    d->info.modelDir = dir;
    if (progress) progress(Phase::LoadModel, 4, 4);
    return e;
}

std::unique_ptr<Engine> Engine::randomForBenchmark(const std::string& configDir, const RunSettings& run,
                                                   std::string* error) {
    std::unique_ptr<Engine> e(new Engine());
    Impl* d = e->d.get();
    try {
        if (!setupRun(d, run, error)) return nullptr;
        model::BundleConfig b;
        model::TextEncoderConfig t;
        if (!model::loadBundleConfig(configDir + "/configs/inference.json", &b, error)) return nullptr;
        if (!model::loadTextEncoderConfig(configDir + "/text_encoder/config.json", &t, error)) return nullptr;
        const std::vector<std::string> unsupported = model::engineSupportProblems(b, t);
        if (!unsupported.empty()) {
            *error = "";
            for (const auto& u : unsupported) *error += u + "\n";
            return nullptr;
        }
        std::string terr;
        auto tok = text::ClipTokenizer::load(configDir + "/tokenizer", &terr);
        if (!tok) {
            *error = "tokenizer: " + terr;
            return nullptr;
        }
        d->tokenizer = std::shared_ptr<text::ClipTokenizer>(std::move(tok));
        torch::manual_seed(0);
        applyBundle(d, b, t);
        torch::NoGradGuard g;
        // Scale random weights down so activations stay finite through 30+ layers.
        for (auto* m : {static_cast<torch::nn::Module*>(d->text.get()), static_cast<torch::nn::Module*>(d->unet.get())})
            for (auto& p : m->parameters())
                if (p.dim() >= 2) p.mul_(0.5);
        d->modelFingerprint = "random-" + modelFingerprint(configDir);
        d->toDevice();
    } catch (const std::exception& ex) {
        *error = "the model cannot be built: " + describeException(ex);
        return nullptr;
    }
    installTestHook(d);
    d->info.modelDir = configDir + " (random weights)";
    return e;
}

void Engine::Impl::toDevice() {
    // The text encoder and the autoencoder stay fp32; the UNet keeps its norms and embeddings in
    // fp32 and holds its convolution and linear weights in the compute precision.
    text->to(device, torch::kFloat32);
    autoencoder->to(device, torch::kFloat32);
    unet->to(device, torch::kFloat32);
    if (dtype != torch::kFloat32)
        for (const auto& m : unet->modules(/*include_self=*/false))
            if (dynamic_cast<torch::nn::Conv2dImpl*>(m.get()) || dynamic_cast<torch::nn::LinearImpl*>(m.get()))
                m->to(dtype);
    setChannelsLast(channelsLast);
    text->eval();
    autoencoder->eval();
    unet->eval();
}

void Engine::Impl::setChannelsLast(bool on) {
    channelsLast = on;
    torch::NoGradGuard g;
    const auto format = on ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
    for (const auto& m : unet->modules(/*include_self=*/false))
        if (auto* conv = dynamic_cast<torch::nn::Conv2dImpl*>(m.get())) conv->weight.set_data(conv->weight.contiguous(format));
}

std::vector<std::string> Engine::availableDevices() {
    std::vector<std::string> out{"cpu"};
    try {
        if (torch::cuda::is_available())
            for (size_t i = 0; i < torch::cuda::device_count(); ++i) out.push_back("cuda:" + std::to_string(i));
    } catch (const std::exception&) {
    }
    return out;
}

std::vector<std::string> Engine::supportedPrecisions(const std::string& device) {
    std::vector<std::string> out{"fp32"};
    torch::Device dev(torch::kCPU);
    std::string err;
    try {
        if (!parseDevice(device, &dev, &err)) return out;
    } catch (const std::exception&) {
        return out;
    }
    if (dev.is_cpu()) return out;  // the CPU is offered fp32 only (README, "Precision")
    if (probePrecision(dev, torch::kBFloat16)) out.push_back("bf16");
    if (probePrecision(dev, torch::kFloat16)) out.push_back("fp16");
    return out;
}

bool Engine::supportsReducedPrecision(const std::string& device) { return supportedPrecisions(device).size() > 1; }

}  // namespace cxr::grounding
