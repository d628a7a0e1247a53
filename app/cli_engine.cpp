// cxr-ground engine commands: ground, tokenize, inspect-model, bench engine.
#include "annotate/colourmaps.h"
#include "cli_common.h"
#include "cli_engine_common.h"

#include "grounding/engine.h"
#include "grounding/npy.h"
#include "grounding/trajectory_cache.h"
#include "imaging/image.h"
#include "imaging/loader.h"
#include "model/config.h"
#include "model/model_folder.h"
#include "text/clip_tokenizer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cxr::cli {

using grounding::GreyImage;
using grounding::PromptResult;
using grounding::Settings;

bool readerImage(const QString& path, GreyImage* out, QString* error) {
    const LoadResult r = loadImage(path);
    if (!r.ok()) {
        *error = r.error;
        return false;
    }
    Renderer ren;
    const Rendered px = ren.render(*r.image, defaultDisplay(*r.image));
    out->width = px.width;
    out->height = px.height;
    out->pixels.resize(size_t(px.width) * px.height);
    if (px.channels == 1) {
        out->pixels = px.pixels;
    } else {
        for (size_t i = 0; i < out->pixels.size(); ++i) {
            const uint8_t* p = &px.pixels[i * 3];
            out->pixels[i] = static_cast<uint8_t>((p[0] * 299 + p[1] * 587 + p[2] * 114 + 500) / 1000);
        }
    }
    out->cacheKey = QFileInfo(path).absoluteFilePath().toStdString();
    return true;
}

namespace {

bool parseIntList(const QString& s, std::vector<int>* out) {
    out->clear();
    for (const QString& part : s.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        out->push_back(part.trimmed().toInt(&ok));
        if (!ok) return false;
    }
    return !out->empty();
}

}  // namespace

bool parseSettings(QStringList& args, Settings* s, grounding::RunSettings* run, QString* error, bool attribution) {
    bool havePreset = false;
    const QString preset = takeOption(args, QStringLiteral("--preset"), &havePreset);
    if (havePreset) {
        if (preset == QLatin1String("fast")) {
            *s = grounding::fastPreset();
        } else if (preset == QLatin1String("paper")) {
            *s = Settings();
        } else {
            *error = Cli::tr("--preset must be paper or fast (got \"%1\")").arg(preset);
            return false;
        }
    }
    for (int i = 0; i < args.size();) {
        const QString a = args[i];
        auto value = [&](QString* v) {
            if (i + 1 >= args.size()) {
                *error = Cli::tr("%1 needs a value").arg(a);
                return false;
            }
            *v = args[i + 1];
            args.removeAt(i);
            args.removeAt(i);
            return true;
        };
        QString v;
        bool ok = true;
        if (a == QLatin1String("--steps")) {
            if (!value(&v)) return false;
            s->steps = v.toInt(&ok);
        } else if (a == QLatin1String("--window")) {
            if (!value(&v)) return false;
            const QStringList p = v.split(QLatin1Char(':'));
            ok = p.size() == 2;
            if (ok) {
                bool a1 = false, b1 = false;
                s->windowStart = p[0].toInt(&a1);
                s->windowEnd = p[1].toInt(&b1);
                ok = a1 && b1;
            }
        } else if (a == QLatin1String("--layers")) {
            if (!value(&v)) return false;
            ok = parseIntList(v, &s->layers);
        } else if (a == QLatin1String("--device")) {
            if (!value(&v)) return false;
            run->device = v.toStdString();
        } else if (a == QLatin1String("--precision")) {
            if (!value(&v)) return false;
            run->precision = v.toStdString();
        } else if (a == QLatin1String("--threads")) {
            if (!value(&v)) return false;
            run->threads = v.toInt(&ok);
        } else if (a == QLatin1String("--allow-tf32")) {
            run->allowTf32 = true;
            args.removeAt(i);
        } else if (attribution && a == QLatin1String("--attribution")) {
            if (!value(&v)) return false;
            s->attribution = v.trimmed().toStdString();
            ok = !s->attribution.empty();
        } else if (a == QLatin1String("--no-otsu")) {
            s->otsu = false;
            args.removeAt(i);
        } else {
            ++i;
            continue;
        }
        if (!ok) {
            *error = Cli::tr("bad value for %1: %2").arg(a, v);
            return false;
        }
    }
    const std::string problems = s->validate(0) + run->validate();
    if (!problems.empty()) {
        *error = QString::fromStdString(problems).trimmed();
        return false;
    }
    return true;
}

