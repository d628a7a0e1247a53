#include "model/config.h"

#include "model/json.h"

#include <fstream>
#include <sstream>

namespace cxr::model {

namespace {

bool readText(const std::string& path, std::string* out, std::string* error) {
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        if (error) *error = path + ": cannot be opened for reading";
        return false;
    }
    std::ostringstream ss;
    ss << f.rdbuf();
    *out = ss.str();
    return true;
}

// Typed access to one JSON object with messages naming "<section>.<key>".
class Section {
public:
    Section(const json::Value* obj, std::string name, std::string* error) : obj_(obj), name_(std::move(name)), err_(error) {}
    bool ok() const { return ok_; }
    bool has(const char* key) const { return obj_->find(key) != nullptr; }

    void integer(const char* key, int64_t* out) {
        const json::Value* v = get(key);
        if (!v) return;
        if (v->isInteger()) *out = v->asInt();
        else bad(key, v, "an integer");
    }
    void number(const char* key, double* out) {
        const json::Value* v = get(key);
        if (!v) return;
        if (v->isNumber()) *out = v->asDouble();
        else bad(key, v, "a number");
    }
    void boolean(const char* key, bool* out) {
        const json::Value* v = get(key);
        if (!v) return;
        if (v->isBool()) *out = v->asBool();
        else bad(key, v, "true or false");
    }
    void string(const char* key, std::string* out) {
        const json::Value* v = get(key);
        if (!v) return;
        if (v->isString()) *out = v->asString();
        else bad(key, v, "a string");
    }
    // Integer or list of integers; `optNull` accepts null (-> 0).
    void intList(const char* key, std::vector<int64_t>* out, bool allowScalar, bool* wasScalar = nullptr) {
        const json::Value* v = get(key);
        if (!v) return;
        if (allowScalar && v->isInteger()) {
            out->assign(1, v->asInt());
            if (wasScalar) *wasScalar = true;
            return;
        }
        if (!v->isArray()) return bad(key, v, allowScalar ? "an integer or a list of integers" : "a list of integers");
        out->clear();
        for (const auto& e : v->items()) {
            if (!e.isInteger()) return bad(key, v, "a list of integers");
            out->push_back(e.asInt());
        }
        if (wasScalar) *wasScalar = false;
    }
    void boolList(const char* key, std::vector<bool>* out) {
        const json::Value* v = get(key);
        if (!v) return;
        if (!v->isArray()) return bad(key, v, "a list of booleans");
        out->clear();
        for (const auto& e : v->items()) {
            if (!e.isBool()) return bad(key, v, "a list of booleans");
            out->push_back(e.asBool());
        }
    }
    void optInt(const char* key, int64_t* out) { // null -> 0
        const json::Value* v = get(key);
        if (!v) return;
        if (v->isNull()) *out = 0;
        else if (v->isInteger()) *out = v->asInt();
        else bad(key, v, "an integer or null");
    }
    void fail(const std::string& m) {
        if (ok_ && err_) *err_ = name_ + ": " + m;
        ok_ = false;
    }

private:
    const json::Value* obj_;
    std::string name_;
    std::string* err_;
    bool ok_ = true;

    const json::Value* get(const char* key) { return ok_ ? obj_->find(key) : nullptr; }
    void bad(const char* key, const json::Value* v, const char* expected) {
        std::string got = json::Value::typeName(v->type());
        if (v->isString()) {
            const std::string& s = v->asString();
            got += " \"" + (s.size() > 60 ? s.substr(0, 60) + "..." : s) + "\"";
            if (!s.empty() && (s[0] == '$' || s[0] == '@' || s[0] == '%'))
                got += " (a bundle expression or reference; only literal values are supported here)";
        }
        fail(std::string("\"") + key + "\" must be " + expected + ", found " + got);
    }
};

bool expandPerLevel(Section& s, const char* what, std::vector<int64_t>* v, size_t levels, bool wasScalar) {
    if (wasScalar && v->size() == 1) v->assign(levels, (*v)[0]); // an int means "the same for every level"
    if (v->size() != levels) {
        s.fail(std::string("\"") + what + "\" has " + std::to_string(v->size()) + " entries but there are " +
               std::to_string(levels) + " levels");
        return false;
    }
    return true;
}

const char* channelsKey(Section& s, BundleConfig* out, const std::string& section) {
    if (s.has("num_channels")) return "num_channels";
    if (s.has("channels")) {
        out->notes.push_back(section + ".channels (MONAI-core name for num_channels)");
        return "channels";
    }
    return nullptr;
}

} // namespace

