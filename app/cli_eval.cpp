// cxr-ground evaluation commands: metrics (one map), evaluate (the MS-CXR protocol of
// grounding-spec section 6 over a CSV, resumable and shardable) and merge (shard outputs into one
// summary).
//
// Output folder of evaluate / merge:
//   results.jsonl  one JSON object per finished sample, appended and flushed as it finishes
//   run.json       the method settings and the selection (shard, limit) of the run
//   summary.json   Table I layout: per category N, mean and std of every metric, then mean and std
//                  over the category means; the skipped samples with their reasons
//   summary.md     the same as a markdown table
//   summary.png    bar chart of the per-category means
#include "cli_common.h"
#include "cli_engine_common.h"

#include "eval/metrics.h"
#include "eval/mscxr.h"
#include "grounding/engine.h"
#include "grounding/npy.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <map>

namespace cxr::cli {

using eval::Box;
using eval::Metrics;
using grounding::GreyImage;
using grounding::PromptResult;
using grounding::Settings;

namespace {

// ---- metrics as JSON ------------------------------------------------------------------------

struct MetricDef {
    const char* key;    // JSON key
    const char* title;  // column title
    bool percent;       // shown as a percentage in summary.md (as the paper does)
    double Metrics::*field;
};

const MetricDef kMetrics[] = {
    {"cnr_abs", "|CNR|", false, &Metrics::cnrAbs},
    {"cnr", "CNR", false, &Metrics::cnr},
    {"miou", "mIoU", true, &Metrics::miou},
    {"auroc_binned", "AUC-ROC", true, &Metrics::aurocBinned},
    {"auroc", "AUC-ROC (exact)", true, &Metrics::auroc},
};

// Non-finite numbers have no JSON form: null, read back as NaN (never a silent number).
QJsonValue num(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }
double numOf(const QJsonValue& v) { return v.isDouble() ? v.toDouble() : NAN; }

QJsonObject metricsJson(const Metrics& m) {
    QJsonObject o;
    for (const MetricDef& d : kMetrics) o[QLatin1String(d.key)] = num(m.*d.field);
    return o;
}

QJsonArray boxesJson(const std::vector<Box>& boxes) {
    QJsonArray a;
    for (const Box& b : boxes) a.append(QJsonArray{b.x, b.y, b.w, b.h});
    return a;
}

bool writeAtomically(const QString& path, const QByteArray& data, QString* error) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        *error = Cli::tr("%1: cannot write the file (folder not writable or disk full?)").arg(path);
        return false;
    }
    return true;
}

// ---- one line of results.jsonl --------------------------------------------------------------

struct Record {
    QString path, dicomId, prompt, category;
    std::vector<Box> boxes;
    Metrics m;
    QJsonObject json;  // the line as read / written
    QString key() const { return path + QChar(0) + prompt; }
};

QString sampleKey(const eval::MsCxrSample& s) {
    return QString::fromStdString(s.path) + QChar(0) + QString::fromStdString(s.labelText);
}

bool parseRecord(const QByteArray& line, Record* r, QString* why) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *why = pe.error != QJsonParseError::NoError ? pe.errorString() : Cli::tr("not a JSON object");
        return false;
    }
    const QJsonObject o = doc.object();
    for (const char* k : {"path", "prompt", "category"})
        if (!o.value(QLatin1String(k)).isString()) {
            *why = Cli::tr("no \"%1\" text").arg(QLatin1String(k));
            return false;
        }
    for (const MetricDef& d : kMetrics) {
        const QJsonValue v = o.value(QLatin1String(d.key));
        if (!v.isDouble() && !v.isNull()) {
            *why = Cli::tr("no \"%1\" number").arg(QLatin1String(d.key));
            return false;
        }
        r->m.*d.field = numOf(v);
    }
    r->path = o.value(QLatin1String("path")).toString();
    r->prompt = o.value(QLatin1String("prompt")).toString();
    r->category = o.value(QLatin1String("category")).toString();
    r->dicomId = o.value(QLatin1String("dicom_id")).toString();
    r->boxes.clear();
    for (const QJsonValue& b : o.value(QLatin1String("boxes")).toArray()) {
        const QJsonArray a = b.toArray();
        if (a.size() == 4) r->boxes.push_back(Box{a[0].toInt(), a[1].toInt(), a[2].toInt(), a[3].toInt()});
    }
    r->json = o;
    return true;
}

