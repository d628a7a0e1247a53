#include "model/model_folder.h"

#include <cstdio>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cxr::model {

bool CheckpointReport::ok() const {
    if (!opened) return false;
    for (const auto& p : problems)
        if (p.fatal) return false;
    return true;
}

size_t CheckpointReport::count(TensorProblem::Kind k) const {
    size_t n = 0;
    for (const auto& p : problems) n += p.kind == k;
    return n;
}

const CheckpointReport* ModelFolderReport::checkpoint(Network n) const {
    for (const auto& c : checkpoints)
        if (c.network == n) return &c;
    return nullptr;
}

void compareCheckpoint(WeightFile& file, Network n, const std::vector<ExpectedTensor>& expected, CheckpointReport* out) {
    std::string err;
    size_t renamed = 0;
    if (!file.renameTensors([n](const std::string& k) { return originalKeyName(n, k); }, &err, &renamed)) {
        out->error = err;
        out->problems.clear();
        return;
    }
    out->renamedKeys = renamed;
    out->expectedCount = expected.size();
    out->foundCount = file.tensors().size();
    std::unordered_set<std::string> expectedNames;
    for (const auto& e : expected) {
        expectedNames.insert(e.name);
        const TensorRecord* t = file.find(e.name);
        if (!t) {
            if (!e.optional) {
                TensorProblem p;
                p.kind = TensorProblem::Kind::Missing;
                p.name = e.name;
                p.expectedShape = e.shape;
                p.expectedDtype = e.dtype;
                out->problems.push_back(p);
            }
            continue;
        }
        if (t->shape != e.shape) {
            TensorProblem p;
            p.kind = TensorProblem::Kind::ShapeMismatch;
            p.name = e.name;
            p.expectedShape = e.shape;
            p.foundShape = t->shape;
            p.expectedDtype = e.dtype;
            p.foundDtype = t->dtype;
            out->problems.push_back(p);
        }
        if (t->dtype != e.dtype) {
            TensorProblem p;
            p.kind = TensorProblem::Kind::DTypeMismatch;
            p.name = e.name;
            p.expectedShape = e.shape;
            p.foundShape = t->shape;
            p.expectedDtype = e.dtype;
            p.foundDtype = t->dtype;
            const bool bothFloat = dtypeIsFloating(e.dtype) && (t->dtype == DType::F16 || t->dtype == DType::BF16 ||
                                                               t->dtype == DType::F32 || t->dtype == DType::F64);
            const bool bothInt = (e.dtype == DType::I64 || e.dtype == DType::I32) &&
                                 (t->dtype == DType::I64 || t->dtype == DType::I32);
            p.fatal = !(bothFloat || bothInt);
            out->problems.push_back(p);
        }
    }
    for (const auto& t : file.tensors()) {
        if (expectedNames.count(t.name)) continue;
        TensorProblem p;
        p.kind = TensorProblem::Kind::Unexpected;
        p.name = t.name;
        p.foundShape = t.shape;
        p.foundDtype = t.dtype;
        out->problems.push_back(p);
    }
}

namespace {

std::string joinPath(const std::string& dir, const std::string& rel) {
    if (dir.empty()) return rel;
    return dir.back() == '/' ? dir + rel : dir + "/" + rel;
}

std::string humanSize(uint64_t b) {
    char buf[64];
    if (b >= 1024ull * 1024 * 1024) std::snprintf(buf, sizeof buf, "%.2f GB", double(b) / (1024.0 * 1024 * 1024));
    else if (b >= 1024ull * 1024) std::snprintf(buf, sizeof buf, "%.1f MB", double(b) / (1024.0 * 1024));
    else if (b >= 1024) std::snprintf(buf, sizeof buf, "%.1f kB", double(b) / 1024.0);
    else std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(b));
    return buf;
}

