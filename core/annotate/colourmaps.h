// The one source of heat-map colours: exact 256-entry tables (matplotlib's inferno and viridis,
// the classic jet), used by the viewer, the compare cells, the exports and `cxr-ground ground`.
#pragma once

#include <cstdint>

namespace cxr::annotate {

enum class ColourMap { Inferno, Viridis, Jet };

// 256 entries of {red, green, blue}; entry i is the colour of the value i / 255.
const uint8_t (*colourTable(ColourMap map))[3];

}  // namespace cxr::annotate
