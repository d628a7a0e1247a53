// Weight-file readers: PyTorch zip state dicts (torch.save, no code execution) and safetensors.
// Standard library + POSIX only (no Qt, no LibTorch). See core/model/README.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace cxr::model {

enum class DType {
    F64, F32, F16, BF16,
    I64, I32, I16, I8, U8, BOOL,
    U16, U32, U64,       // safetensors only
    F8_E4M3, F8_E5M2,    // safetensors only
};

size_t dtypeSize(DType t);
// Short names as safetensors writes them ("F32", "BF16", "I64", "BOOL", ...).
const char* dtypeName(DType t);
bool dtypeIsFloating(DType t);
// Parses the safetensors name; false when unknown.
bool dtypeFromName(const std::string& name, DType* out);

// "(3, 128, 3, 3)" — the same notation as Python/PyTorch prints shapes (and full_size_keys/).
std::string shapeToString(const std::vector<int64_t>& shape);

struct TensorRecord {
    std::string name;
    DType dtype = DType::F32;
    std::vector<int64_t> shape;
    std::vector<int64_t> strides;   // in elements; always present (contiguous row-major for safetensors)
    int64_t storageOffset = 0;      // in elements, already applied to `data`
    const void* data = nullptr;     // first element (storage start + storageOffset); may be unaligned
    size_t nbytes = 0;              // bytes spanned from `data`: (max linear offset + 1) * itemsize, 0 if empty
    std::string storageKey;         // torch zip: the storage's key ("0", "17", ...); safetensors: empty

    int64_t numel() const;
    size_t itemSize() const { return dtypeSize(dtype); }
    bool isContiguous() const;      // row-major contiguous (size-1 dimensions ignored)
    // Copies the elements in row-major order (numel()*itemSize() bytes) into dst.
    void copyContiguous(void* dst) const;
};

class WeightFile {
public:
    enum class Format { TorchZip, Safetensors };

    // Opens a file, memory-maps it and validates it completely (container, pickle, every tensor's
    // extent). Dispatches on content: "PK\x03\x04"/"PK\x05\x06" = PyTorch zip, otherwise a
    // plausible safetensors header; anything else is an error. Returns nullptr and sets *error
    // (when non-null) to an English message naming the file and the problem.
    static std::unique_ptr<WeightFile> open(const std::string& path, std::string* error);
    // Same from memory (the bytes are copied; used by the fuzzers and tests). `name` is only used
    // in messages.
    static std::unique_ptr<WeightFile> fromBuffer(const void* data, size_t size, std::string* error,
                                                  const std::string& name = "<memory>");

    ~WeightFile();
    WeightFile(const WeightFile&) = delete;
    WeightFile& operator=(const WeightFile&) = delete;

    Format format() const { return format_; }
    const std::string& path() const { return path_; }
    // In file order (torch: pickle/state-dict order; safetensors: header order).
    const std::vector<TensorRecord>& tensors() const { return tensors_; }
    const TensorRecord* find(const std::string& name) const;
    bool contains(const std::string& name) const { return find(name) != nullptr; }
    // Renames tensors (e.g. MONAI-core key names to the original ones). The function returns the new
    // name (or the same). Fails, changing nothing, if two tensors would get the same name.
    bool renameTensors(const std::function<std::string(const std::string&)>& fn, std::string* error,
                       size_t* renamedCount = nullptr);
    // torch zip only: the archive's top folder ("archive", or the file stem torch used).
    const std::string& archivePrefix() const { return prefix_; }
    // torch zip: contents of <prefix>/byteorder ("little" when absent); safetensors: "little".
    const std::string& byteOrder() const { return byteOrder_; }
    // safetensors: the "__metadata__" strings (informational only).
    const std::vector<std::pair<std::string, std::string>>& metadata() const { return metadata_; }
    uint64_t fileSize() const { return size_; }
    // Tells the kernel the mapped pages of this tensor are no longer needed (after the engine
    // copied them), so resident memory stays at one copy of the weights while a model loads.
    // No effect on tensors that are not backed by the file mapping.
    void releasePages(const TensorRecord& t) const;

private:
    WeightFile() = default;
    friend struct WeightFileBuilder;

    Format format_ = Format::Safetensors;
    std::string path_;
    std::string prefix_;
    std::string byteOrder_ = "little";
    std::vector<std::pair<std::string, std::string>> metadata_;
    std::vector<TensorRecord> tensors_;
    std::unordered_map<std::string, size_t> index_;
    // Backing memory: either a mapping or an owned buffer (+ owned byte-swapped storages).
    void* map_ = nullptr;
    uint64_t size_ = 0;
    std::vector<unsigned char> owned_;
    std::vector<std::vector<unsigned char>> swapped_;
};

} // namespace cxr::model
