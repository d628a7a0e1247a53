#include "npy.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace cxr::npy {

int64_t Array::count() const {
    int64_t n = 1;
    for (int64_t d : shape) n *= d;
    return n;
}

namespace {
size_t itemSize(DType t) {
    switch (t) {
    case DType::F64: case DType::I64: return 8;
    case DType::F32: case DType::I32: return 4;
    default: return 1;
    }
}
}  // namespace

std::vector<float> Array::toFloat() const {
    const int64_t n = count();
    std::vector<float> out(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
        const uint8_t* p = bytes.data() + i * itemSize(dtype);
        switch (dtype) {
        case DType::F32: { float v; std::memcpy(&v, p, 4); out[i] = v; break; }
        case DType::F64: { double v; std::memcpy(&v, p, 8); out[i] = static_cast<float>(v); break; }
        case DType::I64: { int64_t v; std::memcpy(&v, p, 8); out[i] = static_cast<float>(v); break; }
        case DType::I32: { int32_t v; std::memcpy(&v, p, 4); out[i] = static_cast<float>(v); break; }
        default: out[i] = p[0]; break;
        }
    }
    return out;
}

std::vector<int64_t> Array::toInt64() const {
    const int64_t n = count();
    std::vector<int64_t> out(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
        const uint8_t* p = bytes.data() + i * itemSize(dtype);
        switch (dtype) {
        case DType::I64: std::memcpy(&out[i], p, 8); break;
        case DType::I32: { int32_t v; std::memcpy(&v, p, 4); out[i] = v; break; }
        case DType::F32: { float v; std::memcpy(&v, p, 4); out[i] = static_cast<int64_t>(v); break; }
        case DType::F64: { double v; std::memcpy(&v, p, 8); out[i] = static_cast<int64_t>(v); break; }
        default: out[i] = p[0]; break;
        }
    }
    return out;
}

bool read(const std::string& path, Array* out, std::string* error) {
    std::ifstream f(path, std::ios::binary);
    if (!f) { *error = path + ": cannot open"; return false; }
    char magic[8];
    if (!f.read(magic, 8) || std::memcmp(magic, "\x93NUMPY", 6) != 0) {
        *error = path + ": not a .npy file";
        return false;
    }
    uint32_t hlen = 0;
    if (magic[6] == 1) {
        uint8_t b[2];
        f.read(reinterpret_cast<char*>(b), 2);
        hlen = b[0] | (b[1] << 8);
    } else {
        uint8_t b[4];
        f.read(reinterpret_cast<char*>(b), 4);
        hlen = b[0] | (b[1] << 8) | (b[2] << 16) | (uint32_t(b[3]) << 24);
    }
    if (hlen > 65536) { *error = path + ": header too large"; return false; }
    std::string header(hlen, '\0');
    if (!f.read(header.data(), hlen)) { *error = path + ": truncated header"; return false; }
    auto field = [&](const std::string& key) -> std::string {
        const size_t k = header.find("'" + key + "'");
        if (k == std::string::npos) return {};
        size_t s = header.find(':', k) + 1;
        while (s < header.size() && header[s] == ' ') ++s;
        if (header[s] == '\'') return header.substr(s + 1, header.find('\'', s + 1) - s - 1);
        if (header[s] == '(') return header.substr(s + 1, header.find(')', s) - s - 1);
        return header.substr(s, header.find_first_of(",}", s) - s);
    };
    const std::string descr = field("descr"), order = field("fortran_order"), shape = field("shape");
    if (order.find("True") != std::string::npos) { *error = path + ": Fortran order not supported"; return false; }
    if (descr == "<f4") out->dtype = DType::F32;
    else if (descr == "<f8") out->dtype = DType::F64;
    else if (descr == "<i8") out->dtype = DType::I64;
    else if (descr == "<i4") out->dtype = DType::I32;
    else if (descr == "|u1") out->dtype = DType::U8;
    else if (descr == "|b1") out->dtype = DType::Bool;
    else { *error = path + ": unsupported dtype " + descr; return false; }
    out->shape.clear();
    std::stringstream ss(shape);
    std::string item;
    while (std::getline(ss, item, ',')) {
        if (item.find_first_not_of(' ') == std::string::npos) continue;
        out->shape.push_back(std::stoll(item));
    }
    const int64_t bytes = out->count() * static_cast<int64_t>(itemSize(out->dtype));
    out->bytes.resize(static_cast<size_t>(bytes));
    if (!f.read(reinterpret_cast<char*>(out->bytes.data()), bytes)) {
        *error = path + ": truncated data";
        return false;
    }
    return true;
}

bool writeF32(const std::string& path, const std::vector<int64_t>& shape, const float* data, std::string* error) {
    std::string dims;
    int64_t n = 1;
    for (size_t i = 0; i < shape.size(); ++i) {
        dims += std::to_string(shape[i]) + (shape.size() == 1 || i + 1 < shape.size() ? "," : "");
        if (i + 1 < shape.size()) dims += " ";
        n *= shape[i];
    }
    std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }";
    const size_t total = 10 + header.size() + 1;
    header.append((64 - total % 64) % 64, ' ');
    header.push_back('\n');
    const std::string tmp = path + ".part";
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) { *error = path + ": cannot create the file"; return false; }
    const uint16_t hl = static_cast<uint16_t>(header.size());
    bool ok = std::fwrite("\x93NUMPY\x01\x00", 1, 8, f) == 8 &&
              std::fwrite(&hl, 1, 2, f) == 2 &&
              std::fwrite(header.data(), 1, header.size(), f) == header.size() &&
              std::fwrite(data, sizeof(float), static_cast<size_t>(n), f) == static_cast<size_t>(n);
    ok = (std::fclose(f) == 0) && ok;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        *error = path + ": write failed (disk full or not writable?)";
        return false;
    }
    return true;
}

}  // namespace cxr::npy
