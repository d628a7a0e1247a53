// Test helpers for cxrweights: writers that build PyTorch zip checkpoints and safetensors files
// byte by byte (so bad inputs can be made at test time), CRC-32, digests.
#pragma once

#include "model/weights.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace wtest {

using Bytes = std::string;

inline uint32_t crc32(const void* data, size_t n) {
    static uint32_t table[256];
    static bool init = [] {
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return true;
    }();
    (void)init;
    const auto* p = static_cast<const unsigned char*>(data);
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; ++i) c = table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

inline void put16(Bytes& b, uint32_t v) { b.push_back(char(v & 0xFF)); b.push_back(char((v >> 8) & 0xFF)); }
inline void put32(Bytes& b, uint32_t v) { put16(b, v & 0xFFFF); put16(b, v >> 16); }
inline void put64(Bytes& b, uint64_t v) { put32(b, uint32_t(v)); put32(b, uint32_t(v >> 32)); }

struct ZipItem {
    std::string name;
    Bytes data;
    uint16_t method = 0; // 0 stored; anything else is written as-is (to test rejection)
};

// A zip like torch.save writes: stored entries, ZIP64 end records (optional). With zip64Extra the
// central directory stores sizes and offsets as 0xFFFFFFFF plus a ZIP64 extra field (as for > 4 GB).
inline Bytes makeZip(const std::vector<ZipItem>& items, bool zip64 = true, bool zip64Extra = false) {
    Bytes out, cd;
    for (const auto& it : items) {
        const uint32_t off = uint32_t(out.size());
        const uint32_t crc = crc32(it.data.data(), it.data.size());
        put32(out, 0x04034b50u); put16(out, 20); put16(out, 0); put16(out, it.method);
        put16(out, 0); put16(out, 0); put32(out, crc);
        put32(out, uint32_t(it.data.size())); put32(out, uint32_t(it.data.size()));
        put16(out, uint32_t(it.name.size())); put16(out, 0);
        out += it.name;
        out += it.data;
        put32(cd, 0x02014b50u); put16(cd, 45); put16(cd, 45); put16(cd, 0); put16(cd, it.method);
        put16(cd, 0); put16(cd, 0); put32(cd, crc);
        if (zip64Extra) { put32(cd, 0xFFFFFFFFu); put32(cd, 0xFFFFFFFFu); }
        else { put32(cd, uint32_t(it.data.size())); put32(cd, uint32_t(it.data.size())); }
        put16(cd, uint32_t(it.name.size())); put16(cd, zip64Extra ? 4 + 24 + 4 + 4 : 0);
        put16(cd, 0); put16(cd, 0); put16(cd, 0);
        put32(cd, 0); put32(cd, zip64Extra ? 0xFFFFFFFFu : off);
        cd += it.name;
        if (zip64Extra) {
            put16(cd, 0x5455); put16(cd, 0);       // an unrelated (empty) extra field first
            put16(cd, 0x0001); put16(cd, 24);      // ZIP64: usize, csize, local header offset
            put64(cd, it.data.size()); put64(cd, it.data.size()); put64(cd, off);
            put16(cd, 0xCAFE); put16(cd, 0);
        }
    }
    const uint64_t cdOff = out.size();
    out += cd;
    if (zip64) {
        const uint64_t z64 = out.size();
        put32(out, 0x06064b50u); put64(out, 44); put16(out, 45); put16(out, 45); put32(out, 0); put32(out, 0);
        put64(out, items.size()); put64(out, items.size()); put64(out, cd.size()); put64(out, cdOff);
        put32(out, 0x07064b50u); put32(out, 0); put64(out, z64); put32(out, 1);
    }
    put32(out, 0x06054b50u); put16(out, 0); put16(out, 0); put16(out, uint32_t(items.size()));
    put16(out, uint32_t(items.size())); put32(out, uint32_t(cd.size())); put32(out, uint32_t(cdOff)); put16(out, 0);
    return out;
}

// ---- protocol-2 pickle pieces (as torch.save writes them)
inline Bytes pGlobal(const std::string& mod, const std::string& name) { return "c" + mod + "\n" + name + "\n"; }
inline Bytes pStr(const std::string& s) { Bytes b = "X"; put32(b, uint32_t(s.size())); return b + s; }
inline Bytes pInt(int64_t v) {
    Bytes b;
    if (v >= 0 && v < 256) { b = "K"; b.push_back(char(v)); }
    else if (v >= 0 && v < 65536) { b = "M"; put16(b, uint32_t(v)); }
    else if (v >= INT32_MIN && v <= INT32_MAX) { b = "J"; put32(b, uint32_t(int32_t(v))); }
    else { b = "\x8a\x08"; put64(b, uint64_t(v)); }
    return b;
}
inline Bytes pTuple(const std::vector<Bytes>& items) {
    Bytes b = "(";
    for (const auto& i : items) b += i;
    return b + "t";
}
inline Bytes pIntTuple(const std::vector<int64_t>& v) {
    std::vector<Bytes> it;
    for (int64_t x : v) it.push_back(pInt(x));
    return pTuple(it);
}

inline const char* storageName(cxr::model::DType t) {
    using cxr::model::DType;
    switch (t) {
    case DType::F64: return "DoubleStorage";
    case DType::F16: return "HalfStorage";
    case DType::BF16: return "BFloat16Storage";
    case DType::I64: return "LongStorage";
    case DType::I32: return "IntStorage";
    case DType::I16: return "ShortStorage";
    case DType::I8: return "CharStorage";
    case DType::U8: return "ByteStorage";
    case DType::BOOL: return "BoolStorage";
    default: return "FloatStorage";
    }
}

