// Minimal .npy reader/writer (NumPy format 1.0/2.0, little endian, C order) for fixtures and
// the CLI's outputs. No dependencies beyond the standard library.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cxr::npy {

enum class DType { F32, F64, I64, I32, U8, Bool };

struct Array {
    DType dtype = DType::F32;
    std::vector<int64_t> shape;
    std::vector<uint8_t> bytes;  // raw little-endian data, C order
    int64_t count() const;
    std::vector<float> toFloat() const;     // any numeric dtype -> float
    std::vector<int64_t> toInt64() const;   // integer dtypes -> int64
};

bool read(const std::string& path, Array* out, std::string* error);
bool writeF32(const std::string& path, const std::vector<int64_t>& shape, const float* data, std::string* error);

}  // namespace cxr::npy
