// cxr-ground export, run as a user runs it: the burned-in picture equals the rendered image
// under the engine's map blended at the chosen opacity; DICOM Secondary Capture in the source's
// study; never overwriting; bad arguments.
#include "annotate/overlay.h"
#include "grounding/npy.h"

#include <QDir>
#include <QFile>
#include <QImage>
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

Run run(const QString& exe, const QStringList& args) { return runProgram(exe, args); }

QString dicomValue(const QString& file, const QString& tag) {
    const Run r = run(QStringLiteral("dcmdump"), {"+P", tag, file});
    const QString line = QString::fromUtf8(r.out).trimmed();
    const int a = line.indexOf('['), b = line.indexOf(']');
    return a >= 0 && b > a ? line.mid(a + 1, b - a - 1) : QString();
}

}  // namespace

class TestCliExport : public QObject {
    Q_OBJECT
    const QString image = kData + "/fixture-cases/nih01_landscape_up/input.png";
    const QString dicom = kData + "/dicom-chest/nih_google_DX_chest_implicitLE.dcm";

private Q_SLOTS:
    void pngPixelsAreTheMapOverTheImage() {
        QTemporaryDir tmp;
        const QStringList method{"--steps", "30"};
        // As in a cron / Slurm job or a root shell: no XDG_RUNTIME_DIR.
        const QByteArray runtimeDir = qgetenv("XDG_RUNTIME_DIR");
        qunsetenv("XDG_RUNTIME_DIR");
        Run r = run(kExe, QStringList{"export", "--model", kData + "/model-small", "--image", image, "--prompt",
                                      "Small left pleural effusion", "--mask", "off", "--opacity", "0.6", "--out",
                                      tmp.filePath("e.png")} + method);
        if (!runtimeDir.isEmpty()) qputenv("XDG_RUNTIME_DIR", runtimeDir);
        QVERIFY2(r.code == 0, r.err.constData());
        // Only our own messages on stderr (no Qt platform warnings).
        for (const QByteArray& line : r.err.split('\n'))
            QVERIFY2(line.isEmpty() || line.startsWith("cxr-ground: "), r.err.constData());
        r = run(kExe, QStringList{"ground", "--model", kData + "/model-small", "--image", image, "--prompt",
                                  "Small left pleural effusion", "--out", tmp.filePath("g")} + method);
        QVERIFY2(r.code == 0, r.err.constData());
        r = run(kExe, {"render", image, tmp.filePath("base.png")});
        QVERIFY2(r.code == 0, r.err.constData());
        cxr::npy::Array a;
        std::string e;
        QVERIFY(cxr::npy::read(tmp.filePath("g/000/heatmap_original.npy").toStdString(), &a, &e));
        const std::vector<float> map = a.toFloat();
        const QImage out = QImage(tmp.filePath("e.png")).convertToFormat(QImage::Format_RGB32);
        const QImage base = QImage(tmp.filePath("base.png")).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(out.width(), 512);
        QVERIFY(out.height() > 431 + 40);  // caption, colour bar, research-use line
        const int alpha = int(std::lround(0.6 * 255));
        int inHeat = 0, outside = 0;
        for (int y = 0; y < 431; y += 3)
            for (int x = 0; x < 512; x += 3) {
                if (y > 431 - 50 && x < 320) continue;  // the "demo model" stamp
                const float v = map[size_t(y) * 512 + x];
                const QRgb got = out.pixel(x, y), bg = base.pixel(x, y);
                if (std::isnan(v)) continue;
                if (v > 0) {
                    const QRgb c = cxr::annotate::colourAt(cxr::annotate::ColourMap::Inferno,
                                                           std::clamp(std::lround(v * 255.0), 0L, 255L) / 255.0);
                    auto blend = [alpha](int fg, int b) { return (fg * alpha + b * (255 - alpha)) / 255.0; };
                    QVERIFY(std::abs(qRed(got) - blend(qRed(c), qRed(bg))) <= 2);
                    QVERIFY(std::abs(qGreen(got) - blend(qGreen(c), qGreen(bg))) <= 2);
                    QVERIFY(std::abs(qBlue(got) - blend(qBlue(c), qBlue(bg))) <= 2);
                    ++inHeat;
                } else {
                    QCOMPARE(got, bg);
                    ++outside;
                }
            }
        QVERIFY(inHeat > 50 && outside > 50);

        // Never overwritten without --overwrite.
        const qint64 size = QFileInfo(tmp.filePath("e.png")).size();
        r = run(kExe, QStringList{"export", "--model", kData + "/model-small", "--image", image, "--prompt", "heart", "--out",
                                  tmp.filePath("e.png")} + method);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("exists"), r.err.constData());
        QCOMPARE(QFileInfo(tmp.filePath("e.png")).size(), size);
        r = run(kExe, QStringList{"export", "--model", kData + "/model-small", "--image", image, "--prompt", "heart", "--out",
                                  tmp.filePath("e.png"), "--overwrite"} + method);
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(QFileInfo(tmp.filePath("e.png")).size() != size);
        // A folder that does not exist: named, nothing written.
        r = run(kExe, QStringList{"export", "--model", kData + "/model-small", "--image", image, "--prompt", "heart", "--out",
                                  tmp.filePath("no/such/folder/x.png")} + method);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("no/such/folder"), r.err.constData());
    }

    void gridAndJpeg() {
        QTemporaryDir tmp;
        const Run r = run(kExe, {"export", "--model", kData + "/model-small", "--image", image, "--prompt", "left effusion",
                                 "--prompt", "right effusion", "--prompt", "cardiomegaly", "--grid", "1x3", "--steps", "30",
                                 "--out", tmp.filePath("grid.jpg")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QImage g(tmp.filePath("grid.jpg"));
        QVERIFY(g.width() > 3 * 512 && g.height() > 431);
        QFile f(tmp.filePath("grid.jpg"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("Exif"));  // no metadata
    }

    void dicomSecondaryCaptureInTheSourceStudy() {
        if (QStandardPaths::findExecutable("dcmdump").isEmpty()) QSKIP("dcmdump (apt package dcmtk) is not installed");
        QTemporaryDir tmp;
        Run r = run(kExe, {"export", "--model", kData + "/model-small", "--image", dicom, "--prompt", "Small left pleural effusion",
                           "--steps", "30", "--out", tmp.filePath("sc.dcm")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(run("dcmdump", {tmp.filePath("sc.dcm")}).code, 0);
        QCOMPARE(dicomValue(tmp.filePath("sc.dcm"), "StudyInstanceUID"), dicomValue(dicom, "StudyInstanceUID"));
        QVERIFY(dicomValue(tmp.filePath("sc.dcm"), "SOPInstanceUID") != dicomValue(dicom, "SOPInstanceUID"));
        QVERIFY(dicomValue(tmp.filePath("sc.dcm"), "SeriesInstanceUID") != dicomValue(dicom, "SeriesInstanceUID"));
        QCOMPARE(dicomValue(tmp.filePath("sc.dcm"), "PatientName"), dicomValue(dicom, "PatientName"));
        QVERIFY(dicomValue(tmp.filePath("sc.dcm"), "SeriesDescription").startsWith("CXR Ground heat map: Small left"));
        r = run(kExe, {"export", "--model", kData + "/model-small", "--image", dicom, "--prompt", "effusion", "--steps", "30",
                       "--anonymise", "--out", tmp.filePath("anon.dcm")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(dicomValue(tmp.filePath("anon.dcm"), "PatientName").isEmpty());
        QCOMPARE(dicomValue(tmp.filePath("anon.dcm"), "PatientIdentityRemoved"), QString("YES"));
        // This viewer's own command line reads it back.
        r = run(kExe, {"info", tmp.filePath("anon.dcm")});
        QVERIFY2(r.code == 0 && r.out.contains("RGB"), r.out.constData());
    }

    void badArguments() {
        QTemporaryDir tmp;
        const QStringList base{"export", "--model", kData + "/model-small", "--image", image};
        QCOMPARE(run(kExe, base + QStringList{"--prompt", "a", "--prompt", "b", "--grid", "1x1", "--out", tmp.filePath("x.png")}).code, 2);
        QCOMPARE(run(kExe, base + QStringList{"--prompt", "a", "--out", tmp.filePath("x.tiff")}).code, 2);
        QCOMPARE(run(kExe, base + QStringList{"--prompt", " ", "--out", tmp.filePath("x.png")}).code, 2);
        QCOMPARE(run(kExe, base + QStringList{"--prompt", "a", "--opacity", "2", "--out", tmp.filePath("x.png")}).code, 2);
        QCOMPARE(run(kExe, base + QStringList{"--prompt", "a", "--colour-map", "rainbow", "--out", tmp.filePath("x.png")}).code, 2);
        QVERIFY(QDir(tmp.path()).entryList(QDir::Files).isEmpty());
    }

    // A failure inside the UNet loop (out of memory, injected through the engine's test hook) is
    // a message and exit 1; no file is written.
    void engineFailureIsAMessage() {
        QTemporaryDir tmp;
        const Run r = runProgram(kExe,
                                 {"export", "--model", kData + "/model-small", "--image", image, "--prompt", "effusion",
                                  "--steps", "20", "--out", tmp.filePath("x.png")},
                                 600000, {"CXRG_TEST_FAIL_UNET_CALL=2"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("ran out of memory") && !r.err.contains("frame #"), r.err.constData());
        QVERIFY(QDir(tmp.path()).entryList(QDir::Files).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "test_cli_export.moc"
