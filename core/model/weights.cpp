#include "model/weights.h"

#include "model/json.h"
#include "model/weights_internal.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sstream>
#include <unordered_set>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cxr::model {

size_t dtypeSize(DType t) {
    switch (t) {
    case DType::F64: case DType::I64: case DType::U64: return 8;
    case DType::F32: case DType::I32: case DType::U32: return 4;
    case DType::F16: case DType::BF16: case DType::I16: case DType::U16: return 2;
    case DType::I8: case DType::U8: case DType::BOOL: case DType::F8_E4M3: case DType::F8_E5M2: return 1;
    }
    return 1;
}

const char* dtypeName(DType t) {
    switch (t) {
    case DType::F64: return "F64";
    case DType::F32: return "F32";
    case DType::F16: return "F16";
    case DType::BF16: return "BF16";
    case DType::I64: return "I64";
    case DType::I32: return "I32";
    case DType::I16: return "I16";
    case DType::I8: return "I8";
    case DType::U8: return "U8";
    case DType::BOOL: return "BOOL";
    case DType::U16: return "U16";
    case DType::U32: return "U32";
    case DType::U64: return "U64";
    case DType::F8_E4M3: return "F8_E4M3";
    case DType::F8_E5M2: return "F8_E5M2";
    }
    return "?";
}

bool dtypeIsFloating(DType t) {
    return t == DType::F64 || t == DType::F32 || t == DType::F16 || t == DType::BF16 ||
           t == DType::F8_E4M3 || t == DType::F8_E5M2;
}

bool dtypeFromName(const std::string& name, DType* out) {
    static const DType all[] = {DType::F64, DType::F32, DType::F16, DType::BF16, DType::I64,
                                DType::I32, DType::I16, DType::I8, DType::U8, DType::BOOL,
                                DType::U16, DType::U32, DType::U64, DType::F8_E4M3, DType::F8_E5M2};
    for (DType t : all)
        if (name == dtypeName(t)) { *out = t; return true; }
    return false;
}

std::string shapeToString(const std::vector<int64_t>& shape) {
    std::string s = "(";
    for (size_t i = 0; i < shape.size(); ++i) {
        if (i) s += ", ";
        s += std::to_string(shape[i]);
    }
    if (shape.size() == 1) s += ",";
    s += ")";
    return s;
}

int64_t TensorRecord::numel() const {
    int64_t n = 1;
    for (int64_t d : shape) n *= d;
    return n;
}

bool TensorRecord::isContiguous() const {
    if (numel() == 0) return true;
    int64_t expected = 1;
    for (size_t i = shape.size(); i-- > 0;) {
        if (shape[i] == 1) continue;
        if (strides[i] != expected) return false;
        expected *= shape[i];
    }
    return true;
}

