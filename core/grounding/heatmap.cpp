// From recorded cross-attention probabilities to the heat map (docs/method.md "Heat map" and
// "Back to the original image"): token mean, min-max per map, bilinear resize to 512, mean over
// (layer, call) maps, Gaussian smoothing, min-max, Otsu, mapping back with NaN padding.
#include "grounding/engine_internal.h"
#include "grounding/postprocess.h"

#include <cmath>
#include <limits>

namespace cxr::grounding {

namespace F = torch::nn::functional;

namespace {

// Per (layer, call): mean over token positions [first, last] (inclusive) of probabilities [HW, T],
// reshaped to its own square and min-max normalised -> [1, 1, side, side].
torch::Tensor normalisedWordMap(const torch::Tensor& p, int firstToken, int lastToken) {
    const int64_t side = static_cast<int64_t>(std::lround(std::sqrt(double(p.size(0)))));
    torch::Tensor m = p.slice(1, firstToken, lastToken + 1).mean(1).reshape({1, 1, side, side});
    return (m - m.min()) / (m.max() - m.min());
}

// Mean of the maps [1, 1, s, s] (each its own s) after bilinear resizing to 512 x 512.
std::vector<float> meanOfResized(const std::vector<torch::Tensor>& maps) {
    torch::Tensor sum;
    for (const torch::Tensor& m : maps) {
        const torch::Tensor r = F::interpolate(m, F::InterpolateFuncOptions()
                                                      .size(std::vector<int64_t>{512, 512})
                                                      .mode(torch::kBilinear)
                                                      .align_corners(false));
        sum = sum.defined() ? sum + r : r;
    }
    sum = (sum / static_cast<double>(maps.size())).reshape({512 * 512}).contiguous();
    return std::vector<float>(sum.data_ptr<float>(), sum.data_ptr<float>() + sum.numel());
}

}  // namespace

void attributionUnmatched(PromptResult* r, int ow, int oh) {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    r->attributionMatched = false;
    r->heatmapMean.assign(512 * 512, nan);
    r->heatmapSmooth = r->heatmapMean;
    r->heatmap = r->heatmapMean;
    r->threshold = nan;
    r->originalWidth = ow;
    r->originalHeight = oh;
    r->original.assign(size_t(ow) * size_t(oh), nan);
}

std::vector<float> meanHeatmap(const std::vector<torch::Tensor>& probs, int firstToken, int lastToken) {
    torch::NoGradGuard g;
    std::vector<torch::Tensor> maps;
    maps.reserve(probs.size());
    for (const torch::Tensor& p : probs) maps.push_back(normalisedWordMap(p, firstToken, lastToken));  // p: [HW, T]
    return meanOfResized(maps);
}

void finishHeatmap(PromptResult* r, const Settings& s, int ow, int oh) {
    r->heatmapSmooth = gaussianFilter(r->heatmapMean, 512, 512, kBlurSigma);
    minMaxNormalise(r->heatmapSmooth);
    r->heatmap = r->heatmapSmooth;
    r->threshold = 0.0f;
    if (s.otsu) {
        r->threshold = otsuThreshold(r->heatmapSmooth);
        for (float& v : r->heatmap) v = v > r->threshold ? v : 0.0f;
    }
    r->originalWidth = ow;
    r->originalHeight = oh;
    r->original = mapToOriginal(r->heatmap, 512, ow, oh);
}

bool Engine::resultFromRecord(const AblationRecord& rec, const Settings& s, PromptResult* out, std::string* error) {
    const int a = s.resolvedStart(), b = s.resolvedEnd();
    if (s.steps != rec.steps) {
        *error = "the setting uses " + std::to_string(s.steps) + " steps but the record was made at " +
                 std::to_string(rec.steps);
        return false;
    }
    if (s.layers.empty() || a < 0 || b <= a || b > rec.calls) {
        *error = "the window " + std::to_string(a) + ":" + std::to_string(b) + " is outside the recorded calls 0:" +
                 std::to_string(rec.calls);
        return false;
    }
    for (int l : s.layers)
        if (l < 0 || l >= rec.layers) {
            *error = "layer " + std::to_string(l) + " does not exist (0.." + std::to_string(rec.layers - 1) + ")";
            return false;
        }
    const bool attribution = !s.attribution.empty();
    if (attribution && s.attribution != rec.attribution) {
        *error = "the record holds no attribution maps for \"" + s.attribution + "\"";
        return false;
    }
    *out = PromptResult();
    out->prompt = rec.prompt;
    out->attribution = s.attribution;
    out->unetCalls = 0;
    if (attribution && !rec.attributionMatched) {
        out->firstToken = rec.firstToken;  // as ground(): the prompt's words, unused
        out->lastToken = rec.lastToken;
        attributionUnmatched(out, rec.originalWidth, rec.originalHeight);
        return true;
    }
    const std::vector<std::vector<float>>& source = attribution ? rec.attributionMaps : rec.maps;
    try {
        c10::InferenceMode inference;
        std::vector<torch::Tensor> maps;
        for (int l : s.layers)  // layer-major, as ground()
            for (int c = a; c < b; ++c) {
                const std::vector<float>& m = source[size_t(c) * rec.layers + l];
                const int side = rec.sides[size_t(l)];
                if (side == 0 || m.size() != size_t(side) * side) {
                    *error = "the record lacks layer " + std::to_string(l) + " at call " + std::to_string(c);
                    return false;
                }
                maps.push_back(torch::from_blob(const_cast<float*>(m.data()), {1, 1, side, side}, torch::kFloat32));
            }
        out->firstToken = attribution ? rec.attributionFirst : rec.firstToken;
        out->lastToken = attribution ? rec.attributionLast : rec.lastToken;
        out->heatmapMean = meanOfResized(maps);
        finishHeatmap(out, s, rec.originalWidth, rec.originalHeight);
    } catch (const std::exception& e) {
        *error = "the heat map cannot be computed: " + describeException(e);
        return false;
    }
    return true;
}

bool Engine::restrictTokens(const PromptResult& full, int first, int last, const Settings& s, PromptResult* out,
                            std::string* error) {
    const int words = full.length - 2;  // token maps hold positions 1 .. length-2
    if (first < 1 || last > words || last < first) {
        *error = "token range " + std::to_string(first) + ".." + std::to_string(last) + " is outside the prompt's words 1.." +
                 std::to_string(words);
        return false;
    }
    if (full.tokenMapSides.empty() || full.tokenMaps.empty()) {
        *error = "this result holds no token maps";
        return false;
    }
    size_t need = 0;
    for (int side : full.tokenMapSides) need += size_t(side) * size_t(side) * size_t(words);
    if (need != full.tokenMaps.size()) {
        *error = "this result's token maps are incomplete (" + std::to_string(full.tokenMaps.size()) + " values, " +
                 std::to_string(need) + " expected)";
        return false;
    }
    try {
        c10::InferenceMode inference;
        std::vector<torch::Tensor> maps;
        size_t offset = 0;
        for (int side : full.tokenMapSides) {  // each map at its own layer's resolution
            const int64_t hw = int64_t(side) * side;
            maps.push_back(torch::from_blob(const_cast<float*>(full.tokenMaps.data() + offset), {hw, words},
                                            torch::kFloat32));
            offset += size_t(hw) * size_t(words);
        }
        *out = full;
        out->firstToken = first;
        out->lastToken = last;
        out->attributionMatched = true;
        // Column j of a token map is token position j + 1.
        out->heatmapMean = meanHeatmap(maps, first - 1, last - 1);
        finishHeatmap(out, s, full.originalWidth, full.originalHeight);
        out->unetCalls = 0;
    } catch (const std::exception& e) {
        *error = "the word's map cannot be computed: " + describeException(e);
        return false;
    }
    return true;
}

}  // namespace cxr::grounding
