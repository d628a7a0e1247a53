// The MS-CXR evaluation protocol (docs/method.md "Evaluation"), Qt-free: which samples a run
// takes (sorting, --limit, --shard), what results.jsonl holds and how a run resumes from it, the
// statistics of Table I, and the ablations of Tables II and III. `cxr-ground evaluate` and
// `merge` keep only arguments, files and the engine calls.
//
// results.jsonl: one JSON object per sample, appended and flushed as it finishes:
//   {path, dicom_id, prompt, category, boxes, dropped_boxes, image_width, image_height,
//    cnr_abs, cnr, miou, auroc_binned, auroc, [ablation: [metrics | null, ...]], seconds}
// A sample whose grounding failed is written as {..., "failed": true, "error": "..."} with null
// metrics; a later line of the same sample replaces it (--resume retries failed samples). In
// attribution mode a sample whose prompt holds none of its category's tokens is written with
// "left_out": "..." and null metrics (the authors leave it out too).
#pragma once

#include "eval/metrics.h"
#include "eval/mscxr.h"
#include "grounding/engine.h"
#include "model/json.h"

#include <cmath>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cxr::eval {

// ---- metrics ----------------------------------------------------------------------------------

struct MetricDef {
    const char* key;    // JSON key
    const char* title;  // column title
    bool percent;       // shown as a percentage (as the paper does)
    double Metrics::*field;
};
const std::vector<MetricDef>& metricDefs();  // |CNR|, CNR, mIoU, AUC-ROC (binned), AUC-ROC (exact)
json::Value metricsJson(const Metrics& m);

// ---- one line of results.jsonl ------------------------------------------------------------------

struct Record {
    std::string path, dicomId, prompt, category;
    std::vector<Box> boxes;
    Metrics m;
    bool failed = false;       // the grounding failed (error); --resume retries it
    std::string error;
    std::string leftOut;       // attribution mode: why the sample has no map (not in the statistics)
    std::vector<std::optional<Metrics>> ablation;  // per ablation row (nullopt: left out)
    json::Value json;          // the line as read / written
    std::string key() const { return path + '\0' + prompt; }
    bool counted() const { return !failed && leftOut.empty(); }
};
std::string sampleKey(const MsCxrSample& s);

// The line of a finished sample.
json::Value recordJson(const MsCxrSample& s, const Metrics& m, const std::vector<std::optional<Metrics>>& ablation,
                       double seconds);
// The line of a sample without metrics: failed (error) or left out (reason).
json::Value failedRecordJson(const MsCxrSample& s, const std::string& error);
json::Value leftOutRecordJson(const MsCxrSample& s, const std::string& reason,
                              const std::vector<std::optional<Metrics>>& ablation);
bool parseRecord(const std::string& line, Record* r, std::string* why);

// Reads results.jsonl. A last line that is incomplete (no line break or not valid JSON: a run
// killed while writing it) is left out and *validBytes ends before it (*droppedNote says so); any
// other bad line is an error. A failed sample may be followed by a later line of the same sample
// (the later counts); two finished lines of one sample are an error.
bool readResults(const std::string& file, std::vector<Record>* out, int64_t* validBytes, std::string* droppedNote,
                 std::string* error);

// ---- selection --------------------------------------------------------------------------------

struct ImageGroup {
    std::string path;
    std::vector<size_t> samples;  // indices into Selection::samples
};

struct Selection {
    std::vector<MsCxrSample> samples;  // sorted by image path and CSV line, at most `limit`
    std::vector<ImageGroup> images;    // this shard's images (every N-th image, K from 1)
    std::set<std::string> keys;        // this shard's sample keys
    int total = 0;                     // this shard's samples
};
Selection selectSamples(std::vector<MsCxrSample> samples, int limit, int shardK, int shardN);

// ---- statistics (Table I) ---------------------------------------------------------------------

struct MeanStd {
    double mean = NAN, stdev = NAN;
};
// Mean and population standard deviation (numpy's default, ddof = 0).
MeanStd meanStd(const std::vector<double>& v);

struct CategoryStats {
    std::string name;
    int n = 0;
    MeanStd m[5];  // in metricDefs() order
};

struct Summary {
    std::vector<CategoryStats> categories;  // the 8, in the paper's order
    int categoriesWithSamples = 0;
    MeanStd over[5];                        // mean and std over the category means
    int samples = 0;                        // counted samples
    std::vector<std::string> failed;        // "path \"prompt\": error"
    std::vector<std::string> leftOut;       // "path \"prompt\": reason"
    std::vector<std::string> skipped;
    std::vector<std::string> otherCategories;
};
Summary summarize(std::vector<Record> records, std::vector<std::string> skipped);
json::Value summaryJson(const Summary& s, const json::Value& settings);
std::string summaryMarkdown(const Summary& s, const std::string& settingsLine);
// "steps 300, window 120:180, layers 3,4,6,7, Otsu on, precision fp32" from run.json's method.
std::string settingsLine(const json::Value& method);

// ---- ablations (--ablate: Tables II and III) ----------------------------------------------------

struct AblationRow {
    std::string label;
    std::vector<int> layers;     // empty: the run's; {-1}: every layer
    int start = -1, end = -1;    // -1: the run's window
    int otsu = -1;               // -1: the run's; 0 off, 1 on
    bool attribution = false;    // the sample's category's tokens (method.md "Attribution")
    double paperCnr = NAN, paperMiou = NAN;  // the paper's 8-class averages (mIoU in %)
};

struct AblationPlan {
    std::string name;             // "paper-table2", "paper-table3" or "custom"
    std::vector<AblationRow> rows;
    int steps = 0;                // the step count the plan needs (0: the run's)
    // Table III: every row uses only the samples whose prompt holds the category's tokens.
    bool onlyWithCategoryTokens = false;
};

// `spec`: "paper-table2", "paper-table3", or clauses separated by ';' (layers=L,L,...|all,
// window=A:B, otsu=on|off, tokens=all|category), "default" expanding to a standard set.
bool parseAblation(const std::string& spec, const grounding::Settings& base, AblationPlan* plan, std::string* error);
// The settings of a row on top of the run's.
grounding::Settings applyAblation(const grounding::Settings& base, const AblationRow& row, int layerCount);
// The calls a recording must hold for the run's setting and every row.
int ablationCalls(const grounding::Settings& base, const AblationPlan& plan, int layerCount);

// ablation.md / ablation.json: one row per setting with the samples it used, our mean ± std over
// the category means and the paper's averages; Table III also per category.
struct AblationTables {
    std::string markdown;
    json::Value json;
};
AblationTables ablationTables(const std::vector<Record>& records, const json::Value& ablate);
// run.json's "ablate" entry of a plan (labels, attribution flags, paper values).
json::Value ablationJson(const AblationPlan& plan, const grounding::Settings& base, int layerCount);

}  // namespace cxr::eval