int64_t UNetConfig::crossAttentionLayers() const {
    if (!withConditioning) return 0;
    int64_t n = 1;  // the middle block
    for (size_t i = 0; i < attentionLevels.size() && i < numResBlocks.size(); ++i)
        if (attentionLevels[i]) n += 2 * numResBlocks[i] + 1;
    return n * transformerNumLayers;
}

int64_t UNetConfig::numHeads(size_t level) const {
    if (level >= channels.size() || level >= numHeadChannels.size() || numHeadChannels[level] <= 0) return 0;
    return channels[level] / numHeadChannels[level];
}

bool parseBundleConfig(const std::string& jsonText, BundleConfig* out, std::string* error) {
    *out = BundleConfig();
    json::Value root;
    std::string jerr;
    if (!json::parse(jsonText, &root, &jerr)) {
        if (error) *error = "configs/inference.json is not valid JSON (" + jerr + ")";
        return false;
    }
    if (!root.isObject()) {
        if (error) *error = "configs/inference.json is not a JSON object";
        return false;
    }
    auto sectionOf = [&](const char* key) -> const json::Value* {
        const json::Value* v = root.find(key);
        if (!v || !v->isObject()) {
            if (error)
                *error = std::string("configs/inference.json has no \"") + key + "\" object (" +
                         (std::string(key) == "scheduler" ? "the noise scheduler" :
                          std::string(key) == "autoencoder_def" ? "the AutoencoderKL definition" : "the diffusion UNet definition") +
                         ")";
            return nullptr;
        }
        return v;
    };
    const json::Value* ae = sectionOf("autoencoder_def");
    if (!ae) return false;
    const json::Value* un = sectionOf("diffusion_def");
    if (!un) return false;
    const json::Value* sc = sectionOf("scheduler");
    if (!sc) return false;

    // ---- autoencoder_def
    {
        AutoencoderConfig& a = out->autoencoder;
        Section s(ae, "configs/inference.json autoencoder_def", error);
        s.string("_target_", &a.target);
        s.integer("spatial_dims", &a.spatialDims);
        s.integer("in_channels", &a.inChannels);
        s.integer("out_channels", &a.outChannels);
        s.integer("latent_channels", &a.latentChannels);
        if (const char* ck = channelsKey(s, out, "autoencoder_def")) s.intList(ck, &a.channels, false);
        bool scalar = false;
        s.intList("num_res_blocks", &a.numResBlocks, true, &scalar);
        s.boolList("attention_levels", &a.attentionLevels);
        s.integer("norm_num_groups", &a.normNumGroups);
        s.number("norm_eps", &a.normEps);
        s.boolean("with_encoder_nonlocal_attn", &a.withEncoderNonlocalAttn);
        s.boolean("with_decoder_nonlocal_attn", &a.withDecoderNonlocalAttn);
        s.boolean("use_convtranspose", &a.useConvtranspose);
        bool include_fc = true, combined = false;
        s.boolean("include_fc", &include_fc);
        s.boolean("use_combined_linear", &combined);
        if (!s.ok()) return false;
        const size_t L = a.channels.size();
        if (L == 0) s.fail("\"num_channels\" is empty or missing");
        else if (!expandPerLevel(s, "num_res_blocks", &a.numResBlocks, L, scalar)) {}
        else if (a.attentionLevels.size() != L)
            s.fail("\"attention_levels\" has " + std::to_string(a.attentionLevels.size()) + " entries but \"num_channels\" has " + std::to_string(L));
        else if (a.spatialDims != 2 && a.spatialDims != 3) s.fail("\"spatial_dims\" must be 2 or 3");
        else if (a.normNumGroups <= 0) s.fail("\"norm_num_groups\" must be positive");
        else if (!include_fc || combined)
            s.fail("include_fc=false / use_combined_linear=true change the attention weights' layout and are not supported");
        if (s.ok())
            for (int64_t c : a.channels)
                if (c <= 0 || c % a.normNumGroups != 0) { s.fail("every channel count must be a positive multiple of norm_num_groups (" + std::to_string(a.normNumGroups) + "), found " + std::to_string(c)); break; }
        if (s.ok())
            for (int64_t r : a.numResBlocks)
                if (r < 0) { s.fail("\"num_res_blocks\" entries must be >= 0"); break; }
        if (s.ok() && (L > 16 || a.channels.size() > 16))
            s.fail("more than 16 levels");
        if (s.ok())
            for (size_t i = 0; i < L; ++i)
                if (a.channels[i] > 65536 || a.numResBlocks[i] > 64) { s.fail("implausibly large channels or num_res_blocks"); break; }
        if (s.ok() && (a.inChannels > 65536 || a.outChannels > 65536 || a.latentChannels > 65536))
            s.fail("implausibly large channel counts");
        if (s.ok() && (a.inChannels <= 0 || a.outChannels <= 0 || a.latentChannels <= 0))
            s.fail("in_channels, out_channels and latent_channels must be positive");
        if (!s.ok()) return false;
    }
    // ---- diffusion_def
    {
        UNetConfig& u = out->unet;
        Section s(un, "configs/inference.json diffusion_def", error);
        s.string("_target_", &u.target);
        s.integer("spatial_dims", &u.spatialDims);
        s.integer("in_channels", &u.inChannels);
        s.integer("out_channels", &u.outChannels);
        if (const char* ck = channelsKey(s, out, "diffusion_def")) s.intList(ck, &u.channels, false);
        bool rbScalar = false, hcScalar = false;
        s.intList("num_res_blocks", &u.numResBlocks, true, &rbScalar);
        s.boolList("attention_levels", &u.attentionLevels);
        s.integer("norm_num_groups", &u.normNumGroups);
        s.number("norm_eps", &u.normEps);
        s.boolean("resblock_updown", &u.resblockUpdown);
        bool hasHeads = s.has("num_head_channels");
        s.intList("num_head_channels", &u.numHeadChannels, true, &hcScalar);
        s.boolean("with_conditioning", &u.withConditioning);
        s.integer("transformer_num_layers", &u.transformerNumLayers);
        s.optInt("cross_attention_dim", &u.crossAttentionDim);
        s.optInt("num_class_embeds", &u.numClassEmbeds);
        s.boolean("upcast_attention", &u.upcastAttention);
        bool include_fc = true, combined = false;
        s.boolean("include_fc", &include_fc);
        s.boolean("use_combined_linear", &combined);
        if (!s.ok()) return false;
        const size_t L = u.channels.size();
        if (!hasHeads) u.numHeadChannels.assign(L, 8);
        if (L == 0) s.fail("\"num_channels\" is empty or missing");
        else if (!expandPerLevel(s, "num_res_blocks", &u.numResBlocks, L, rbScalar)) {}
        else if (!expandPerLevel(s, "num_head_channels", &u.numHeadChannels, L, hcScalar)) {}
        else if (u.attentionLevels.size() != L)
            s.fail("\"attention_levels\" has " + std::to_string(u.attentionLevels.size()) + " entries but \"num_channels\" has " + std::to_string(L));
        else if (u.spatialDims != 2 && u.spatialDims != 3) s.fail("\"spatial_dims\" must be 2 or 3");
        else if (u.normNumGroups <= 0) s.fail("\"norm_num_groups\" must be positive");
        else if (u.withConditioning && u.crossAttentionDim <= 0) s.fail("with_conditioning is true but cross_attention_dim is not set");
        else if (!u.withConditioning && u.crossAttentionDim > 0) s.fail("cross_attention_dim is set but with_conditioning is false");
        else if (u.transformerNumLayers < 1) s.fail("\"transformer_num_layers\" must be >= 1");
        else if (!include_fc || combined)
            s.fail("include_fc=false / use_combined_linear=true change the attention weights' layout and are not supported");
        if (s.ok())
            for (int64_t c : u.channels)
                if (c <= 0 || c % u.normNumGroups != 0) { s.fail("every channel count must be a positive multiple of norm_num_groups (" + std::to_string(u.normNumGroups) + "), found " + std::to_string(c)); break; }
        if (s.ok())
            for (size_t i = 0; i < L; ++i) {
                if (u.numResBlocks[i] < 0) { s.fail("\"num_res_blocks\" entries must be >= 0"); break; }
                if (u.attentionLevels[i] && (u.numHeadChannels[i] <= 0 || u.channels[i] / u.numHeadChannels[i] < 1)) {
                    s.fail("level " + std::to_string(i) + " has attention but num_head_channels " + std::to_string(u.numHeadChannels[i]) +
                           " does not give at least one head for " + std::to_string(u.channels[i]) + " channels");
                    break;
                }
            }
        // The middle block always has attention (cross-attention when conditioned).
        if (s.ok() && (u.numHeadChannels.back() <= 0 || u.channels.back() / u.numHeadChannels.back() < 1))
            s.fail("num_head_channels of the last level must give at least one head (the middle block's attention)");
        if (s.ok() && L > 16) s.fail("more than 16 levels");
        if (s.ok())
            for (size_t i = 0; i < L; ++i)
                if (u.channels[i] > 65536 || u.numResBlocks[i] > 64) { s.fail("implausibly large channels or num_res_blocks"); break; }
        if (s.ok() && (u.inChannels > 65536 || u.outChannels > 65536 || u.crossAttentionDim > 65536 ||
                       u.transformerNumLayers > 64 || u.numClassEmbeds > (int64_t(1) << 24) || u.numClassEmbeds < 0))
            s.fail("implausibly large in/out channels, cross_attention_dim, transformer_num_layers or num_class_embeds");
        if (s.ok() && (u.inChannels <= 0 || u.outChannels <= 0)) s.fail("in_channels and out_channels must be positive");
        if (!s.ok()) return false;
    }
    // ---- scheduler
    {
        SchedulerConfig& c = out->scheduler;
        Section s(sc, "configs/inference.json scheduler", error);
        s.string("_target_", &c.target);
        s.integer("num_train_timesteps", &c.numTrainTimesteps);
        s.string("schedule", &c.schedule);
        s.number("beta_start", &c.betaStart);
        s.number("beta_end", &c.betaEnd);
        s.string("prediction_type", &c.predictionType);
        s.boolean("clip_sample", &c.clipSample);
        s.boolean("set_alpha_to_one", &c.setAlphaToOne);
        s.integer("steps_offset", &c.stepsOffset);
        if (s.ok() && c.numTrainTimesteps <= 0) s.fail("\"num_train_timesteps\" must be positive");
        if (!s.ok()) return false;
    }
    return true;
}

