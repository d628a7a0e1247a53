// cxr-ground evaluation commands: metrics (one map), evaluate (the MS-CXR protocol over a CSV,
// resumable and shardable) and merge (shard outputs into one summary). The protocol itself
// (selection, results.jsonl, statistics, Tables I-III) is core/eval/protocol; this file holds the
// arguments, the files and the engine calls.
//
// Output folder of evaluate / merge:
//   results.jsonl  one JSON object per sample, appended and flushed as it finishes
//   run.json       the method settings and the selection (shard, limit) of the run
//   summary.json   Table I layout: per category N, mean and std of every metric, then mean and std
//                  over the category means; skipped, failed and left-out samples with their reasons
//   summary.md     the same as a markdown table
//   summary.png    bar chart of the per-category means
//   ablation.md / ablation.json   with --ablate: Table II (or III) layout
#include "cli_common.h"
#include "cli_engine_common.h"

#include "eval/metrics.h"
#include "eval/mscxr.h"
#include "eval/protocol.h"
#include "grounding/engine.h"
#include "grounding/npy.h"
#include "model/config.h"
#include "model/json.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>

namespace cxr::cli {

using eval::Box;
using eval::Metrics;
using eval::Record;
using grounding::GreyImage;
using grounding::PromptResult;
using grounding::Settings;
using json::Value;

namespace {

bool writeAtomically(const QString& path, const QByteArray& data, QString* error) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        *error = Cli::tr("%1: cannot write the file (folder not writable or disk full?)").arg(path);
        return false;
    }
    return true;
}

QByteArray bytes(const std::string& s) { return QByteArray(s.data(), qsizetype(s.size())); }

bool readJsonObject(const QString& file, Value* out, QString* error) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = Cli::tr("%1: cannot read the file").arg(file);
        return false;
    }
    std::string e;
    const QByteArray data = f.readAll();
    if (!json::parse(data.toStdString(), out, &e) || !out->isObject()) {
        *error = Cli::tr("%1: not a valid JSON object (%2)").arg(file, QString::fromStdString(e));
        return false;
    }
    return true;
}

// The first key whose values differ, as "key (a vs b)"; empty when equal.
QString differingKey(const Value& a, const Value& b) {
    std::vector<std::string> keys;
    for (const auto& m : a.members()) keys.push_back(m.first);
    for (const auto& m : b.members()) keys.push_back(m.first);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const std::string& k : keys) {
        const Value* x = a.find(k);
        const Value* y = b.find(k);
        const Value nx = x ? *x : Value(), ny = y ? *y : Value();
        if (nx != ny) return QStringLiteral("%1 (%2 vs %3)").arg(QString::fromStdString(k), QString::fromStdString(nx.dump()), QString::fromStdString(ny.dump()));
    }
    return {};
}

