// Reader for the MS-CXR local-alignment CSV (MS_CXR_Local_Alignment_v1.0.0.csv / v1.1.0.csv),
// standard library only. Format: tests/data/mscxr/MS-CXR_FORMAT.md; protocol: docs/method.md
// "Evaluation".
//
// One CSV row is one box. Rows with the same (path, label_text) are merged into one sample with
// several boxes (first-appearance order is kept). Boxes are in original-image pixels; a box partly
// outside the image is clipped to it. With dropBoxesOutsideCrop, boxes that have no pixel inside
// the centre square crop (side s = min(W, H), left floor((W-s)/2), top floor((H-s)/2)) -- the
// region the 512x512 model input covers -- are dropped, and a sample left without boxes is
// reported in `skipped` instead of `samples`.
//
// The CSV is read as RFC 4180 (quoted fields with commas, "" escapes and line breaks, CRLF or
// LF, optional UTF-8 BOM); columns are found by header name, extra columns are ignored.
// Malformed input throws MsCxrError whose message names the file, the 1-based line, the column and
// the offending value.
#pragma once

#include "eval/metrics.h"

#include <istream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cxr::eval {

struct MsCxrSample {
    std::string dicomId, category, labelText, path;  // path as in the CSV (files/p10/.../x.jpg)
    std::string split;                                // "" when the CSV has no split column (v1.0.0)
    int imageWidth = 0, imageHeight = 0;
    std::vector<Box> boxes;                           // kept boxes, original pixels, clipped to the image
    int droppedBoxes = 0;                             // boxes removed because the centre crop loses them
    int firstLine = 0;                                // 1-based line of its first row in the file
};

struct MsCxrOptions {
    std::string split;                 // keep only rows of this split ("" = all rows)
    bool dropBoxesOutsideCrop = true;  // drop boxes without a pixel in the centre square crop
};

struct MsCxrReadResult {
    std::vector<MsCxrSample> samples;
    std::vector<std::string> skipped;  // one line per skipped sample: file, line, label and reason
    int rows = 0;                      // data rows in the file (before the split filter)
    int droppedBoxes = 0;              // sum of droppedBoxes, skipped samples included
};

class MsCxrError : public std::runtime_error {
public:
    MsCxrError(const std::string& message, int line, std::string column)
        : std::runtime_error(message), line(line), column(std::move(column)) {}
    int line;            // 1-based line in the file; 0 when not about a line (file cannot be opened)
    std::string column;  // column name the error is about; "" when not about one column
};

// Reads a CSV file (throws MsCxrError, also when the file cannot be opened).
MsCxrReadResult readMsCxrCsv(const std::string& file, const MsCxrOptions& options = {});
// Same from a stream; nameForMessages is the file name used in messages.
MsCxrReadResult parseMsCxrCsv(std::istream& in, const std::string& nameForMessages,
                              const MsCxrOptions& options = {});

// The 8 finding categories in the paper's order (alphabetical).
const std::vector<std::string>& msCxrCategories();

// Crop region test used by the reader: true when box (clipped to the image) has at least one pixel
// in the centre square crop of a width x height image.
bool boxIntersectsCentreCrop(const Box& box, int width, int height);

// Samples belonging to an image file: those whose dicom_id equals the file's stem (name without
// directories and extension) or whose path's file name equals the file's name. Sample order.
std::vector<const MsCxrSample*> samplesForImage(const MsCxrReadResult& result, const std::string& imageFilePath);

}  // namespace cxr::eval