bool loadBundleConfig(const std::string& path, BundleConfig* out, std::string* error) {
    std::string text;
    if (!readText(path, &text, error)) return false;
    std::string e;
    if (!parseBundleConfig(text, out, &e)) {
        if (error) *error = path + ": " + e;
        return false;
    }
    return true;
}

bool parseTextEncoderConfig(const std::string& jsonText, TextEncoderConfig* out, std::string* error) {
    *out = TextEncoderConfig();
    json::Value root;
    std::string jerr;
    if (!json::parse(jsonText, &root, &jerr)) {
        if (error) *error = "text_encoder/config.json is not valid JSON (" + jerr + ")";
        return false;
    }
    if (!root.isObject()) {
        if (error) *error = "text_encoder/config.json is not a JSON object";
        return false;
    }
    Section s(&root, "text_encoder/config.json", error);
    if (const json::Value* a = root.find("architectures"); a && a->isArray())
        for (const auto& e : a->items())
            if (e.isString()) out->architectures.push_back(e.asString());
    s.integer("vocab_size", &out->vocabSize);
    s.integer("hidden_size", &out->hiddenSize);
    s.integer("intermediate_size", &out->intermediateSize);
    s.integer("projection_dim", &out->projectionDim);
    s.integer("num_hidden_layers", &out->numHiddenLayers);
    s.integer("num_attention_heads", &out->numAttentionHeads);
    s.integer("max_position_embeddings", &out->maxPositionEmbeddings);
    s.string("hidden_act", &out->hiddenAct);
    s.number("layer_norm_eps", &out->layerNormEps);
    s.integer("pad_token_id", &out->padTokenId);
    s.integer("bos_token_id", &out->bosTokenId);
    s.integer("eos_token_id", &out->eosTokenId);
    s.string("torch_dtype", &out->torchDtype);
    if (s.ok()) {
        if (out->vocabSize <= 0 || out->hiddenSize <= 0 || out->intermediateSize <= 0 || out->numHiddenLayers <= 0 ||
            out->numAttentionHeads <= 0 || out->maxPositionEmbeddings <= 0)
            s.fail("sizes (vocab_size, hidden_size, intermediate_size, num_hidden_layers, num_attention_heads, "
                   "max_position_embeddings) must be positive");
        else if (out->numHiddenLayers > 1000 || out->hiddenSize > 65536 || out->intermediateSize > (1 << 20) ||
                 out->vocabSize > (1 << 24) || out->maxPositionEmbeddings > (1 << 20))
            s.fail("implausibly large sizes");
        else if (out->hiddenSize % out->numAttentionHeads != 0)
            s.fail("hidden_size " + std::to_string(out->hiddenSize) + " is not divisible by num_attention_heads " +
                   std::to_string(out->numAttentionHeads));
    }
    return s.ok();
}