bool parseCacheOptions(QStringList& args, CacheOptions* c, QString* error) {
    c->enabled = args.removeAll(QStringLiteral("--no-cache")) == 0;
    bool haveDir = false, haveMax = false;
    c->dir = takeOption(args, QStringLiteral("--cache-dir"), &haveDir);
    const QString max = takeOption(args, QStringLiteral("--cache-max-mb"), &haveMax);
    if (haveDir && c->dir.isEmpty()) {
        *error = Cli::tr("--cache-dir needs a folder");
        return false;
    }
    if (haveMax) {
        bool ok = false;
        const qulonglong mb = max.toULongLong(&ok);
        if (!ok || mb < 1 || mb > (1ull << 24)) {
            *error = Cli::tr("--cache-max-mb needs a size in MiB (got \"%1\")").arg(max);
            return false;
        }
        c->maxBytes = mb << 20;
    }
    return true;
}

void applyCache(grounding::Engine& engine, const CacheOptions& c) {
    if (!c.enabled) return;
    const std::string dir = c.dir.isEmpty() ? grounding::TrajectoryCache::defaultDir() : c.dir.toStdString();
    engine.setTrajectoryCache(dir, c.maxBytes ? c.maxBytes : grounding::TrajectoryCache::kDefaultMaxBytes);
}

bool checkDevice(const grounding::RunSettings& run, QString* error) {
    const std::vector<std::string> devices = grounding::Engine::availableDevices();
    if (run.device == "cpu" || std::find(devices.begin(), devices.end(), run.device) != devices.end() ||
        (run.device == "cuda" && devices.size() > 1))
        return true;
    const bool cudaLike = run.device == "cuda" || run.device.rfind("cuda:", 0) == 0;
    if (!cudaLike) {
        *error = Cli::tr("unknown device \"%1\": use cpu, cuda or cuda:N").arg(QString::fromStdString(run.device));
    } else if (devices.size() == 1) {
        *error = Cli::tr("--device %1: this build has no CUDA support or the machine has no usable NVIDIA GPU; use "
                         "--device cpu")
                     .arg(QString::fromStdString(run.device));
    } else {
        *error = Cli::tr("--device %1 does not exist: this machine has cuda:0 .. cuda:%2")
                     .arg(QString::fromStdString(run.device))
                     .arg(devices.size() - 2);
    }
    return false;
}

QString takeOption(QStringList& args, const QString& name, bool* present) {
    const int i = args.indexOf(name);
    if (present) *present = i >= 0;
    if (i < 0 || i + 1 >= args.size()) return {};
    const QString v = args[i + 1];
    args.removeAt(i);
    args.removeAt(i);
    return v;
}

namespace {

// The image with the heat map (inferno, 50 % where the map is above zero) at original size, in the
// viewer's colours (annotate::colourTable).
cv::Mat overlayImage(const GreyImage& img, const std::vector<float>& heat) {
    cv::Mat bgr(img.height, img.width, CV_8UC3);
    const uint8_t(*inferno)[3] = cxr::annotate::colourTable(cxr::annotate::ColourMap::Inferno);
    for (int i = 0; i < img.width * img.height; ++i) {
        const uint8_t g = img.pixels[size_t(i)];
        uint8_t* out = bgr.data + size_t(i) * 3;
        out[0] = out[1] = out[2] = g;
        const float v = heat[size_t(i)];
        if (std::isnan(v) || v <= 0) continue;
        const uint8_t* c = inferno[std::lround(std::clamp(v, 0.0f, 1.0f) * 255)];
        for (int k = 0; k < 3; ++k) out[k] = static_cast<uint8_t>((g + c[2 - k] + 1) / 2);  // BGR
    }
    return bgr;
}

bool writeNpy(const QString& path, int h, int w, const std::vector<float>& v, QString* error) {
    std::string err;
    if (!npy::writeF32(path.toStdString(), {h, w}, v.data(), &err)) {
        *error = QString::fromStdString(err);
        return false;
    }
    return true;
}

}  // namespace

