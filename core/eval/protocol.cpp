#include "eval/protocol.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include <sys/stat.h>

namespace cxr::eval {

using json::Value;

// ---- metrics ----------------------------------------------------------------------------------

const std::vector<MetricDef>& metricDefs() {
    static const std::vector<MetricDef> defs = {
        {"cnr_abs", "|CNR|", false, &Metrics::cnrAbs},
        {"cnr", "CNR", false, &Metrics::cnr},
        {"miou", "mIoU", true, &Metrics::miou},
        {"auroc_binned", "AUC-ROC", true, &Metrics::aurocBinned},
        {"auroc", "AUC-ROC (exact)", true, &Metrics::auroc},
    };
    return defs;
}

Value metricsJson(const Metrics& m) {
    Value o = Value::object();
    for (const MetricDef& d : metricDefs()) o.set(d.key, Value::number(m.*d.field));  // NaN -> null
    return o;
}

namespace {

Metrics metricsOf(const Value& o) {
    Metrics m;
    for (const MetricDef& d : metricDefs()) m.*d.field = o.numberAt(d.key);
    return m;
}

Value sampleJson(const MsCxrSample& s) {
    Value o = Value::object();
    o.set("path", Value::string(s.path));
    o.set("dicom_id", Value::string(s.dicomId));
    o.set("prompt", Value::string(s.labelText));
    o.set("category", Value::string(s.category));
    Value boxes = Value::array();
    for (const Box& b : s.boxes)
        boxes.push(Value::array().push(Value::integer(b.x)).push(Value::integer(b.y)).push(Value::integer(b.w)).push(Value::integer(b.h)));
    o.set("boxes", boxes);
    o.set("dropped_boxes", Value::integer(s.droppedBoxes));
    o.set("image_width", Value::integer(s.imageWidth));
    o.set("image_height", Value::integer(s.imageHeight));
    return o;
}

void setMetrics(Value* o, const std::optional<Metrics>& m) {
    for (const MetricDef& d : metricDefs()) o->set(d.key, m ? Value::number((*m).*d.field) : Value::null());
}

Value ablationArray(const std::vector<std::optional<Metrics>>& ablation) {
    Value a = Value::array();
    for (const auto& m : ablation) a.push(m ? metricsJson(*m) : Value::null());
    return a;
}

std::string fmt(double v, bool percent) {
    if (!std::isfinite(v)) return "n/a";
    char buf[32];
    std::snprintf(buf, sizeof buf, percent ? "%.1f" : "%.3f", percent ? 100 * v : v);
    return buf;
}

std::string escapePipes(const std::string& s) {
    std::string out;
    for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
}

}  // namespace

// ---- records ------------------------------------------------------------------------------------

std::string sampleKey(const MsCxrSample& s) { return s.path + '\0' + s.labelText; }

Value recordJson(const MsCxrSample& s, const Metrics& m, const std::vector<std::optional<Metrics>>& ablation,
                 double seconds) {
    Value o = sampleJson(s);
    setMetrics(&o, m);
    if (!ablation.empty()) o.set("ablation", ablationArray(ablation));
    o.set("seconds", Value::number(seconds));
    return o;
}

Value failedRecordJson(const MsCxrSample& s, const std::string& error) {
    Value o = sampleJson(s);
    setMetrics(&o, std::nullopt);
    o.set("failed", Value::boolean(true));
    o.set("error", Value::string(error));
    return o;
}

Value leftOutRecordJson(const MsCxrSample& s, const std::string& reason,
                        const std::vector<std::optional<Metrics>>& ablation) {
    Value o = sampleJson(s);
    setMetrics(&o, std::nullopt);
    o.set("left_out", Value::string(reason));
    if (!ablation.empty()) o.set("ablation", ablationArray(ablation));
    return o;
}

bool parseRecord(const std::string& line, Record* r, std::string* why) {
    Value o;
    std::string err;
    if (!json::parse(line, &o, &err)) {
        *why = err;
        return false;
    }
    if (!o.isObject()) {
        *why = "not a JSON object";
        return false;
    }
    for (const char* k : {"path", "prompt", "category"}) {
        const Value* v = o.find(k);
        if (!v || !v->isString()) {
            *why = std::string("no \"") + k + "\" text";
            return false;
        }
    }
    for (const MetricDef& d : metricDefs()) {
        const Value* v = o.find(d.key);
        if (!v || (!v->isNumber() && !v->isNull())) {
            *why = std::string("no \"") + d.key + "\" number";
            return false;
        }
    }
    *r = Record();
    r->m = metricsOf(o);
    r->path = o.stringAt("path");
    r->prompt = o.stringAt("prompt");
    r->category = o.stringAt("category");
    r->dicomId = o.stringAt("dicom_id");
    const Value* failed = o.find("failed");
    r->failed = failed && failed->isBool() && failed->asBool();
    r->error = o.stringAt("error");
    r->leftOut = o.stringAt("left_out");
    if (const Value* b = o.find("boxes"); b && b->isArray())
        for (const Value& box : b->items())
            if (box.isArray() && box.items().size() == 4)
                r->boxes.push_back(Box{int(box.items()[0].toNumber()), int(box.items()[1].toNumber()),
                                       int(box.items()[2].toNumber()), int(box.items()[3].toNumber())});
    if (const Value* a = o.find("ablation"); a && a->isArray())
        for (const Value& m : a->items())
            r->ablation.push_back(m.isObject() ? std::optional<Metrics>(metricsOf(m)) : std::nullopt);
    r->json = std::move(o);
    return true;
}

bool readResults(const std::string& file, std::vector<Record>* out, int64_t* validBytes, std::string* droppedNote,
                 std::string* error) {
    out->clear();
    *validBytes = 0;
    struct stat st;
    if (::stat(file.c_str(), &st) != 0) return true;  // no results yet
    std::ifstream f(file, std::ios::binary);
    if (!f) {
        *error = file + ": cannot read the file";
        return false;
    }
    const std::string all((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    std::map<std::string, size_t> seen;  // key -> index in out
    size_t pos = 0;
    int lineNo = 0;
    while (pos < all.size()) {
        ++lineNo;
        const size_t nl = all.find('\n', pos);
        const bool complete = nl != std::string::npos;
        const std::string line = all.substr(pos, (complete ? nl : all.size()) - pos);
        const bool last = !complete || nl + 1 >= all.size();
        if (complete && line.find_first_not_of(" \t\r") == std::string::npos) {
            pos = nl + 1;
            *validBytes = int64_t(pos);
            continue;
        }
        Record r;
        std::string why;
        if (!complete || !parseRecord(line, &r, &why)) {
            if (last) {
                if (droppedNote)
                    *droppedNote = file + ": line " + std::to_string(lineNo) + " is incomplete (" +
                                   std::to_string(line.size()) +
                                   " bytes, an interrupted run); it is dropped and its sample evaluated again";
                break;
            }
            *error = file + ": line " + std::to_string(lineNo) + " is not a valid result (" + why +
                     "); remove or fix that line";
            return false;
        }
        auto it = seen.find(r.key());
        if (it != seen.end()) {
            if (!(*out)[it->second].failed) {
                *error = file + ": line " + std::to_string(lineNo) + ": the sample " + r.path + " (\"" + r.prompt +
                         "\") appears twice";
                return false;
            }
            (*out)[it->second] = std::move(r);  // a retried sample: the later line counts
        } else {
            seen.emplace(r.key(), out->size());
            out->push_back(std::move(r));
        }
        pos = nl + 1;
        *validBytes = int64_t(pos);
    }
    return true;
}

// ---- selection --------------------------------------------------------------------------------

Selection selectSamples(std::vector<MsCxrSample> samples, int limit, int shardK, int shardN) {
    Selection sel;
    std::stable_sort(samples.begin(), samples.end(), [](const auto& a, const auto& b) {
        return a.path != b.path ? a.path < b.path : a.firstLine < b.firstLine;
    });
    if (limit > 0 && int(samples.size()) > limit) samples.resize(size_t(limit));
    sel.samples = std::move(samples);
    std::vector<ImageGroup> images;
    for (size_t i = 0; i < sel.samples.size(); ++i) {
        if (images.empty() || images.back().path != sel.samples[i].path) images.push_back({sel.samples[i].path, {}});
        images.back().samples.push_back(i);
    }
    for (size_t g = 0; g < images.size(); ++g)
        if (int(g % size_t(std::max(1, shardN))) == shardK - 1) sel.images.push_back(images[g]);
    for (const ImageGroup& g : sel.images)
        for (size_t i : g.samples) sel.keys.insert(sampleKey(sel.samples[i])), ++sel.total;
    return sel;
}

// ---- statistics ---------------------------------------------------------------------------------

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

Summary summarize(std::vector<Record> records, std::vector<std::string> skipped) {
    std::sort(records.begin(), records.end(), [](const Record& a, const Record& b) { return a.key() < b.key(); });
    std::sort(skipped.begin(), skipped.end());
    skipped.erase(std::unique(skipped.begin(), skipped.end()), skipped.end());
    Summary s;
    s.skipped = skipped;
    const auto& defs = metricDefs();
    std::vector<double> catMeans[5];
    for (const Record& r : records) {
        if (r.failed) s.failed.push_back(r.path + " \"" + r.prompt + "\": " + r.error);
        else if (!r.leftOut.empty()) s.leftOut.push_back(r.path + " \"" + r.prompt + "\": " + r.leftOut);
        else ++s.samples;
    }
    for (const std::string& c : msCxrCategories()) {
        CategoryStats cs;
        cs.name = c;
        std::vector<double> v[5];
        for (const Record& r : records)
            if (r.counted() && r.category == c) {
                ++cs.n;
                for (int k = 0; k < 5; ++k) v[k].push_back(r.m.*defs[size_t(k)].field);
            }
        for (int k = 0; k < 5; ++k) {
            cs.m[k] = meanStd(v[k]);
            if (cs.n > 0) catMeans[k].push_back(cs.m[k].mean);
        }
        if (cs.n > 0) ++s.categoriesWithSamples;
        s.categories.push_back(cs);
    }
    for (int k = 0; k < 5; ++k) s.over[k] = meanStd(catMeans[k]);
    const auto& cats = msCxrCategories();
    for (const Record& r : records)
        if (r.counted() && std::find(cats.begin(), cats.end(), r.category) == cats.end() &&
            std::find(s.otherCategories.begin(), s.otherCategories.end(), r.category) == s.otherCategories.end())
            s.otherCategories.push_back(r.category);
    return s;
}

namespace {

Value meanStdJson(const MeanStd& m) {
    return Value::object().set("mean", Value::number(m.mean)).set("std", Value::number(m.stdev));
}

Value stringArray(const std::vector<std::string>& v) {
    Value a = Value::array();
    for (const std::string& x : v) a.push(Value::string(x));
    return a;
}

}  // namespace

Value summaryJson(const Summary& s, const Value& settings) {
    const auto& defs = metricDefs();
    Value o = Value::object();
    o.set("samples", Value::integer(s.samples));
    o.set("skipped_count", Value::integer(int64_t(s.skipped.size())));
    o.set("skipped", stringArray(s.skipped));
    o.set("failed_count", Value::integer(int64_t(s.failed.size())));
    o.set("failed", stringArray(s.failed));
    o.set("left_out_count", Value::integer(int64_t(s.leftOut.size())));
    o.set("left_out", stringArray(s.leftOut));
    o.set("settings", settings);
    o.set("std", Value::string("population standard deviation (ddof = 0)"));
    Value cats = Value::array();
    for (const CategoryStats& c : s.categories) {
        Value co = Value::object();
        co.set("category", Value::string(c.name));
        co.set("n", Value::integer(c.n));
        for (int k = 0; k < 5; ++k) co.set(defs[size_t(k)].key, meanStdJson(c.m[k]));
        cats.push(co);
    }
    o.set("categories", cats);
    Value over = Value::object(), mean = Value::object(), sd = Value::object();
    over.set("categories_with_samples", Value::integer(s.categoriesWithSamples));
    for (int k = 0; k < 5; ++k) {
        mean.set(defs[size_t(k)].key, Value::number(s.over[k].mean));
        sd.set(defs[size_t(k)].key, Value::number(s.over[k].stdev));
    }
    over.set("mean", mean);
    over.set("std", sd);
    o.set("over_categories", over);
    if (!s.otherCategories.empty()) o.set("other_categories", stringArray(s.otherCategories));
    return o;
}

std::string settingsLine(const Value& st) {
    std::string layers;
    if (const Value* l = st.find("layers"); l && l->isArray())
        for (const Value& x : l->items()) layers += (layers.empty() ? "" : ",") + std::to_string(int64_t(x.toNumber()));
    int w0 = 0, w1 = 0;
    if (const Value* w = st.find("window"); w && w->isArray() && w->items().size() == 2)
        w0 = int(w->items()[0].toNumber()), w1 = int(w->items()[1].toNumber());
    const Value* otsu = st.find("otsu");
    std::string line = "steps " + std::to_string(int(st.numberAt("steps"))) + ", window " + std::to_string(w0) + ":" +
                       std::to_string(w1) + ", layers " + layers + ", Otsu " +
                       (otsu && otsu->isBool() && otsu->asBool() ? "on" : "off") + ", precision " + st.stringAt("precision");
    if (const Value* a = st.find("attribution"); a && a->isBool() && a->asBool())
        line += ", attribution (each sample's category)";
    if (!st.stringAt("split").empty()) line += ", split " + st.stringAt("split");
    return line;
}

std::string summaryMarkdown(const Summary& s, const std::string& settings) {
    const auto& defs = metricDefs();
    std::ostringstream md;
    md << "# MS-CXR phrase grounding (Table I layout)\n\n";
    md << s.samples << " sample(s) evaluated, " << s.skipped.size() << " skipped";
    if (!s.failed.empty()) md << ", " << s.failed.size() << " failed";
    if (!s.leftOut.empty()) md << ", " << s.leftOut.size() << " left out";
    md << ". Method: " << settings << ".\n\n";
    md << "Per category: mean ± std over its samples. mIoU and AUC-ROC in %; AUC-ROC is the binned AUC of the "
          "reference (5 thresholds), AUC-ROC (exact) the unbinned one. The last two rows are the mean and the std "
          "over the category means (population std).\n\n";
    md << "| Category | N |";
    for (const MetricDef& d : defs) md << " " << escapePipes(d.title) << " |";
    md << "\n|---|---:|";
    for (size_t k = 0; k < defs.size(); ++k) md << "---:|";
    md << "\n";
    for (const CategoryStats& c : s.categories) {
        md << "| " << c.name << " | " << c.n << " |";
        for (int k = 0; k < 5; ++k) {
            if (c.n == 0) md << " – |";
            else md << " " << fmt(c.m[k].mean, defs[size_t(k)].percent) << " ± " << fmt(c.m[k].stdev, defs[size_t(k)].percent) << " |";
        }
        md << "\n";
    }
    md << "| **Mean over categories** | " << s.samples << " |";
    for (int k = 0; k < 5; ++k) md << " **" << fmt(s.over[k].mean, defs[size_t(k)].percent) << "** |";
    md << "\n| **Std over categories** | |";
    for (int k = 0; k < 5; ++k) md << " " << fmt(s.over[k].stdev, defs[size_t(k)].percent) << " |";
    md << "\n";
    if (s.categoriesWithSamples < 8)
        md << "\nOnly " << s.categoriesWithSamples << " of the 8 categories have samples: the rows over categories use those.\n";
    if (!s.otherCategories.empty()) {
        md << "\nSamples of other categories (not in the table):";
        for (const std::string& c : s.otherCategories) md << " " << c;
        md << "\n";
    }
    auto list = [&](const char* title, const std::vector<std::string>& v) {
        if (v.empty()) return;
        md << "\n## " << title << " (" << v.size() << ")\n\n";
        for (const std::string& k : v) md << "- " << k << "\n";
    };
    list("Failed samples (evaluate --resume retries them)", s.failed);
    list("Left out (none of the category's tokens in the prompt)", s.leftOut);
    list("Skipped samples", s.skipped);
    return md.str();
}

// ---- ablations ----------------------------------------------------------------------------------

namespace {

std::vector<std::string> splitOn(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

std::string trim(const std::string& s) {
    const size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

bool toInt(const std::string& s, int* v) {
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return false;
    *v = std::stoi(s);
    return true;
}

std::string rowLabel(const AblationRow& a, const grounding::Settings& base) {
    std::string layers;
    if (a.layers == std::vector<int>{-1}) layers = "all";
    else
        for (int l : (a.layers.empty() ? base.layers : a.layers)) layers += (layers.empty() ? "" : ",") + std::to_string(l);
    const int start = a.start >= 0 ? a.start : base.resolvedStart(), end = a.start >= 0 ? a.end : base.resolvedEnd();
    const bool otsu = a.otsu >= 0 ? a.otsu == 1 : base.otsu;
    return "layers " + layers + ", calls " + std::to_string(start) + "-" + std::to_string(end - 1) + ", " +
           (otsu ? "Otsu" : "no Otsu") + (a.attribution ? ", category tokens" : "");
}

}  // namespace

bool parseAblation(const std::string& specIn, const grounding::Settings& base, AblationPlan* plan, std::string* error) {
    *plan = AblationPlan();
    const std::string spec = trim(specIn);
    const std::vector<int> six{3, 4, 5, 6, 7, 8};
    if (spec == "paper-table2") {
        // docs/method.md "Evaluation": N = 100; T = 100 is calls 0..99, T = 20 is 40..59; L = 11 all layers, L = 6 is 3..8.
        plan->name = spec;
        plan->steps = 100;
        plan->rows = {
            {"L=11, T=100", {-1}, 0, 100, 0, false, 0.68, 15.7},
            {"L=11, T=20", {-1}, 40, 60, 0, false, 0.71, 16.5},
            {"L=6, T=100", six, 0, 100, 0, false, 0.75, 16.6},
            {"L=6, T=20", six, 40, 60, 0, false, 0.78, 17.0},
            {"L=6, T=20, Otsu", six, 40, 60, 1, false, 0.75, 20.4},
        };
        return true;
    }
    if (spec == "paper-table3") {
        plan->name = spec;
        plan->steps = 100;
        plan->onlyWithCategoryTokens = true;
        plan->rows = {
            {"Pathology tokens (attribution)", six, 40, 60, 1, true, 0.31, 13.6},
            {"All tokens", six, 40, 60, 1, false, 0.76, 20.9},
        };
        return true;
    }
    plan->name = "custom";
    std::string expanded = spec;
    for (size_t at; (at = expanded.find("default")) != std::string::npos;) {
        // Otsu off; each layer of the run alone; all layers; the window one fifth earlier and later.
        std::string d = "otsu=off";
        for (int l : base.layers) d += "; layers=" + std::to_string(l);
        d += "; layers=all";
        const int n = base.steps;
        d += "; window=" + std::to_string(n / 5) + ":" + std::to_string(2 * n / 5);
        d += "; window=" + std::to_string(3 * n / 5) + ":" + std::to_string(4 * n / 5);
        expanded.replace(at, 7, d);
    }
    for (const std::string& clauseRaw : splitOn(expanded, ';')) {
        const std::string clause = trim(clauseRaw);
        if (clause.empty()) continue;
        AblationRow a;
        std::istringstream words(clause);
        std::string tok;
        while (words >> tok) {
            const size_t eq = tok.find('=');
            std::string key = tok.substr(0, eq), value = eq == std::string::npos ? "" : tok.substr(eq + 1);
            std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return char(std::tolower(c)); });
            if (key == "layers") {
                if (value == "all") {
                    a.layers = {-1};
                    continue;
                }
                for (const std::string& l : splitOn(value, ',')) {
                    int v = 0;
                    if (!toInt(trim(l), &v)) {
                        *error = "--ablate: \"" + tok + "\" is not a layer list (e.g. layers=3,4,6,7 or layers=all)";
                        return false;
                    }
                    a.layers.push_back(v);
                }
            } else if (key == "window") {
                const std::vector<std::string> ab = splitOn(value, ':');
                if (ab.size() != 2 || !toInt(ab[0], &a.start) || !toInt(ab[1], &a.end) || a.end <= a.start) {
                    *error = "--ablate: \"" + tok + "\" is not a window A:B with A < B (calls, end exclusive)";
                    return false;
                }
            } else if (key == "otsu" && (value == "on" || value == "off")) {
                a.otsu = value == "on" ? 1 : 0;
            } else if (key == "tokens" && (value == "all" || value == "category")) {
                a.attribution = value == "category";
            } else {
                *error = "--ablate: unknown setting \"" + tok +
                         "\" (layers=..., window=A:B, otsu=on|off, tokens=all|category, default, paper-table2, "
                         "paper-table3)";
                return false;
            }
        }
        a.label = rowLabel(a, base);
        plan->rows.push_back(a);
    }
    if (plan->rows.empty()) {
        *error = "--ablate needs at least one setting, e.g. \"paper-table2\", \"default\" or \"layers=3; window=60:120\"";
        return false;
    }
    return true;
}

grounding::Settings applyAblation(const grounding::Settings& base, const AblationRow& a, int layerCount) {
    grounding::Settings s = base;
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
    s.attribution.clear();  // the evaluation sets each sample's category where the row asks for it
    return s;
}

int ablationCalls(const grounding::Settings& base, const AblationPlan& plan, int layerCount) {
    int calls = base.resolvedEnd();
    for (const AblationRow& r : plan.rows) calls = std::max(calls, applyAblation(base, r, layerCount).resolvedEnd());
    return calls;
}

Value ablationJson(const AblationPlan& plan, const grounding::Settings& base, int layerCount) {
    Value rows = Value::array();
    for (const AblationRow& r : plan.rows) {
        const grounding::Settings s = applyAblation(base, r, layerCount);
        Value layers = Value::array();
        for (int l : s.layers) layers.push(Value::integer(l));
        rows.push(Value::object()
                      .set("setting", Value::string(r.label))
                      .set("layers", layers)
                      .set("window", Value::array().push(Value::integer(s.resolvedStart())).push(Value::integer(s.resolvedEnd())))
                      .set("otsu", Value::boolean(s.otsu))
                      .set("tokens", Value::string(r.attribution ? "category" : "all"))
                      .set("paper_cnr", Value::number(r.paperCnr))
                      .set("paper_miou", Value::number(r.paperMiou)));
    }
    return Value::object()
        .set("plan", Value::string(plan.name))
        .set("only_with_category_tokens", Value::boolean(plan.onlyWithCategoryTokens))
        .set("rows", rows);
}

AblationTables ablationTables(const std::vector<Record>& records, const Value& ablate) {
    const auto& defs = metricDefs();
    const auto& cats = msCxrCategories();
    const Value* rowsV = ablate.find("rows");
    const std::vector<Value> rows = rowsV && rowsV->isArray() ? rowsV->items() : std::vector<Value>{};
    const Value* onlyV = ablate.find("only_with_category_tokens");
    const bool only = onlyV && onlyV->isBool() && onlyV->asBool();
    const std::string plan = ablate.stringAt("plan");
    AblationTables t;
    std::ostringstream md;
    md << "# Ablations (" << (plan == "paper-table3" ? "Table III" : "Table II") << " layout)\n\n"
       << "Each row: the mean ± std over the category means (categories with samples), computed from one recording "
          "of every layer at every call per image. N: the samples the row used. CNR here is the authors' default "
          "|CNR|; the paper's columns are its 8-class averages (mIoU in %).";
    if (only) md << " Only samples whose prompt holds their category's tokens count (Table III).";
    md << "\n\n| Setting | N |";
    for (const MetricDef& d : defs) md << " " << escapePipes(d.title) << " |";
    md << " paper CNR | paper mIoU |\n|---|---:|";
    for (size_t i = 0; i < defs.size() + 2; ++i) md << "---:|";
    md << "\n";
    Value jrows = Value::array();
    std::vector<std::map<std::string, std::vector<Metrics>>> perCatAll(rows.size());
    for (size_t k = 0; k < rows.size(); ++k) {
        std::map<std::string, std::vector<Metrics>>& perCat = perCatAll[k];
        int n = 0;
        for (const Record& r : records) {
            if (r.failed || k >= r.ablation.size()) continue;
            if (only) {  // the attribution row must have a map for this sample
                bool matched = true;
                for (size_t j = 0; j < rows.size() && j < r.ablation.size(); ++j)
                    if (rows[j].stringAt("tokens") == "category" && !r.ablation[j]) matched = false;
                if (!matched) continue;
            }
            if (!r.ablation[k]) continue;
            perCat[r.category].push_back(*r.ablation[k]);
            ++n;
        }
        Value metrics = Value::object();
        md << "| " << rows[k].stringAt("setting") << " | " << n << " |";
        for (const MetricDef& d : defs) {
            std::vector<double> catMeans;
            for (const std::string& c : cats) {
                auto it = perCat.find(c);
                if (it == perCat.end() || it->second.empty()) continue;
                std::vector<double> v;
                for (const Metrics& m : it->second) v.push_back(m.*d.field);
                catMeans.push_back(meanStd(v).mean);
            }
            const MeanStd m = meanStd(catMeans);
            metrics.set(d.key, meanStdJson(m));
            md << " " << fmt(m.mean, d.percent) << " ± " << fmt(m.stdev, d.percent) << " |";
        }
        const double pc = rows[k].numberAt("paper_cnr"), pm = rows[k].numberAt("paper_miou");
        md << " " << (std::isfinite(pc) ? fmt(pc, false) : "–") << " | "
           << (std::isfinite(pm) ? fmt(pm / 100.0, true) : "–") << " |\n";
        Value row = rows[k];
        row.set("n", Value::integer(n));
        Value nPer = Value::object();
        for (const std::string& c : cats) nPer.set(c, Value::integer(int64_t(perCat.count(c) ? perCat[c].size() : 0)));
        row.set("n_per_category", nPer);
        row.set("over_categories", metrics);
        jrows.push(row);
    }
    if (plan == "paper-table3") {
        // Per class, as the paper's Table III: N, then |CNR| and mIoU of each row.
        md << "\n## Per category\n\n| Category | N |";
        for (const Value& r : rows) md << " " << r.stringAt("setting") << ": |CNR| | " << r.stringAt("setting") << ": mIoU |";
        md << "\n|---|---:|";
        for (size_t i = 0; i < rows.size() * 2; ++i) md << "---:|";
        md << "\n";
        for (const std::string& c : cats) {
            const size_t n = perCatAll.empty() || !perCatAll[0].count(c) ? 0 : perCatAll[0].at(c).size();
            md << "| " << c << " | " << n << " |";
            for (size_t k = 0; k < rows.size(); ++k) {
                std::vector<double> cnr, miou;
                if (perCatAll[k].count(c))
                    for (const Metrics& m : perCatAll[k].at(c)) cnr.push_back(m.cnrAbs), miou.push_back(m.miou);
                md << " " << (cnr.empty() ? "–" : fmt(meanStd(cnr).mean, false)) << " | "
                   << (miou.empty() ? "–" : fmt(meanStd(miou).mean, true)) << " |";
            }
            md << "\n";
        }
    }
    t.markdown = md.str();
    t.json = Value::object().set("plan", Value::string(plan)).set("settings", jrows);
    return t;
}

}  // namespace cxr::eval