FileCheck checkFile(const std::string& dir, const std::string& rel, const std::string& role, bool required) {
    FileCheck f;
    f.relPath = rel;
    f.role = role;
    f.required = required;
    const std::string path = joinPath(dir, rel);
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
        f.error = "missing: " + rel + " (" + role + ")";
        return f;
    }
    f.exists = true;
    if (!S_ISREG(st.st_mode)) {
        f.error = rel + " is not a regular file (" + role + ")";
        return f;
    }
    f.size = uint64_t(st.st_size);
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        f.error = rel + " exists but cannot be read (permissions?) (" + role + ")";
        return f;
    }
    ::close(fd);
    f.readable = true;
    if (f.size == 0) f.error = rel + " is empty (" + role + ")";
    return f;
}

const char* kindLabel(TensorProblem::Kind k) {
    switch (k) {
    case TensorProblem::Kind::Missing: return "missing";
    case TensorProblem::Kind::Unexpected: return "unexpected";
    case TensorProblem::Kind::ShapeMismatch: return "wrong shape";
    case TensorProblem::Kind::DTypeMismatch: return "dtype";
    }
    return "?";
}

std::string problemLine(const TensorProblem& p) {
    switch (p.kind) {
    case TensorProblem::Kind::Missing:
        return p.name + " (expected " + shapeToString(p.expectedShape) + " " + dtypeName(p.expectedDtype) + ")";
    case TensorProblem::Kind::Unexpected:
        return p.name + " (found " + shapeToString(p.foundShape) + " " + dtypeName(p.foundDtype) + ")";
    case TensorProblem::Kind::ShapeMismatch:
        return p.name + ": expected " + shapeToString(p.expectedShape) + ", found " + shapeToString(p.foundShape);
    case TensorProblem::Kind::DTypeMismatch:
        return p.name + ": expected " + dtypeName(p.expectedDtype) + ", found " + dtypeName(p.foundDtype) +
               (p.fatal ? "" : " (will be converted)");
    }
    return p.name;
}

} // namespace

