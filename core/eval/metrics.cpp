#include "metrics.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>

namespace cxr::eval {

namespace {

// Python slice semantics [y:y+h, x:x+w] clipped to the image (negative starts count from the end
// in Python; boxes here are never negative, clip them to 0).
void clipBox(const Box& b, int width, int height, int* x0, int* y0, int* x1, int* y1) {
    *x0 = std::clamp(b.x, 0, width);
    *y0 = std::clamp(b.y, 0, height);
    *x1 = std::clamp(b.x + b.w, 0, width);
    *y1 = std::clamp(b.y + b.h, 0, height);
}

std::vector<uint8_t> targetMask(int width, int height, const std::vector<Box>& boxes) {
    std::vector<uint8_t> t(size_t(width) * height, 0);
    for (const Box& b : boxes) {
        int x0, y0, x1, y1;
        clipBox(b, width, height, &x0, &y0, &x1, &y1);
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) t[size_t(y) * width + x] = 1;
    }
    return t;
}

struct Stats {
    double mean = NAN, var = NAN;
};

template <typename Pred>
Stats nanStats(const std::vector<float>& m, Pred include) {
    double sum = 0;
    int64_t n = 0;
    for (size_t i = 0; i < m.size(); ++i)
        if (include(i) && !std::isnan(m[i])) {
            sum += m[i];
            ++n;
        }
    Stats s;
    if (n == 0) return s;
    s.mean = static_cast<float>(sum / n);
    double sq = 0;
    for (size_t i = 0; i < m.size(); ++i)
        if (include(i) && !std::isnan(m[i])) {
            const double d = m[i] - s.mean;
            sq += d * d;
        }
    s.var = static_cast<float>(sq / n);
    return s;
}

}  // namespace

double cnr(const std::vector<float>& map, int width, int height, const std::vector<Box>& boxes, bool absolute) {
    if (boxes.empty()) return 0.0;
    std::vector<float> m = map;
    double total = 0;
    for (const Box& b : boxes) {
        int x0, y0, x1, y1;
        clipBox(b, width, height, &x0, &y0, &x1, &y1);
        auto inside = [&](size_t i) {
            const int y = static_cast<int>(i / width), x = static_cast<int>(i % width);
            return x >= x0 && x < x1 && y >= y0 && y < y1;
        };
        const Stats in = nanStats(m, inside);
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) m[size_t(y) * width + x] = NAN;
        const Stats out = nanStats(m, [](size_t) { return true; });
        // float32 arithmetic like the reference tensors
        const float diff = absolute ? std::fabs(float(in.mean) - float(out.mean)) : float(in.mean) - float(out.mean);
        const float den = std::sqrt(float(in.var) + float(out.var));
        float v = diff / den;
        if (std::isnan(v)) v = 0.0f;
        else if (std::isinf(v)) v = v > 0 ? FLT_MAX : -FLT_MAX;
        total += v;
    }
    return total / static_cast<double>(boxes.size());
}

double miou(const std::vector<float>& map, int width, int height, const std::vector<Box>& boxes,
            const std::vector<float>& thresholds) {
    const std::vector<uint8_t> t = targetMask(width, height, boxes);
    float sum = 0.0f;  // the reference stores each IoU in a float32 tensor and takes its mean
    for (float thr : thresholds) {
        int64_t inter = 0, uni = 0;
        for (size_t i = 0; i < map.size(); ++i) {
            const bool p = map[i] > thr;  // NaN compares false
            inter += p && t[i];
            uni += p || t[i];
        }
        sum += uni > 0 ? static_cast<float>(double(inter) / double(uni)) : 0.0f;
    }
    return static_cast<float>(sum / static_cast<float>(thresholds.size()));
}

double aurocBinned(const std::vector<float>& map, int width, int height, const std::vector<Box>& boxes, int bins) {
    const std::vector<uint8_t> t = targetMask(width, height, boxes);
    // thresholds linspace(0, 1, bins) in float32; pred = map >= thr (NaN never counts)
    std::vector<int64_t> tp(bins, 0), fp(bins, 0);
    for (int k = 0; k < bins; ++k) {
        const float thr = bins > 1 ? static_cast<float>(double(k) / (bins - 1)) : 0.0f;
        for (size_t i = 0; i < map.size(); ++i)
            if (map[i] >= thr) (t[i] ? tp[k] : fp[k]) += 1;
    }
    // cumulative from the highest threshold down, (0,0) prepended; trapezoid area / (P*N)
    std::vector<int64_t> ctp{0}, cfp{0};
    for (int k = bins - 1; k >= 0; --k) {
        ctp.push_back(tp[k]);
        cfp.push_back(fp[k]);
    }
    const int64_t P = ctp.back(), N = cfp.back();
    if (P == 0 || N == 0) return 0.5;
    double twiceArea = 0;
    for (size_t i = 1; i < ctp.size(); ++i) twiceArea += double(cfp[i] - cfp[i - 1]) * double(ctp[i] + ctp[i - 1]);
    return (twiceArea / 2.0) / (double(P) * double(N));
}

double aurocExact(const std::vector<float>& map, int width, int height, const std::vector<Box>& boxes) {
    const std::vector<uint8_t> t = targetMask(width, height, boxes);
    std::vector<std::pair<float, uint8_t>> v;
    v.reserve(map.size());
    for (size_t i = 0; i < map.size(); ++i)
        if (!std::isnan(map[i])) v.emplace_back(map[i], t[i]);
    std::sort(v.begin(), v.end());
    // Mann-Whitney U with average ranks for ties.
    double rankSumPos = 0;
    int64_t P = 0, N = 0;
    for (size_t i = 0; i < v.size();) {
        size_t j = i;
        while (j < v.size() && v[j].first == v[i].first) ++j;
        const double avgRank = (double(i + 1) + double(j)) / 2.0;
        for (size_t k = i; k < j; ++k) {
            if (v[k].second) { rankSumPos += avgRank; ++P; } else { ++N; }
        }
        i = j;
    }
    if (P == 0 || N == 0) return 0.5;
    return (rankSumPos - double(P) * (P + 1) / 2.0) / (double(P) * double(N));
}

Metrics computeAll(const std::vector<float>& map, int width, int height, const std::vector<Box>& boxes) {
    Metrics m;
    m.cnrAbs = cnr(map, width, height, boxes, true);
    m.cnr = cnr(map, width, height, boxes, false);
    m.miou = miou(map, width, height, boxes);
    m.aurocBinned = aurocBinned(map, width, height, boxes);
    m.auroc = aurocExact(map, width, height, boxes);
    return m;
}

}  // namespace cxr::eval
