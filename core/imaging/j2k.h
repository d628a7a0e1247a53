// JPEG 2000 decoding through OpenJPEG (DCMTK has no JPEG 2000 decoder).
#pragma once

#include <QString>

#include <cstdint>
#include <vector>

namespace cxr {

struct J2kImage {
    int width = 0, height = 0, components = 0;
    int precision = 0;
    bool isSigned = false;
    std::vector<int32_t> samples;  // width*height*components, interleaved
};

// Decodes a J2K codestream (or a JP2 file) held in memory. Returns false with a message on
// any error; never aborts. maxPixels guards against lying headers before allocation.
bool decodeJ2k(const uint8_t* data, size_t size, J2kImage* out, QString* error,
               int64_t maxPixels);

}  // namespace cxr
