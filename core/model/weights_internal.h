// Internal to cxrweights: the two container readers. They work on a byte range that stays valid
// while the WeightFile lives; records point into it.
#pragma once

#include "model/weights.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace cxr::model::detail {

struct ReadResult {
    std::string prefix;
    std::string byteOrder = "little";
    std::vector<TensorRecord> tensors;
    std::vector<std::pair<std::string, std::string>> metadata;
    std::vector<std::vector<unsigned char>> ownedStorages; // byte-swapped copies (big-endian files)
};

// `what` names the file in messages.
bool readSafetensors(const unsigned char* p, uint64_t n, const std::string& what, ReadResult* out,
                     std::string* error);
bool readTorchZip(const unsigned char* p, uint64_t n, const std::string& what, ReadResult* out,
                  std::string* error);

// Checked arithmetic helpers.
inline bool mulOverflow(uint64_t a, uint64_t b, uint64_t* r) { return __builtin_mul_overflow(a, b, r); }
inline bool addOverflow(uint64_t a, uint64_t b, uint64_t* r) { return __builtin_add_overflow(a, b, r); }

uint32_t crc32(const unsigned char* p, size_t n);

} // namespace cxr::model::detail