int cmdGround(QStringList args) {
    Settings s;
    grounding::RunSettings run;
    CacheOptions cache;
    QString err;
    if (!parseSettings(args, &s, &run, &err, /*attribution=*/true) || !parseCacheOptions(args, &cache, &err))
        return fail(err, 2);
    const QString modelDir = takeOption(args, QStringLiteral("--model"));
    const QString imagePath = takeOption(args, QStringLiteral("--image"));
    const QString outDir = takeOption(args, QStringLiteral("--out"));
    QStringList prompts;
    for (;;) {
        bool present = false;
        const QString p = takeOption(args, QStringLiteral("--prompt"), &present);
        if (!present) break;
        prompts << p;
    }
    if (!args.isEmpty()) return fail(Cli::tr("unknown argument %1").arg(args.first()), 2);
    if (modelDir.isEmpty() || imagePath.isEmpty() || outDir.isEmpty() || prompts.isEmpty())
        return fail(Cli::tr("ground needs --model DIR --image IN --prompt TEXT [--prompt TEXT ...] --out DIR"), 2);
    if (!checkDevice(run, &err)) return fail(err);
    GreyImage image;
    if (!readerImage(imagePath, &image, &err)) return fail(err);
    std::string e;
    std::fprintf(stderr, "cxr-ground: loading the model from %s\n", modelDir.toUtf8().constData());
    auto engine = grounding::Engine::load(modelDir.toStdString(), run, &e);
    if (!engine) return fail(QString::fromStdString(e));
    applyCache(*engine, cache);
    std::vector<std::string> ps;
    for (const QString& p : prompts) ps.push_back(p.toStdString());
    std::vector<PromptResult> results;
    int lastPct = -1;
    auto progress = [&](grounding::Phase ph, int step, int total) {
        const int pct = total > 0 ? step * 100 / total : 0;
        if (pct / 10 != lastPct / 10 || step == 0)
            std::fprintf(stderr, "cxr-ground: %s %d/%d\n", grounding::phaseName(ph), step, total);
        lastPct = pct;
    };
    if (!engine->ground(image, ps, s, &results, &e, progress)) return fail(QString::fromStdString(e));
    if (!engine->lastCacheProblem().empty())
        std::fprintf(stderr, "cxr-ground: warning: %s\n", engine->lastCacheProblem().c_str());
    if (!QDir().mkpath(outDir)) return fail(Cli::tr("%1: cannot create the output folder").arg(outDir));
    for (size_t k = 0; k < results.size(); ++k) {
        const PromptResult& r = results[k];
        const QString dir = QDir(outDir).filePath(QStringLiteral("%1").arg(k, 3, 10, QLatin1Char('0')));
        if (!QDir().mkpath(dir)) return fail(Cli::tr("%1: cannot create the folder").arg(dir));
        if (r.truncated)
            std::fprintf(stderr, "cxr-ground: warning: prompt %zu is longer than 77 tokens and was truncated\n", k);
        if (!writeNpy(dir + "/heatmap.npy", 512, 512, r.heatmap, &err) ||
            !writeNpy(dir + "/heatmap_smooth.npy", 512, 512, r.heatmapSmooth, &err) ||
            !writeNpy(dir + "/heatmap_original.npy", r.originalHeight, r.originalWidth, r.original, &err))
            return fail(err);
        const cv::Mat ov = overlayImage(image, r.original);
        if (!cv::imwrite((dir + "/overlay.png").toStdString(), ov))
            return fail(Cli::tr("%1: cannot write overlay.png").arg(dir));
        QJsonObject o;
        o["prompt"] = QString::fromStdString(r.prompt);
        QJsonArray ids;
        for (int64_t id : r.tokenIds) ids.append(static_cast<qint64>(id));
        o["token_ids"] = ids;
        o["length"] = r.length;
        o["word_tokens"] = r.lastToken - r.firstToken + 1;
        o["truncated"] = r.truncated;
        o["otsu_threshold"] = s.otsu && std::isfinite(r.threshold) ? QJsonValue(double(r.threshold)) : QJsonValue();
        o["token_range"] = QJsonArray{r.firstToken, r.lastToken + 1};  // positions, end exclusive
        if (!s.attribution.empty()) {
            QJsonObject at;
            at["category"] = QString::fromStdString(s.attribution);
            at["matched"] = r.attributionMatched;
            if (!r.attributionMatched)
                at["note"] = QStringLiteral("none of the category's tokens is in the prompt: the map is all NaN "
                                            "(the sample is left out of an evaluation)");
            o["attribution"] = at;
            if (!r.attributionMatched)
                std::fprintf(stderr, "cxr-ground: prompt %zu holds none of the tokens of \"%s\": its map is all NaN\n", k,
                             s.attribution.c_str());
        }
        o["unet_calls"] = r.unetCalls;
        o["trajectory_cached"] = r.trajectoryCached;
        QJsonObject sec;
        sec["encode_image"] = r.seconds.encodeImage;
        sec["encode_text"] = r.seconds.encodeText;
        sec["inversion"] = r.seconds.inversion;
        sec["attention"] = r.seconds.attention;
        sec["postprocess"] = r.seconds.postprocess;
        o["seconds"] = sec;
        o["device"] = QString::fromStdString(engine->info().device);
        o["precision"] = QString::fromStdString(engine->info().precision);
        o["threads"] = engine->info().threads;
        o["model"] = QFileInfo(modelDir).absoluteFilePath();
        o["image"] = QFileInfo(imagePath).absoluteFilePath();
        o["image_width"] = r.originalWidth;
        o["image_height"] = r.originalHeight;
        o["steps"] = s.steps;
        o["window"] = QJsonArray{s.resolvedStart(), s.resolvedEnd()};
        {
            const int T = engine->info().trainTimesteps, step = s.stepSize(T), K = s.totalCalls(T);
            o["timesteps_first_last"] = QJsonArray{(T - 1) - step * (K - 1), T - 1};
        }
        QJsonArray layers;
        for (int l : s.layers) layers.append(l);
        o["layers"] = layers;
        QSaveFile f(dir + "/result.json");
        if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(o).toJson()) < 0 || !f.commit())
            return fail(Cli::tr("%1: cannot write result.json").arg(dir));
    }
    std::fprintf(stderr, "cxr-ground: %zu result(s) in %s\n", results.size(), outDir.toUtf8().constData());
    return 0;
}

