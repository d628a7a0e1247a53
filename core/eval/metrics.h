// Grounding metrics of the MS-CXR protocol (docs/method.md "Evaluation"), as the authors' code computes them.
// Maps are row-major float32 at original image size; NaN = outside the analysed crop.
// Boxes are (x, y, w, h) in pixels with Python slice semantics (clipped at the borders).
#pragma once

#include <vector>

namespace cxr::eval {

struct Box {
    int x = 0, y = 0, w = 0, h = 0;
};

struct Metrics {
    double cnrAbs = 0;       // |CNR| averaged over boxes
    double cnr = 0;          // signed CNR averaged over boxes
    double miou = 0;         // IoU of map > thr vs the union of boxes, mean over thr 0.1..0.5
    double aurocBinned = 0;  // torcheval binary_binned_auroc(threshold=5)
    double auroc = 0;        // exact (unbinned) AUC-ROC, ties counted half
};

// CNR per box: inside statistics, then that box is set to NaN (cumulatively, as the reference
// does) and the outside statistics use every remaining non-NaN pixel. Population variance,
// nan_to_num on the ratio (0/0 -> 0, x/0 -> +-FLT_MAX).
double cnr(const std::vector<float>& map, int width, int height, const std::vector<Box>& boxes, bool absolute);
double miou(const std::vector<float>& map, int width, int height, const std::vector<Box>& boxes,
            const std::vector<float>& thresholds = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f});
double aurocBinned(const std::vector<float>& map, int width, int height, const std::vector<Box>& boxes, int bins = 5);
double aurocExact(const std::vector<float>& map, int width, int height, const std::vector<Box>& boxes);
Metrics computeAll(const std::vector<float>& map, int width, int height, const std::vector<Box>& boxes);

}  // namespace cxr::eval
