// Model configuration (MONAI bundle configs/inference.json + HF text_encoder/config.json) and the
// expected tensor lists of the three checkpoints. Standard library only.
#pragma once

#include "model/weights.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cxr::model {

// GenerativeModels 0.2.x AutoencoderKL arguments (defaults = the class defaults).
struct AutoencoderConfig {
    std::string target;                 // "_target_" (informational)
    int64_t spatialDims = 2;
    int64_t inChannels = 1;
    int64_t outChannels = 1;
    int64_t latentChannels = 3;
    std::vector<int64_t> channels = {32, 64, 64, 64};  // "num_channels" (original) or "channels" (MONAI core)
    std::vector<int64_t> numResBlocks = {2, 2, 2, 2};  // int or list in the file; expanded per level
    std::vector<bool> attentionLevels = {false, false, true, true};
    int64_t normNumGroups = 32;
    double normEps = 1e-6;
    bool withEncoderNonlocalAttn = true;
    bool withDecoderNonlocalAttn = true;
    bool useConvtranspose = false;
};

// GenerativeModels 0.2.x DiffusionModelUNet arguments.
struct UNetConfig {
    std::string target;
    int64_t spatialDims = 2;
    int64_t inChannels = 3;
    int64_t outChannels = 3;
    std::vector<int64_t> channels = {32, 64, 64, 64};
    std::vector<int64_t> numResBlocks = {2, 2, 2, 2};
    std::vector<bool> attentionLevels = {false, false, true, true};
    int64_t normNumGroups = 32;
    double normEps = 1e-6;
    bool resblockUpdown = false;
    std::vector<int64_t> numHeadChannels = {8, 8, 8, 8}; // int or list in the file; expanded per level
    bool withConditioning = false;
    int64_t transformerNumLayers = 1;
    int64_t crossAttentionDim = 0;      // 0 = None
    int64_t numClassEmbeds = 0;         // 0 = None
    bool upcastAttention = false;

    int64_t timeEmbedDim() const { return channels.empty() ? 0 : channels[0] * 4; }
    // Cross-attention layers in execution order: num_res_blocks per attention level on the way
    // down, one in the middle, num_res_blocks + 1 per attention level on the way up, each times
    // transformer_num_layers (11 for the bundle).
    int64_t crossAttentionLayers() const;
    // Heads of the attention at a level: channels[level] / numHeadChannels[level] (one for the bundle).
    int64_t numHeads(size_t level) const;
};

// GenerativeModels DDIMScheduler arguments.
struct SchedulerConfig {
    std::string target;
    int64_t numTrainTimesteps = 1000;
    std::string schedule = "linear_beta";
    double betaStart = 1e-4;
    double betaEnd = 2e-2;
    std::string predictionType = "epsilon";
    bool clipSample = true;
    bool setAlphaToOne = true;
    int64_t stepsOffset = 0;
};

// Hugging Face CLIPTextConfig (defaults = transformers 4.26 defaults).
struct TextEncoderConfig {
    std::vector<std::string> architectures;
    int64_t vocabSize = 49408;
    int64_t hiddenSize = 512;
    int64_t intermediateSize = 2048;
    int64_t projectionDim = 512;
    int64_t numHiddenLayers = 12;
    int64_t numAttentionHeads = 8;
    int64_t maxPositionEmbeddings = 77;
    std::string hiddenAct = "quick_gelu";
    double layerNormEps = 1e-5;
    int64_t padTokenId = 1;
    int64_t bosTokenId = 0;
    int64_t eosTokenId = 2;
    std::string torchDtype;             // "float32", ... (informational)
};

struct BundleConfig {
    AutoencoderConfig autoencoder;
    UNetConfig unet;
    SchedulerConfig scheduler;
    // Keys that differed from the original bundle and were accepted (e.g. "channels" for
    // "num_channels"), as "autoencoder_def.channels" — informational.
    std::vector<std::string> notes;
};

// Parses configs/inference.json text. Reads only `autoencoder_def`, `diffusion_def`, `scheduler`;
// the bundle's "$..." expressions elsewhere are ignored. Values must be literals. Also validates
// the hyper-parameters (list lengths, divisibility) the way the MONAI constructors do.
bool parseBundleConfig(const std::string& jsonText, BundleConfig* out, std::string* error);
bool loadBundleConfig(const std::string& path, BundleConfig* out, std::string* error);
bool parseTextEncoderConfig(const std::string& jsonText, TextEncoderConfig* out, std::string* error);
bool loadTextEncoderConfig(const std::string& path, TextEncoderConfig* out, std::string* error);

// What the grounding engine implements of these configurations: one line per value it does not
// implement or pair of files that disagree, naming the file, the key and the value, e.g.
// `configs/inference.json: scheduler.schedule = "cosine" is not implemented (...)`. Empty when
// the engine can run the folder exactly as configured. docs/method.md lists what is honoured.
std::vector<std::string> engineSupportProblems(const BundleConfig& bundle, const TextEncoderConfig& text);

struct ExpectedTensor {
    std::string name;
    std::vector<int64_t> shape;
    DType dtype = DType::F32;
    bool optional = false;   // may be absent (text_model.embeddings.position_ids)
};

// In state_dict order, decoder / unused parts included (real files hold them).
std::vector<ExpectedTensor> expectedAutoencoderTensors(const AutoencoderConfig& c);
std::vector<ExpectedTensor> expectedUNetTensors(const UNetConfig& c);
std::vector<ExpectedTensor> expectedTextEncoderTensors(const TextEncoderConfig& c);

enum class Network { Autoencoder, UNet, TextEncoder };
const char* networkName(Network n);

// Maps a MONAI-core (MONAI >= 1.4, `monai.networks.nets`) checkpoint key to the original
// GenerativeModels 0.2.x key used everywhere in this project; other keys are returned unchanged.
// (The inverse of MONAI's load_old_state_dict.) Rules:
//   UNet:        ".attn1.out_proj." / ".attn2.out_proj."  -> ".attn1.to_out.0." / ".attn2.to_out.0."
//   UNet + AE:   ".postconv."        -> ".conv."            (Upsample conv: upsampler.postconv.conv)
//   UNet + AE:   ".attn.to_q|to_k|to_v." -> ".to_q|to_k|to_v."   (self-attention AttentionBlock)
//                ".attn.out_proj."   -> ".proj_attn."
//   Text encoder: unchanged (HF names are the same everywhere; self_attn.out_proj is original).
std::string originalKeyName(Network n, const std::string& key);

} // namespace cxr::model
