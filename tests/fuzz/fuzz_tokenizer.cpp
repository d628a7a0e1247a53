// libFuzzer target for the CLIP tokenizer.
#include "text/clip_tokenizer.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const auto tok = [] {
        std::string err;
        auto t = cxr::text::ClipTokenizer::load(CXRG_TOKENIZER_DIR, &err);
        if (!t) std::abort();
        return t;
    }();
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto r = tok->encode(text, 77);
    if (r.ids.size() != 77 || r.length < 2 || r.length > 77) std::abort();
    const auto words = tok->words(text, 77);
    for (const auto& w : words)
        if (w.firstToken < 1 || w.lastToken > 75 || w.lastToken < w.firstToken) std::abort();
    return 0;
}