bool loadTextEncoderConfig(const std::string& path, TextEncoderConfig* out, std::string* error) {
    std::string text;
    if (!readText(path, &text, error)) return false;
    std::string e;
    if (!parseTextEncoderConfig(text, out, &e)) {
        if (error) *error = path + ": " + e;
        return false;
    }
    return true;
}

// ------------------------------------------------------------------------------- engine support

std::vector<std::string> engineSupportProblems(const BundleConfig& b, const TextEncoderConfig& t) {
    std::vector<std::string> out;
    const std::string inf = "configs/inference.json: ", txt = "text_encoder/config.json: ";
    auto quoted = [](const std::string& v) { return "\"" + v + "\""; };
    auto num = [](double v) {
        std::ostringstream s;
        s << v;
        return s.str();
    };
    const auto& u = b.unet;
    const auto& a = b.autoencoder;
    const auto& sc = b.scheduler;
    // Networks.
    for (size_t i = 1; i < u.numResBlocks.size(); ++i)
        if (u.numResBlocks[i] != u.numResBlocks[0]) {
            out.push_back(inf + "diffusion_def.num_res_blocks differs between levels; one count for every level is implemented");
            break;
        }
    for (size_t i = 1; i < a.numResBlocks.size(); ++i)
        if (a.numResBlocks[i] != a.numResBlocks[0]) {
            out.push_back(inf + "autoencoder_def.num_res_blocks differs between levels; one count for every level is implemented");
            break;
        }
    if (u.spatialDims != 2) out.push_back(inf + "diffusion_def.spatial_dims = " + std::to_string(u.spatialDims) + " is not implemented (2-D only)");
    if (a.spatialDims != 2) out.push_back(inf + "autoencoder_def.spatial_dims = " + std::to_string(a.spatialDims) + " is not implemented (2-D only)");
    if (u.resblockUpdown) out.push_back(inf + "diffusion_def.resblock_updown = true is not implemented");
    if (!u.withConditioning || u.crossAttentionDim <= 0)
        out.push_back(inf + "diffusion_def.with_conditioning = false: the UNet has no text conditioning to ground with");
    if (u.numClassEmbeds > 0) out.push_back(inf + "diffusion_def.num_class_embeds = " + std::to_string(u.numClassEmbeds) + " is not implemented");
    for (bool x : a.attentionLevels)
        if (x) {
            out.push_back(inf + "autoencoder_def.attention_levels holds true; attention in the encoder is not implemented");
            break;
        }
    if (a.withEncoderNonlocalAttn) out.push_back(inf + "autoencoder_def.with_encoder_nonlocal_attn = true is not implemented");
    if (a.inChannels != 1) out.push_back(inf + "autoencoder_def.in_channels = " + std::to_string(a.inChannels) + ": the method encodes a grey image (1 channel)");
    // Scheduler.
    if (sc.schedule != "linear_beta" && sc.schedule != "scaled_linear_beta")
        out.push_back(inf + "scheduler.schedule = " + quoted(sc.schedule) + " is not implemented (linear_beta, scaled_linear_beta)");
    if (sc.predictionType != "v_prediction" && sc.predictionType != "epsilon" && sc.predictionType != "sample")
        out.push_back(inf + "scheduler.prediction_type = " + quoted(sc.predictionType) + " is not implemented (v_prediction, epsilon, sample)");
    if (sc.stepsOffset != 0)
        out.push_back(inf + "scheduler.steps_offset = " + std::to_string(sc.stepsOffset) +
                      " is not implemented (the method's trailing schedule has no offset)");
    if (sc.numTrainTimesteps < 2 || sc.numTrainTimesteps > 100000)
        out.push_back(inf + "scheduler.num_train_timesteps = " + std::to_string(sc.numTrainTimesteps) + " is outside 2..100000");
    if (!(sc.betaStart > 0 && sc.betaStart < sc.betaEnd && sc.betaEnd < 1))
        out.push_back(inf + "scheduler.beta_start = " + num(sc.betaStart) + ", beta_end = " + num(sc.betaEnd) +
                      ": the betas must satisfy 0 < beta_start < beta_end < 1");
    // Text encoder.
    if (t.hiddenAct != "gelu" && t.hiddenAct != "quick_gelu")
        out.push_back(txt + "hidden_act = " + quoted(t.hiddenAct) + " is not implemented (gelu, quick_gelu)");
    if (t.maxPositionEmbeddings < 77)
        out.push_back(txt + "max_position_embeddings = " + std::to_string(t.maxPositionEmbeddings) +
                      " is below 77, the prompt length the method uses");
    // The files together.
    if (u.withConditioning && u.crossAttentionDim > 0 && t.hiddenSize != u.crossAttentionDim)
        out.push_back(txt + "hidden_size = " + std::to_string(t.hiddenSize) +
                      " does not match configs/inference.json diffusion_def.cross_attention_dim = " +
                      std::to_string(u.crossAttentionDim));
    if (a.latentChannels != u.inChannels)
        out.push_back(inf + "autoencoder_def.latent_channels = " + std::to_string(a.latentChannels) +
                      " does not match diffusion_def.in_channels = " + std::to_string(u.inChannels));
    if (u.outChannels != u.inChannels)
        out.push_back(inf + "diffusion_def.out_channels = " + std::to_string(u.outChannels) +
                      " differs from in_channels = " + std::to_string(u.inChannels) + " (the inversion needs the same shape)");
    return out;
}

