// Shared by fuzz_safetensors / fuzz_torchzip: open from memory and touch every byte the records
// claim (ASan catches any pointer outside the buffer).
#pragma once
#include "model/weights.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

inline void cxrgTouchWeights(const uint8_t* data, size_t size) {
    std::string err;
    auto f = cxr::model::WeightFile::fromBuffer(data, size, &err, "fuzz");
    if (!f) {
        if (err.empty()) __builtin_trap(); // every failure must say why
        return;
    }
    volatile unsigned char sink = 0;
    for (const auto& t : f->tensors()) {
        const auto* p = static_cast<const unsigned char*>(t.data);
        for (size_t i = 0; i < t.nbytes; ++i) sink = sink ^ p[i];
        if (f->find(t.name) == nullptr) __builtin_trap();
        const uint64_t bytes = uint64_t(t.numel()) * t.itemSize();
        if (bytes <= (16u << 20)) {
            std::vector<unsigned char> buf(bytes);
            t.copyContiguous(buf.data());
        }
    }
    (void)sink;
}
