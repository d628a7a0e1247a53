// cxr-ground metrics / evaluate / merge, run as a user runs them, on a mock MS-CXR dataset built
// at test time (test images under files/pXX/... paths, a CSV written here) with the small model.
#include "eval/metrics.h"
#include "grounding/npy.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "cli_run.h"

#include <cmath>
#include <map>

namespace {

const QString kData = QStringLiteral(CXRG_TEST_DATA);
const QString kExe = QStringLiteral(CXRG_BINARY_DIR "/app/cxr-ground");
const QString kModel = kData + "/model-small";
const QStringList kMethod = {"--steps", "20"};
const char* const kMetricKeys[] = {"cnr_abs", "cnr", "miou", "auroc_binned", "auroc"};

using cxr::testing::Run;
using cxr::testing::runProgram;

Run run(const QStringList& args, int timeoutMs = 900000, const QStringList& env = {}) {
    return runProgram(kExe, args, timeoutMs, env);
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& data) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QJsonObject jsonFile(const QString& path) { return QJsonDocument::fromJson(readAll(path)).object(); }

// results.jsonl as key (path + prompt) -> line object; *lines counts the lines.
std::map<QString, QJsonObject> results(const QString& dir, int* lines = nullptr) {
    std::map<QString, QJsonObject> out;
    int n = 0;
    for (const QByteArray& l : readAll(dir + "/results.jsonl").split('\n')) {
        if (l.isEmpty()) continue;
        ++n;
        const QJsonObject o = QJsonDocument::fromJson(l).object();
        out[o["path"].toString() + "|" + o["prompt"].toString()] = o;
    }
    if (lines) *lines = n;
    return out;
}

struct Sample {
    const char* image;   // key of the image in the dataset
    const char* prompt;
};

// The mock dataset:
//   a (512x512) at ROOT/p10/...: two samples, one merged from two rows (two boxes)
//   b (512x431) at ROOT/files/p11/... (the path as is): a two-row sample of which one box lies
//     outside the centre crop (dropped), and a sample whose only box lies outside it (skipped)
//   c (777x645) at ROOT/p12/...: two samples
//   d: no file (a listed skip)
//   e (512x512) at ROOT/p14/...: one sample
const char* const kCsv =
    "dicom_id,category_name,label_text,path,x,y,w,h,image_width,image_height\n"
    "a,Cardiomegaly,Enlarged heart,files/p10/p10000001/s1/a.png,150,200,220,180,512,512\n"
    "a,Pleural Effusion,\"Small left pleural effusion, unchanged\",files/p10/p10000001/s1/a.png,300,350,150,120,512,512\n"
    "b,Pneumothorax,Right apical pneumothorax,files/p11/p11000002/s2/b.png,60,20,150,120,512,431\n"
    "a,Pleural Effusion,\"Small left pleural effusion, unchanged\",files/p10/p10000001/s1/a.png,40,360,120,100,512,512\n"
    "b,Pneumothorax,Right apical pneumothorax,files/p11/p11000002/s2/b.png,0,0,30,50,512,431\n"
    "b,Edema,Edge edema,files/p11/p11000002/s2/b.png,0,100,30,50,512,431\n"
    "c,Consolidation,Bibasilar consolidation,files/p12/p12000003/s3/c.png,200,400,300,150,777,645\n"
    "c,Lung Opacity,Patchy opacity in the right lung,files/p12/p12000003/s3/c.png,120,150,250,300,777,645\n"
    "d,Atelectasis,Left basal atelectasis,files/p13/p13000004/s4/d.png,10,10,50,50,512,512\n"
    "e,Pneumonia,Right lower lobe pneumonia,files/p14/p14000005/s5/e.png,80,250,160,160,512,512\n";

}  // namespace

class TestCliEval : public QObject {
    Q_OBJECT

    QTemporaryDir tmp;
    QString root, csv, full;  // image root, CSV, the uninterrupted unsharded run's output