// Bar chart of the per-category means (and the mean over categories), one bar per metric.
bool summaryChart(const eval::Summary& s, std::vector<uchar>* png) {
    const int W = 1400, H = 640, left = 70, right = 20, top = 90, bottom = 90;
    cv::Mat img(H, W, CV_8UC3, cv::Scalar(255, 255, 255));
    const cv::Scalar black(0, 0, 0), grey(200, 200, 200);
    const cv::Scalar colours[5] = {cv::Scalar(180, 119, 31), cv::Scalar(232, 199, 174), cv::Scalar(14, 127, 255),
                                   cv::Scalar(44, 160, 44), cv::Scalar(40, 39, 214)};  // BGR
    struct Group {
        QString label;
        int n;
        double v[5];
    };
    std::vector<Group> groups;
    for (const eval::CategoryStats& c : s.categories) {
        Group g{QString::fromStdString(c.name), c.n, {}};
        for (int k = 0; k < 5; ++k) g.v[k] = c.m[k].mean;
        groups.push_back(g);
    }
    Group mean{Cli::tr("Mean"), s.samples, {}};
    for (int k = 0; k < 5; ++k) mean.v[k] = s.over[k].mean;
    groups.push_back(mean);
    double lo = 0, hi = 1;
    for (const Group& g : groups)
        for (double v : g.v)
            if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    lo = std::floor(lo * 4) / 4;
    hi = std::ceil(hi * 4) / 4;
    const int plotW = W - left - right, plotH = H - top - bottom;
    auto yOf = [&](double v) { return top + int(std::lround((hi - v) / (hi - lo) * plotH)); };
    const double range = hi - lo;
    const double step = range <= 2 ? 0.25 : range <= 5 ? 0.5 : std::ceil(range / 10);
    const int font = cv::FONT_HERSHEY_SIMPLEX;
    for (double t = lo; t <= hi + 1e-9; t += step) {
        const int y = yOf(t);
        cv::line(img, {left, y}, {W - right, y}, grey, 1);
        const std::string txt = QString::number(t, 'f', 2).toStdString();
        cv::putText(img, txt, {left - 50, y + 5}, font, 0.45, black, 1, cv::LINE_AA);
    }
    cv::line(img, {left, yOf(0)}, {W - right, yOf(0)}, black, 1);
    cv::line(img, {left, top}, {left, H - bottom}, black, 1);
    cv::putText(img, Cli::tr("MS-CXR: per-category means (N = %1 samples)").arg(s.samples).toStdString(), {left, 30},
                font, 0.7, black, 2, cv::LINE_AA);
    int lx = left;
    for (int k = 0; k < 5; ++k) {
        cv::rectangle(img, {lx, 50}, {lx + 18, 66}, colours[k], cv::FILLED);
        cv::putText(img, eval::metricDefs()[size_t(k)].title, {lx + 24, 64}, font, 0.5, black, 1, cv::LINE_AA);
        lx += 40 + 10 * int(std::strlen(eval::metricDefs()[size_t(k)].title)) + 20;
    }
    const int groupW = plotW / int(groups.size());
    const int barW = (groupW - 20) / 5;
    for (size_t g = 0; g < groups.size(); ++g) {
        const int gx = left + int(g) * groupW + 10;
        for (int k = 0; k < 5; ++k) {
            const double v = groups[g].v[k];
            if (!std::isfinite(v)) continue;
            const int y0 = yOf(0), y1 = yOf(v);
            cv::rectangle(img, {gx + k * barW, std::min(y0, y1)}, {gx + (k + 1) * barW - 2, std::max(y0, y1)},
                          colours[k], cv::FILLED);
        }
        // Label under the group: the category's words on up to two lines, then N.
        QStringList words = groups[g].label.split(QLatin1Char(' '));
        QStringList lines;
        if (words.size() > 1)
            lines << words.mid(0, words.size() - 1).join(QLatin1Char(' ')) << words.last();
        else
            lines << groups[g].label;
        lines << QStringLiteral("n=%1").arg(groups[g].n);
        int ly = H - bottom + 20;
        for (const QString& l : lines) {
            int base = 0;
            const cv::Size sz = cv::getTextSize(l.toStdString(), font, 0.45, 1, &base);
            cv::putText(img, l.toStdString(), {gx + (groupW - 20 - sz.width) / 2, ly}, font, 0.45, black, 1,
                        cv::LINE_AA);
            ly += 20;
        }
    }
    try {
        return cv::imencode(".png", img, *png);
    } catch (const cv::Exception&) {
        return false;
    }
}


bool writeSummary(const QString& outDir, const std::vector<Record>& records, const std::vector<std::string>& skipped,
                  const Value& method, QString* error) {
    const eval::Summary s = eval::summarize(records, skipped);
    std::vector<uchar> png;
    if (!summaryChart(s, &png)) {
        *error = Cli::tr("cannot draw the summary chart");
        return false;
    }
    const QDir d(outDir);
    if (!writeAtomically(d.filePath("summary.json"), bytes(eval::summaryJson(s, method).dump(2) + "\n"), error) ||
        !writeAtomically(d.filePath("summary.md"), bytes(eval::summaryMarkdown(s, eval::settingsLine(method))), error) ||
        !writeAtomically(d.filePath("summary.png"), QByteArray(reinterpret_cast<const char*>(png.data()), qsizetype(png.size())), error))
        return false;
    if (const Value* ablate = method.find("ablate"); ablate && ablate->isObject()) {
        const eval::AblationTables t = eval::ablationTables(records, *ablate);
        return writeAtomically(d.filePath("ablation.json"), bytes(t.json.dump(2) + "\n"), error) &&
               writeAtomically(d.filePath("ablation.md"), bytes(t.markdown), error);
    }
    return true;
}

// The method settings a result depends on (compared on --resume and by merge).
Value methodJson(const Settings& s, const grounding::RunSettings& run, const QString& split, bool attribution) {
    Value layers = Value::array();
    for (int l : s.layers) layers.push(Value::integer(l));
    return Value::object()
        .set("steps", Value::integer(s.steps))
        .set("window", Value::array().push(Value::integer(s.resolvedStart())).push(Value::integer(s.resolvedEnd())))
        .set("layers", layers)
        .set("otsu", Value::boolean(s.otsu))
        .set("attribution", Value::boolean(attribution))
        .set("precision", Value::string(run.precision))
        .set("split", Value::string(split.toStdString()));
}