// Reads results.jsonl. A last line that is incomplete (no line break or not valid JSON: a run
// killed while writing it) is left out and *validBytes ends before it; any other bad line is an
// error. Duplicated samples are an error.
bool readResults(const QString& file, std::vector<Record>* out, qint64* validBytes, QString* droppedNote,
                 QString* error) {
    out->clear();
    *validBytes = 0;
    QFile f(file);
    if (!f.exists()) return true;
    if (!f.open(QIODevice::ReadOnly)) {
        *error = Cli::tr("%1: cannot read the file").arg(file);
        return false;
    }
    const QByteArray all = f.readAll();
    QSet<QString> seen;
    qint64 pos = 0;
    int lineNo = 0;
    while (pos < all.size()) {
        ++lineNo;
        const qint64 nl = all.indexOf('\n', pos);
        const bool complete = nl >= 0;
        const QByteArray line = all.mid(pos, (complete ? nl : all.size()) - pos);
        const bool last = !complete || nl + 1 >= all.size();
        Record r;
        QString why;
        if (line.trimmed().isEmpty() && complete) {
            pos = nl + 1;
            *validBytes = pos;
            continue;
        }
        if (!complete || !parseRecord(line, &r, &why)) {
            if (last) {
                if (droppedNote)
                    *droppedNote = Cli::tr("%1: line %2 is incomplete (%3 bytes, an interrupted run); it is dropped "
                                           "and its sample evaluated again")
                                       .arg(file)
                                       .arg(lineNo)
                                       .arg(line.size());
                break;
            }
            *error = Cli::tr("%1: line %2 is not a valid result (%3); remove or fix that line")
                         .arg(file)
                         .arg(lineNo)
                         .arg(why);
            return false;
        }
        if (seen.contains(r.key())) {
            *error = Cli::tr("%1: line %2: the sample %3 (\"%4\") appears twice")
                         .arg(file)
                         .arg(lineNo)
                         .arg(r.path, r.prompt);
            return false;
        }
        seen.insert(r.key());
        out->push_back(r);
        pos = nl + 1;
        *validBytes = pos;
    }
    return true;
}

// ---- summary --------------------------------------------------------------------------------

struct MeanStd {
    double mean = NAN, stdev = NAN;
};

// Mean and population standard deviation (numpy's default, ddof = 0).
MeanStd meanStd(const std::vector<double>& v) {
    MeanStd r;
    if (v.empty()) return r;
    double s = 0;
    for (double x : v) s += x;
    r.mean = s / double(v.size());
    double q = 0;
    for (double x : v) q += (x - r.mean) * (x - r.mean);
    r.stdev = std::sqrt(q / double(v.size()));
    return r;
}

struct CategoryStats {
    QString name;
    int n = 0;
    MeanStd m[5];
};

struct Summary {
    std::vector<CategoryStats> categories;  // the 8, in the paper's order
    int categoriesWithSamples = 0;
    MeanStd over[5];  // mean and std over the category means
    int samples = 0;
    QStringList skipped;
    QStringList otherCategories;  // categories outside the 8 (cannot happen with the reader; reported)
};

Summary summarize(std::vector<Record> records, QStringList skipped) {
    std::sort(records.begin(), records.end(), [](const Record& a, const Record& b) { return a.key() < b.key(); });
    skipped.removeDuplicates();
    skipped.sort();
    Summary s;
    s.samples = int(records.size());
    s.skipped = skipped;
    std::vector<double> catMeans[5];
    for (const std::string& c : eval::msCxrCategories()) {
        CategoryStats cs;
        cs.name = QString::fromStdString(c);
        std::vector<double> v[5];
        for (const Record& r : records)
            if (r.category == cs.name) {
                ++cs.n;
                for (int k = 0; k < 5; ++k) v[k].push_back(r.m.*kMetrics[k].field);
            }
        for (int k = 0; k < 5; ++k) {
            cs.m[k] = meanStd(v[k]);
            if (cs.n > 0) catMeans[k].push_back(cs.m[k].mean);
        }
        if (cs.n > 0) ++s.categoriesWithSamples;
        s.categories.push_back(cs);
    }
    for (int k = 0; k < 5; ++k) s.over[k] = meanStd(catMeans[k]);
    for (const Record& r : records) {
        const auto& cats = eval::msCxrCategories();
        if (std::find(cats.begin(), cats.end(), r.category.toStdString()) == cats.end() &&
            !s.otherCategories.contains(r.category))
            s.otherCategories << r.category;
    }
    return s;
}

QJsonObject meanStdJson(const MeanStd& m) {
    QJsonObject o;
    o["mean"] = num(m.mean);
    o["std"] = num(m.stdev);
    return o;
}