// ------------------------------------------------------------------------------------------ lists
namespace {

struct ListBuilder {
    std::vector<ExpectedTensor> v;
    int64_t sd = 2;

    void add(const std::string& name, std::vector<int64_t> shape, DType dt = DType::F32, bool optional = false) {
        v.push_back({name, std::move(shape), dt, optional});
    }
    std::vector<int64_t> kernel(int64_t out, int64_t in, int64_t k) const {
        std::vector<int64_t> s = {out, in};
        for (int64_t i = 0; i < sd; ++i) s.push_back(k);
        return s;
    }
    // MONAI Convolution: child "conv".
    void conv(const std::string& p, int64_t in, int64_t out, int64_t k) {
        add(p + ".conv.weight", kernel(out, in, k));
        add(p + ".conv.bias", {out});
    }
    void norm(const std::string& p, int64_t c) {
        add(p + ".weight", {c});
        add(p + ".bias", {c});
    }
    void linear(const std::string& p, int64_t in, int64_t out, bool bias = true) {
        add(p + ".weight", {out, in});
        if (bias) add(p + ".bias", {out});
    }
    // Self-attention AttentionBlock (AE and non-conditioned UNet): norm, to_q, to_k, to_v, proj_attn.
    void attentionBlock(const std::string& p, int64_t c) {
        norm(p + ".norm", c);
        linear(p + ".to_q", c, c);
        linear(p + ".to_k", c, c);
        linear(p + ".to_v", c, c);
        linear(p + ".proj_attn", c, c);
    }
};

void aeResBlock(ListBuilder& b, const std::string& p, int64_t in, int64_t out) {
    b.norm(p + ".norm1", in);
    b.conv(p + ".conv1", in, out, 3);
    b.norm(p + ".norm2", out);
    b.conv(p + ".conv2", out, out, 3);
    if (in != out) b.conv(p + ".nin_shortcut", in, out, 1);
}

void unetResBlock(ListBuilder& b, const std::string& p, int64_t in, int64_t out, int64_t temb) {
    b.norm(p + ".norm1", in);
    b.conv(p + ".conv1", in, out, 3);
    b.linear(p + ".time_emb_proj", temb, out);
    b.norm(p + ".norm2", out);
    b.conv(p + ".conv2", out, out, 3);
    if (in != out) b.conv(p + ".skip_connection", in, out, 1);
}

void crossAttention(ListBuilder& b, const std::string& p, int64_t query, int64_t inner, int64_t context) {
    b.linear(p + ".to_q", query, inner, false);
    b.linear(p + ".to_k", context, inner, false);
    b.linear(p + ".to_v", context, inner, false);
    b.linear(p + ".to_out.0", inner, query);
}

void spatialTransformer(ListBuilder& b, const UNetConfig& c, const std::string& p, int64_t ch, int64_t headCh) {
    const int64_t heads = ch / headCh;
    const int64_t inner = heads * headCh;
    b.norm(p + ".norm", ch);
    b.conv(p + ".proj_in", ch, inner, 1);
    for (int64_t l = 0; l < c.transformerNumLayers; ++l) {
        const std::string t = p + ".transformer_blocks." + std::to_string(l);
        crossAttention(b, t + ".attn1", inner, inner, inner);
        b.linear(t + ".ff.linear1", inner, inner * 4 * 2);
        b.linear(t + ".ff.linear2", inner * 4, inner);
        crossAttention(b, t + ".attn2", inner, inner, c.crossAttentionDim > 0 ? c.crossAttentionDim : inner);
        b.norm(t + ".norm1", inner);
        b.norm(t + ".norm2", inner);
        b.norm(t + ".norm3", inner);
    }
    b.conv(p + ".proj_out", inner, ch, 1);
}

} // namespace