struct PTensor {
    std::string name;
    cxr::model::DType dtype = cxr::model::DType::F32;
    std::vector<int64_t> shape, strides;   // strides empty = contiguous
    int64_t offset = 0;
    std::string storageKey;
    int64_t storageNumel = 0;              // as declared in the persistent id
};

// _rebuild_tensor_v2 call for one tensor (storage as a persistent id).
inline Bytes pTensor(const PTensor& t) {
    std::vector<int64_t> strides = t.strides;
    if (strides.empty()) {
        strides.assign(t.shape.size(), 1);
        for (size_t i = t.shape.size(); i-- > 1;) strides[i - 1] = strides[i] * t.shape[i];
    }
    Bytes pid = pTuple({pStr("storage"), pGlobal("torch", storageName(t.dtype)), pStr(t.storageKey), pStr("cpu"),
                        pInt(t.storageNumel)}) + "Q";
    return pGlobal("torch._utils", "_rebuild_tensor_v2") +
           pTuple({pid, pInt(t.offset), pIntTuple(t.shape), pIntTuple(strides), "\x89",
                   pGlobal("collections", "OrderedDict") + ")R"}) + "R";
}

// A complete data.pkl: OrderedDict of the tensors (+ the `_metadata` BUILD torch writes).
inline Bytes pStateDict(const std::vector<PTensor>& ts) {
    Bytes b = "\x80\x02" + pGlobal("collections", "OrderedDict") + ")R(";
    for (const auto& t : ts) b += pStr(t.name) + pTensor(t);
    b += "u";
    b += "}" + pStr("_metadata") + pGlobal("collections", "OrderedDict") + ")R(" + pStr("") + "}" + pStr("version") +
         pInt(1) + "su" + "sb.";
    return b;
}

// torch.save-like archive: <prefix>/data.pkl, <prefix>/data/<key>, <prefix>/version.
inline Bytes makeTorchZip(const std::string& prefix, const Bytes& pkl, const std::map<std::string, Bytes>& storages,
                          bool zip64 = true, bool zip64Extra = false) {
    std::vector<ZipItem> items;
    items.push_back({prefix + "/data.pkl", pkl});
    for (const auto& kv : storages) items.push_back({prefix + "/data/" + kv.first, kv.second});
    items.push_back({prefix + "/version", "3\n"});
    return makeZip(items, zip64, zip64Extra);
}

// Writes the tensors of `records` (contiguous copies) as a torch zip; `rename` may change names.
inline Bytes torchZipFromRecords(const std::vector<cxr::model::TensorRecord>& records, const std::string& prefix = "archive") {
    std::vector<PTensor> ts;
    std::map<std::string, Bytes> st;
    for (size_t i = 0; i < records.size(); ++i) {
        const auto& r = records[i];
        PTensor t;
        t.name = r.name;
        t.dtype = r.dtype;
        t.shape = r.shape;
        t.storageKey = std::to_string(i);
        t.storageNumel = r.numel();
        ts.push_back(t);
        Bytes data(size_t(r.numel()) * r.itemSize(), '\0');
        r.copyContiguous(data.data());
        st[t.storageKey] = data;
    }
    return makeTorchZip(prefix, pStateDict(ts), st);
}

struct STensor {
    std::string name;
    std::string dtype = "F32";
    std::vector<int64_t> shape;
    Bytes data;
    int64_t begin = -1, end = -1;  // override data_offsets in the header (data is appended anyway)
};

inline Bytes makeSafetensors(const std::vector<STensor>& ts, const std::string& extraHeader = "",
                             int64_t headerLenOverride = -1) {
    std::string h = "{";
    Bytes data;
    bool first = true;
    if (!extraHeader.empty()) { h += extraHeader; first = false; }
    for (const auto& t : ts) {
        const int64_t b = t.begin >= 0 ? t.begin : int64_t(data.size());
        const int64_t e = t.end >= 0 ? t.end : b + int64_t(t.data.size());
        data += t.data; // data_offsets overrides only change the header
        if (!first) h += ",";
        first = false;
        h += "\"" + t.name + "\":{\"dtype\":\"" + t.dtype + "\",\"shape\":[";
        for (size_t i = 0; i < t.shape.size(); ++i) h += (i ? "," : "") + std::to_string(t.shape[i]);
        h += "],\"data_offsets\":[" + std::to_string(b) + "," + std::to_string(e) + "]}";
    }
    h += "}";
    while (h.size() % 8) h += " ";
    Bytes out;
    put64(out, headerLenOverride >= 0 ? uint64_t(headerLenOverride) : h.size());
    return out + h + data;
}

inline Bytes safetensorsFromRecords(const std::vector<cxr::model::TensorRecord>& records) {
    std::vector<STensor> ts;
    for (const auto& r : records) {
        STensor t;
        t.name = r.name;
        t.dtype = cxr::model::dtypeName(r.dtype);
        t.shape = r.shape;
        t.data.assign(size_t(r.numel()) * r.itemSize(), '\0');
        r.copyContiguous(t.data.data());
        ts.push_back(t);
    }
    return makeSafetensors(ts);
}

inline bool writeFile(const std::string& path, const Bytes& b) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(b.data(), std::streamsize(b.size()));
    return bool(f);
}

inline Bytes readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return Bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

inline Bytes f32Bytes(const std::vector<float>& v) {
    Bytes b(v.size() * 4, '\0');
    std::memcpy(b.data(), v.data(), b.size());
    return b;
}

} // namespace wtest
