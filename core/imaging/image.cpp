#include "image.h"

#include <algorithm>
#include <cmath>

namespace cxr {

int32_t Lut::lookup(int64_t x) const {
    if (data.empty()) return 0;
    const int64_t i = x - firstMapped;
    if (i <= 0) return data.front();
    if (i >= static_cast<int64_t>(data.size())) return data.back();
    return data[static_cast<size_t>(i)];
}

double Image::modalityValue(int32_t storedValue) const {
    if (modalityLut) return modalityLut->lookup(storedValue);
    return storedValue * slope + intercept;
}

void Image::updateStoredRange() {
    if (stored.empty()) {
        storedMin = storedMax = 0;
        return;
    }
    auto mm = std::minmax_element(stored.begin(), stored.end());
    storedMin = *mm.first;
    storedMax = *mm.second;
}

void Image::modalityRange(double* lo, double* hi) const {
    double a = modalityValue(storedMin), b = modalityValue(storedMax);
    if (modalityLut) {  // a LUT need not be monotonic: scan the used part
        a = b = modalityValue(storedMin);
        for (int64_t s = storedMin; s <= storedMax; ++s) {
            const double v = modalityValue(static_cast<int32_t>(s));
            a = std::min(a, v);
            b = std::max(b, v);
        }
    }
    *lo = std::min(a, b);
    *hi = std::max(a, b);
}

namespace {
// The frame's modality values, sorted, with their pixel counts (a histogram over stored values, so
// LUTs that are not monotonic and negative slopes are handled). Empty when the stored range is too
// wide for a histogram.
std::vector<std::pair<double, uint32_t>> sortedModalityValues(const Image& image) {
    std::vector<std::pair<double, uint32_t>> vals;
    const int64_t range = static_cast<int64_t>(image.storedMax) - image.storedMin + 1;
    if (image.stored.empty() || range > (1 << 24)) return vals;
    std::vector<uint32_t> hist(static_cast<size_t>(range), 0);
    for (int32_t s : image.stored) ++hist[static_cast<size_t>(s - image.storedMin)];
    vals.reserve(1024);
    for (int64_t i = 0; i < range; ++i)
        if (hist[static_cast<size_t>(i)])
            vals.emplace_back(image.modalityValue(static_cast<int32_t>(image.storedMin + i)), hist[static_cast<size_t>(i)]);
    std::sort(vals.begin(), vals.end());
    return vals;
}
}  // namespace

std::vector<double> Image::modalityQuantiles(const std::vector<double>& fractions) const {
    std::vector<double> out(fractions.size(), 0.0);
    const auto vals = sortedModalityValues(*this);
    if (vals.empty()) {  // no pixels, or a range too wide for a histogram: the extremes
        double lo = 0, hi = 0;
        if (!stored.empty()) modalityRange(&lo, &hi);
        for (size_t i = 0; i < fractions.size(); ++i) out[i] = fractions[i] < 0.5 ? lo : hi;
        return out;
    }
    const double n = static_cast<double>(stored.size());
    std::vector<size_t> order(fractions.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return fractions[a] < fractions[b]; });
    size_t k = 0;
    double acc = 0;
    for (size_t i : order) {
        // The first value whose cumulative count passes the wanted rank (the largest for 1).
        const double want = std::clamp(fractions[i], 0.0, 1.0) * n;
        while (k + 1 < vals.size() && acc + vals[k].second <= want) acc += vals[k++].second;
        out[i] = vals[k].first;
    }
    return out;
}

Window Image::robustWindow() const {
    Window w;
    w.explanation = QStringLiteral("robust");
    if (stored.empty()) return w;
    double lo = 0, hi = 0;
    const auto vals = sortedModalityValues(*this);
    if (!vals.empty()) {  // 0.5th..99.5th percentile
        const double n = static_cast<double>(stored.size());
        const double qlo = 0.005 * n, qhi = 0.995 * n;
        double acc = 0;
        bool haveLo = false;
        lo = vals.front().first;
        hi = vals.back().first;
        for (const auto& [v, c] : vals) {
            acc += c;
            if (!haveLo && acc > qlo) {
                lo = v;
                haveLo = true;
            }
            if (acc >= qhi) {
                hi = v;
                break;
            }
        }
    } else {
        modalityRange(&lo, &hi);
    }
    if (hi <= lo) hi = lo + 1;
    w.center = (lo + hi) / 2.0;
    w.width = hi - lo;
    return w;
}