std::vector<ExpectedTensor> expectedAutoencoderTensors(const AutoencoderConfig& c) {
    ListBuilder b;
    b.sd = c.spatialDims;
    const size_t L = c.channels.size();
    if (L == 0 || c.numResBlocks.size() != L || c.attentionLevels.size() != L) return {};
    // Encoder
    {
        int idx = 0;
        auto blk = [&]() { return "encoder.blocks." + std::to_string(idx++); };
        b.conv(blk(), c.inChannels, c.channels[0], 3);
        int64_t out = c.channels[0];
        for (size_t i = 0; i < L; ++i) {
            int64_t in = out;
            out = c.channels[i];
            for (int64_t r = 0; r < c.numResBlocks[i]; ++r) {
                aeResBlock(b, blk(), in, out);
                in = out;
                if (c.attentionLevels[i]) b.attentionBlock(blk(), in);
            }
            if (i + 1 < L) b.conv(blk() + ".conv", in, in, 3);
        }
        const int64_t last = c.channels.back();
        if (c.withEncoderNonlocalAttn) {
            aeResBlock(b, blk(), last, last);
            b.attentionBlock(blk(), last);
            aeResBlock(b, blk(), last, last);
        }
        b.norm(blk(), last);
        b.conv(blk(), last, c.latentChannels, 3);
    }
    // Decoder
    {
        int idx = 0;
        auto blk = [&]() { return "decoder.blocks." + std::to_string(idx++); };
        std::vector<int64_t> rc(c.channels.rbegin(), c.channels.rend());
        std::vector<int64_t> rr(c.numResBlocks.rbegin(), c.numResBlocks.rend());
        std::vector<bool> ra(c.attentionLevels.rbegin(), c.attentionLevels.rend());
        b.conv(blk(), c.latentChannels, rc[0], 3);
        if (c.withDecoderNonlocalAttn) {
            aeResBlock(b, blk(), rc[0], rc[0]);
            b.attentionBlock(blk(), rc[0]);
            aeResBlock(b, blk(), rc[0], rc[0]);
        }
        int64_t out = rc[0], in = rc[0];
        for (size_t i = 0; i < L; ++i) {
            in = out;
            out = rc[i];
            for (int64_t r = 0; r < rr[i]; ++r) {
                aeResBlock(b, blk(), in, out);
                in = out;
                if (ra[i]) b.attentionBlock(blk(), in);
            }
            if (i + 1 < L) b.conv(blk() + ".conv", in, in, 3);
        }
        b.norm(blk(), in);
        b.conv(blk(), in, c.outChannels, 3);
    }
    b.conv("quant_conv_mu", c.latentChannels, c.latentChannels, 1);
    b.conv("quant_conv_log_sigma", c.latentChannels, c.latentChannels, 1);
    b.conv("post_quant_conv", c.latentChannels, c.latentChannels, 1);
    return b.v;
}

