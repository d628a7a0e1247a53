// cxr-ground export: the annotated pictures of the viewer, in batch (PNG, JPEG or DICOM Secondary
// Capture), one prompt or a grid of several.
#include "cli_common.h"
#include "cli_engine_common.h"

#include "annotate/overlay.h"
#include "eval/mscxr.h"
#include "export/atomic_write.h"
#include "export/dicom_result.h"
#include "export/dicom_sc.h"
#include "grounding/engine.h"
#include "imaging/image.h"
#include "imaging/loader.h"

#include <QFileInfo>
#include <QImage>

#include <cmath>
#include <cstdio>

namespace cxr::cli {

namespace {

QString methodSummary(const grounding::Settings& s) {
    QStringList layers;
    for (int l : s.layers) layers << QString::number(l);
    return Cli::tr("%1 steps, calls %2-%3, layers %4%5")
        .arg(s.steps)
        .arg(s.resolvedStart())
        .arg(s.resolvedEnd() - 1)
        .arg(layers.join(QLatin1Char(',')))
        .arg(s.otsu ? QString() : Cli::tr(", no Otsu"));
}

// The method settings as written into a Segmentation / Parametric Map (Algorithm Parameters).
QString methodParameters(const grounding::Settings& s, const QString& modelDir, bool demo) {
    QStringList layers;
    for (int l : s.layers) layers << QString::number(l);
    return QStringLiteral("steps=%1; calls=%2-%3; layers=%4; otsu=%5; model=%6%7")
        .arg(s.steps)
        .arg(s.resolvedStart())
        .arg(s.resolvedEnd() - 1)
        .arg(layers.join(QLatin1Char(',')), s.otsu ? QStringLiteral("on") : QStringLiteral("off"),
             QFileInfo(modelDir).fileName(), demo ? QStringLiteral(" (demo model, random weights)") : QString());
}

}  // namespace

int cmdExport(QStringList args) {
    grounding::Settings s;
    grounding::RunSettings run;
    CacheOptions cache;
    QString err;
    if (!parseSettings(args, &s, &run, &err) || !parseCacheOptions(args, &cache, &err)) return fail(err, 2);
    const QString modelDir = takeOption(args, QStringLiteral("--model"));
    const QString imagePath = takeOption(args, QStringLiteral("--image"));
    const QString out = takeOption(args, QStringLiteral("--out"));
    QString format = takeOption(args, QStringLiteral("--format")).toLower();
    const QString gridText = takeOption(args, QStringLiteral("--grid"));
    const QString boxesCsv = takeOption(args, QStringLiteral("--boxes"));
    const QString cmapName = takeOption(args, QStringLiteral("--colour-map"));
    const QString opacityText = takeOption(args, QStringLiteral("--opacity"));
    const QString maskText = takeOption(args, QStringLiteral("--mask")).toLower();
    const bool anonymise = args.removeAll(QStringLiteral("--anonymise")) + args.removeAll(QStringLiteral("--anonymize")) > 0;
    const bool overwrite = args.removeAll(QStringLiteral("--overwrite")) > 0;
    QStringList prompts;
    for (;;) {
        bool present = false;
        const QString p = takeOption(args, QStringLiteral("--prompt"), &present);
        if (!present) break;
        if (p.simplified().isEmpty()) return fail(Cli::tr("--prompt needs a sentence (it was empty)"), 2);
        prompts << p.simplified();
    }
    if (!args.isEmpty()) return fail(Cli::tr("unknown argument %1").arg(args.first()), 2);
    if (modelDir.isEmpty() || imagePath.isEmpty() || out.isEmpty() || prompts.isEmpty())
        return fail(Cli::tr("export needs --model DIR --image IN --prompt TEXT [--prompt TEXT ...] --out FILE"), 2);
    if (format.isEmpty()) {
        const QString suffix = QFileInfo(out).suffix().toLower();
        format = suffix == QLatin1String("jpeg") ? QStringLiteral("jpg") : suffix;
    }
    const bool resultObject = format == QLatin1String("seg") || format == QLatin1String("pmap");
    if (format != QLatin1String("png") && format != QLatin1String("jpg") && format != QLatin1String("dcm") && !resultObject)
        return fail(Cli::tr("--format must be png, jpg, dcm, seg or pmap (or give the output file one of the extensions png, jpg, dcm)"), 2);
    if (resultObject && prompts.size() != 1)
        return fail(Cli::tr("--format %1 writes one sentence per object: give exactly one --prompt").arg(format), 2);
    if (format == QLatin1String("seg") && !s.otsu)
        return fail(Cli::tr("--format seg writes the Otsu mask: leave out --no-otsu"), 2);
    if (anonymise && format != QLatin1String("dcm") && !resultObject)
        std::fprintf(stderr, "cxr-ground: %s\n", Cli::tr("PNG and JPEG exports never carry patient data; --anonymise only changes DICOM output").toUtf8().constData());
    int rows = 1, cols = int(prompts.size());
    if (!gridText.isEmpty()) {
        const QStringList rc = gridText.toLower().split(QLatin1Char('x'));
        bool a = false, b = false;
        rows = rc.value(0).toInt(&a);
        cols = rc.value(1).toInt(&b);
        if (rc.size() != 2 || !a || !b || rows < 1 || cols < 1 || rows * cols > 6)
            return fail(Cli::tr("--grid needs RxC with at most 6 cells, e.g. 2x2"), 2);
        if (rows * cols < prompts.size())
            return fail(Cli::tr("--grid %1 has %2 cells for %3 prompts").arg(gridText).arg(rows * cols).arg(prompts.size()), 2);
    } else if (prompts.size() > 1) {
        if (prompts.size() > 6) return fail(Cli::tr("at most 6 prompts fit in one grid"), 2);
        rows = prompts.size() > 3 ? 2 : 1;
        cols = int(std::ceil(prompts.size() / double(rows)));
    }
    annotate::Layers layers;
    if (!cmapName.isEmpty()) {
        bool ok = false;
        layers.colourMap = annotate::colourMapFromName(cmapName, &ok);
        if (!ok) return fail(Cli::tr("--colour-map must be inferno, viridis or jet"), 2);
    }
    if (!opacityText.isEmpty()) {
        bool ok = false;
        layers.opacity = opacityText.toDouble(&ok);
        if (!ok || layers.opacity < 0 || layers.opacity > 1) return fail(Cli::tr("--opacity needs a number from 0 to 1"), 2);
    }
    if (maskText == QLatin1String("fill")) layers.mask = annotate::MaskMode::Fill;
    else if (maskText == QLatin1String("off")) layers.mask = annotate::MaskMode::Off;
    else if (!maskText.isEmpty() && maskText != QLatin1String("outline")) return fail(Cli::tr("--mask must be outline, fill or off"), 2);

    // The picture as the viewer shows it by default (colour images stay in colour).
    const LoadResult loaded = loadImage(imagePath);
    if (!loaded.ok()) return fail(loaded.error);
    if (resultObject && loaded.image->info.format != QLatin1String("DICOM"))
        return fail(Cli::tr("--format %1 needs a DICOM image: the object references its source image (%2 is not DICOM)")
                        .arg(format, imagePath), 2);
    Renderer ren;
    const Rendered px = ren.render(*loaded.image, defaultDisplay(*loaded.image));
    QImage base(px.pixels.data(), px.width, px.height, px.width * px.channels,
                px.channels == 3 ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
    base = base.convertToFormat(QImage::Format_RGB32);  // deep copy
    grounding::GreyImage grey;
    if (!readerImage(imagePath, &grey, &err)) return fail(err);

    if (!boxesCsv.isEmpty()) {
        try {
            const eval::MsCxrReadResult csv = eval::readMsCxrCsv(boxesCsv.toStdString());
            for (const eval::MsCxrSample* sample : eval::samplesForImage(csv, imagePath.toStdString()))
                for (const eval::Box& b : sample->boxes)
                    layers.boxList.push_back({QRect(b.x, b.y, b.w, b.h), QString::fromStdString(sample->labelText)});
        } catch (const std::exception& e) {
            return fail(QString::fromUtf8(e.what()));
        }
    }

    if (!checkDevice(run, &err)) return fail(err);
    std::string e;
    std::fprintf(stderr, "cxr-ground: loading the model from %s\n", modelDir.toUtf8().constData());
    auto engine = grounding::Engine::load(modelDir.toStdString(), run, &e);
    if (!engine) return fail(QString::fromStdString(e));
    applyCache(*engine, cache);
    const bool demo = engine->info().parameterCount < 500000000ull;
    std::vector<std::string> ps;
    for (const QString& p : prompts) ps.push_back(p.toStdString());
    std::vector<grounding::PromptResult> results;
    if (!engine->ground(grey, ps, s, &results, &e)) return fail(QString::fromStdString(e));

    const auto mode = overwrite ? exporting::Overwrite::Replace : exporting::Overwrite::Refuse;
    if (resultObject) {
        const grounding::PromptResult& r = results.front();
        exporting::ResultOptions o;
        o.sourceDicom = imagePath;
        o.sentence = prompts.front();
        o.algorithmParameters = methodParameters(s, modelDir, demo);
        o.anonymise = anonymise;
        const bool ok = format == QLatin1String("seg")
                            ? exporting::writeSegmentation(out, r.original, r.originalWidth, r.originalHeight, o, mode, &err)
                            : exporting::writeParametricMap(out, r.original, r.originalWidth, r.originalHeight, o, mode, &err);
        if (!ok) return fail(err);
        std::fprintf(stderr, "cxr-ground: wrote %s (%s, %dx%d)\n", out.toUtf8().constData(),
                     format == QLatin1String("seg") ? "DICOM Segmentation" : "DICOM Parametric Map", r.originalWidth,
                     r.originalHeight);
        return 0;
    }

    QVector<QImage> cells;
    for (const auto& r : results) {
        annotate::Caption cap;
        cap.prompt = QString::fromStdString(r.prompt);
        cap.demoModel = demo;
        cap.otsu = s.otsu ? r.threshold : -1;
        cap.details = methodSummary(s);
        cells << annotate::withFooter(annotate::burnIn(base, r.original, r.originalWidth, r.originalHeight, layers, cap), layers, cap);
    }
    const QImage picture = cells.size() == 1 ? cells.first() : annotate::grid(cells, rows, cols);
    bool ok = false;
    if (format == QLatin1String("dcm")) {
        exporting::SecondaryCaptureOptions o;
        if (loaded.image->info.format == QLatin1String("DICOM")) o.sourceDicom = imagePath;
        o.seriesDescription = Cli::tr("CXR Ground heat map: %1").arg(prompts.join(QStringLiteral("; "))).left(64);
        o.derivationDescription = Cli::tr("Zero-shot phrase grounding heat map burned in; %1; model %2%3. Research use - not for diagnosis.")
                                      .arg(methodSummary(s), QFileInfo(modelDir).fileName(),
                                           demo ? Cli::tr(" (demo model, random weights)") : QString())
                                      .left(1024);
        o.anonymise = anonymise;
        ok = exporting::writeSecondaryCapture(out, picture, o, mode, &err);
    } else {
        ok = exporting::writeImageAtomically(out, picture, format.toLatin1(), mode, &err);
    }
    if (!ok) return fail(err);
    std::fprintf(stderr, "cxr-ground: wrote %s (%dx%d)\n", out.toUtf8().constData(), picture.width(), picture.height());
    return 0;
}

}  // namespace cxr::cli
