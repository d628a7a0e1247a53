// libFuzzer: safetensors reader, and the JSON reader / config parsers on the same bytes.
#include "fuzz_weights_common.h"
#include "model/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    cxrgTouchWeights(data, size);
    if (size < (1u << 16)) {
        const std::string text(reinterpret_cast<const char*>(data), size);
        std::string err;
        cxr::model::BundleConfig b;
        if (cxr::model::parseBundleConfig(text, &b, &err)) {
            if (cxr::model::expectedUNetTensors(b.unet).size() > 100000) __builtin_trap();
            cxr::model::expectedAutoencoderTensors(b.autoencoder);
        }
        cxr::model::TextEncoderConfig t;
        if (cxr::model::parseTextEncoderConfig(text, &t, &err)) {}
    }
    return 0;
}