int cmdPrepare(QStringList args) {
    Settings s;
    grounding::RunSettings run;
    CacheOptions cache;
    QString err;
    if (!parseSettings(args, &s, &run, &err) || !parseCacheOptions(args, &cache, &err)) return fail(err, 2);
    const QString modelDir = takeOption(args, QStringLiteral("--model"));
    QStringList images;
    for (;;) {
        bool present = false;
        const QString p = takeOption(args, QStringLiteral("--image"), &present);
        if (!present) break;
        images << p;
    }
    if (!args.isEmpty()) return fail(Cli::tr("unknown argument %1").arg(args.first()), 2);
    if (modelDir.isEmpty() || images.isEmpty())
        return fail(Cli::tr("prepare needs --model DIR --image IN [--image IN ...]"), 2);
    if (!cache.enabled) return fail(Cli::tr("prepare fills the trajectory cache: --no-cache makes no sense here"), 2);
    if (!checkDevice(run, &err)) return fail(err);
    std::string e;
    std::fprintf(stderr, "cxr-ground: loading the model from %s\n", modelDir.toUtf8().constData());
    auto engine = grounding::Engine::load(modelDir.toStdString(), run, &e);
    if (!engine) return fail(QString::fromStdString(e));
    applyCache(*engine, cache);
    std::fprintf(stderr, "cxr-ground: trajectory cache in %s\n", engine->trajectoryCacheDir().c_str());
    int failed = 0;
    for (int k = 0; k < images.size(); ++k) {
        GreyImage image;
        if (!readerImage(images[k], &image, &err)) {
            std::fprintf(stderr, "cxr-ground: %s\n", err.toUtf8().constData());
            ++failed;
            continue;
        }
        const auto before = engine->preparation(image, s);
        int lastPct = -1;
        auto progress = [&](grounding::Phase ph, int step, int total) {
            const int pct = total > 0 ? step * 100 / total : 0;
            if (ph == grounding::Phase::Inversion && pct / 10 != lastPct / 10)
                std::fprintf(stderr, "cxr-ground: %s: %d %%\n", images[k].toUtf8().constData(), pct);
            lastPct = pct;
        };
        if (!engine->prepare(image, s, &e, progress)) {
            std::fprintf(stderr, "cxr-ground: %s: %s\n", images[k].toUtf8().constData(), e.c_str());
            ++failed;
            continue;
        }
        if (!engine->lastCacheProblem().empty()) {
            std::fprintf(stderr, "cxr-ground: %s: %s\n", images[k].toUtf8().constData(), engine->lastCacheProblem().c_str());
            ++failed;
            continue;
        }
        std::fprintf(stderr, "cxr-ground: %s: prepared (%d of %d states were cached, %d UNet calls)\n",
                     images[k].toUtf8().constData(), std::min(before.states, before.needed), before.needed,
                     std::max(0, before.needed - before.states));
        engine->clearCache();  // memory: the disk holds it
    }
    std::fprintf(stderr, "cxr-ground: %lld image(s) prepared, %d failed\n", static_cast<long long>(images.size() - failed), failed);
    return failed ? 1 : 0;
}

