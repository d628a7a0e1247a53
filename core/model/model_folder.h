// Strict inspection of a model folder (docs/method.md "Model files"): every file present and readable, configs
// parsed, every checkpoint opened and compared with the expected tensor list.
#pragma once

#include "model/config.h"
#include "model/weights.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace cxr::model {

struct FileCheck {
    std::string relPath;     // "models/autoencoder.pth"
    std::string role;        // what it is for, in English
    bool required = true;
    bool exists = false;
    bool readable = false;
    uint64_t size = 0;
    std::string error;       // empty when fine
};

struct TensorProblem {
    enum class Kind { Missing, Unexpected, ShapeMismatch, DTypeMismatch };
    Kind kind = Kind::Missing;
    std::string name;
    std::vector<int64_t> expectedShape;   // Missing, ShapeMismatch, DTypeMismatch
    std::vector<int64_t> foundShape;      // Unexpected, ShapeMismatch, DTypeMismatch
    DType expectedDtype = DType::F32;
    DType foundDtype = DType::F32;
    bool fatal = true;                    // false: a floating dtype the engine converts (F16/BF16/F64 for F32)
};

struct CheckpointReport {
    Network network = Network::UNet;
    std::string relPath;                  // the file actually used
    std::string role;
    bool opened = false;
    std::string error;                    // open/parse error (then no tensor comparison)
    size_t expectedCount = 0;             // tensors the configuration implies (optional ones included)
    size_t foundCount = 0;
    size_t renamedKeys = 0;               // MONAI-core names mapped to the original ones
    std::vector<TensorProblem> problems;  // missing, unexpected, shape and dtype problems together
    // The opened file, tensor names already mapped to the original key names (null when not opened).
    std::shared_ptr<WeightFile> file;

    bool ok() const;
    size_t count(TensorProblem::Kind k) const;
};

struct ModelFolderReport {
    std::string dir;
    bool ok = false;                      // usable: no error (warnings allowed)
    std::vector<FileCheck> files;
    bool bundleConfigOk = false;
    bool textConfigOk = false;
    BundleConfig bundle;
    TextEncoderConfig textEncoder;
    std::vector<CheckpointReport> checkpoints;   // autoencoder, UNet, text encoder (those that could be checked)
    std::vector<std::string> errors;      // one line each, English
    std::vector<std::string> warnings;
    std::string text;                     // human-readable multi-line report (English)

    const CheckpointReport* checkpoint(Network n) const;
};

ModelFolderReport inspectModelFolder(const std::string& dir);

// Compares one opened file with an expected list (used by inspectModelFolder; public for tools/tests).
// Applies originalKeyName() to the file's tensors first (counted in renamedKeys).
void compareCheckpoint(WeightFile& file, Network n, const std::vector<ExpectedTensor>& expected,
                       CheckpointReport* out);

} // namespace cxr::model
