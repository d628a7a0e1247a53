// Heat-map post-processing (docs/method.md "Heat map" and "Back to the original image"), written to match the reference libraries
// (scipy.ndimage.gaussian_filter, skimage threshold_multiotsu(classes=2), torch nearest resize).
// Plain C++ (no torch): maps are row-major float32.
#pragma once

#include <cstdint>
#include <vector>

namespace cxr::grounding {

// scipy.ndimage.gaussian_filter(sigma, mode='reflect', truncate): axis 0 then axis 1, each pass
// computed in double and stored as float32 (as scipy does for a float32 output).
std::vector<float> gaussianFilter(const std::vector<float>& in, int height, int width, double sigma,
                                  double truncate = 4.0);

// (x - min) / (max - min) in float32; a constant map becomes all zeros.
void minMaxNormalise(std::vector<float>& v);

// skimage.filters.threshold_multiotsu(image, classes=2, nbins=256): the bin centre that maximises
// the between-class variance (float32 arithmetic, first maximum wins).
float otsuThreshold(const std::vector<float>& v, int nbins = 256);

// Nearest resize of a square `n x n` map to `s x s` (torch 'nearest': src = floor(dst * n / s)),
// then NaN padding to height x width: left floor((W-s)/2), top floor((H-s)/2).
std::vector<float> mapToOriginal(const std::vector<float>& map, int n, int width, int height);

}  // namespace cxr::grounding