int cmdTokenize(QStringList args) {
    const QString modelDir = takeOption(args, QStringLiteral("--model"));
    if (modelDir.isEmpty() || args.size() != 1) return fail(Cli::tr("tokenize needs --model DIR TEXT"), 2);
    std::string e;
    auto tok = text::ClipTokenizer::load((modelDir + "/tokenizer").toStdString(), &e);
    if (!tok) return fail(QString::fromStdString(e));
    const auto r = tok->encode(args[0].toStdString(), 77);
    QJsonObject o;
    QJsonArray ids;
    for (int64_t id : r.ids) ids.append(static_cast<qint64>(id));
    o["input_ids"] = ids;
    o["length"] = r.length;
    std::fputs(QJsonDocument(o).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    if (r.truncated) std::fprintf(stderr, "cxr-ground: warning: the text is longer than 77 tokens and was truncated\n");
    return 0;
}

int cmdInspectModel(QStringList args) {
    const bool expected = args.removeAll(QStringLiteral("--expected-keys")) > 0;
    if (args.size() != 1) return fail(Cli::tr("inspect-model needs a model folder"), 2);
    const std::string dir = args[0].toStdString();
    if (expected) {
        model::BundleConfig b;
        model::TextEncoderConfig t;
        std::string e;
        if (!model::loadBundleConfig(dir + "/configs/inference.json", &b, &e)) return fail(QString::fromStdString(e));
        if (!model::loadTextEncoderConfig(dir + "/text_encoder/config.json", &t, &e)) return fail(QString::fromStdString(e));
        auto print = [](const char* net, const std::vector<model::ExpectedTensor>& list) {
            for (const auto& x : list) {
                std::string shape;
                for (size_t i = 0; i < x.shape.size(); ++i) shape += (i ? "," : "") + std::to_string(x.shape[i]);
                std::printf("%s\t%s\t%s\n", net, x.name.c_str(), shape.c_str());
            }
        };
        print("unet", model::expectedUNetTensors(b.unet));
        print("autoencoder", model::expectedAutoencoderTensors(b.autoencoder));
        print("text_encoder", model::expectedTextEncoderTensors(t));
        return 0;
    }
    const model::ModelFolderReport rep = model::inspectModelFolder(dir);
    std::fputs(rep.text.c_str(), stdout);
    if (!rep.text.empty() && rep.text.back() != '\n') std::fputs("\n", stdout);
    return rep.ok ? 0 : 1;
}

}  // namespace cxr::cli
