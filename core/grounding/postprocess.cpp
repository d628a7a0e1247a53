#include "postprocess.h"

#include "crop.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cxr::grounding {

namespace {

// scipy 'reflect' (half-sample symmetric): d c b | a b c d | c b a
inline int reflectIndex(int i, int n) {
    if (n == 1) return 0;
    const int period = 2 * n;
    i %= period;
    if (i < 0) i += period;
    return i < n ? i : period - 1 - i;
}

}  // namespace

std::vector<float> gaussianFilter(const std::vector<float>& in, int h, int w, double sigma, double truncate) {
    const int radius = static_cast<int>(truncate * sigma + 0.5);
    std::vector<double> k(2 * radius + 1);
    double sum = 0;
    for (int x = -radius; x <= radius; ++x) {
        k[x + radius] = std::exp(-0.5 / (sigma * sigma) * double(x) * double(x));
        sum += k[x + radius];
    }
    for (double& v : k) v /= sum;
    std::vector<float> tmp(in.size()), out(in.size());
    // axis 0 (down the columns)
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            double acc = 0;
            for (int j = -radius; j <= radius; ++j) acc += k[j + radius] * in[size_t(reflectIndex(y + j, h)) * w + x];
            tmp[size_t(y) * w + x] = static_cast<float>(acc);
        }
    // axis 1 (along the rows)
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            double acc = 0;
            for (int j = -radius; j <= radius; ++j) acc += k[j + radius] * tmp[size_t(y) * w + reflectIndex(x + j, w)];
            out[size_t(y) * w + x] = static_cast<float>(acc);
        }
    return out;
}

void minMaxNormalise(std::vector<float>& v) {
    if (v.empty()) return;
    const auto mm = std::minmax_element(v.begin(), v.end());
    const float lo = *mm.first, range = *mm.second - *mm.first;
    for (float& x : v) x = range > 0 ? (x - lo) / range : 0.0f;
}

float otsuThreshold(const std::vector<float>& v, int nbins) {
    if (v.empty()) return 0.0f;
    const auto mm = std::minmax_element(v.begin(), v.end());
    const float lo = *mm.first, hi = *mm.second;
    if (!(hi > lo)) return lo;
    // numpy.histogram with float32 edges (linspace in double, cast) and edge corrections.
    std::vector<float> edges(nbins + 1);
    for (int i = 0; i <= nbins; ++i)
        edges[i] = static_cast<float>(double(lo) + (double(hi) - double(lo)) * i / nbins);
    edges[nbins] = hi;
    std::vector<double> counts(nbins, 0.0);
    const double norm = nbins / (double(hi) - double(lo));
    for (float x : v) {
        int idx = static_cast<int>((double(x) - double(lo)) * norm);
        if (idx >= nbins) idx = nbins - 1;
        if (idx < 0) idx = 0;
        if (x < edges[idx] && idx > 0) --idx;
        else if (idx < nbins - 1 && x >= edges[idx + 1]) ++idx;
        counts[idx] += 1;
    }
    std::vector<float> centres(nbins), prob(nbins);
    double total = 0;
    for (double c : counts) total += c;
    for (int i = 0; i < nbins; ++i) {
        centres[i] = static_cast<float>((double(edges[i]) + double(edges[i + 1])) / 2.0);
        prob[i] = static_cast<float>(counts[i] / total);
    }
    int nonzero = 0;
    for (float p : prob) nonzero += p > 0;
    if (nonzero <= 2) {  // as skimage: with exactly two values the threshold is the lower one
        for (int i = 0; i < nbins; ++i)
            if (prob[i] > 0) return centres[i];
    }
    // skimage _multiotsu LUT, two classes, float32 (first_moment[0] = prob[0] as upstream).
    std::vector<float> P(nbins), S(nbins);
    P[0] = prob[0];
    S[0] = prob[0];
    for (int i = 1; i < nbins; ++i) {
        P[i] = P[i - 1] + prob[i];
        S[i] = S[i - 1] + static_cast<float>(i) * prob[i];
    }
    auto var = [&](int i, int j) -> float {  // between-class variance of bins i..j
        if (i == 0) {
            if (j == 0) return 0.0f;  // the LUT leaves [0,0] at zero
            return P[j] > 0 ? static_cast<float>(double(S[j]) * double(S[j]) / double(P[j])) : 0.0f;
        }
        const float p = P[j] - P[i - 1];
        if (!(p > 0)) return 0.0f;
        const float s = S[j] - S[i - 1];
        return static_cast<float>(double(s) * double(s) / double(p));
    };
    float best = 0.0f;
    int bestIdx = 0;
    for (int k = 0; k < nbins - 1; ++k) {
        const float sigma = var(0, k) + var(k + 1, nbins - 1);
        if (sigma > best) {
            best = sigma;
            bestIdx = k;
        }
    }
    return centres[bestIdx];
}

std::vector<float> mapToOriginal(const std::vector<float>& map, int n, int width, int height) {
    const CentreCrop c = CentreCrop::of(width, height);
    const int s = c.side, left = c.left, top = c.top;
    std::vector<float> out(size_t(width) * height, std::numeric_limits<float>::quiet_NaN());
    const float scale = static_cast<float>(n) / static_cast<float>(s);
    for (int y = 0; y < s; ++y) {
        const int sy = std::min(static_cast<int>(std::floor(y * scale)), n - 1);
        for (int x = 0; x < s; ++x) {
            const int sx = std::min(static_cast<int>(std::floor(x * scale)), n - 1);
            out[size_t(y + top) * width + (x + left)] = map[size_t(sy) * n + sx];
        }
    }
    return out;
}

}  // namespace cxr::grounding
