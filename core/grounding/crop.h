// The centre crop of the method (docs/method.md "Image" and "Back to the original image"), in one
// place for the engine's preprocessing, the post-processing's map back, the viewer's geometry and
// the MS-CXR reader. Standard library only.
#pragma once

#include <algorithm>

namespace cxr::grounding {

struct CentreCrop {
    static constexpr int kModelSize = 512;
    int width = 0, height = 0;                // the original image
    // Into the model (method.md "Image"): the shorter edge is resized to 512, the longer to
    // int(512 * long / short) (truncated), then a 512 x 512 crop starts at floor((D - 512) / 2).
    int resizedWidth = 0, resizedHeight = 0;
    int cropX = 0, cropY = 0;                 // the crop's origin in resized pixels
    // Back to the original (method.md "Back to the original image"): the 512 map covers the
    // centred square of side min(W, H), origin floor((W - side) / 2), floor((H - side) / 2); the
    // rest is padded with NaN.
    int side = 0;
    int left = 0, top = 0;

    static CentreCrop of(int width, int height) {
        CentreCrop c;
        c.width = width;
        c.height = height;
        const int shorter = std::min(width, height);
        if (shorter <= 0) return c;
        auto resized = [&](int d) {
            return d == shorter ? kModelSize : static_cast<int>(static_cast<double>(kModelSize) * d / shorter);
        };
        c.resizedWidth = resized(width);
        c.resizedHeight = resized(height);
        c.cropX = (c.resizedWidth - kModelSize) / 2;
        c.cropY = (c.resizedHeight - kModelSize) / 2;
        c.side = shorter;
        c.left = (width - shorter) / 2;
        c.top = (height - shorter) / 2;
        return c;
    }
    // Original pixels -> resized pixels (the model's scale).
    double scale() const { return side > 0 ? static_cast<double>(kModelSize) / side : 1.0; }
};

}  // namespace cxr::grounding