std::vector<ExpectedTensor> expectedUNetTensors(const UNetConfig& c) {
    ListBuilder b;
    b.sd = c.spatialDims;
    const size_t L = c.channels.size();
    if (L == 0 || c.numResBlocks.size() != L || c.attentionLevels.size() != L || c.numHeadChannels.size() != L) return {};
    const int64_t temb = c.timeEmbedDim();
    b.conv("conv_in", c.inChannels, c.channels[0], 3);
    b.linear("time_embed.0", c.channels[0], temb);
    b.linear("time_embed.2", temb, temb);
    if (c.numClassEmbeds > 0) b.add("class_embedding.weight", {c.numClassEmbeds, temb});

    auto attention = [&](const std::string& p, int64_t ch, int64_t headCh) {
        if (c.withConditioning) spatialTransformer(b, c, p, ch, headCh);
        else b.attentionBlock(p, ch);
    };
    // Down
    int64_t out = c.channels[0];
    for (size_t i = 0; i < L; ++i) {
        const std::string p = "down_blocks." + std::to_string(i);
        const int64_t in0 = out;
        out = c.channels[i];
        const bool last = i + 1 == L;
        if (c.attentionLevels[i]) // attentions registered before resnets (Attn/CrossAttnDownBlock)
            for (int64_t r = 0; r < c.numResBlocks[i]; ++r) attention(p + ".attentions." + std::to_string(r), out, c.numHeadChannels[i]);
        for (int64_t r = 0; r < c.numResBlocks[i]; ++r)
            unetResBlock(b, p + ".resnets." + std::to_string(r), r == 0 ? in0 : out, out, temb);
        if (!last) {
            if (c.resblockUpdown) unetResBlock(b, p + ".downsampler", out, out, temb);
            else b.conv(p + ".downsampler.op", out, out, 3);
        }
    }
    // Middle
    {
        const int64_t ch = c.channels.back();
        unetResBlock(b, "middle_block.resnet_1", ch, ch, temb);
        attention("middle_block.attention", ch, c.numHeadChannels.back());
        unetResBlock(b, "middle_block.resnet_2", ch, ch, temb);
    }
    // Up
    std::vector<int64_t> rc(c.channels.rbegin(), c.channels.rend());
    std::vector<int64_t> rr(c.numResBlocks.rbegin(), c.numResBlocks.rend());
    std::vector<bool> ra(c.attentionLevels.rbegin(), c.attentionLevels.rend());
    std::vector<int64_t> rh(c.numHeadChannels.rbegin(), c.numHeadChannels.rend());
    out = rc[0];
    for (size_t i = 0; i < L; ++i) {
        const std::string p = "up_blocks." + std::to_string(i);
        const int64_t prev = out;
        out = rc[i];
        const int64_t in = rc[std::min(i + 1, L - 1)];
        const bool last = i + 1 == L;
        const int64_t n = rr[i] + 1;
        auto resnets = [&]() {
            for (int64_t r = 0; r < n; ++r) {
                const int64_t skip = r == n - 1 ? in : out;
                const int64_t rin = r == 0 ? prev : out;
                unetResBlock(b, p + ".resnets." + std::to_string(r), rin + skip, out, temb);
            }
        };
        auto attentions = [&]() {
            for (int64_t r = 0; r < n; ++r) attention(p + ".attentions." + std::to_string(r), out, rh[i]);
        };
        if (ra[i] && c.withConditioning) { attentions(); resnets(); } // CrossAttnUpBlock: attentions first
        else if (ra[i]) { resnets(); attentions(); }                   // AttnUpBlock: resnets first
        else resnets();
        if (!last) {
            if (c.resblockUpdown) unetResBlock(b, p + ".upsampler", out, out, temb);
            else b.conv(p + ".upsampler.conv", out, out, 3);
        }
    }
    b.norm("out.0", c.channels[0]);
    b.conv("out.2", c.channels[0], c.outChannels, 3);
    return b.v;
}

