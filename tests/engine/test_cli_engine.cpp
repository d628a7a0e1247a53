// The engine commands of cxr-ground, run as a user runs them.
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

namespace {

const QString kData = QStringLiteral(CXRG_TEST_DATA);
const QString kExe = QStringLiteral(CXRG_BINARY_DIR "/app/cxr-ground");

using cxr::testing::Run;
using cxr::testing::runProgram;

Run run(const QStringList& args, int timeoutMs = 600000, const QStringList& env = {}) {
    return runProgram(kExe, args, timeoutMs, env);
}

std::vector<float> readNpy(const QString& path, std::vector<int64_t>* shape = nullptr) {
    cxr::npy::Array a;
    std::string e;
    if (!cxr::npy::read(path.toStdString(), &a, &e)) return {};
    if (shape) *shape = a.shape;
    return a.toFloat();
}

bool copyTree(const QString& from, const QString& to) {
    QDir().mkpath(to);
    for (const QFileInfo& fi : QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString dst = to + "/" + fi.fileName();
        if (fi.isDir()) {
            if (!copyTree(fi.filePath(), dst)) return false;
        } else if (!QFile::copy(fi.filePath(), dst)) {
            return false;
        }
    }
    return true;
}

}  // namespace

class TestCliEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void expectedKeysOfTheRealConfiguration() {
        const Run r = run({"inspect-model", "--expected-keys", kData + "/full-config"});
        QVERIFY2(r.code == 0, r.err.constData());
        QStringList ours = QString::fromUtf8(r.out).split('\n', Qt::SkipEmptyParts);
        QStringList ref;
        const QList<QPair<QString, QString>> files = {{"unet", "keys_unet.txt"},
                                                      {"autoencoder", "keys_autoencoder.txt"},
                                                      {"text_encoder", "keys_clip.txt"}};
        for (const auto& [net, file] : files) {
            QFile f(kData + "/full_size_keys/" + file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            for (const QString& line : QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts)) {
                const QStringList cols = line.split('\t');
                QString shape = cols[1];
                shape.remove('(').remove(')').remove(' ');
                if (shape.endsWith(',')) shape.chop(1);
                ref << net + "\t" + cols[0] + "\t" + shape;
            }
        }
        QCOMPARE(ours.size(), ref.size());
        ours.sort();
        ref.sort();
        QCOMPARE(ours, ref);
    }

    void tokenizeMatchesTheFixture() {
        const Run r = run({"tokenize", "--model", kData + "/model-small", "Small left pleural effusion"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const std::vector<float> ref = readNpy(kData + "/fixture-cases/nih01_landscape_up/token_ids.npy");
        const QJsonArray ids = o["input_ids"].toArray();
        QCOMPARE(ids.size(), 77);
        for (int i = 0; i < 77; ++i) QCOMPARE(ids[i].toInteger(), qint64(ref[size_t(i)]));
        QCOMPARE(o["length"].toInt(), 8);
    }

    void inspectModelExplainsProblems() {
        Run r = run({"inspect-model", kData + "/model-small"});
        QVERIFY2(r.code == 0, r.out.constData());
        QTemporaryDir tmp;
        QVERIFY(copyTree(kData + "/model-small", tmp.path()));
        QVERIFY(QFile::remove(tmp.filePath("models/autoencoder.pth")));
        r = run({"inspect-model", tmp.path()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains("autoencoder.pth"), r.out.constData());
        // ground with that folder: a clear error, no crash
        r = run({"ground", "--model", tmp.path(), "--image", kData + "/png-chest/nih_cxr14_00000001_000.png",
                 "--prompt", "effusion", "--out", tmp.filePath("out")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("autoencoder.pth"), r.err.constData());
    }

    // `ground` as a user runs it on the authors' outputs away from the main setting (100 steps,
    // their default window; attribution mode with layers 3-8): the files must match theirs.
    // (The main setting is checked step by step through the API in test_engine_parity.)
    void groundWritesWhatTheReferenceComputes_data() {
        QTest::addColumn<QString>("dir");
        const QString root = kData + "/fixture-cases-steps";
        for (const QString& c : QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) QTest::newRow(qPrintable(c)) << root + "/" + c;
    }
    void groundWritesWhatTheReferenceComputes() {
        QFETCH(QString, dir);
        QTemporaryDir tmp;
        QFile cf(dir + "/case.json"), rf(dir + "/result.json");
        QVERIFY(cf.open(QIODevice::ReadOnly) && rf.open(QIODevice::ReadOnly));
        const QJsonObject c = QJsonDocument::fromJson(cf.readAll()).object(), ref = QJsonDocument::fromJson(rf.readAll()).object();
        QStringList args{"ground", "--model", kData + "/model-small", "--image", dir + "/input.png", "--prompt",
                         c["prompt"].toString(), "--prompt", "heart", "--steps", QString::number(c["steps"].toInt()),
                         "--out", tmp.path()};
        if (c["window"].isString()) args << "--window" << c["window"].toString();
        if (c["layers"].isString()) args << "--layers" << c["layers"].toString();
        if (c["attribution"].isString()) args << "--attribution" << c["attribution"].toString();
        const Run r = run(args);
        QVERIFY2(r.code == 0, r.err.constData());
        for (const QString& k : {QString("000"), QString("001")})
            for (const char* f : {"heatmap.npy", "heatmap_smooth.npy", "heatmap_original.npy", "overlay.png", "result.json"})
                QVERIFY2(QFile::exists(tmp.filePath(k + "/" + f)), qPrintable(k + "/" + f));
        std::vector<int64_t> shape;
        const std::vector<float> fin = readNpy(tmp.filePath("000/heatmap.npy"), &shape);
        QCOMPARE(shape, (std::vector<int64_t>{512, 512}));
        const std::vector<float> ref512 = readNpy(dir + "/heatmap.npy");
        size_t agree = 0;
        for (size_t i = 0; i < ref512.size(); ++i) agree += (fin[i] > 0) == (ref512[i] > 0);
        QVERIFY2(agree >= size_t(0.999 * ref512.size()), qPrintable(QString::number(agree)));
        const std::vector<float> smooth = readNpy(tmp.filePath("000/heatmap_smooth.npy"));
        const std::vector<float> refSmooth = readNpy(dir + "/heatmap_smooth.npy");
        double e = 0;
        for (size_t i = 0; i < refSmooth.size(); ++i) e = std::max(e, double(std::fabs(smooth[i] - refSmooth[i])));
        QVERIFY2(e <= 1e-3, qPrintable(QString::number(e)));
        std::vector<int64_t> refShape;
        const std::vector<float> orig = readNpy(tmp.filePath("000/heatmap_original.npy"), &shape);
        const std::vector<float> refOrig = readNpy(dir + "/heatmap_original.npy", &refShape);
        QCOMPARE(shape, refShape);
        double eo = 0;
        for (size_t i = 0; i < refOrig.size(); ++i) {
            QCOMPARE(std::isnan(orig[i]), std::isnan(refOrig[i]));
            if (orig[i] > 0 && refOrig[i] > 0) eo = std::max(eo, double(std::fabs(orig[i] - refOrig[i])));
        }
        QVERIFY2(eo <= 1e-3, qPrintable(QString::number(eo)));
        QFile jf(tmp.filePath("000/result.json"));
        QVERIFY(jf.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(jf.readAll()).object();
        QCOMPARE(o["prompt"].toString(), c["prompt"].toString());
        QCOMPARE(o["token_ids"].toArray(), ref["token_ids"].toArray());
        QCOMPARE(o["window"].toArray(), ref["window"].toArray());
        QCOMPARE(o["timesteps_first_last"].toArray(), ref["timesteps_first_last"].toArray());
        QCOMPARE(o["unet_calls"].toInt(), ref["window"].toArray()[1].toInt());  // the calls after the window are not run
        QVERIFY(std::fabs(o["otsu_threshold"].toDouble() - ref["otsu_threshold"].toDouble()) <= 1e-3);
        QCOMPARE(o["device"].toString(), QString("cpu"));
        QVERIFY(o["seconds"].toObject().contains("inversion"));
        if (c["attribution"].isString()) {
            QCOMPARE(o["attribution"].toObject()["matched"].toBool(), true);
            // "heart" holds no token of the category: all NaN, said so, and still exit 0.
            QFile hf(tmp.filePath("001/result.json"));
            QVERIFY(hf.open(QIODevice::ReadOnly));
            const QJsonObject h = QJsonDocument::fromJson(hf.readAll()).object();
            QCOMPARE(h["attribution"].toObject()["matched"].toBool(), false);
            QVERIFY(h["otsu_threshold"].isNull());
            for (float v : readNpy(tmp.filePath("001/heatmap_original.npy"))) QVERIFY(std::isnan(v));
            QVERIFY2(r.err.contains("all NaN"), r.err.constData());
        }
    }

    // Devices: a CUDA request on a build or machine without CUDA, and a malformed device string,
    // end with exit 1 and a message; a failure inside the UNet loop (injected) is a message too.
    void deviceAndEngineFailures() {
        QTemporaryDir tmp;
        const QStringList base{"ground", "--model", kData + "/model-small", "--image",
                               kData + "/png-chest/nih_cxr14_00000001_000.png", "--prompt", "effusion", "--steps", "20",
                               "--out", tmp.filePath("out")};
        Run r = run(base + QStringList{"--device", "cuda"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("CUDA") && r.err.contains("--device cpu"), r.err.constData());
        r = run(base + QStringList{"--device", "cuda:x"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("cuda:x"), r.err.constData());
        r = run(base + QStringList{"--device", "gpu0"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("unknown device \"gpu0\""), r.err.constData());
        r = run(base, 600000, {"CXRG_TEST_FAIL_UNET_CALL=3"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("ran out of memory") && !r.err.contains("frame #"), r.err.constData());
        QVERIFY(!QFile::exists(tmp.filePath("out/000/result.json")));
    }

    void badArguments() {
        QCOMPARE(run({"ground", "--model", kData + "/model-small"}).code, 2);
        QTemporaryDir tmp;
        Run r = run({"ground", "--model", kData + "/model-small", "--image", kData + "/dicom-malformed/pydicom_badVR.dcm",
                     "--prompt", "effusion", "--out", tmp.path()});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("pydicom_badVR.dcm"));
        QFile notes(tmp.filePath("notes.txt"));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("Findings: small left pleural effusion.\n");
        notes.close();
        r = run({"ground", "--model", kData + "/model-small", "--image", tmp.filePath("notes.txt"), "--prompt", "effusion",
                 "--out", tmp.filePath("out")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("notes.txt") && r.err.contains("not an image"), r.err.constData());
        r = run({"ground", "--model", kData + "/model-small", "--image", kData + "/png-chest/nih_cxr14_00000001_000.png",
                 "--prompt", "", "--out", tmp.path()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("no words"), r.err.constData());
        r = run({"ground", "--model", kData + "/model-small", "--image", kData + "/png-chest/nih_cxr14_00000001_000.png",
                 "--prompt", "x", "--out", tmp.path(), "--layers", "3,99"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("layer 99"), r.err.constData());
        r = run({"ground", "--model", kData + "/model-small", "--image", kData + "/png-chest/nih_cxr14_00000001_000.png",
                 "--prompt", "x", "--out", tmp.path(), "--precision", "bf16"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("CUDA"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliEngine)
#include "test_cli_engine.moc"