std::vector<Window> chestPresets(const Image& image) {
    auto window = [](double lo, double hi, const char* name) {
        Window w;
        if (hi <= lo) hi = lo + 1;
        w.center = (lo + hi) / 2.0;
        w.width = hi - lo;
        w.explanation = QString::fromLatin1(name);
        return w;
    };
    if (image.info.rescaleType == QLatin1String("HU") || image.info.modality == QLatin1String("CT"))
        return {window(-1350, 150, "lung"), window(-160, 240, "mediastinum"), window(-770, 1730, "bone")};
    // Display order: MONOCHROME1 shows high values dark, so its darkest pixels are the top quantiles.
    auto display = [&](double f) { return image.monochrome1 ? 1.0 - f : f; };
    const std::vector<double> fractions{display(0.01), display(0.60), display(0.45), display(0.995), display(0.65), display(0.999)};
    std::vector<double> q = image.modalityQuantiles(fractions);
    auto range = [&](size_t i) { return std::make_pair(std::min(q[i], q[i + 1]), std::max(q[i], q[i + 1])); };
    const auto lung = range(0), mediastinum = range(2), bone = range(4);
    return {window(lung.first, lung.second, "lung"), window(mediastinum.first, mediastinum.second, "mediastinum"),
            window(bone.first, bone.second, "bone")};
}

DisplaySettings defaultDisplay(const Image& image) {
    DisplaySettings d;
    double lo = 0, hi = 0;
    image.modalityRange(&lo, &hi);
    for (const Window& w : image.info.windows) {
        if (!(w.width >= 1.0) || !std::isfinite(w.center)) continue;
        // A window that misses the data entirely would show a uniform image: not trusted.
        const double wlo = w.center - w.width / 2.0, whi = w.center + w.width / 2.0;
        if (whi < lo || wlo > hi) break;
        d.voi = DisplaySettings::Voi::Window;
        d.window = w;
        return d;
    }
    if (image.voiLut && !image.voiLut->data.empty()) {
        d.voi = DisplaySettings::Voi::VoiLut;
        d.window = image.robustWindow();  // starting point should the user drag
        return d;
    }
    d.window = image.robustWindow();
    return d;
}

double voiOutput(const Image& image, const DisplaySettings& s, double x) {
    if (s.voi == DisplaySettings::Voi::VoiLut && image.voiLut && !image.voiLut->data.empty()) {
        const Lut& l = *image.voiLut;
        const double y = l.lookup(static_cast<int64_t>(std::floor(x)));
        return std::clamp(y / std::max<int32_t>(1, l.outputMax), 0.0, 1.0) * 255.0;
    }
    const double c = s.window.center, w = s.window.width;
    switch (image.voiFunction) {
    case VoiFunction::LinearExact: {
        const double ww = std::max(w, 1e-9);
        if (x <= c - ww / 2) return 0.0;
        if (x > c + ww / 2) return 255.0;
        return ((x - c) / ww + 0.5) * 255.0;
    }
    case VoiFunction::Sigmoid:
        return 255.0 / (1.0 + std::exp(-4.0 * (x - c) / std::max(w, 1e-9)));
    case VoiFunction::Linear:
    default: {
        // DICOM PS3.3 C.11.2.1.2.1 (width >= 1).
        const double ww = std::max(w, 1.0);
        if (x <= c - 0.5 - (ww - 1) / 2) return 0.0;
        if (x > c - 0.5 + (ww - 1) / 2) return 255.0;
        if (ww <= 1.0) return 255.0;
        return ((x - (c - 0.5)) / (ww - 1) + 0.5) * 255.0;
    }
    }
}

void Renderer::buildLut(const Image& image, const DisplaySettings& settings) {
    lutBase_ = image.storedMin;
    const int64_t n = static_cast<int64_t>(image.storedMax) - image.storedMin + 1;
    lut_.resize(static_cast<size_t>(std::max<int64_t>(n, 1)));
    const bool invert = image.monochrome1 != settings.userInvert;
    for (int64_t i = 0; i < n; ++i) {
        const double m = image.modalityValue(static_cast<int32_t>(lutBase_ + i));
        const double y = voiOutput(image, settings, m);
        int v = static_cast<int>(std::lround(std::clamp(y, 0.0, 255.0)));
        if (invert) v = 255 - v;
        lut_[static_cast<size_t>(i)] = static_cast<uint8_t>(v);
    }
}

void Renderer::apply(const Image& image, uint8_t* out) const {
    const size_t n = image.stored.size();
    const int32_t* in = image.stored.data();
    const uint8_t* lut = lut_.data();
    const int32_t base = lutBase_;
    for (size_t i = 0; i < n; ++i) out[i] = lut[in[i] - base];
}

Rendered Renderer::render(const Image& image, const DisplaySettings& settings) {
    Rendered r;
    r.width = image.width;
    r.height = image.height;
    r.channels = image.channels;
    r.pixels.resize(image.stored.size());
    buildLut(image, settings);
    apply(image, r.pixels.data());
    return r;
}

}  // namespace cxr