    bool evaluate(const QString& out, const QStringList& extra = {}, Run* r = nullptr, const QStringList& env = {},
                  const QStringList& method = kMethod) {
        const Run x = run(QStringList{"evaluate", "--model", kModel, "--csv", csv, "--images", root, "--out", out} +
                              method + extra,
                          900000, env);
        if (r) *r = x;
        if (x.code != 0) qWarning("%s", x.err.constData());
        return x.code == 0;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tmp.isValid());
        root = tmp.filePath("mimic");
        csv = tmp.filePath("ms-cxr.csv");
        full = tmp.filePath("full");
        const std::map<QString, QString> images = {
            {"p10/p10000001/s1/a.png", kData + "/png-chest/nih_cxr14_00000001_000.png"},
            {"files/p11/p11000002/s2/b.png", kData + "/fixture-cases/nih01_landscape_up/input.png"},
            {"p12/p12000003/s3/c.png", kData + "/fixture-cases/nihdx_landscape_down/input.png"},
            {"p14/p14000005/s5/e.png", kData + "/png-chest/nih_cxr14_00027426_000.png"}};
        for (const auto& [rel, src] : images) {
            QVERIFY(QDir().mkpath(QFileInfo(root + "/" + rel).absolutePath()));
            QVERIFY(QFile::copy(src, root + "/" + rel));
        }
        QVERIFY(writeAll(csv, kCsv));
        Run r;
        QVERIFY(evaluate(full, {}, &r));
        QVERIFY2(r.err.contains("7/7 done (1 skipped)"), r.err.constData());
    }

    void resultsHaveEverySampleOnce() {
        int lines = 0;
        const auto res = results(full, &lines);
        QCOMPARE(lines, 6);
        QCOMPARE(int(res.size()), 6);
        const QJsonObject eff = res.at("files/p10/p10000001/s1/a.png|Small left pleural effusion, unchanged");
        QCOMPARE(eff["boxes"].toArray().size(), 2);  // two rows merged
        QCOMPARE(eff["category"].toString(), QString("Pleural Effusion"));
        QCOMPARE(eff["dicom_id"].toString(), QString("a"));
        const QJsonObject ptx = res.at("files/p11/p11000002/s2/b.png|Right apical pneumothorax");
        QCOMPARE(ptx["boxes"].toArray().size(), 1);  // one box dropped by the crop
        QCOMPARE(ptx["dropped_boxes"].toInt(), 1);
        QVERIFY(!res.count("files/p11/p11000002/s2/b.png|Edge edema"));
        QVERIFY(!res.count("files/p13/p13000004/s4/d.png|Left basal atelectasis"));
        for (const auto& [k, o] : res) {
            for (const char* m : kMetricKeys) QVERIFY2(o[m].isDouble(), qPrintable(k + " " + m));
            QVERIFY(o["seconds"].toDouble() > 0);
        }
        const QJsonObject s = jsonFile(full + "/summary.json");
        QCOMPARE(s["samples"].toInt(), 6);
        QCOMPARE(s["skipped_count"].toInt(), 2);
        const QString skipped = QString::fromUtf8(QJsonDocument(s["skipped"].toArray()).toJson());
        QVERIFY2(skipped.contains("d.png") && skipped.contains("not found"), qPrintable(skipped));
        QVERIFY2(skipped.contains("Edge edema") && skipped.contains("centre crop"), qPrintable(skipped));
    }

    // Per-sample metrics equal computeAll on the map of `ground` (same image, same prompts, same
    // settings), and the metrics command equals computeAll on that map.
    void metricsEqualGroundAndComputeAll() {
        struct Image {
            QString file, csvPath;
            QStringList prompts;  // in CSV order, as evaluate batches them
            std::vector<std::vector<cxr::eval::Box>> boxes;
        };
        const std::vector<Image> images = {
            {root + "/p10/p10000001/s1/a.png", "files/p10/p10000001/s1/a.png",
             {"Enlarged heart", "Small left pleural effusion, unchanged"},
             {{{150, 200, 220, 180}}, {{300, 350, 150, 120}, {40, 360, 120, 100}}}},
            {root + "/files/p11/p11000002/s2/b.png", "files/p11/p11000002/s2/b.png",
             {"Right apical pneumothorax"}, {{{60, 20, 150, 120}}}},
            {root + "/p12/p12000003/s3/c.png", "files/p12/p12000003/s3/c.png",
             {"Bibasilar consolidation", "Patchy opacity in the right lung"},
             {{{200, 400, 300, 150}}, {{120, 150, 250, 300}}}},
        };
        const auto res = results(full);
        int checked = 0;
        for (const Image& im : images) {
            const QString out = tmp.filePath("ground-" + QFileInfo(im.file).baseName());
            QStringList args{"ground", "--model", kModel, "--image", im.file, "--out", out};
            for (const QString& p : im.prompts) args << "--prompt" << p;
            const Run r = run(args + kMethod);
            QVERIFY2(r.code == 0, r.err.constData());
            for (int k = 0; k < im.prompts.size(); ++k) {
                const QString npyPath = out + QStringLiteral("/%1/heatmap_original.npy").arg(k, 3, 10, QLatin1Char('0'));
                cxr::npy::Array a;
                std::string e;
                QVERIFY2(cxr::npy::read(npyPath.toStdString(), &a, &e), e.c_str());
                const cxr::eval::Metrics ref = cxr::eval::computeAll(a.toFloat(), int(a.shape[1]), int(a.shape[0]),
                                                                     im.boxes[size_t(k)]);
                const double refs[] = {ref.cnrAbs, ref.cnr, ref.miou, ref.aurocBinned, ref.auroc};
                const QJsonObject line = res.at(im.csvPath + "|" + im.prompts[k]);
                QString boxArg;
                for (const auto& b : im.boxes[size_t(k)])
                    boxArg += QStringLiteral("%1,%2,%3,%4;").arg(b.x).arg(b.y).arg(b.w).arg(b.h);
                const Run m = run({"metrics", "--heatmap", npyPath, "--boxes", boxArg});
                QVERIFY2(m.code == 0, m.err.constData());
                const QJsonObject mo = QJsonDocument::fromJson(m.out).object();
                QCOMPARE(mo.size(), 5);
                for (int i = 0; i < 5; ++i) {
                    const char* key = kMetricKeys[i];
                    QVERIFY2(std::fabs(mo[key].toDouble() - refs[i]) <= 1e-12,
                             qPrintable(QStringLiteral("metrics %1: %2 vs %3").arg(key).arg(mo[key].toDouble()).arg(refs[i])));
                    QVERIFY2(std::fabs(line[key].toDouble() - refs[i]) <= 1e-6,
                             qPrintable(QStringLiteral("%1 %2: %3 vs %4").arg(im.prompts[k], key)
                                            .arg(line[key].toDouble()).arg(refs[i])));
                }
                ++checked;
            }
        }
        QCOMPARE(checked, 5);
    }

    void metricsCommandErrors() {
        const QString npyPath = tmp.filePath("ground-a/000/heatmap_original.npy");
        QVERIFY(QFile::exists(npyPath));
        Run r = run({"metrics", "--heatmap", npyPath, "--boxes", "1,2,3"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("bad box"), r.err.constData());
        r = run({"metrics", "--heatmap", npyPath, "--boxes", "10,10,x,5"});
        QCOMPARE(r.code, 2);
        r = run({"metrics", "--heatmap", npyPath, "--boxes", "600,10,20,20"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("outside the 512x512 map"), r.err.constData());
        r = run({"metrics", "--heatmap", tmp.filePath("nope.npy"), "--boxes", "1,2,3,4"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("nope.npy"), r.err.constData());
        QVERIFY(writeAll(tmp.filePath("bad.npy"), "\x93NUMPY\x01\x00garbage"));
        r = run({"metrics", "--heatmap", tmp.filePath("bad.npy"), "--boxes", "1,2,3,4"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("bad.npy"), r.err.constData());
        QVERIFY(writeAll(tmp.filePath("text.npy"), "hello"));
        r = run({"metrics", "--heatmap", tmp.filePath("text.npy"), "--boxes", "1,2,3,4"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("not a .npy"), r.err.constData());
        QCOMPARE(run({"metrics", "--boxes", "1,2,3,4"}).code, 2);
    }

    void summaryLayout() {
        const QString md = QString::fromUtf8(readAll(full + "/summary.md"));
        for (const char* c : {"Atelectasis", "Cardiomegaly", "Consolidation", "Edema", "Lung Opacity",
                              "Pleural Effusion", "Pneumonia", "Pneumothorax"})
            QVERIFY2(md.contains(QStringLiteral("| %1 | ").arg(c)), c);
        QVERIFY(md.contains("| Cardiomegaly | 1 |"));
        QVERIFY(md.contains("| Atelectasis | 0 |"));
        QVERIFY(md.contains("| **Mean over categories** | 6 |"));
        QVERIFY(md.contains("| **Std over categories** |"));
        QVERIFY(md.contains("mIoU") && md.contains("AUC-ROC") && md.contains("CNR"));
        QVERIFY(md.contains("Skipped samples (2)"));
        const QJsonObject s = jsonFile(full + "/summary.json");
        const QJsonArray cats = s["categories"].toArray();
        QCOMPARE(cats.size(), 8);
        QCOMPARE(cats[0].toObject()["category"].toString(), QString("Atelectasis"));
        QCOMPARE(cats[0].toObject()["n"].toInt(), 0);
        // The mean over categories is the mean of the 6 categories that have samples (one each here).
        const auto res = results(full);
        for (const char* key : kMetricKeys) {
            double sum = 0;
            for (const auto& [k, o] : res) sum += o[key].toDouble();
            const double mean = s["over_categories"].toObject()["mean"].toObject()[key].toDouble();
            QVERIFY2(std::fabs(mean - sum / 6) <= 1e-12, key);
        }
        QCOMPARE(s["over_categories"].toObject()["categories_with_samples"].toInt(), 6);
        QVERIFY(readAll(full + "/summary.png").startsWith("\x89PNG"));
        QVERIFY(!QFile::exists(full + "/summary.json.tmp"));
    }

    // A killed run: N-1 lines plus half a line. --resume drops the half line, evaluates the rest and
    // ends with every sample exactly once, equal to the uninterrupted run.
    void resumeAfterAKilledRun() {
        const QString out = tmp.filePath("killed");
        QVERIFY(QDir().mkpath(out));
        const QList<QByteArray> lines = readAll(full + "/results.jsonl").split('\n');
        QByteArray partial;
        for (int i = 0; i < 5; ++i) partial += lines[i] + '\n';
        partial += lines[5].left(lines[5].size() / 2);
        QVERIFY(writeAll(out + "/results.jsonl", partial));
        QVERIFY(QFile::copy(full + "/run.json", out + "/run.json"));
        // Without --resume: an error that says what to do.
        Run r;
        QVERIFY(!evaluate(out, {}, &r));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("--resume"), r.err.constData());
        // Other method settings: refused.
        r = run(QStringList{"evaluate", "--model", kModel, "--csv", csv, "--images", root, "--out", out, "--resume",
                            "--steps", "30"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("steps"), r.err.constData());
        QVERIFY(evaluate(out, {"--resume"}, &r));
        QVERIFY2(r.err.contains("incomplete"), r.err.constData());
        QVERIFY2(r.err.contains("5 already finished"), r.err.constData());
        int n = 0;
        const auto resumed = results(out, &n);
        QCOMPARE(n, 6);
        const auto ref = results(full);
        QCOMPARE(resumed.size(), ref.size());
        for (const auto& [k, o] : ref) {
            QVERIFY2(resumed.count(k), qPrintable(k));
            for (const char* key : kMetricKeys)
                QVERIFY2(std::fabs(resumed.at(k)[key].toDouble() - o[key].toDouble()) <= 1e-6, qPrintable(k + key));
        }
        QVERIFY(readAll(out + "/results.jsonl").endsWith('\n'));
        // A second --resume has nothing left to do and changes no line.
        const QByteArray before = readAll(out + "/results.jsonl");
        QVERIFY(evaluate(out, {"--resume"}, &r));
        QCOMPARE(readAll(out + "/results.jsonl"), before);
        QVERIFY2(!r.err.contains("loading the model"), r.err.constData());
    }

    void twoShardsMergedEqualOneRun() {
        const QString s1 = tmp.filePath("shard1"), s2 = tmp.filePath("shard2"), merged = tmp.filePath("merged");
        QVERIFY(evaluate(s1, {"--shard", "1/2"}));
        QVERIFY(evaluate(s2, {"--shard", "2/2"}));
        int n1 = 0, n2 = 0;
        const auto r1 = results(s1, &n1), r2 = results(s2, &n2);
        QVERIFY(n1 > 0 && n2 > 0);
        QCOMPARE(n1 + n2, 6);
        for (const auto& [k, o] : r1) QVERIFY2(!r2.count(k), qPrintable(k));  // disjoint
        // Samples of one image stay in one shard (they share its trajectory).
        QCOMPARE(r1.count("files/p10/p10000001/s1/a.png|Enlarged heart"),
                 r1.count("files/p10/p10000001/s1/a.png|Small left pleural effusion, unchanged"));
        Run r = run({"merge", merged, s1, s2});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(jsonFile(merged + "/summary.json"), jsonFile(full + "/summary.json"));
        QCOMPARE(readAll(merged + "/summary.md"), readAll(full + "/summary.md"));
        int n = 0;
        QCOMPARE(int(results(merged, &n).size()), 6);
        QCOMPARE(n, 6);
        // --out form; a folder given twice: duplicates counted once with a warning.
        const QString merged2 = tmp.filePath("merged2");
        r = run({"merge", "--out", merged2, s1, s2, s1});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.err.contains("warning") && r.err.contains("counted once"), r.err.constData());
        QCOMPARE(jsonFile(merged2 + "/summary.json"), jsonFile(full + "/summary.json"));
        // A missing shard is reported.
        r = run({"merge", tmp.filePath("merged3"), s1});
        QVERIFY2(r.code == 0 && r.err.contains("2/2"), r.err.constData());
        // Merging into one of the inputs is refused; a folder without results too.
        QCOMPARE(run({"merge", s1, s1, s2}).code, 2);
        QCOMPARE(run({"merge", tmp.filePath("merged4"), tmp.path()}).code, 1);
    }

    void limitTakesTheFirstSamples() {
        const QString out = tmp.filePath("limited");
        Run r;
        QVERIFY(evaluate(out, {"--limit", "2"}, &r));
        int n = 0;
        const auto res = results(out, &n);
        QCOMPARE(n, 2);
        QVERIFY(res.count("files/p10/p10000001/s1/a.png|Enlarged heart"));
    }

    // --ablate: several settings from one recording per image; the run's own setting first in the
    // list gives exactly the main metrics; Table II layout with one row per setting; resume and
    // merge keep working.
    void ablationsInOnePass() {
        const QString out = tmp.filePath("ablate");
        Run r;
        const QString spec = "layers=3,4,6,7; otsu=off; layers=0 window=2:6; layers=all window=4:10";
        QVERIFY(evaluate(out, {"--ablate", spec, "--limit", "3"}, &r));
        int n = 0;
        const auto res = results(out, &n);
        QCOMPARE(n, 3);
        for (const auto& [k, o] : res) {
            const QJsonArray a = o["ablation"].toArray();
            QCOMPARE(a.size(), 4);
            for (const char* m : kMetricKeys) {
                QVERIFY2(a[0].toObject()[m].isDouble(), qPrintable(k));
                QCOMPARE(a[0].toObject()[m].toDouble(), o[m].toDouble());  // the run's own setting
            }
            // Other settings give other maps.
            QVERIFY(a[2].toObject()["miou"].toDouble() != o["miou"].toDouble() ||
                    a[2].toObject()["cnr"].toDouble() != o["cnr"].toDouble());
        }
        const QByteArray md = readAll(out + "/ablation.md");
        QVERIFY2(md.contains("| layers 3,4,6,7, calls 8-11, Otsu |") && md.contains("| layers 0, calls 2-5, Otsu |") &&
                     md.contains("| layers all, calls 4-9, Otsu |") && md.contains("no Otsu"),
                 md.constData());
        const QJsonObject j = jsonFile(out + "/ablation.json");
        QCOMPARE(j["settings"].toArray().size(), 4);
        QCOMPARE(j["settings"].toArray()[0].toObject()["n"].toInt(), 3);
        // Merging keeps the ablation table.
        QCOMPARE(run({"merge", tmp.filePath("ablate-merged"), out}).code, 0);
        QCOMPARE(readAll(tmp.filePath("ablate-merged") + "/ablation.md"), md);
        // Resuming with another ablation list is refused (it is part of the method).
        QVERIFY(!evaluate(out, {"--ablate", "otsu=off", "--limit", "3", "--resume"}, &r));
        QVERIFY2(r.err.contains("ablate"), r.err.constData());
        // Bad specs are named.
        QVERIFY(!evaluate(tmp.filePath("ablate-bad"), {"--ablate", "layers=x"}, &r));
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("layers=x"), r.err.constData());
        QVERIFY(!evaluate(tmp.filePath("ablate-bad2"), {"--ablate", "window=5:900", "--limit", "1"}, &r));
        QVERIFY2(r.err.contains("window"), r.err.constData());
    }

    // A failure inside the UNet loop (out of memory, say) fails those samples with the message;
    // the run goes on and finishes; --resume retries exactly the failed samples.
    void failedSamplesAreRetried() {
        const QString out = tmp.filePath("failing");
        Run r;
        // a.png: the batch fails at call 3, then each of its two prompts alone at calls 4 and 5.
        QVERIFY(evaluate(out, {"--limit", "3"}, &r, {"CXRG_TEST_FAIL_UNET_CALL=3-5"}));
        QVERIFY2(r.err.contains("2 failed"), r.err.constData());
        int lines = 0;
        auto res = results(out, &lines);
        QCOMPARE(lines, 3);
        int failed = 0;
        for (const auto& [k, o] : res)
            if (o["failed"].toBool()) {
                ++failed;
                QVERIFY2(o["error"].toString().contains("out of memory"), qPrintable(o["error"].toString()));
                QVERIFY(o["miou"].isNull());
            }
        QCOMPARE(failed, 2);
        QJsonObject s = jsonFile(out + "/summary.json");
        QCOMPARE(s["samples"].toInt(), 1);
        QCOMPARE(s["failed_count"].toInt(), 2);
        QVERIFY(readAll(out + "/summary.md").contains("Failed samples"));
        // --resume: the failed ones run again and replace their lines; the metrics equal the
        // uninterrupted run's.
        QVERIFY(evaluate(out, {"--limit", "3", "--resume"}, &r));
        QVERIFY2(r.err.contains("2 failed before and retried"), r.err.constData());
        res = results(out, &lines);
        QCOMPARE(lines, 5);
        s = jsonFile(out + "/summary.json");
        QCOMPARE(s["samples"].toInt(), 3);
        QCOMPARE(s["failed_count"].toInt(), 0);
        const auto ref = results(full);
        for (const auto& [k, o] : res) {
            QVERIFY(!o["failed"].toBool());
            for (const char* m : kMetricKeys)  // the trajectory comes from the cache: batch sizes differ
                QVERIFY2(std::fabs(o[m].toDouble() - ref.at(k)[m].toDouble()) <= 1e-3, qPrintable(k + " " + m));
        }
    }

    // Attribution mode (the paper's Table III "pathology tokens"): each sample's category's
    // tokens; a prompt without them is left out, as the authors leave it out.
    void attributionMode() {
        const QString out = tmp.filePath("attribution");
        Run r;
        QVERIFY(evaluate(out, {"--attribution", "--limit", "3"}, &r));
        const auto res = results(out);
        const QJsonObject heart = res.at("files/p10/p10000001/s1/a.png|Enlarged heart");  // Cardiomegaly
        QVERIFY2(heart["left_out"].toString().contains("Cardiomegaly"), qPrintable(heart["left_out"].toString()));
        QVERIFY(heart["cnr"].isNull());
        const QJsonObject eff = res.at("files/p10/p10000001/s1/a.png|Small left pleural effusion, unchanged");
        QVERIFY(eff["miou"].isDouble());
        QVERIFY(eff["miou"].toDouble() != results(full).at("files/p10/p10000001/s1/a.png|Small left pleural effusion, unchanged")["miou"].toDouble());
        const QJsonObject s = jsonFile(out + "/summary.json");
        QCOMPARE(s["left_out_count"].toInt(), 1);
        QVERIFY(jsonFile(out + "/run.json")["method"].toObject()["attribution"].toBool());
    }

    // The paper's ablations as the paper ran them: Table II (five rows at N = 100) and Table III
    // (category tokens against all tokens on the samples that hold them), with the paper's
    // averages beside ours and the samples each row used.
    void paperTables() {
        Run r;
        const QString t2 = tmp.filePath("table2");
        QVERIFY(evaluate(t2, {"--ablate", "paper-table2", "--limit", "2"}, &r, {}, {}));
        QVERIFY(jsonFile(t2 + "/run.json")["method"].toObject()["steps"].toInt() == 100);
        const QByteArray md2 = readAll(t2 + "/ablation.md");
        for (const char* row : {"| L=11, T=100 | 2 |", "| L=11, T=20 | 2 |", "| L=6, T=100 | 2 |", "| L=6, T=20 | 2 |",
                                "| L=6, T=20, Otsu | 2 |"})
            QVERIFY2(md2.contains(row), md2.constData());
        QVERIFY2(md2.contains("0.680 | 15.7 |") && md2.contains("0.750 | 20.4 |"), md2.constData());
        const QJsonArray rows2 = jsonFile(t2 + "/ablation.json")["settings"].toArray();
        QCOMPARE(rows2.size(), 5);
        QCOMPARE(rows2[0].toObject()["layers"].toArray().size(), 11);
        QCOMPARE(rows2[0].toObject()["window"].toArray(), (QJsonArray{0, 100}));
        QCOMPARE(rows2[4].toObject()["window"].toArray(), (QJsonArray{40, 60}));
        // The last row is the run's own method with layers 3-8: it equals evaluating that setting directly.
        const auto res2 = results(t2);
        const QString direct = tmp.filePath("table2-direct");
        QVERIFY(evaluate(direct, {"--limit", "2", "--layers", "3,4,5,6,7,8"}, &r, {}, {"--steps", "100"}));
        const auto ref = results(direct);
        for (const auto& [k, o] : res2) {
            const QJsonObject last = o["ablation"].toArray()[4].toObject();
            for (const char* m : kMetricKeys)
                QVERIFY2(std::fabs(last[m].toDouble() - ref.at(k)[m].toDouble()) <= 1e-3, qPrintable(k + " " + m));
        }
        // Another step count than the paper's is refused.
        QVERIFY(!evaluate(tmp.filePath("table2-bad"), {"--ablate", "paper-table2"}, &r, {}, {"--steps", "30"}));
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("100 steps"), r.err.constData());
        // Table III: "Enlarged heart" (Cardiomegaly) holds no category token and is left out of both rows.
        const QString t3 = tmp.filePath("table3");
        QVERIFY(evaluate(t3, {"--ablate", "paper-table3", "--limit", "2"}, &r, {}, {}));
        const QByteArray md3 = readAll(t3 + "/ablation.md");
        QVERIFY2(md3.contains("| Pathology tokens (attribution) | 1 |") && md3.contains("| All tokens | 1 |") &&
                     md3.contains("0.310 | 13.6 |") && md3.contains("| Pleural Effusion | 1 |") && md3.contains("| Cardiomegaly | 0 |"),
                 md3.constData());
    }

    void malformedInput() {
        // A non-numeric box: the error names the line and the column.
        QByteArray bad = kCsv;
        bad.replace("files/p12/p12000003/s3/c.png,200,400", "files/p12/p12000003/s3/c.png,2O0,400");
        QVERIFY(writeAll(tmp.filePath("bad.csv"), bad));
        Run r = run(QStringList{"evaluate", "--model", kModel, "--csv", tmp.filePath("bad.csv"), "--images", root,
                                "--out", tmp.filePath("bad-out")} + kMethod);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("bad.csv:8:") && r.err.contains("\"x\"") && r.err.contains("2O0"), r.err.constData());
        QVERIFY(!QFile::exists(tmp.filePath("bad-out/results.jsonl")));
        // Missing column.
        QVERIFY(writeAll(tmp.filePath("nocol.csv"), "dicom_id,category_name,label_text,path,x,y,w,h\n"));
        r = run({"evaluate", "--model", kModel, "--csv", tmp.filePath("nocol.csv"), "--images", root, "--out",
                 tmp.filePath("bad-out")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("nocol.csv:1:") && r.err.contains("image_width"), r.err.constData());
        // Unknown category.
        bad = kCsv;
        bad.replace("e,Pneumonia,", "e,Pneumonitis,");
        QVERIFY(writeAll(tmp.filePath("cat.csv"), bad));
        r = run({"evaluate", "--model", kModel, "--csv", tmp.filePath("cat.csv"), "--images", root, "--out",
                 tmp.filePath("bad-out")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("cat.csv:11:") && r.err.contains("Pneumonitis"), r.err.constData());
        // Bad options.
        QCOMPARE(run({"evaluate", "--model", kModel, "--csv", csv, "--images", root, "--out", tmp.filePath("x"),
                      "--shard", "3/2"}).code, 2);
        QCOMPARE(run({"evaluate", "--model", kModel, "--csv", csv, "--images", root, "--out", tmp.filePath("x"),
                      "--limit", "0"}).code, 2);
        QCOMPARE(run({"evaluate", "--csv", csv}).code, 2);
        r = run({"evaluate", "--model", kModel, "--csv", csv, "--images", tmp.filePath("no-such-root"), "--out",
                 tmp.filePath("x")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("no-such-root"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliEval)
#include "test_cli_eval.moc"