QString clock(double seconds) {
    const qint64 t = qint64(std::llround(std::max(0.0, seconds)));
    return QStringLiteral("%1:%2:%3")
        .arg(t / 3600)
        .arg((t / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(t % 60, 2, 10, QLatin1Char('0'));
}

bool parseBoxes(const QString& text, std::vector<Box>* boxes, QString* error) {
    boxes->clear();
    for (const QString& part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (part.trimmed().isEmpty()) continue;
        const QStringList v = part.split(QLatin1Char(','));
        int n[4] = {0, 0, 0, 0};
        bool ok = v.size() == 4;
        for (int i = 0; ok && i < 4; ++i) n[i] = v[i].trimmed().toInt(&ok);
        if (!ok) {
            *error = Cli::tr("bad box \"%1\": a box is x,y,w,h (integer pixels), boxes are separated by ';'")
                         .arg(part.trimmed());
            return false;
        }
        if (n[0] < 0 || n[1] < 0 || n[2] <= 0 || n[3] <= 0) {
            *error = Cli::tr("bad box \"%1\": x and y must be >= 0, w and h > 0").arg(part.trimmed());
            return false;
        }
        boxes->push_back(Box{n[0], n[1], n[2], n[3]});
    }
    if (boxes->empty()) {
        *error = Cli::tr("--boxes needs at least one box x,y,w,h");
        return false;
    }
    return true;
}

}  // namespace

// ---- cxr-ground metrics ---------------------------------------------------------------------

int cmdMetrics(QStringList args) {
    const QString heatmap = takeOption(args, QStringLiteral("--heatmap"));
    const QString boxText = takeOption(args, QStringLiteral("--boxes"));
    if (!args.isEmpty()) return fail(Cli::tr("unknown argument %1").arg(args.first()), 2);
    if (heatmap.isEmpty() || boxText.isEmpty())
        return fail(Cli::tr("metrics needs --heatmap H.npy --boxes \"x,y,w,h;x,y,w,h\""), 2);
    std::vector<Box> boxes;
    QString err;
    if (!parseBoxes(boxText, &boxes, &err)) return fail(err, 2);
    if (!QFileInfo(heatmap).isFile()) return fail(Cli::tr("%1: the file does not exist").arg(heatmap));
    npy::Array a;
    std::string e;
    bool ok = false;
    try {
        ok = npy::read(heatmap.toStdString(), &a, &e);
    } catch (const std::exception& x) {
        e = heatmap.toStdString() + ": malformed .npy header (" + x.what() + ")";
    }
    if (!ok) return fail(QString::fromStdString(e));
    if (a.shape.size() != 2 || a.shape[0] <= 0 || a.shape[1] <= 0)
        return fail(Cli::tr("%1: expected a 2-D map (height x width), found %2 dimension(s)")
                        .arg(heatmap)
                        .arg(a.shape.size()));
    if (a.dtype != npy::DType::F32 && a.dtype != npy::DType::F64)
        return fail(Cli::tr("%1: expected a float32 map").arg(heatmap));
    const int h = int(a.shape[0]), w = int(a.shape[1]);
    for (const Box& b : boxes) {
        if (b.x >= w || b.y >= h)
            return fail(Cli::tr("box %1,%2,%3,%4 lies outside the %5x%6 map")
                            .arg(b.x)
                            .arg(b.y)
                            .arg(b.w)
                            .arg(b.h)
                            .arg(w)
                            .arg(h));
        if (b.x + qint64(b.w) > w || b.y + qint64(b.h) > h)
            std::fprintf(stderr, "cxr-ground: warning: box %d,%d,%d,%d extends past the %dx%d map; it is clipped\n",
                         b.x, b.y, b.w, b.h, w, h);
    }
    const std::vector<float> map = a.toFloat();
    const Metrics m = eval::computeAll(map, w, h, boxes);
    std::fputs(eval::metricsJson(m).dump().c_str(), stdout);
    std::fputs("\n", stdout);
    return 0;
}


// ---- cxr-ground evaluate --------------------------------------------------------------------

namespace {

// One image's samples through the engine: metrics per sample (and per ablation row), or the
// reason a sample has none. Engine failures are written as failed samples.
struct ImageOutcome {
    const eval::MsCxrSample* sample = nullptr;
    Value line;
    bool counted = false;  // grounded (not failed, not left out)
};

std::vector<ImageOutcome> evaluateImage(grounding::Engine& engine, const GreyImage& image,
                                        const std::vector<const eval::MsCxrSample*>& pending, const Settings& s,
                                        bool attribution, const eval::AblationPlan* plan) {
    std::vector<ImageOutcome> out;
    QElapsedTimer t;
    t.start();
    std::vector<std::string> prompts, categories;
    for (const auto* p : pending) {
        prompts.push_back(p->labelText);
        categories.push_back(p->category);
    }
    const int L = engine.info().crossAttentionLayers;
    auto finish = [&](const eval::MsCxrSample* smp, const PromptResult& r, std::vector<std::optional<Metrics>> rows,
                      double seconds) {
        ImageOutcome o;
        o.sample = smp;
        if (!r.attributionMatched) {
            o.line = eval::leftOutRecordJson(*smp, "none of the tokens of \"" + smp->category + "\" is in the prompt", rows);
        } else {
            QElapsedTimer mt;
            mt.start();
            const Metrics m = eval::computeAll(r.original, r.originalWidth, r.originalHeight, smp->boxes);
            o.line = eval::recordJson(*smp, m, rows, seconds + mt.elapsed() / 1000.0);
            o.counted = true;
        }
        out.push_back(std::move(o));
    };
    auto failed = [&](const eval::MsCxrSample* smp, const std::string& e) {
        std::fprintf(stderr, "cxr-ground: failed %s \"%s\": %s\n", smp->path.c_str(), smp->labelText.c_str(), e.c_str());
        out.push_back({smp, eval::failedRecordJson(*smp, e), false});
    };
    std::string e;
    if (plan) {
        // One recording of every layer at every call the plan needs; every row from it.
        const int calls = eval::ablationCalls(s, *plan, L);
        std::vector<grounding::AblationRecord> records;
        bool ok = engine.recordAllLayers(image, prompts, s, calls, &records, &e, {}, nullptr, categories);
        if (!ok) records.clear();
        for (size_t k = 0; k < pending.size(); ++k) {
            std::vector<grounding::AblationRecord> one;
            std::string e1 = e;
            if (!ok && !engine.recordAllLayers(image, {prompts[k]}, s, calls, &one, &e1, {}, nullptr, {categories[k]})) {
                failed(pending[k], e1);
                continue;
            }
            const grounding::AblationRecord& rec = ok ? records[k] : one[0];
            Settings main = s;
            if (attribution) main.attribution = rec.attribution;
            PromptResult r;
            if (!grounding::Engine::resultFromRecord(rec, main, &r, &e1)) {
                failed(pending[k], e1);
                continue;
            }
            std::vector<std::optional<Metrics>> rows;
            for (const eval::AblationRow& row : plan->rows) {
                Settings st = eval::applyAblation(s, row, L);
                if (row.attribution) st.attribution = rec.attribution;
                PromptResult x;
                std::string e2;
                if (!grounding::Engine::resultFromRecord(rec, st, &x, &e2) || !x.attributionMatched)
                    rows.push_back(std::nullopt);
                else
                    rows.push_back(eval::computeAll(x.original, x.originalWidth, x.originalHeight, pending[k]->boxes));
            }
            finish(pending[k], r, std::move(rows), t.elapsed() / 1000.0 / double(pending.size()));
        }
        return out;
    }
    // Attribution: each sample's own category, so one request per category (on the cached trajectory).
    std::map<std::string, std::vector<size_t>> groups;
    for (size_t k = 0; k < pending.size(); ++k) groups[attribution ? categories[k] : std::string()].push_back(k);
    for (const auto& [category, idx] : groups) {
        Settings st = s;
        st.attribution = category;
        std::vector<std::string> ps;
        for (size_t k : idx) ps.push_back(prompts[k]);
        std::vector<PromptResult> results;
        if (engine.ground(image, ps, st, &results, &e)) {
            for (size_t j = 0; j < idx.size(); ++j)
                finish(pending[idx[j]], results[j], {}, t.elapsed() / 1000.0 / double(pending.size()));
            continue;
        }
        // One prompt may be at fault (e.g. no words): ground them one by one.
        for (size_t k : idx) {
            std::vector<PromptResult> one;
            std::string e1;
            if (engine.ground(image, {prompts[k]}, st, &one, &e1) && one.size() == 1)
                finish(pending[k], one[0], {}, t.elapsed() / 1000.0 / double(pending.size()));
            else
                failed(pending[k], e1);
        }
    }
    return out;
}

}  // namespace

int cmdEvaluate(QStringList args) {
    Settings s;
    grounding::RunSettings runSettings;
    QString err;
    CacheOptions cache;
    const bool stepsGiven = args.contains(QStringLiteral("--steps"));
    if (!parseSettings(args, &s, &runSettings, &err) || !parseCacheOptions(args, &cache, &err)) return fail(err, 2);
    const bool attribution = args.removeAll(QStringLiteral("--attribution")) > 0;
    const QString modelDir = takeOption(args, QStringLiteral("--model"));
    const QString csv = takeOption(args, QStringLiteral("--csv"));
    const QString root = takeOption(args, QStringLiteral("--images"));
    const QString outDir = takeOption(args, QStringLiteral("--out"));
    const QString split = takeOption(args, QStringLiteral("--split"));
    bool haveShard = false, haveLimit = false;
    const QString shardText = takeOption(args, QStringLiteral("--shard"), &haveShard);
    const QString limitText = takeOption(args, QStringLiteral("--limit"), &haveLimit);
    const bool resume = args.removeAll(QStringLiteral("--resume")) > 0;
    bool haveAblate = false;
    const QString ablateSpec = takeOption(args, QStringLiteral("--ablate"), &haveAblate);
    if (!args.isEmpty()) return fail(Cli::tr("unknown argument %1").arg(args.first()), 2);
    if (modelDir.isEmpty() || csv.isEmpty() || root.isEmpty() || outDir.isEmpty())
        return fail(Cli::tr("evaluate needs --model DIR --csv FILE --images ROOT --out DIR"), 2);
    eval::AblationPlan plan;
    if (haveAblate) {
        std::string e;
        if (!eval::parseAblation(ablateSpec.toStdString(), s, &plan, &e)) return fail(QString::fromStdString(e), 2);
        if (plan.steps > 0 && s.steps != plan.steps) {
            if (stepsGiven)
                return fail(Cli::tr("--ablate %1 runs at %2 steps, as the paper did; leave out --steps %3")
                                .arg(ablateSpec)
                                .arg(plan.steps)
                                .arg(s.steps),
                            2);
            s.steps = plan.steps;  // and the run's default window for that N
        }
        const std::string p = s.validate(0);
        if (!p.empty()) return fail(QString::fromStdString(p).trimmed(), 2);
    }
    int shardK = 1, shardN = 1;
    if (haveShard) {
        const QStringList p = shardText.split(QLatin1Char('/'));
        bool a = false, b = false;
        if (p.size() == 2) shardK = p[0].toInt(&a), shardN = p[1].toInt(&b);
        if (!a || !b || shardN < 1 || shardK < 1 || shardK > shardN)
            return fail(Cli::tr("--shard needs K/N with 1 <= K <= N, e.g. 2/8 (got \"%1\")").arg(shardText), 2);
    }
    int limit = -1;
    if (haveLimit) {
        bool ok = false;
        limit = limitText.toInt(&ok);
        if (!ok || limit < 1) return fail(Cli::tr("--limit needs a positive number (got \"%1\")").arg(limitText), 2);
    }
    if (!checkDevice(runSettings, &err)) return fail(err);
    if (!QFileInfo(root).isDir()) return fail(Cli::tr("%1: the image folder does not exist").arg(root));

    eval::MsCxrReadResult csvData;
    try {
        eval::MsCxrOptions o;
        o.split = split.toStdString();
        csvData = eval::readMsCxrCsv(csv.toStdString(), o);
    } catch (const eval::MsCxrError& x) {
        return fail(QString::fromStdString(x.what()));
    }
    const eval::Selection sel = eval::selectSamples(std::move(csvData.samples), limit, shardK, shardN);
    std::vector<std::string> skipped;
    for (const std::string& k : csvData.skipped) {
        skipped.push_back(k);
        std::fprintf(stderr, "cxr-ground: %s\n", k.c_str());
    }

    // Output folder, run.json and what a previous run finished.
    if (!QDir().mkpath(outDir)) return fail(Cli::tr("%1: cannot create the output folder").arg(outDir));
    const QDir out(outDir);
    const QString resultsFile = out.filePath("results.jsonl");
    // The layer count is the model's; "all layers" rows need it before the model is loaded.
    int layerCount = 0;
    if (haveAblate) {
        model::BundleConfig bundle;
        std::string e;
        if (!model::loadBundleConfig((modelDir + "/configs/inference.json").toStdString(), &bundle, &e))
            return fail(QString::fromStdString(e));
        layerCount = int(bundle.unet.crossAttentionLayers());
    }
    Value method = methodJson(s, runSettings, split, attribution);
    if (haveAblate) {
        for (const eval::AblationRow& row : plan.rows) {
            const std::string problem = eval::applyAblation(s, row, layerCount).validate(layerCount);
            if (!problem.empty())
                return fail(Cli::tr("--ablate %1: %2").arg(QString::fromStdString(row.label), QString::fromStdString(problem).trimmed()), 2);
        }
        method.set("ablate", eval::ablationJson(plan, s, layerCount));
    }
    Value run = Value::object();
    run.set("method", method);
    run.set("shard", Value::array().push(Value::integer(shardK)).push(Value::integer(shardN)));
    run.set("limit", limit > 0 ? Value::integer(limit) : Value::null());
    run.set("csv", Value::string(QFileInfo(csv).absoluteFilePath().toStdString()));
    run.set("images", Value::string(QFileInfo(root).absoluteFilePath().toStdString()));
    run.set("model", Value::string(QFileInfo(modelDir).absoluteFilePath().toStdString()));
    std::vector<Record> done;
    int64_t validBytes = 0;
    if (!resume) {
        if (QFileInfo(resultsFile).size() > 0)
            return fail(Cli::tr("%1 already holds results: add --resume to continue that run, or choose another "
                                "--out folder")
                            .arg(resultsFile));
    } else {
        const QString runFile = out.filePath("run.json");
        if (QFileInfo(runFile).exists()) {
            Value previous;
            if (!readJsonObject(runFile, &previous, &err)) return fail(err);
            const Value* pm = previous.find("method");
            const QString diff = differingKey(pm ? *pm : Value::object(), method);
            if (!diff.isEmpty())
                return fail(Cli::tr("--resume with other method settings than the run in %1: %2").arg(outDir, diff));
        }
        std::string note, e;
        if (!eval::readResults(resultsFile.toStdString(), &done, &validBytes, &note, &e)) return fail(QString::fromStdString(e));
        for (const Record& r : done)
            if (!sel.keys.count(r.key()))
                return fail(Cli::tr("%1 holds the sample %2 (\"%3\") that this run does not select (another --csv, "
                                    "--split, --shard or --limit?)")
                                .arg(resultsFile, QString::fromStdString(r.path), QString::fromStdString(r.prompt)));
        // Drop the incomplete last line of a killed run before appending.
        if (QFileInfo(resultsFile).exists() && QFileInfo(resultsFile).size() != validBytes) {
            QFile f(resultsFile);
            if (!f.resize(validBytes)) return fail(Cli::tr("%1: cannot truncate the incomplete last line").arg(resultsFile));
            std::fprintf(stderr, "cxr-ground: %s\n", note.c_str());
        }
    }
    if (!writeAtomically(out.filePath("run.json"), bytes(run.dump(2) + "\n"), &err)) return fail(err);
    std::set<std::string> finished;  // failed samples are retried
    int retries = 0;
    for (const Record& r : done) {
        if (r.failed) ++retries;
        else finished.insert(r.key());
    }
    const int already = int(finished.size());
    std::fprintf(stderr, "cxr-ground: evaluate: %d sample(s) on %zu image(s) in this run (shard %d/%d)%s%s\n", sel.total,
                 sel.images.size(), shardK, shardN,
                 already > 0 ? Cli::tr(", %1 already finished").arg(already).toUtf8().constData() : "",
                 retries > 0 ? Cli::tr(", %1 failed before and retried").arg(retries).toUtf8().constData() : "");

    std::unique_ptr<grounding::Engine> engine;  // loaded when the first image needs it
    std::FILE* resultsOut = nullptr;
    if (already < sel.total) {
        resultsOut = std::fopen(QFile::encodeName(resultsFile).constData(), "ab");
        if (!resultsOut) return fail(Cli::tr("%1: cannot open the file for writing").arg(resultsFile));
    }
    struct Closer {
        std::FILE*& f;
        ~Closer() {
            if (f) std::fclose(f);
        }
    } closer{resultsOut};

    int processed = already, skippedHere = 0, groundedHere = 0, failedHere = 0;
    QElapsedTimer clockTimer;
    clockTimer.start();
    auto skip = [&](const eval::MsCxrSample& smp, const QString& reason) {
        const std::string line = smp.path + " \"" + smp.labelText + "\" (" + smp.category + "): " + reason.toStdString();
        skipped.push_back(line);
        std::fprintf(stderr, "cxr-ground: skipped %s\n", line.c_str());
        ++processed;
        ++skippedHere;
    };
    auto progress = [&]() {
        const double elapsed = clockTimer.elapsed() / 1000.0;
        const int left = sel.total - processed;
        QString eta = Cli::tr("unknown");
        if (groundedHere > 0) eta = clock(elapsed / groundedHere * left);
        if (left == 0) eta = clock(0);
        std::fprintf(stderr, "cxr-ground: evaluate: %d/%d done (%d skipped%s), %s elapsed, %s left\n", processed, sel.total,
                     skippedHere, failedHere ? Cli::tr(", %1 failed").arg(failedHere).toUtf8().constData() : "",
                     clock(elapsed).toUtf8().constData(), eta.toUtf8().constData());
    };

    for (const eval::ImageGroup& g : sel.images) {
        std::vector<const eval::MsCxrSample*> pending;
        for (size_t i : g.samples)
            if (!finished.count(eval::sampleKey(sel.samples[i]))) pending.push_back(&sel.samples[i]);
        if (pending.empty()) continue;
        // ROOT/<path without files/>, else ROOT/<path>.
        const QString rel = QString::fromStdString(g.path);
        QString stripped = rel;
        if (stripped.startsWith(QLatin1String("files/"))) stripped = stripped.mid(6);
        QString file = QDir(root).filePath(stripped);
        if (!QFileInfo(file).isFile() && QFileInfo(QDir(root).filePath(rel)).isFile()) file = QDir(root).filePath(rel);
        if (!QFileInfo(file).isFile()) {
            const QString why = stripped == rel
                                    ? Cli::tr("image file not found (%1)").arg(QDir(root).filePath(rel))
                                    : Cli::tr("image file not found (%1 or %2)")
                                          .arg(QDir(root).filePath(stripped), QDir(root).filePath(rel));
            for (const auto* p : pending) skip(*p, why);
            progress();
            continue;
        }
        GreyImage image;
        QString loadError;
        if (!readerImage(file, &image, &loadError)) {
            for (const auto* p : pending) skip(*p, Cli::tr("cannot read the image: %1").arg(loadError));
            progress();
            continue;
        }
        if (image.width != pending[0]->imageWidth || image.height != pending[0]->imageHeight) {
            const QString why = Cli::tr("the image is %1x%2 but the CSV gives %3x%4 (boxes would not fit)")
                                    .arg(image.width)
                                    .arg(image.height)
                                    .arg(pending[0]->imageWidth)
                                    .arg(pending[0]->imageHeight);
            for (const auto* p : pending) skip(*p, why);
            progress();
            continue;
        }
        if (!engine) {
            std::string e;
            std::fprintf(stderr, "cxr-ground: loading the model from %s\n", modelDir.toUtf8().constData());
            engine = grounding::Engine::load(modelDir.toStdString(), runSettings, &e);
            if (!engine) return fail(QString::fromStdString(e));
            applyCache(*engine, cache);
        }
        for (const ImageOutcome& o : evaluateImage(*engine, image, pending, s, attribution, haveAblate ? &plan : nullptr)) {
            const std::string line = o.line.dump() + "\n";
            if (std::fwrite(line.data(), 1, line.size(), resultsOut) != line.size() || std::fflush(resultsOut) != 0)
                return fail(Cli::tr("%1: cannot write (disk full?)").arg(resultsFile));
            ++processed;
            if (o.counted) ++groundedHere;
            if (o.line.find("failed")) ++failedHere;
        }
        engine->clearCache();  // this image's trajectory is not needed again
        progress();
    }
    if (resultsOut) {
        const bool closed = std::fclose(resultsOut) == 0;
        resultsOut = nullptr;
        if (!closed) return fail(Cli::tr("%1: cannot write (disk full?)").arg(resultsFile));
    }

    // Summary over what results.jsonl holds now.
    std::vector<Record> all;
    std::string e;
    if (!eval::readResults(resultsFile.toStdString(), &all, &validBytes, nullptr, &e)) return fail(QString::fromStdString(e));
    if (!writeSummary(outDir, all, skipped, method, &err)) return fail(err);
    int failedNow = 0;
    for (const Record& r : all) failedNow += r.failed;
    std::fprintf(stderr, "cxr-ground: %zu result(s), %lld skipped%s; summary in %s\n", all.size(),
                 static_cast<long long>(skipped.size()),
                 failedNow ? Cli::tr(", %1 failed (evaluate --resume retries them)").arg(failedNow).toUtf8().constData() : "",
                 QDir(outDir).filePath("summary.md").toUtf8().constData());
    return 0;
}

// ---- cxr-ground merge -----------------------------------------------------------------------

int cmdMerge(QStringList args) {
    QString outDir = takeOption(args, QStringLiteral("--out"));
    if (outDir.isEmpty() && !args.isEmpty() && !args.first().startsWith(QLatin1String("--"))) outDir = args.takeFirst();
    for (const QString& a : args)
        if (a.startsWith(QLatin1String("--"))) return fail(Cli::tr("unknown option %1").arg(a), 2);
    if (outDir.isEmpty() || args.isEmpty()) return fail(Cli::tr("merge needs OUT DIR... (or --out OUT DIR...)"), 2);
    QString err;
    std::vector<Record> all;
    std::map<std::string, size_t> byKey;
    std::vector<std::string> skipped;
    Value method;
    bool haveMethod = false;
    std::map<int, std::set<int>> shardsSeen;  // N -> the K present
    const QString outAbs = QFileInfo(outDir).absoluteFilePath();
    int duplicates = 0;
    for (const QString& dir : args) {
        if (QFileInfo(dir).absoluteFilePath() == outAbs)
            return fail(Cli::tr("%1: the output folder cannot be one of the inputs").arg(dir), 2);
        const QDir d(dir);
        if (!QFileInfo(d.filePath("results.jsonl")).isFile())
            return fail(Cli::tr("%1: no results.jsonl (not an evaluate output folder)").arg(dir));
        Value run, summary;
        if (!readJsonObject(d.filePath("run.json"), &run, &err)) return fail(err);
        if (!QFileInfo(d.filePath("summary.json")).isFile())
            return fail(Cli::tr("%1: no summary.json: that run did not finish; finish it with evaluate --resume").arg(dir));
        if (!readJsonObject(d.filePath("summary.json"), &summary, &err)) return fail(err);
        const Value* mp = run.find("method");
        const Value m = mp ? *mp : Value::object();
        if (!haveMethod) {
            method = m;
            haveMethod = true;
        } else if (const QString diff = differingKey(method, m); !diff.isEmpty()) {
            return fail(Cli::tr("%1 was run with other method settings than %2: %3").arg(dir, args.first(), diff));
        }
        if (const Value* shard = run.find("shard"); shard && shard->isArray() && shard->items().size() == 2)
            shardsSeen[int(shard->items()[1].toNumber())].insert(int(shard->items()[0].toNumber()));
        if (const Value* sk = summary.find("skipped"); sk && sk->isArray())
            for (const Value& v : sk->items()) skipped.push_back(v.asString());
        std::vector<Record> recs;
        int64_t valid = 0;
        std::string note, e;
        if (!eval::readResults(d.filePath("results.jsonl").toStdString(), &recs, &valid, &note, &e)) return fail(QString::fromStdString(e));
        if (!note.empty()) return fail(Cli::tr("%1; finish that run with evaluate --resume first").arg(QString::fromStdString(note)));
        for (Record& r : recs) {
            auto it = byKey.find(r.key());
            if (it == byKey.end()) {
                byKey.emplace(r.key(), all.size());
                all.push_back(std::move(r));
                continue;
            }
            Record& first = all[it->second];
            if (first.failed) {  // a later, successful line of another folder counts
                first = std::move(r);
                continue;
            }
            if (r.failed) continue;
            bool same = first.category == r.category;
            for (const eval::MetricDef& m2 : eval::metricDefs()) {
                const double a = first.m.*m2.field, b = r.m.*m2.field;
                same = same && (a == b || (std::isnan(a) && std::isnan(b)));
            }
            if (!same)
                return fail(Cli::tr("the sample %1 (\"%2\") is in several folders with different metrics (%3 among "
                                    "them): overlapping shards of different runs?")
                                .arg(QString::fromStdString(r.path), QString::fromStdString(r.prompt), dir));
            ++duplicates;
            std::fprintf(stderr, "cxr-ground: warning: the sample %s (\"%s\") is in several folders; counted once\n",
                         r.path.c_str(), r.prompt.c_str());
        }
    }
    for (const auto& [n, ks] : shardsSeen)
        if (int(ks.size()) != n) {
            QStringList missing;
            for (int k = 1; k <= n; ++k)
                if (!ks.count(k)) missing << QStringLiteral("%1/%2").arg(k).arg(n);
            if (!missing.isEmpty())
                std::fprintf(stderr, "cxr-ground: warning: shard(s) %s not among the inputs: the summary covers part "
                                     "of the data\n",
                             missing.join(", ").toUtf8().constData());
        }
    if (!QDir().mkpath(outDir)) return fail(Cli::tr("%1: cannot create the output folder").arg(outDir));
    const QDir out(outDir);
    std::sort(all.begin(), all.end(), [](const Record& a, const Record& b) { return a.key() < b.key(); });
    std::string lines;
    for (const Record& r : all) lines += r.json.dump() + "\n";
    Value run = Value::object();
    run.set("method", method);
    Value inputs = Value::array();
    for (const QString& dir : args) inputs.push(Value::string(QFileInfo(dir).absoluteFilePath().toStdString()));
    run.set("merged_from", inputs);
    if (!writeAtomically(out.filePath("results.jsonl"), bytes(lines), &err) ||
        !writeAtomically(out.filePath("run.json"), bytes(run.dump(2) + "\n"), &err) ||
        !writeSummary(outDir, all, skipped, method, &err))
        return fail(err);
    std::fprintf(stderr, "cxr-ground: merged %zu result(s) from %lld folder(s)%s; summary in %s\n", all.size(),
                 static_cast<long long>(args.size()),
                 duplicates ? Cli::tr(" (%1 duplicate(s) counted once)").arg(duplicates).toUtf8().constData() : "",
                 out.filePath("summary.md").toUtf8().constData());
    return 0;
}

}  // namespace cxr::cli