std::vector<ExpectedTensor> expectedTextEncoderTensors(const TextEncoderConfig& c) {
    ListBuilder b;
    const int64_t h = c.hiddenSize;
    b.add("text_model.embeddings.position_ids", {1, c.maxPositionEmbeddings}, DType::I64, true);
    b.add("text_model.embeddings.token_embedding.weight", {c.vocabSize, h});
    b.add("text_model.embeddings.position_embedding.weight", {c.maxPositionEmbeddings, h});
    for (int64_t l = 0; l < c.numHiddenLayers; ++l) {
        const std::string p = "text_model.encoder.layers." + std::to_string(l);
        b.linear(p + ".self_attn.k_proj", h, h);
        b.linear(p + ".self_attn.v_proj", h, h);
        b.linear(p + ".self_attn.q_proj", h, h);
        b.linear(p + ".self_attn.out_proj", h, h);
        b.norm(p + ".layer_norm1", h);
        b.linear(p + ".mlp.fc1", h, c.intermediateSize);
        b.linear(p + ".mlp.fc2", c.intermediateSize, h);
        b.norm(p + ".layer_norm2", h);
    }
    b.norm("text_model.final_layer_norm", h);
    return b.v;
}

const char* networkName(Network n) {
    switch (n) {
    case Network::Autoencoder: return "autoencoder";
    case Network::UNet: return "diffusion UNet";
    case Network::TextEncoder: return "text encoder";
    }
    return "?";
}

std::string originalKeyName(Network n, const std::string& key) {
    if (n == Network::TextEncoder) return key;
    std::string k = key;
    auto replaceAll = [&](const std::string& from, const std::string& to) {
        size_t pos = 0;
        while ((pos = k.find(from, pos)) != std::string::npos) {
            k.replace(pos, from.size(), to);
            pos += to.size();
        }
    };
    replaceAll(".postconv.", ".conv.");
    replaceAll(".attn.to_q.", ".to_q.");
    replaceAll(".attn.to_k.", ".to_k.");
    replaceAll(".attn.to_v.", ".to_v.");
    replaceAll(".attn.out_proj.", ".proj_attn.");
    if (n == Network::UNet) {
        replaceAll(".attn1.out_proj.", ".attn1.to_out.0.");
        replaceAll(".attn2.out_proj.", ".attn2.to_out.0.");
    }
    return k;
}

} // namespace cxr::model
