// The method settings (docs/method.md "Schedule" and "Window"): plain C++, no LibTorch, so the
// evaluation protocol and the UI can use them without the engine.
#include "grounding/engine.h"

#include <algorithm>
#include <sstream>

namespace cxr::grounding {

int Settings::resolvedStart() const { return windowStart >= 0 ? windowStart : steps / 2 - (10 * steps) / 100; }
int Settings::resolvedEnd() const { return windowEnd >= 0 ? windowEnd : steps / 2 + (10 * steps) / 100; }
int Settings::stepSize(int T) const { return std::max(1, T / std::max(1, steps)); }
int Settings::totalCalls(int T) const {
    const int step = stepSize(T);
    return (T + step - 1) / step;
}

std::string Settings::validate(int crossLayers, int T) const {
    std::ostringstream s;
    if (steps < 1 || steps > T) s << "steps must be between 1 and " << T << " (got " << steps << ")\n";
    const int a = resolvedStart(), b = resolvedEnd();
    if (steps >= 1 && steps <= T && (a < 0 || b <= a || b > totalCalls(T)))
        s << "the window " << a << ":" << b << " must lie within 0:" << totalCalls(T) << " (the " << totalCalls(T)
          << " calls of " << steps << " steps) and not be empty\n";
    if (layers.empty()) s << "at least one cross-attention layer is needed\n";
    for (int l : layers)
        if (l < 0 || (crossLayers > 0 && l >= crossLayers)) s << "layer " << l << " does not exist (0.." << crossLayers - 1 << ")\n";
    if (attribution.size() > 200) s << "the attribution category is longer than 200 characters\n";
    return s.str();
}

Settings fastPreset() {
    Settings s;
    s.steps = 100;
    s.windowStart = 40;
    s.windowEnd = 60;
    s.layers = {3, 4, 5, 6, 7, 8};
    s.otsu = true;
    return s;
}

bool Settings::operator==(const Settings& o) const {
    return steps == o.steps && resolvedStart() == o.resolvedStart() && resolvedEnd() == o.resolvedEnd() &&
           layers == o.layers && otsu == o.otsu && attribution == o.attribution;
}

const char* phaseName(Phase p) {
    switch (p) {
    case Phase::LoadModel: return "load-model";
    case Phase::EncodeImage: return "encode-image";
    case Phase::EncodeText: return "encode-text";
    case Phase::Inversion: return "inversion";
    case Phase::Attention: return "attention";
    case Phase::PostProcess: return "post-process";
    }
    return "?";
}

}  // namespace cxr::grounding