QByteArray summaryJson(const Summary& s, const QJsonObject& settings) {
    QJsonObject o;
    o["samples"] = s.samples;
    o["skipped_count"] = int(s.skipped.size());
    o["skipped"] = QJsonArray::fromStringList(s.skipped);
    o["settings"] = settings;
    o["std"] = QStringLiteral("population standard deviation (ddof = 0)");
    QJsonArray cats;
    for (const CategoryStats& c : s.categories) {
        QJsonObject co;
        co["category"] = c.name;
        co["n"] = c.n;
        for (int k = 0; k < 5; ++k) co[QLatin1String(kMetrics[k].key)] = meanStdJson(c.m[k]);
        cats.append(co);
    }
    o["categories"] = cats;
    QJsonObject over, mean, sd;
    over["categories_with_samples"] = s.categoriesWithSamples;
    for (int k = 0; k < 5; ++k) {
        mean[QLatin1String(kMetrics[k].key)] = num(s.over[k].mean);
        sd[QLatin1String(kMetrics[k].key)] = num(s.over[k].stdev);
    }
    over["mean"] = mean;
    over["std"] = sd;
    o["over_categories"] = over;
    if (!s.otherCategories.isEmpty()) o["other_categories"] = QJsonArray::fromStringList(s.otherCategories);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QString fmt(double v, bool percent) {
    if (!std::isfinite(v)) return QStringLiteral("n/a");
    return percent ? QString::number(100 * v, 'f', 1) : QString::number(v, 'f', 3);
}

QString settingsLine(const QJsonObject& st) {
    QStringList layers;
    for (const QJsonValue& l : st["layers"].toArray()) layers << QString::number(l.toInt());
    const QJsonArray w = st["window"].toArray();
    return Cli::tr("steps %1, window %2:%3, layers %4, Otsu %5, precision %6%7")
        .arg(st["steps"].toInt())
        .arg(w.at(0).toInt())
        .arg(w.at(1).toInt())
        .arg(layers.join(QLatin1Char(',')), st["otsu"].toBool() ? Cli::tr("on") : Cli::tr("off"),
             st["precision"].toString(),
             st["split"].toString().isEmpty() ? QString() : Cli::tr(", split %1").arg(st["split"].toString()));
}

QByteArray summaryMarkdown(const Summary& s, const QJsonObject& settings) {
    QString md;
    md += Cli::tr("# MS-CXR phrase grounding (Table I layout)\n\n");
    md += Cli::tr("%1 sample(s) evaluated, %2 skipped. Method: %3.\n\n")
              .arg(s.samples)
              .arg(s.skipped.size())
              .arg(settingsLine(settings));
    md += Cli::tr("Per category: mean ± std over its samples. mIoU and AUC-ROC in %; AUC-ROC is the binned "
                  "AUC of the reference (5 thresholds), AUC-ROC (exact) the unbinned one. The last two rows are "
                  "the mean and the std over the category means (population std).\n\n");
    md += Cli::tr("| Category | N |");
    for (const MetricDef& d : kMetrics) md += QStringLiteral(" %1 |").arg(QString::fromUtf8(d.title).replace(QLatin1Char('|'), QStringLiteral("\\|")));
    md += QStringLiteral("\n|---|---:|");
    for (size_t k = 0; k < std::size(kMetrics); ++k) md += QStringLiteral("---:|");
    md += QLatin1Char('\n');
    for (const CategoryStats& c : s.categories) {
        md += QStringLiteral("| %1 | %2 |").arg(c.name).arg(c.n);
        for (int k = 0; k < 5; ++k) {
            if (c.n == 0)
                md += QStringLiteral(" – |");
            else
                md += QStringLiteral(" %1 ± %2 |").arg(fmt(c.m[k].mean, kMetrics[k].percent),
                                                       fmt(c.m[k].stdev, kMetrics[k].percent));
        }
        md += QLatin1Char('\n');
    }
    md += Cli::tr("| **Mean over categories** | %1 |").arg(s.samples);
    for (int k = 0; k < 5; ++k) md += QStringLiteral(" **%1** |").arg(fmt(s.over[k].mean, kMetrics[k].percent));
    md += QLatin1Char('\n');
    md += Cli::tr("| **Std over categories** | |");
    for (int k = 0; k < 5; ++k) md += QStringLiteral(" %1 |").arg(fmt(s.over[k].stdev, kMetrics[k].percent));
    md += QLatin1Char('\n');
    if (s.categoriesWithSamples < 8)
        md += Cli::tr("\nOnly %1 of the 8 categories have samples: the rows over categories use those.\n")
                  .arg(s.categoriesWithSamples);
    if (!s.otherCategories.isEmpty())
        md += Cli::tr("\nSamples of other categories (not in the table): %1\n").arg(s.otherCategories.join(", "));
    if (!s.skipped.isEmpty()) {
        md += Cli::tr("\n## Skipped samples (%1)\n\n").arg(s.skipped.size());
        for (const QString& k : s.skipped) md += QStringLiteral("- %1\n").arg(k);
    }
    return md.toUtf8();
}

// Bar chart of the per-category means (and the mean over categories), one bar per metric.
bool summaryChart(const Summary& s, std::vector<uchar>* png) {
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
    for (const CategoryStats& c : s.categories) {
        Group g{c.name, c.n, {}};
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
        cv::putText(img, kMetrics[k].title, {lx + 24, 64}, font, 0.5, black, 1, cv::LINE_AA);
        lx += 40 + 10 * int(std::strlen(kMetrics[k].title)) + 20;
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

bool writeAblationSummary(const QString& outDir, const std::vector<Record>& records, const QJsonArray& labels, QString* error);

bool writeSummary(const QString& outDir, const std::vector<Record>& records, const QStringList& skipped,
                  const QJsonObject& settings, QString* error) {
    const Summary s = summarize(records, skipped);
    std::vector<uchar> png;
    if (!summaryChart(s, &png)) {
        *error = Cli::tr("cannot draw the summary chart");
        return false;
    }
    const QDir d(outDir);
    return writeAtomically(d.filePath("summary.json"), summaryJson(s, settings), error) &&
           writeAtomically(d.filePath("summary.md"), summaryMarkdown(s, settings), error) &&
           writeAtomically(d.filePath("summary.png"),
                           QByteArray(reinterpret_cast<const char*>(png.data()), qsizetype(png.size())), error) &&
           (!settings.contains(QStringLiteral("ablate")) ||
            writeAblationSummary(outDir, records, settings[QStringLiteral("ablate")].toArray(), error));
}

// The method settings a result depends on (compared on --resume and by merge).
// ---- ablations (--ablate) ---------------------------------------------------------------------
// A list of settings evaluated from one recording of every layer at every call (Table II layout).
// Spec: clauses separated by ';', each overriding the run's settings with layers=L,L,...|all,
// window=A:B (calls, end exclusive) and otsu=on|off; "default" expands to a standard set.

struct AblationSetting {
    std::vector<int> layers;  // empty: the run's; {-1}: all layers of the model
    int start = -1, end = -1; // -1: the run's window
    int otsu = -1;            // -1: the run's
};

QString expandDefaultAblation(const Settings& s) {
    // Otsu off; each layer of the run alone; all layers; the window one fifth earlier and later.
    QStringList parts{QStringLiteral("otsu=off")};
    for (int l : s.layers) parts << QStringLiteral("layers=%1").arg(l);
    parts << QStringLiteral("layers=all");
    const int n = s.steps;
    parts << QStringLiteral("window=%1:%2").arg(int(std::floor(0.2 * n))).arg(int(std::floor(0.4 * n)));
    parts << QStringLiteral("window=%1:%2").arg(int(std::floor(0.6 * n))).arg(int(std::floor(0.8 * n)));
    return parts.join(QStringLiteral("; "));
}

bool parseAblation(QString spec, const Settings& base, std::vector<AblationSetting>* out, QString* error) {
    out->clear();
    spec.replace(QStringLiteral("default"), expandDefaultAblation(base));
    for (const QString& clause : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (clause.trimmed().isEmpty()) continue;
        AblationSetting a;
        for (const QString& tok : clause.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const QString key = tok.section(QLatin1Char('='), 0, 0).toLower(), value = tok.section(QLatin1Char('='), 1);
            if (key == QLatin1String("layers")) {
                if (value == QLatin1String("all")) {
                    a.layers = {-1};
                    continue;
                }
                for (const QString& l : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                    bool ok = false;
                    const int v = l.toInt(&ok);
                    if (!ok || v < 0) {
                        *error = Cli::tr("--ablate: \"%1\" is not a layer list (e.g. layers=3,4,6,7 or layers=all)").arg(tok);
                        return false;
                    }
                    a.layers.push_back(v);
                }
                if (a.layers.empty()) {
                    *error = Cli::tr("--ablate: \"%1\" names no layer").arg(tok);
                    return false;
                }
            } else if (key == QLatin1String("window")) {
                const QStringList ab = value.split(QLatin1Char(':'));
                bool x = false, y = false;
                if (ab.size() == 2) a.start = ab[0].toInt(&x), a.end = ab[1].toInt(&y);
                if (!x || !y || a.start < 0 || a.end <= a.start) {
                    *error = Cli::tr("--ablate: \"%1\" is not a window A:B with A < B (calls, end exclusive)").arg(tok);
                    return false;
                }
            } else if (key == QLatin1String("otsu") && (value == QLatin1String("on") || value == QLatin1String("off"))) {
                a.otsu = value == QLatin1String("on") ? 1 : 0;
            } else {
                *error = Cli::tr("--ablate: unknown setting \"%1\" (layers=..., window=A:B, otsu=on|off, or default)").arg(tok);
                return false;
            }
        }
        out->push_back(a);
    }
    if (out->empty()) {
        *error = Cli::tr("--ablate needs at least one setting, e.g. \"default\" or \"layers=3; window=60:120\"");
        return false;
    }
    return true;
}

Settings applyAblation(const Settings& base, const AblationSetting& a, int layerCount) {
    Settings s = base;
    if (a.layers == std::vector<int>{-1}) {
        s.layers.clear();
        for (int l = 0; l < layerCount; ++l) s.layers.push_back(l);
    } else if (!a.layers.empty()) {
        s.layers = a.layers;
    }
    if (a.start >= 0) {
        s.windowStart = a.start;
        s.windowEnd = a.end;
    }
    if (a.otsu >= 0) s.otsu = a.otsu == 1;
    return s;
}

QString ablationLabel(const AblationSetting& a, const Settings& base) {
    QStringList layers;
    if (a.layers == std::vector<int>{-1}) layers << QStringLiteral("all");
    else
        for (int l : (a.layers.empty() ? base.layers : a.layers)) layers << QString::number(l);
    const int start = a.start >= 0 ? a.start : base.resolvedStart(), end = a.start >= 0 ? a.end : base.resolvedEnd();
    const bool otsu = a.otsu >= 0 ? a.otsu == 1 : base.otsu;
    return QStringLiteral("layers %1, calls %2-%3, %4").arg(layers.join(QLatin1Char(','))).arg(start).arg(end - 1).arg(otsu ? QStringLiteral("Otsu") : QStringLiteral("no Otsu"));
}

// Table II layout: one row per setting, the mean (and std) over the 8 category means of every metric.
bool writeAblationSummary(const QString& outDir, const std::vector<Record>& records, const QJsonArray& labels, QString* error) {
    const std::vector<std::string>& cats = eval::msCxrCategories();
    QJsonArray rows;
    QByteArray md = Cli::tr("# Ablations (Table II layout)\n\nEach row: the mean ± std over the category means (categories with "
                            "samples), computed from one recording of every layer at every call.\n\n")
                        .toUtf8();
    md += Cli::tr("| Setting | N |").toUtf8();
    for (const MetricDef& d : kMetrics) md += " " + QString::fromUtf8(d.title).replace(QLatin1Char('|'), QStringLiteral("\\|")).toUtf8() + " |";
    md += "\n|---|---:|";
    for (size_t i = 0; i < std::size(kMetrics); ++i) md += "---:|";
    md += "\n";
    for (int k = 0; k < labels.size(); ++k) {
        QJsonObject row;
        row["setting"] = labels[k];
        int n = 0;
        QJsonObject metrics;
        QByteArray line = "| " + labels[k].toString().toUtf8() + " |";
        std::map<std::string, std::vector<const QJsonObject*>> perCat;
        std::vector<QJsonObject> objs;
        objs.reserve(records.size());
        for (const Record& r : records) {
            const QJsonArray a = r.json.value(QStringLiteral("ablation")).toArray();
            if (k < a.size()) objs.push_back(a[k].toObject());
            else objs.push_back(QJsonObject());
        }
        for (size_t i = 0; i < records.size(); ++i)
            if (!objs[i].isEmpty()) perCat[records[i].category.toStdString()].push_back(&objs[i]), ++n;
        line += " " + QByteArray::number(n) + " |";
        for (const MetricDef& d : kMetrics) {
            std::vector<double> catMeans;
            for (const std::string& c : cats) {
                auto it = perCat.find(c);
                if (it == perCat.end() || it->second.empty()) continue;
                std::vector<double> v;
                for (const QJsonObject* o : it->second) v.push_back(numOf((*o)[QLatin1String(d.key)]));
                catMeans.push_back(meanStd(v).mean);
            }
            const MeanStd m = meanStd(catMeans);
            metrics[QLatin1String(d.key)] = meanStdJson(m);
            line += " " + fmt(m.mean, d.percent).toUtf8() + " ± " + fmt(m.stdev, d.percent).toUtf8() + " |";
        }
        row["n"] = n;
        row["over_categories"] = metrics;
        rows.append(row);
        md += line + "\n";
    }
    QJsonObject doc;
    doc["settings"] = rows;
    return writeAtomically(QDir(outDir).filePath("ablation.json"), QJsonDocument(doc).toJson(), error) &&
           writeAtomically(QDir(outDir).filePath("ablation.md"), md, error);
}

QJsonObject methodJson(const Settings& s, const QString& split) {
    QJsonObject o;
    o["steps"] = s.steps;
    o["window"] = QJsonArray{s.resolvedStart(), s.resolvedEnd()};
    QJsonArray layers;
    for (int l : s.layers) layers.append(l);
    o["layers"] = layers;
    o["otsu"] = s.otsu;
    o["precision"] = QString::fromStdString(s.precision);
    o["latent_scale"] = s.latentScale;
    o["blur_sigma"] = s.blurSigma;
    o["split"] = split;
    return o;
}

bool readJsonObject(const QString& file, QJsonObject* out, QString* error) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = Cli::tr("%1: cannot read the file").arg(file);
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = Cli::tr("%1: not a valid JSON object (%2)").arg(file, pe.errorString());
        return false;
    }
    *out = doc.object();
    return true;
}

QString differingKey(const QJsonObject& a, const QJsonObject& b) {
    QStringList keys = a.keys() + b.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString& k : keys)
        if (a.value(k) != b.value(k))
            return QStringLiteral("%1 (%2 vs %3)")
                .arg(k, QString::fromUtf8(QJsonDocument(QJsonArray{a.value(k)}).toJson(QJsonDocument::Compact)),
                     QString::fromUtf8(QJsonDocument(QJsonArray{b.value(k)}).toJson(QJsonDocument::Compact)));
    return {};
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
    std::fputs(QJsonDocument(metricsJson(m)).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    return 0;
}

// ---- cxr-ground evaluate --------------------------------------------------------------------

int cmdEvaluate(QStringList args) {
    Settings s;
    QString err;
    if (!parseSettings(args, &s, &err)) return fail(err, 2);
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
    std::vector<AblationSetting> ablations;
    if (haveAblate && !parseAblation(ablateSpec, s, &ablations, &err)) return fail(err, 2);
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
    if (!QFileInfo(root).isDir()) return fail(Cli::tr("%1: the image folder does not exist").arg(root));

    // The samples: sorted by image and line, limited, grouped per image, this shard's images.
    eval::MsCxrReadResult csvData;
    try {
        eval::MsCxrOptions o;
        o.split = split.toStdString();
        csvData = eval::readMsCxrCsv(csv.toStdString(), o);
    } catch (const eval::MsCxrError& x) {
        return fail(QString::fromStdString(x.what()));
    }
    std::vector<eval::MsCxrSample> samples = std::move(csvData.samples);
    std::stable_sort(samples.begin(), samples.end(), [](const auto& a, const auto& b) {
        return a.path != b.path ? a.path < b.path : a.firstLine < b.firstLine;
    });
    if (limit > 0 && int(samples.size()) > limit) samples.resize(size_t(limit));
    struct ImageGroup {
        std::string path;
        std::vector<size_t> samples;
    };
    std::vector<ImageGroup> images;
    for (size_t i = 0; i < samples.size(); ++i) {
        if (images.empty() || images.back().path != samples[i].path) images.push_back({samples[i].path, {}});
        images.back().samples.push_back(i);
    }
    std::vector<ImageGroup> mine;
    for (size_t g = 0; g < images.size(); ++g)
        if (int(g % size_t(shardN)) == shardK - 1) mine.push_back(images[g]);
    QSet<QString> selection;
    int total = 0;
    for (const ImageGroup& g : mine)
        for (size_t i : g.samples) selection.insert(sampleKey(samples[i])), ++total;
    QStringList skipped;
    for (const std::string& k : csvData.skipped) {
        skipped << QString::fromStdString(k);
        std::fprintf(stderr, "cxr-ground: %s\n", k.c_str());
    }

    // Output folder, run.json and what a previous run finished.
    if (!QDir().mkpath(outDir)) return fail(Cli::tr("%1: cannot create the output folder").arg(outDir));
    const QDir out(outDir);
    const QString resultsFile = out.filePath("results.jsonl");
    QJsonObject method = methodJson(s, split);
    if (!ablations.empty()) {
        QJsonArray labels;
        for (const AblationSetting& a : ablations) labels.append(ablationLabel(a, s));
        method["ablate"] = labels;
    }
    QJsonObject run;
    run["method"] = method;
    run["shard"] = QJsonArray{shardK, shardN};
    run["limit"] = limit > 0 ? QJsonValue(limit) : QJsonValue();
    run["csv"] = QFileInfo(csv).absoluteFilePath();
    run["images"] = QFileInfo(root).absoluteFilePath();
    run["model"] = QFileInfo(modelDir).absoluteFilePath();
    std::vector<Record> done;
    qint64 validBytes = 0;
    if (!resume) {
        if (QFileInfo(resultsFile).size() > 0)
            return fail(Cli::tr("%1 already holds results: add --resume to continue that run, or choose another "
                                "--out folder")
                            .arg(resultsFile));
    } else {
        const QString runFile = out.filePath("run.json");
        if (QFileInfo(runFile).exists()) {
            QJsonObject previous;
            if (!readJsonObject(runFile, &previous, &err)) return fail(err);
            const QString diff = differingKey(previous["method"].toObject(), method);
            if (!diff.isEmpty())
                return fail(Cli::tr("--resume with other method settings than the run in %1: %2").arg(outDir, diff));
        }
        QString note;
        if (!readResults(resultsFile, &done, &validBytes, &note, &err)) return fail(err);
        for (const Record& r : done)
            if (!selection.contains(r.key()))
                return fail(Cli::tr("%1 holds the sample %2 (\"%3\") that this run does not select (another --csv, "
                                    "--split, --shard or --limit?)")
                                .arg(resultsFile, r.path, r.prompt));
        // Drop the incomplete last line of a killed run before appending.
        if (QFileInfo(resultsFile).exists() && QFileInfo(resultsFile).size() != validBytes) {
            QFile f(resultsFile);
            if (!f.resize(validBytes)) return fail(Cli::tr("%1: cannot truncate the incomplete last line").arg(resultsFile));
            std::fprintf(stderr, "cxr-ground: %s\n", note.toUtf8().constData());
        }
    }
    if (!writeAtomically(out.filePath("run.json"), QJsonDocument(run).toJson(), &err)) return fail(err);
    QSet<QString> finished;
    for (const Record& r : done) finished.insert(r.key());
    const int already = int(finished.size());
    std::fprintf(stderr, "cxr-ground: evaluate: %d sample(s) on %zu image(s) in this run (shard %d/%d)%s\n", total,
                 mine.size(), shardK, shardN,
                 already > 0 ? Cli::tr(", %1 already finished").arg(already).toUtf8().constData() : "");

    std::unique_ptr<grounding::Engine> engine;  // loaded when the first image needs it
    std::FILE* resultsOut = nullptr;
    if (already < total) {
        resultsOut = std::fopen(QFile::encodeName(resultsFile).constData(), "ab");
        if (!resultsOut) return fail(Cli::tr("%1: cannot open the file for writing").arg(resultsFile));
    }
    struct Closer {
        std::FILE*& f;
        ~Closer() {
            if (f) std::fclose(f);
        }
    } closer{resultsOut};

    int processed = already, skippedHere = 0, groundedHere = 0;
    QElapsedTimer clockTimer;
    clockTimer.start();
    auto skip = [&](const eval::MsCxrSample& smp, const QString& reason) {
        const QString line = QStringLiteral("%1 \"%2\" (%3): %4")
                                 .arg(QString::fromStdString(smp.path), QString::fromStdString(smp.labelText),
                                      QString::fromStdString(smp.category), reason);
        skipped << line;
        std::fprintf(stderr, "cxr-ground: skipped %s\n", line.toUtf8().constData());
        ++processed;
        ++skippedHere;
    };
    auto progress = [&]() {
        const double elapsed = clockTimer.elapsed() / 1000.0;
        const int left = total - processed;
        QString eta = Cli::tr("unknown");
        if (groundedHere > 0) eta = clock(elapsed / groundedHere * left);
        if (left == 0) eta = clock(0);
        std::fprintf(stderr, "cxr-ground: evaluate: %d/%d done (%d skipped), %s elapsed, %s left\n", processed, total,
                     skippedHere, clock(elapsed).toUtf8().constData(), eta.toUtf8().constData());
    };

    for (const ImageGroup& g : mine) {
        std::vector<const eval::MsCxrSample*> pending;
        for (size_t i : g.samples)
            if (!finished.contains(sampleKey(samples[i]))) pending.push_back(&samples[i]);
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
            engine = grounding::Engine::load(modelDir.toStdString(), s, &e);
            if (!engine) return fail(QString::fromStdString(e));
        }
        QElapsedTimer t;
        t.start();
        std::vector<std::string> prompts;
        for (const auto* p : pending) prompts.push_back(p->labelText);
        std::vector<PromptResult> results;
        std::string e;
        std::vector<const eval::MsCxrSample*> groundedSamples = pending;
        // --ablate: one recording of every layer at every call up to the last window asked for;
        // the run's setting and every ablation setting are computed from it.
        std::vector<std::vector<QJsonObject>> ablationMetrics;
        if (!ablations.empty()) {
            const int L = engine->info().crossAttentionLayers;
            std::vector<Settings> settings;
            int calls = s.resolvedEnd();
            for (const AblationSetting& a : ablations) {
                settings.push_back(applyAblation(s, a, L));
                const std::string problem = settings.back().validate(L);
                if (!problem.empty()) return fail(Cli::tr("--ablate %1: %2").arg(ablationLabel(a, s), QString::fromStdString(problem)), 2);
                calls = std::max(calls, settings.back().resolvedEnd());
            }
            std::vector<grounding::AblationRecord> records;
            groundedSamples.clear();
            auto use = [&](const grounding::AblationRecord& rec, const eval::MsCxrSample* smp) {
                PromptResult main;
                std::string e2;
                if (!grounding::Engine::resultFromRecord(rec, s, &main, &e2)) {
                    skip(*smp, Cli::tr("grounding failed: %1").arg(QString::fromStdString(e2)));
                    return;
                }
                std::vector<QJsonObject> row;
                for (const Settings& st : settings) {
                    PromptResult r;
                    if (!grounding::Engine::resultFromRecord(rec, st, &r, &e2)) {
                        row.push_back(QJsonObject());
                        continue;
                    }
                    row.push_back(metricsJson(eval::computeAll(r.original, r.originalWidth, r.originalHeight, smp->boxes)));
                }
                results.push_back(std::move(main));
                groundedSamples.push_back(smp);
                ablationMetrics.push_back(std::move(row));
            };
            if (engine->recordAllLayers(image, prompts, s, calls, &records, &e)) {
                for (size_t k = 0; k < records.size(); ++k) use(records[k], pending[k]);
            } else {
                for (const auto* p : pending) {
                    std::vector<grounding::AblationRecord> one;
                    std::string e1;
                    if (engine->recordAllLayers(image, {p->labelText}, s, calls, &one, &e1) && one.size() == 1) use(one[0], p);
                    else skip(*p, Cli::tr("grounding failed: %1").arg(QString::fromStdString(e1)));
                }
            }
        } else if (!engine->ground(image, prompts, s, &results, &e)) {
            // One prompt may be at fault (e.g. no words): ground them one by one, skip the failing ones.
            results.clear();
            groundedSamples.clear();
            for (const auto* p : pending) {
                std::vector<PromptResult> one;
                std::string e1;
                if (engine->ground(image, {p->labelText}, s, &one, &e1) && one.size() == 1) {
                    results.push_back(std::move(one[0]));
                    groundedSamples.push_back(p);
                } else {
                    skip(*p, Cli::tr("grounding failed: %1").arg(QString::fromStdString(e1)));
                }
            }
        }
        const double groundSeconds = t.elapsed() / 1000.0;
        for (size_t k = 0; k < results.size(); ++k) {
            const eval::MsCxrSample& smp = *groundedSamples[k];
            const PromptResult& r = results[k];
            QElapsedTimer mt;
            mt.start();
            const Metrics m = eval::computeAll(r.original, r.originalWidth, r.originalHeight, smp.boxes);
            QJsonObject o;
            o["path"] = QString::fromStdString(smp.path);
            o["dicom_id"] = QString::fromStdString(smp.dicomId);
            o["prompt"] = QString::fromStdString(smp.labelText);
            o["category"] = QString::fromStdString(smp.category);
            o["boxes"] = boxesJson(smp.boxes);
            o["dropped_boxes"] = smp.droppedBoxes;
            o["image_width"] = smp.imageWidth;
            o["image_height"] = smp.imageHeight;
            const QJsonObject mj = metricsJson(m);
            for (auto it = mj.begin(); it != mj.end(); ++it) o[it.key()] = it.value();
            if (!ablationMetrics.empty()) {
                QJsonArray a;
                for (const QJsonObject& m2 : ablationMetrics[k]) a.append(m2.isEmpty() ? QJsonValue() : QJsonValue(m2));
                o["ablation"] = a;
            }
            o["seconds"] = groundSeconds / double(results.size()) + mt.elapsed() / 1000.0;
            const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
            if (std::fwrite(line.constData(), 1, size_t(line.size()), resultsOut) != size_t(line.size()) ||
                std::fflush(resultsOut) != 0)
                return fail(Cli::tr("%1: cannot write (disk full?)").arg(resultsFile));
            ++processed;
            ++groundedHere;
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
    if (!readResults(resultsFile, &all, &validBytes, nullptr, &err)) return fail(err);
    if (!writeSummary(outDir, all, skipped, method, &err)) return fail(err);
    std::fprintf(stderr, "cxr-ground: %zu result(s), %lld skipped; summary in %s\n", all.size(),
                 static_cast<long long>(skipped.size()), QDir(outDir).filePath("summary.md").toUtf8().constData());
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
    std::map<QString, size_t> byKey;
    QStringList skipped;
    QJsonObject method;
    bool haveMethod = false;
    std::map<int, QSet<int>> shardsSeen;  // N -> the K present
    const QString outAbs = QFileInfo(outDir).absoluteFilePath();
    int duplicates = 0;
    for (const QString& dir : args) {
        if (QFileInfo(dir).absoluteFilePath() == outAbs)
            return fail(Cli::tr("%1: the output folder cannot be one of the inputs").arg(dir), 2);
        const QDir d(dir);
        if (!QFileInfo(d.filePath("results.jsonl")).isFile())
            return fail(Cli::tr("%1: no results.jsonl (not an evaluate output folder)").arg(dir));
        QJsonObject run, summary;
        if (!readJsonObject(d.filePath("run.json"), &run, &err)) return fail(err);
        if (!QFileInfo(d.filePath("summary.json")).isFile())
            return fail(Cli::tr("%1: no summary.json: that run did not finish; finish it with evaluate --resume").arg(dir));
        if (!readJsonObject(d.filePath("summary.json"), &summary, &err)) return fail(err);
        const QJsonObject m = run["method"].toObject();
        if (!haveMethod) {
            method = m;
            haveMethod = true;
        } else if (const QString diff = differingKey(method, m); !diff.isEmpty()) {
            return fail(Cli::tr("%1 was run with other method settings than %2: %3").arg(dir, args.first(), diff));
        }
        const QJsonArray shard = run["shard"].toArray();
        if (shard.size() == 2) shardsSeen[shard[1].toInt()].insert(shard[0].toInt());
        for (const QJsonValue& v : summary["skipped"].toArray()) skipped << v.toString();
        std::vector<Record> recs;
        qint64 valid = 0;
        QString note;
        if (!readResults(d.filePath("results.jsonl"), &recs, &valid, &note, &err)) return fail(err);
        if (!note.isEmpty()) return fail(Cli::tr("%1; finish that run with evaluate --resume first").arg(note));
        for (Record& r : recs) {
            auto it = byKey.find(r.key());
            if (it == byKey.end()) {
                byKey.emplace(r.key(), all.size());
                all.push_back(std::move(r));
                continue;
            }
            const Record& first = all[it->second];
            bool same = first.category == r.category;
            for (const MetricDef& m2 : kMetrics) {
                const double a = first.m.*m2.field, b = r.m.*m2.field;
                same = same && (a == b || (std::isnan(a) && std::isnan(b)));
            }
            if (!same)
                return fail(Cli::tr("the sample %1 (\"%2\") is in several folders with different metrics (%3 among "
                                    "them): overlapping shards of different runs?")
                                .arg(r.path, r.prompt, dir));
            ++duplicates;
            std::fprintf(stderr, "cxr-ground: warning: the sample %s (\"%s\") is in several folders; counted once\n",
                         r.path.toUtf8().constData(), r.prompt.toUtf8().constData());
        }
    }
    for (const auto& [n, ks] : shardsSeen)
        if (int(ks.size()) != n) {
            QStringList missing;
            for (int k = 1; k <= n; ++k)
                if (!ks.contains(k)) missing << QStringLiteral("%1/%2").arg(k).arg(n);
            if (!missing.isEmpty())
                std::fprintf(stderr, "cxr-ground: warning: shard(s) %s not among the inputs: the summary covers part "
                                     "of the data\n",
                             missing.join(", ").toUtf8().constData());
        }
    if (!QDir().mkpath(outDir)) return fail(Cli::tr("%1: cannot create the output folder").arg(outDir));
    const QDir out(outDir);
    std::sort(all.begin(), all.end(), [](const Record& a, const Record& b) { return a.key() < b.key(); });
    QByteArray lines;
    for (const Record& r : all) lines += QJsonDocument(r.json).toJson(QJsonDocument::Compact) + '\n';
    QJsonObject run;
    run["method"] = method;
    QJsonArray inputs;
    for (const QString& dir : args) inputs.append(QFileInfo(dir).absoluteFilePath());
    run["merged_from"] = inputs;
    if (!writeAtomically(out.filePath("results.jsonl"), lines, &err) ||
        !writeAtomically(out.filePath("run.json"), QJsonDocument(run).toJson(), &err) ||
        !writeSummary(outDir, all, skipped, method, &err))
        return fail(err);
    std::fprintf(stderr, "cxr-ground: merged %zu result(s) from %lld folder(s)%s; summary in %s\n", all.size(),
                 static_cast<long long>(args.size()),
                 duplicates ? Cli::tr(" (%1 duplicate(s) counted once)").arg(duplicates).toUtf8().constData() : "",
                 out.filePath("summary.md").toUtf8().constData());
    return 0;
}

}  // namespace cxr::cli