void TensorRecord::copyContiguous(void* dst) const {
    const size_t item = itemSize();
    const int64_t n = numel();
    if (n <= 0) return;
    auto* out = static_cast<unsigned char*>(dst);
    const auto* in = static_cast<const unsigned char*>(data);
    if (isContiguous()) {
        std::memcpy(out, in, size_t(n) * item);
        return;
    }
    const size_t nd = shape.size();
    std::vector<int64_t> idx(nd, 0);
    for (int64_t k = 0; k < n; ++k) {
        int64_t off = 0;
        for (size_t d = 0; d < nd; ++d) off += idx[d] * strides[d];
        std::memcpy(out + size_t(k) * item, in + size_t(off) * item, item);
        for (size_t d = nd; d-- > 0;) {
            if (++idx[d] < shape[d]) break;
            idx[d] = 0;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// safetensors
namespace detail {

bool readSafetensors(const unsigned char* p, uint64_t n, const std::string& what, ReadResult* out,
                     std::string* error) {
    auto fail = [&](const std::string& m) {
        if (error) *error = what + ": invalid safetensors file: " + m;
        return false;
    };
    if (n < 8) return fail("the file is " + std::to_string(n) + " bytes, shorter than the 8-byte header length");
    uint64_t hlen = 0;
    for (int i = 7; i >= 0; --i) hlen = (hlen << 8) | p[i];
    if (hlen > n - 8)
        return fail("the header length field says " + std::to_string(hlen) + " bytes but only " +
                    std::to_string(n - 8) + " bytes follow (truncated file?)");
    if (hlen > 100u * 1024 * 1024)
        return fail("header length " + std::to_string(hlen) + " exceeds the 100 MB limit");
    json::Value root;
    std::string jerr;
    if (!json::parse(reinterpret_cast<const char*>(p + 8), size_t(hlen), &root, &jerr))
        return fail("header is not valid JSON (" + jerr + ")");
    if (!root.isObject()) return fail("header is not a JSON object");
    const unsigned char* dataStart = p + 8 + hlen;
    const uint64_t dataSize = n - 8 - hlen;

    struct Span { uint64_t b, e; size_t idx; };
    std::vector<Span> spans;
    for (const auto& m : root.members()) {
        const std::string& name = m.first;
        const json::Value& v = m.second;
        if (name == "__metadata__") {
            if (!v.isObject()) return fail("\"__metadata__\" is not an object");
            for (const auto& mm : v.members())
                if (mm.second.isString()) out->metadata.emplace_back(mm.first, mm.second.asString());
            continue;
        }
        const std::string t = "tensor '" + name + "': ";
        if (!v.isObject()) return fail(t + "entry is not an object");
        const json::Value* dt = v.find("dtype");
        const json::Value* sh = v.find("shape");
        const json::Value* off = v.find("data_offsets");
        if (!dt || !dt->isString()) return fail(t + "missing or non-string \"dtype\"");
        if (!sh || !sh->isArray()) return fail(t + "missing or non-array \"shape\"");
        if (!off || !off->isArray() || off->items().size() != 2) return fail(t + "\"data_offsets\" must be [begin, end]");
        TensorRecord r;
        r.name = name;
        if (!dtypeFromName(dt->asString(), &r.dtype)) return fail(t + "unknown dtype \"" + dt->asString() + "\"");
        uint64_t numel = 1;
        if (sh->items().size() > 64) return fail(t + "more than 64 dimensions");
        for (const auto& d : sh->items()) {
            if (!d.isInteger() || d.asInt() < 0) return fail(t + "shape entries must be non-negative integers");
            r.shape.push_back(d.asInt());
            if (mulOverflow(numel, uint64_t(d.asInt()), &numel)) return fail(t + "shape " + shapeToString(r.shape) + " overflows");
        }
        for (const auto& d : off->items())
            if (!d.isInteger() || d.asInt() < 0) return fail(t + "data_offsets must be non-negative integers");
        uint64_t b = uint64_t(off->items()[0].asInt()), e = uint64_t(off->items()[1].asInt());
        if (b > e) return fail(t + "data_offsets begin " + std::to_string(b) + " > end " + std::to_string(e));
        if (e > dataSize)
            return fail(t + "data_offsets [" + std::to_string(b) + ", " + std::to_string(e) +
                        "] run past the data area of " + std::to_string(dataSize) + " bytes");
        uint64_t nbytes;
        if (mulOverflow(numel, dtypeSize(r.dtype), &nbytes)) return fail(t + "byte size overflows");
        if (nbytes != e - b)
            return fail(t + "shape " + shapeToString(r.shape) + " x " + dtypeName(r.dtype) + " needs " +
                        std::to_string(nbytes) + " bytes but data_offsets span " + std::to_string(e - b) + " bytes");
        r.strides.assign(r.shape.size(), 1);
        for (size_t i = r.shape.size(); i-- > 1;) {
            uint64_t st;
            if (mulOverflow(uint64_t(r.strides[i]), uint64_t(std::max<int64_t>(r.shape[i], 1)), &st) || st > uint64_t(INT64_MAX))
                return fail(t + "shape " + shapeToString(r.shape) + " overflows");
            r.strides[i - 1] = int64_t(st);
        }
        r.storageOffset = 0;
        r.data = dataStart + b;
        r.nbytes = size_t(nbytes);
        spans.push_back({b, e, out->tensors.size()});
        out->tensors.push_back(std::move(r));
    }
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.b < b.b || (a.b == b.b && a.e < b.e); });
    const Span* prev = nullptr; // the non-empty span reaching furthest so far
    for (const Span& c : spans) {
        if (c.e == c.b) continue;
        if (prev && c.b < prev->e)
            return fail("tensors '" + out->tensors[prev->idx].name + "' [" + std::to_string(prev->b) + ", " +
                        std::to_string(prev->e) + ") and '" + out->tensors[c.idx].name + "' [" +
                        std::to_string(c.b) + ", " + std::to_string(c.e) + ") overlap");
        if (!prev || c.e > prev->e) prev = &c;
    }
    return true;
}

} // namespace detail

// ---------------------------------------------------------------------------------------------
// WeightFile

struct WeightFileBuilder {
    static std::unique_ptr<WeightFile> build(std::unique_ptr<WeightFile> wf, const unsigned char* p,
                                             uint64_t n, const std::string& what, std::string* error) {
        detail::ReadResult rr;
        bool ok;
        const bool zip = n >= 4 && p[0] == 'P' && p[1] == 'K' &&
                         ((p[2] == 3 && p[3] == 4) || (p[2] == 5 && p[3] == 6));
        if (zip) {
            wf->format_ = WeightFile::Format::TorchZip;
            ok = detail::readTorchZip(p, n, what, &rr, error);
        } else if (n >= 9 && p[8] == '{') {
            wf->format_ = WeightFile::Format::Safetensors;
            ok = detail::readSafetensors(p, n, what, &rr, error);
        } else {
            if (error) {
                std::string hint;
                if (n >= 2 && p[0] == 0x80 && p[1] <= 5)
                    hint = " It looks like a bare pickle: the legacy (pre-1.6) torch.save format is not supported; "
                           "re-save it with a current PyTorch (zip container) or as safetensors.";
                std::ostringstream first;
                for (uint64_t i = 0; i < std::min<uint64_t>(n, 8); ++i) {
                    static const char* hex = "0123456789abcdef";
                    first << hex[p[i] >> 4] << hex[p[i] & 15] << (i + 1 < std::min<uint64_t>(n, 8) ? " " : "");
                }
                *error = what + ": not a PyTorch zip checkpoint (expected \"PK\" at the start) nor a safetensors file "
                         "(expected an 8-byte header length followed by '{'); first bytes: " +
                         (n ? first.str() : std::string("(empty file)")) + "." + hint;
            }
            return nullptr;
        }
        if (!ok) return nullptr;
        wf->prefix_ = std::move(rr.prefix);
        wf->byteOrder_ = std::move(rr.byteOrder);
        wf->metadata_ = std::move(rr.metadata);
        wf->tensors_ = std::move(rr.tensors);
        wf->swapped_ = std::move(rr.ownedStorages);
        for (size_t i = 0; i < wf->tensors_.size(); ++i) {
            if (!wf->index_.emplace(wf->tensors_[i].name, i).second) {
                if (error) *error = what + ": tensor name '" + wf->tensors_[i].name + "' appears twice";
                return nullptr;
            }
        }
        return wf;
    }
};

WeightFile::~WeightFile() {
    if (map_) munmap(map_, size_t(size_));
}

void WeightFile::releasePages(const TensorRecord& t) const {
    if (!map_ || !t.data || t.nbytes == 0) return;
    const auto* base = static_cast<const unsigned char*>(map_);
    const auto* p = static_cast<const unsigned char*>(t.data);
    if (p < base || p + t.nbytes > base + size_) return;  // an owned (byte-swapped) copy
    const long page = sysconf(_SC_PAGESIZE);
    // Whole pages inside the tensor only: a neighbour that shares a page keeps it.
    const uintptr_t first = (reinterpret_cast<uintptr_t>(p) + uintptr_t(page) - 1) & ~uintptr_t(page - 1);
    const uintptr_t last = (reinterpret_cast<uintptr_t>(p) + t.nbytes) & ~uintptr_t(page - 1);
    if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
}

std::unique_ptr<WeightFile> WeightFile::open(const std::string& path, std::string* error) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (error) *error = path + ": cannot open (" + std::strerror(errno) + ")";
        return nullptr;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (error) *error = path + ": not a regular file";
        ::close(fd);
        return nullptr;
    }
    std::unique_ptr<WeightFile> wf(new WeightFile());
    wf->path_ = path;
    wf->size_ = uint64_t(st.st_size);
    const unsigned char* p = nullptr;
    static const unsigned char empty = 0;
    if (st.st_size > 0) {
        void* m = mmap(nullptr, size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (m == MAP_FAILED) {
            if (error) *error = path + ": cannot memory-map (" + std::strerror(errno) + ")";
            ::close(fd);
            return nullptr;
        }
        wf->map_ = m;
        p = static_cast<const unsigned char*>(m);
    } else {
        p = &empty;
    }
    ::close(fd);
    return WeightFileBuilder::build(std::move(wf), p, uint64_t(st.st_size), path, error);
}