ModelFolderReport inspectModelFolder(const std::string& dir) {
    ModelFolderReport r;
    r.dir = dir;
    struct stat st;
    if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        r.errors.push_back("the model folder " + dir + " does not exist or is not a folder");
        r.text = "Model folder: " + dir + "\nResult: NOT USABLE\n  - " + r.errors.back() + "\n";
        return r;
    }

    struct Spec { const char* rel; const char* role; bool required; };
    const Spec specs[] = {
        {"configs/inference.json", "network hyper-parameters (MONAI bundle configuration)", true},
        {"models/autoencoder.pth", "autoencoder weights (AutoencoderKL: image -> latent)", true},
        {"models/diffusion_model.pth", "diffusion UNet weights (DiffusionModelUNet: the attention maps come from here)", true},
        {"text_encoder/config.json", "text encoder hyper-parameters (Hugging Face CLIPTextConfig)", true},
        {"text_encoder/model.safetensors", "text encoder weights (CLIP text model)", true},
        {"tokenizer/vocab.json", "tokenizer vocabulary", true},
        {"tokenizer/merges.txt", "tokenizer BPE merge rules", true},
        {"tokenizer/special_tokens_map.json", "tokenizer special tokens (defines the padding token)", true},
        {"tokenizer/tokenizer_config.json", "tokenizer settings", false},
    };
    for (const auto& s : specs) {
        FileCheck f = checkFile(dir, s.rel, s.role, s.required);
        // The text encoder may come as pytorch_model.bin instead (same weights, torch zip container).
        if (std::string(s.rel) == "text_encoder/model.safetensors" && !f.exists) {
            FileCheck alt = checkFile(dir, "text_encoder/pytorch_model.bin", s.role, true);
            if (alt.exists) {
                r.warnings.push_back("text_encoder/model.safetensors is absent; using text_encoder/pytorch_model.bin");
                f = alt;
            }
        }
        if (!f.error.empty()) {
            if (f.required) r.errors.push_back(f.error);
            else r.warnings.push_back(f.error + " - optional");
        }
        r.files.push_back(f);
    }
    auto fileOk = [&](const std::string& relPrefix) -> const FileCheck* {
        for (const auto& f : r.files)
            if (f.relPath.rfind(relPrefix, 0) == 0) return f.readable && f.error.empty() ? &f : nullptr;
        return nullptr;
    };

    std::string err;
    if (fileOk("configs/inference.json")) {
        r.bundleConfigOk = loadBundleConfig(joinPath(dir, "configs/inference.json"), &r.bundle, &err);
        if (!r.bundleConfigOk) r.errors.push_back(err);
    }
    if (fileOk("text_encoder/config.json")) {
        err.clear();
        r.textConfigOk = loadTextEncoderConfig(joinPath(dir, "text_encoder/config.json"), &r.textEncoder, &err);
        if (!r.textConfigOk) r.errors.push_back(err);
    }
    if (r.bundleConfigOk && r.textConfigOk)
        for (const std::string& p : engineSupportProblems(r.bundle, r.textEncoder)) r.errors.push_back(p);

    struct Ck { Network n; const char* rel; bool configOk; };
    const Ck cks[] = {
        {Network::Autoencoder, "models/autoencoder.pth", r.bundleConfigOk},
        {Network::UNet, "models/diffusion_model.pth", r.bundleConfigOk},
        {Network::TextEncoder, "text_encoder/", r.textConfigOk},
    };
    for (const auto& ck : cks) {
        const FileCheck* f = nullptr;
        for (const auto& fc : r.files)
            if (fc.relPath.rfind(ck.rel, 0) == 0 && fc.relPath.find("config.json") == std::string::npos) { f = &fc; break; }
        if (!f || !f->readable || !f->error.empty()) continue;
        CheckpointReport c;
        c.network = ck.n;
        c.relPath = f->relPath;
        c.role = f->role;
        std::string oerr;
        std::unique_ptr<WeightFile> wf = WeightFile::open(joinPath(dir, f->relPath), &oerr);
        if (!wf) {
            c.error = oerr;
            r.errors.push_back(oerr);
            r.checkpoints.push_back(std::move(c));
            continue;
        }
        c.opened = true;
        if (ck.configOk) {
            std::vector<ExpectedTensor> exp;
            if (ck.n == Network::Autoencoder) exp = expectedAutoencoderTensors(r.bundle.autoencoder);
            else if (ck.n == Network::UNet) exp = expectedUNetTensors(r.bundle.unet);
            else exp = expectedTextEncoderTensors(r.textEncoder);
            compareCheckpoint(*wf, ck.n, exp, &c);
            if (!c.error.empty()) r.errors.push_back(c.error);
            size_t fatal = 0;
            for (const auto& p : c.problems) fatal += p.fatal;
            if (fatal) {
                std::string line = c.relPath + ": " + std::to_string(fatal) + " tensor problem(s) against the configuration (" +
                                   std::to_string(c.count(TensorProblem::Kind::Missing)) + " missing, " +
                                   std::to_string(c.count(TensorProblem::Kind::Unexpected)) + " unexpected, " +
                                   std::to_string(c.count(TensorProblem::Kind::ShapeMismatch)) + " wrong shape, " +
                                   std::to_string(c.count(TensorProblem::Kind::DTypeMismatch)) + " dtype)";
                r.errors.push_back(line);
            } else if (!c.problems.empty()) {
                r.warnings.push_back(c.relPath + ": " + std::to_string(c.problems.size()) +
                                     " tensor(s) stored in another floating-point type; they will be converted");
            }
            if (c.renamedKeys)
                r.warnings.push_back(c.relPath + ": " + std::to_string(c.renamedKeys) +
                                     " key(s) use MONAI-core names and were mapped to the original names");
        } else {
            c.foundCount = wf->tensors().size();
        }
        c.file = std::shared_ptr<WeightFile>(std::move(wf));
        r.checkpoints.push_back(std::move(c));
    }
    r.ok = r.errors.empty();

    // ---- human-readable text
    std::ostringstream t;
    t << "Model folder: " << dir << "\n";
    t << "Result: " << (r.ok ? "OK" : "NOT USABLE") << (r.errors.empty() ? "" : " (" + std::to_string(r.errors.size()) + " error(s))")
      << (r.warnings.empty() ? "" : ", " + std::to_string(r.warnings.size()) + " warning(s)") << "\n";
    t << "\nFiles:\n";
    for (const auto& f : r.files) {
        t << "  " << (f.error.empty() ? "[ok]      " : !f.exists ? (f.required ? "[MISSING] " : "[absent]  ") : "[ERROR]   ")
          << f.relPath << " - " << f.role;
        if (f.exists) t << ", " << humanSize(f.size);
        t << "\n";
    }
    t << "\nConfiguration:\n";
    if (r.bundleConfigOk) {
        auto list = [](const std::vector<int64_t>& v) {
            std::string s = "[";
            for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
            return s + "]";
        };
        const auto& a = r.bundle.autoencoder;
        const auto& u = r.bundle.unet;
        const auto& s = r.bundle.scheduler;
        t << "  autoencoder: channels " << list(a.channels) << ", latent " << a.latentChannels << ", groups " << a.normNumGroups << "\n";
        t << "  UNet: channels " << list(u.channels) << ", head channels " << list(u.numHeadChannels) << ", cross-attention dim "
          << u.crossAttentionDim << ", groups " << u.normNumGroups << "\n";
        t << "  scheduler: " << s.numTrainTimesteps << " steps, " << s.schedule << " " << s.betaStart << ".." << s.betaEnd << ", "
          << s.predictionType << "\n";
        for (const auto& n : r.bundle.notes) t << "  note: accepted " << n << "\n";
    } else {
        t << "  configs/inference.json: not read\n";
    }
    if (r.textConfigOk)
        t << "  text encoder: hidden " << r.textEncoder.hiddenSize << ", " << r.textEncoder.numHiddenLayers << " layers, "
          << r.textEncoder.numAttentionHeads << " heads, intermediate " << r.textEncoder.intermediateSize << ", "
          << r.textEncoder.hiddenAct << "\n";
    else
        t << "  text_encoder/config.json: not read\n";
    t << "\nCheckpoints:\n";
    for (const auto& c : r.checkpoints) {
        t << "  " << c.relPath << " (" << networkName(c.network) << "): ";
        if (!c.opened) { t << "cannot be read\n    " << c.error << "\n"; continue; }
        t << c.foundCount << " tensors";
        if (c.expectedCount) t << ", " << c.expectedCount << " expected";
        if (!c.error.empty()) { t << "\n    " << c.error << "\n"; continue; }
        if (c.problems.empty()) { t << " - OK\n"; continue; }
        t << (c.ok() ? " - usable\n" : " - DOES NOT MATCH the configuration\n");
        const TensorProblem::Kind kinds[] = {TensorProblem::Kind::Missing, TensorProblem::Kind::Unexpected,
                                             TensorProblem::Kind::ShapeMismatch, TensorProblem::Kind::DTypeMismatch};
        for (auto k : kinds) {
            size_t total = c.count(k), shown = 0;
            if (!total) continue;
            t << "    " << kindLabel(k) << " (" << total << "):\n";
            for (const auto& p : c.problems) {
                if (p.kind != k) continue;
                if (shown++ == 20) { t << "      ... and " << (total - 20) << " more\n"; break; }
                t << "      " << problemLine(p) << "\n";
            }
        }
        if (c.count(TensorProblem::Kind::ShapeMismatch) * 2 > c.expectedCount)
            t << "    (most shapes differ: these weights probably belong to another configuration)\n";
    }
    if (!r.errors.empty()) {
        t << "\nErrors:\n";
        for (const auto& e : r.errors) t << "  - " << e << "\n";
    }
    if (!r.warnings.empty()) {
        t << "\nWarnings:\n";
        for (const auto& w : r.warnings) t << "  - " << w << "\n";
    }
    r.text = t.str();
    return r;
}

} // namespace cxr::model
