// Image model shared by the DICOM and raster loaders and by the rendering pipeline.
//
// An Image holds ONE frame of stored values (as int32, sign-extended) together with
// everything needed to turn them into display grey levels in the DICOM order:
//   stored -> Modality LUT (rescale or LUT sequence) -> VOI (window or VOI LUT)
//          -> MONOCHROME1 / Presentation LUT INVERSE inversion -> display.
#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace cxr {

struct PixelSpacing {
    enum class Source { Unknown, PixelSpacing, ImagerPixelSpacing };
    double row = 0.0;  // mm between rows (vertical)
    double col = 0.0;  // mm between columns (horizontal)
    Source source = Source::Unknown;
    bool known() const { return source != Source::Unknown && row > 0.0 && col > 0.0; }
};

// One VOI window as stored in the file or chosen by the user (modality units).
struct Window {
    double center = 0.0;
    double width = 1.0;
    QString explanation;  // from Window Center & Width Explanation, or a preset name
};

// A DICOM lookup table (Modality LUT Sequence or VOI LUT Sequence item).
struct Lut {
    int firstMapped = 0;          // first input value mapped (already sign-interpreted)
    int bitsPerEntry = 16;        // as declared
    std::vector<int32_t> data;    // entries
    int32_t outputMax = 65535;    // largest possible output (from bits, widened to fit data)
    QString explanation;
    int32_t lookup(int64_t x) const;
};

enum class VoiFunction { Linear, LinearExact, Sigmoid };

// Header facts. Filled by the loaders; shown by `cxr-ground info`, the tag browser, the status bar.
struct ImageInfo {
    QString path;
    QString format;  // "DICOM", "PNG", "JPEG", ...
    QString modality, photometric, transferSyntaxUid, transferSyntaxName;
    QString sopClassUid, sopInstanceUid, studyInstanceUid, seriesInstanceUid;
    QString patientName, patientId, studyDate, studyDescription, seriesDescription, bodyPart,
        viewPosition;
    QString patientBirthDate, patientSex, accessionNumber;
    QString patientOrientation;  // Patient Orientation (0020,0020): "L\F" = rows run to the left, columns to the feet
    int seriesNumber = 0, instanceNumber = 0;
    int rows = 0, columns = 0;
    int bitsAllocated = 0, bitsStored = 0, highBit = 0, pixelRepresentation = 0;
    int samplesPerPixel = 1;
    int frames = 1;
    PixelSpacing spacing;
    std::vector<Window> windows;  // from the file, in file order
    double rescaleSlope = 1.0, rescaleIntercept = 0.0;
    QString rescaleType;
    bool hasModalityLutSequence = false;
    bool hasVoiLutSequence = false;
    QString presentationLutShape;  // "IDENTITY", "INVERSE" or empty
};

class Image {
public:
    ImageInfo info;
    int frameIndex = 0;      // 0-based frame held
    int width = 0, height = 0;
    int channels = 1;        // 1 (grey) or 3 (RGB, interleaved)
    std::vector<int32_t> stored;  // width*height*channels stored values
    int32_t storedMin = 0, storedMax = 0;

    // Modality transform: the LUT wins when present.
    std::optional<Lut> modalityLut;
    double slope = 1.0, intercept = 0.0;
    // VOI LUT sequence (first item), used when chosen or when the file has no window.
    std::optional<Lut> voiLut;
    VoiFunction voiFunction = VoiFunction::Linear;
    bool monochrome1 = false;  // MONOCHROME1 or Presentation LUT Shape INVERSE

    bool isNull() const { return width <= 0 || height <= 0; }
    bool isColor() const { return channels == 3; }
    int32_t storedAt(int x, int y, int c = 0) const {
        return stored[(static_cast<size_t>(y) * width + x) * channels + c];
    }
    double modalityValue(int32_t storedValue) const;
    // Range of modality values over the frame.
    void modalityRange(double* lo, double* hi) const;
    // Robust window: 0.5th..99.5th percentile of the modality values.
    Window robustWindow() const;
    // Modality values at the given fractions (0..1, ascending) of the frame's pixels.
    std::vector<double> modalityQuantiles(const std::vector<double>& fractions) const;
    void updateStoredRange();
};

// How the renderer is asked to map values to grey levels.
struct DisplaySettings {
    enum class Voi { Window, VoiLut };
    Voi voi = Voi::Window;
    Window window;          // used when voi == Window
    bool userInvert = false;  // the viewer's Invert toggle (on top of MONOCHROME1 handling)
};

// Chest window presets, in this order: lung, mediastinum, bone (explanation "lung", "mediastinum",
// "bone"). CT or Hounsfield units: the usual lung (-600 / 1500), mediastinum (40 / 400) and bone
// (480 / 2500) windows. Radiographs (CR, DX, PNG, JPEG: arbitrary units) from the frame's own
// histogram, in display order (dark lungs first, bright bone last; MONOCHROME1 counted the other
// way): lung spans the darker 1 - 60 % of the pixels, mediastinum 45 - 99.5 %, bone 65 - 99.9 %.
std::vector<Window> chestPresets(const Image& image);

// What the viewer shows by default: the first window of the file, else the VOI LUT
// sequence, else the robust min/max window. A file window that misses the data entirely
// (no stored value inside it) is not trusted and the robust window is used instead.
DisplaySettings defaultDisplay(const Image& image);

// 8-bit rendering (grey: width*height bytes; colour: width*height*3 RGB bytes).
struct Rendered {
    int width = 0, height = 0, channels = 1;
    std::vector<uint8_t> pixels;
};

// Builds a stored-value -> 8-bit table once per display change and applies it.
class Renderer {
public:
    // Table covering [image.storedMin, image.storedMax].
    void buildLut(const Image& image, const DisplaySettings& settings);
    void apply(const Image& image, uint8_t* out) const;  // out: width*height*channels
    Rendered render(const Image& image, const DisplaySettings& settings);
    uint8_t map(int32_t storedValue) const {
        return lut_[static_cast<size_t>(storedValue - lutBase_)];
    }

private:
    std::vector<uint8_t> lut_;
    int32_t lutBase_ = 0;
};

// Grey level (0..255) for one modality value under a display setting, before inversion.
double voiOutput(const Image& image, const DisplaySettings& settings, double modality);

}  // namespace cxr