std::unique_ptr<WeightFile> WeightFile::fromBuffer(const void* data, size_t size, std::string* error,
                                                   const std::string& name) {
    std::unique_ptr<WeightFile> wf(new WeightFile());
    wf->path_ = name;
    wf->size_ = size;
    wf->owned_.assign(static_cast<const unsigned char*>(data), static_cast<const unsigned char*>(data) + size);
    const unsigned char* p = wf->owned_.data();
    return WeightFileBuilder::build(std::move(wf), p, size, name, error);
}

const TensorRecord* WeightFile::find(const std::string& name) const {
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : &tensors_[it->second];
}

bool WeightFile::renameTensors(const std::function<std::string(const std::string&)>& fn, std::string* error,
                               size_t* renamedCount) {
    std::vector<std::string> names;
    names.reserve(tensors_.size());
    std::unordered_map<std::string, size_t> idx;
    size_t changed = 0;
    for (size_t i = 0; i < tensors_.size(); ++i) {
        names.push_back(fn(tensors_[i].name));
        if (names.back() != tensors_[i].name) ++changed;
        auto r = idx.emplace(names.back(), i);
        if (!r.second) {
            if (error)
                *error = path_ + ": renaming '" + tensors_[i].name + "' gives '" + names.back() +
                         "', which is also the name of '" + tensors_[r.first->second].name + "'";
            return false;
        }
    }
    for (size_t i = 0; i < tensors_.size(); ++i) tensors_[i].name = std::move(names[i]);
    index_ = std::move(idx);
    if (renamedCount) *renamedCount = changed;
    return true;
}

} // namespace cxr::model
