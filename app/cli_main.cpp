// cxr-ground: the headless command line on the same core as the viewer.
#include "cli_common.h"

#include "bench_engine.h"
#include "omp_policy.h"

#include "imaging/image.h"
#include "imaging/loader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QStringList>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <QGuiApplication>

#include <cstdio>
#include <cstring>
#include <memory>

using namespace cxr;
using cxr::cli::Cli;
using cxr::cli::fail;

namespace {

void usage(FILE* to) {
    const QString text = Cli::tr(
        "Usage: cxr-ground <command> [options]\n"
        "\n"
        "Commands:\n"
        "  info IN                         header facts of an image as JSON\n"
        "  render IN OUT.png [--window CENTER:WIDTH] [--frame N]\n"
        "                                  the image as the viewer shows it by default,\n"
        "                                  8-bit grey (RGB for colour images), original size;\n"
        "                                  N counts from 1\n"
        "  ground --model DIR --image IN --prompt TEXT [--prompt TEXT ...] --out DIR\n"
        "         [--preset paper|fast] [--steps N] [--window A:B] [--layers L,...] [--no-otsu]\n"
        "         [--attribution CATEGORY] [--device cpu|cuda|cuda:N] [--precision fp32|bf16|fp16]\n"
        "         [--allow-tf32] [--threads N] [--no-cache] [--cache-dir DIR] [--cache-max-mb N]\n"
        "                                  heat maps of the prompts on the image; for prompt k\n"
        "                                  DIR/<k as 3 digits>/ holds heatmap.npy,\n"
        "                                  heatmap_smooth.npy, heatmap_original.npy,\n"
        "                                  overlay.png and result.json\n"
        "  prepare --model DIR --image IN [--image IN ...] [method options] [cache options]\n"
        "                                  the images' inversion trajectories into the\n"
        "                                  trajectory cache, so that a sentence later costs\n"
        "                                  only the window's passes (e.g. a worklist overnight)\n"
        "  tokenize --model DIR TEXT       CLIP token ids as JSON {input_ids, length}\n"
        "  metrics --heatmap H.npy --boxes \"x,y,w,h;x,y,w,h\"\n"
        "                                  MS-CXR metrics of one map at original size (NaN =\n"
        "                                  outside the analysed crop) as JSON {cnr_abs, cnr,\n"
        "                                  miou, auroc_binned, auroc}\n"
        "  evaluate --model DIR --csv FILE --images ROOT --out DIR [--split NAME]\n"
        "         [--shard K/N] [--resume] [--limit N] [--attribution] [--ablate SPEC]\n"
        "         [method options] [cache options]\n"
        "                                  the MS-CXR protocol over a CSV: images are\n"
        "                                  ROOT/<path without files/> (or ROOT/<path>);\n"
        "                                  OUT/results.jsonl gets one line per sample as it\n"
        "                                  finishes, --resume skips finished samples; then\n"
        "                                  OUT/summary.md, summary.json, summary.png (Table I\n"
        "                                  layout). --shard K/N (K from 1) takes every N-th\n"
        "                                  image (sorted by path), --limit the first N samples;\n"
        "                                  --ablate \"layers=3; window=60:120; otsu=off\" (or\n"
        "                                  \"default\", paper-table2, paper-table3) records every\n"
        "                                  layer at every call once\n"
        "                                  per image and evaluates each setting from that:\n"
        "                                  OUT/ablation.md, ablation.json (Table II layout)\n"
        "  export --model DIR --image IN --prompt TEXT [--prompt TEXT ...] --out FILE\n"
        "         [--format png|jpg|dcm|seg|pmap] [--grid RxC] [--anonymise] [--overwrite]\n"
        "         [--boxes CSV] [--colour-map inferno|viridis|jet] [--opacity 0..1]\n"
        "         [--mask outline|fill|off] [method options as for ground]\n"
        "                                  the viewer's annotated picture at original\n"
        "                                  resolution: heat map, mask, boxes, the prompt, the\n"
        "                                  colour bar and the research-use line; several\n"
        "                                  prompts make a grid; dcm writes a Secondary\n"
        "                                  Capture into the source's study; seg a DICOM\n"
        "                                  Segmentation of the Otsu mask, pmap a DICOM\n"
        "                                  Parametric Map of the heat map (one prompt, DICOM\n"
        "                                  source, its resolution and study); never overwrites\n"
        "                                  without --overwrite\n"
        "  merge OUT DIR... | merge --out OUT DIR...\n"
        "                                  combine the output folders of evaluate shards into\n"
        "                                  one results.jsonl and summary; see\n"
        "                                  installer/slurm_evaluate.sh for a Slurm job array\n"
        "  pacs echo|find|get|send --server SERVER [--aet OURS] [--user NAME] [--timeout S]\n"
        "                                  SERVER is dicomweb:http(s)://host:port/dicom-web or\n"
        "                                  dimse:AETITLE@host:port; the password of --user comes\n"
        "                                  only from the environment variable CXRG_PACS_PASSWORD\n"
        "    find [--patient-id ID] [--patient-name PATTERN] [--date YYYYMMDD-YYYYMMDD]\n"
        "         [--modality CR] [--accession N] [--level study|series] [--study UID]\n"
        "         [--limit N]             one JSON object per match and line (UIDs, patient\n"
        "                                  name and ID, date, modalities, instances)\n"
        "    get --study UID [--series UID] --out DIR [--move-port PORT]\n"
        "                                  the instances into DIR, one file each named\n"
        "                                  <SOP Instance UID>.dcm; DIMSE uses C-GET, or C-MOVE\n"
        "                                  to our AE title listening on PORT\n"
        "    send FILE...                  stores the files, one status line each\n"
        "  inspect-model [--expected-keys] DIR\n"
        "                                  validate a model folder / list the tensors a valid\n"
        "                                  checkpoint of its configuration holds\n"
        "  bench viewer [--size N] [--repeat K] [--file DICOM]\n"
        "                                  open + first render and window/level step timings\n"
        "  bench engine --config DIR [--steps N] [--device ...] [--precision ...] [--no-naive]\n"
        "         [--compare-bf16] [--channels-last on|off] [--quick] [--size N] [--threads N]\n"
        "                                  naive pipeline vs this engine, real-size random model\n"
        "  help                            this text\n");
    std::fputs(text.toUtf8().constData(), to);
}

bool parseWindow(const QString& s, Window* w) {
    const QStringList parts = s.split(QLatin1Char(':'));
    if (parts.size() != 2) return false;
    bool a = false, b = false;
    w->center = parts[0].toDouble(&a);
    w->width = parts[1].toDouble(&b);
    return a && b && w->width > 0;
}

int cmdInfo(const QStringList& args) {
    if (args.size() != 1) return fail(Cli::tr("info needs exactly one input file"), 2);
    const QString in = args[0];
    if (!QFileInfo(in).isFile()) return fail(Cli::tr("%1: the file does not exist").arg(in));
    if (looksLikeDicom(in)) {
        const HeaderResult h = readHeader(in);
        if (!h.ok()) return fail(h.error);
        std::fputs(infoJson(h.info).constData(), stdout);
        return 0;
    }
    const LoadResult r = loadImage(in);
    if (!r.ok()) return fail(r.error);
    std::fputs(infoJson(r.image->info).constData(), stdout);
    return 0;
}

int cmdRender(const QStringList& args) {
    QStringList pos;
    Window window;
    bool haveWindow = false;
    int frame = 1;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--window")) {
            if (i + 1 >= args.size() || !parseWindow(args[i + 1], &window))
                return fail(Cli::tr("--window needs CENTER:WIDTH with a positive width, e.g. 2048:4096"), 2);
            haveWindow = true;
            ++i;
        } else if (a == QLatin1String("--frame")) {
            bool ok = false;
            frame = i + 1 < args.size() ? args[i + 1].toInt(&ok) : 0;
            if (!ok || frame < 1) return fail(Cli::tr("--frame needs a frame number (1 = first)"), 2);
            ++i;
        } else if (a.startsWith(QLatin1String("--"))) {
            return fail(Cli::tr("unknown option %1").arg(a), 2);
        } else {
            pos << a;
        }
    }
    if (pos.size() != 2) return fail(Cli::tr("render needs an input file and an output PNG"), 2);
    const LoadResult r = loadImage(pos[0], frame - 1);
    if (!r.ok()) return fail(r.error);
    for (const QString& w : r.warnings) std::fprintf(stderr, "cxr-ground: %s\n", w.toUtf8().constData());
    DisplaySettings ds = defaultDisplay(*r.image);
    if (haveWindow) {
        ds.voi = DisplaySettings::Voi::Window;
        ds.window = window;
    }
    Renderer renderer;
    Rendered out = renderer.render(*r.image, ds);
    cv::Mat m(out.height, out.width, out.channels == 3 ? CV_8UC3 : CV_8UC1, out.pixels.data());
    cv::Mat bgr;
    if (out.channels == 3) cv::cvtColor(m, bgr, cv::COLOR_RGB2BGR); else bgr = m;
    bool written = false;
    try {
        written = cv::imwrite(pos[1].toStdString(), bgr);
    } catch (const cv::Exception&) {
        written = false;
    }
    if (!written) return fail(Cli::tr("%1: cannot write the PNG (folder missing, not writable or disk full?)").arg(pos[1]));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    // The commands that run the engine: OpenMP's idle threads should sleep, not spin.
    if (argc > 1)
        for (const char* c : {"ground", "export", "evaluate", "prepare", "bench"})
            if (std::strcmp(argv[1], c) == 0) cxr::app::preferPassiveOpenMp(argv);
    // export draws text into pictures: it needs a GUI application (offscreen, no display).
    const bool gui = argc > 1 && std::strcmp(argv[1], "export") == 0;
    if (gui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // Batch jobs (cron, Slurm, root shells) often have no XDG_RUNTIME_DIR; give Qt a private one
    // (0700, removed at exit) instead of a warning on every run.
    std::unique_ptr<QTemporaryDir> runtimeDir;
    if (gui && qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        runtimeDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/cxr-ground-runtime-XXXXXX"));
        if (runtimeDir->isValid()) qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtimeDir->path()));
    }
    std::unique_ptr<QCoreApplication> appHolder(gui ? new QGuiApplication(argc, argv) : new QCoreApplication(argc, argv));
    QCoreApplication& app = *appHolder;
    QCoreApplication::setApplicationName(QStringLiteral("cxr-ground"));
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty()) {
        usage(stderr);
        return 2;
    }
    const QString cmd = args.takeFirst();
    if (cmd == QLatin1String("help") || cmd == QLatin1String("--help") || cmd == QLatin1String("-h")) {
        usage(stdout);
        return 0;
    }
    if (cmd == QLatin1String("info")) return cmdInfo(args);
    if (cmd == QLatin1String("render")) return cmdRender(args);
    if (cmd == QLatin1String("bench")) {
        if (!args.isEmpty() && args[0] == QLatin1String("engine")) {
            cxr::bench::Options o;
            std::string err;
            if (!cxr::bench::parseOptions(argc, argv, 3, &o, &err)) return fail(QString::fromStdString(err), 2);
            return cxr::bench::runEngineBench(o);
        }
        return cxr::cli::runBench(args);
    }
    if (cmd == QLatin1String("ground")) return cxr::cli::cmdGround(args);
    if (cmd == QLatin1String("prepare")) return cxr::cli::cmdPrepare(args);
    if (cmd == QLatin1String("tokenize")) return cxr::cli::cmdTokenize(args);
    if (cmd == QLatin1String("inspect-model")) return cxr::cli::cmdInspectModel(args);
    if (cmd == QLatin1String("metrics")) return cxr::cli::cmdMetrics(args);
    if (cmd == QLatin1String("evaluate")) return cxr::cli::cmdEvaluate(args);
    if (cmd == QLatin1String("merge")) return cxr::cli::cmdMerge(args);
    if (cmd == QLatin1String("export")) return cxr::cli::cmdExport(args);
    if (cmd == QLatin1String("pacs")) return cxr::cli::cmdPacs(args);
    usage(stderr);
    return fail(Cli::tr("unknown command %1").arg(cmd), 2);
}
