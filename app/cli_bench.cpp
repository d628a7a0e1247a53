// `cxr-ground bench viewer`: open + first render of a 2k x 2k 16-bit DICOM and the cost of one
// window/level step (LUT rebuild + apply), medians over repeated runs in one process.
#include "cli_common.h"

#include "imaging/image.h"
#include "imaging/loader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace cxr::cli {
namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

// A synthetic 16-bit (12 bits stored) MONOCHROME1 CR of n x n pixels: smooth chest-like
// structure plus noise, written uncompressed (explicit VR little endian).
bool writeSyntheticDicom(const QString& path, int n, QString* error) {
    std::vector<Uint16> px(static_cast<size_t>(n) * n);
    uint32_t seed = 12345;
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            const double u = (x - n / 2.0) / n, v = (y - n / 2.0) / n;
            double val = 2500 - 1500 * std::exp(-((std::abs(u) - 0.2) * (std::abs(u) - 0.2) * 30 + v * v * 8));
            seed = seed * 1664525u + 1013904223u;
            val += (seed >> 24) - 128.0;
            px[static_cast<size_t>(y) * n + x] = static_cast<Uint16>(std::clamp(val, 0.0, 4095.0));
        }
    DcmFileFormat ff;
    DcmDataset* ds = ff.getDataset();
    char uid[100];
    ds->putAndInsertString(DCM_SOPClassUID, UID_ComputedRadiographyImageStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT));
    ds->putAndInsertString(DCM_StudyInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_STUDY_UID_ROOT));
    ds->putAndInsertString(DCM_SeriesInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_SERIES_UID_ROOT));
    ds->putAndInsertString(DCM_Modality, "CR");
    ds->putAndInsertString(DCM_PatientName, "Bench^Synthetic");
    ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME1");
    ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds->putAndInsertUint16(DCM_Rows, static_cast<Uint16>(n));
    ds->putAndInsertUint16(DCM_Columns, static_cast<Uint16>(n));
    ds->putAndInsertUint16(DCM_BitsAllocated, 16);
    ds->putAndInsertUint16(DCM_BitsStored, 12);
    ds->putAndInsertUint16(DCM_HighBit, 11);
    ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
    ds->putAndInsertString(DCM_WindowCenter, "2048");
    ds->putAndInsertString(DCM_WindowWidth, "4096");
    ds->putAndInsertUint16Array(DCM_PixelData, px.data(), static_cast<unsigned long>(px.size()));
    const OFCondition c = ff.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit);
    if (c.bad()) *error = QString::fromLatin1(c.text());
    return c.good();
}

}  // namespace

int runBench(const QStringList& args) {
    if (args.isEmpty() || args[0] != QLatin1String("viewer"))
        return fail(Cli::tr("bench needs a benchmark name: viewer"), 2);
    int size = 2048, repeat = 10;
    QString extra;
    for (int i = 1; i < args.size(); ++i) {
        bool ok = true;
        if (args[i] == QLatin1String("--size") && i + 1 < args.size()) size = args[++i].toInt(&ok);
        else if (args[i] == QLatin1String("--repeat") && i + 1 < args.size()) repeat = args[++i].toInt(&ok);
        else if (args[i] == QLatin1String("--file") && i + 1 < args.size()) extra = args[++i];
        else return fail(Cli::tr("unknown option %1").arg(args[i]), 2);
        if (!ok || size < 16 || size > 16384 || repeat < 1) return fail(Cli::tr("bad value for %1").arg(args[i - 1]), 2);
    }
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("bench_%1.dcm").arg(size));
    QString err;
    if (!writeSyntheticDicom(path, size, &err)) return fail(Cli::tr("cannot write the benchmark DICOM: %1").arg(err));

    auto openAndRender = [](const QString& file, double* ms, QString* error) {
        QElapsedTimer t;
        t.start();
        LoadResult r = loadImage(file);
        if (!r.ok()) {
            *error = r.error;
            return std::shared_ptr<Image>();
        }
        Renderer renderer;
        Rendered out = renderer.render(*r.image, defaultDisplay(*r.image));
        *ms = t.nsecsElapsed() / 1e6;
        return r.image;
    };
    std::vector<double> open;
    std::shared_ptr<Image> img;
    for (int i = 0; i < repeat; ++i) {
        double ms = 0;
        img = openAndRender(path, &ms, &err);
        if (!img) return fail(err);
        open.push_back(ms);
    }
    // One window/level step = what a right-drag event costs: rebuild the LUT, apply it.
    Renderer renderer;
    DisplaySettings ds = defaultDisplay(*img);
    std::vector<uint8_t> out(img->stored.size());
    std::vector<double> step;
    for (int i = 0; i < repeat * 5; ++i) {
        ds.window.center += 3;
        ds.window.width += 5;
        QElapsedTimer t;
        t.start();
        renderer.buildLut(*img, ds);
        renderer.apply(*img, out.data());
        step.push_back(t.nsecsElapsed() / 1e6);
    }
    std::printf("benchmark: viewer (synthetic %dx%d 16-bit MONOCHROME1 CR, uncompressed, %d runs)\n",
                size, size, repeat);
    std::printf("  open + first render: median %.1f ms (min %.1f, max %.1f)\n", median(open),
                *std::min_element(open.begin(), open.end()), *std::max_element(open.begin(), open.end()));
    std::printf("  window/level step:   median %.2f ms (min %.2f, max %.2f)\n", median(step),
                *std::min_element(step.begin(), step.end()), *std::max_element(step.begin(), step.end()));
    if (!extra.isEmpty()) {
        std::vector<double> e;
        for (int i = 0; i < std::max(1, repeat / 2); ++i) {
            double ms = 0;
            if (!openAndRender(extra, &ms, &err)) return fail(err);
            e.push_back(ms);
        }
        std::printf("  open + first render of %s: median %.1f ms\n", QFileInfo(extra).fileName().toUtf8().constData(), median(e));
    }
    return 0;
}

}  // namespace cxr::cli
