// Core imaging: decoding of every encoding, the rendering pipeline, bad input, folder scans,
// geometry. Data: tests/data (see tests/data/README.md for provenance).
#include "imaging/geometry.h"
#include "imaging/image.h"
#include "imaging/loader.h"
#include "imaging/measure.h"
#include "imaging/orientation.h"
#include "imaging/scan.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcddirif.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <opencv2/imgcodecs.hpp>

#include <cmath>

using namespace cxr;

namespace {

QString data(const QString& rel) { return QStringLiteral(CXRG_TEST_DATA "/") + rel; }

const QString kOriginal = QStringLiteral("dicom-chest/gdcm_CR-MONO1-10-chest_part10.dcm");

// Writes a small DICOM with the given geometry; pixel bytes as given (may be too few).
bool writeDicom(const QString& path, int rows, int cols, int frames, const std::vector<Uint16>& px,
                const char* patientName = "Test^Patient", bool withRows = true,
                const char* photometric = "MONOCHROME2") {
    DcmFileFormat ff;
    DcmDataset* ds = ff.getDataset();
    char uid[100];
    ds->putAndInsertString(DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid));
    ds->putAndInsertString(DCM_StudyInstanceUID, "1.2.826.0.1.3680043.9.7777.1");
    ds->putAndInsertString(DCM_SeriesInstanceUID, "1.2.826.0.1.3680043.9.7777.1.1");
    ds->putAndInsertString(DCM_PatientName, patientName);
    ds->putAndInsertString(DCM_PatientID, "TEST-1");
    ds->putAndInsertString(DCM_Modality, "OT");
    ds->putAndInsertString(DCM_PhotometricInterpretation, photometric);
    ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
    if (withRows) ds->putAndInsertUint16(DCM_Rows, static_cast<Uint16>(rows));
    ds->putAndInsertUint16(DCM_Columns, static_cast<Uint16>(cols));
    if (frames > 1) ds->putAndInsertString(DCM_NumberOfFrames, QByteArray::number(frames).constData());
    ds->putAndInsertUint16(DCM_BitsAllocated, 16);
    ds->putAndInsertUint16(DCM_BitsStored, 12);
    ds->putAndInsertUint16(DCM_HighBit, 11);
    ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
    ds->putAndInsertUint16Array(DCM_PixelData, px.data(), static_cast<unsigned long>(px.size()));
    return ff.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).good();
}

}  // namespace

class TestImaging : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerCodecs(); }

    void losslessEncodingsDecodeExactly_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("maxDiff");
        const QStringList lossless = {
            "cr10chest_deflate_1.2.840.10008.1.2.1.99.dcm",
            "cr10chest_explicit-big-endian_1.2.840.10008.1.2.2.dcm",
            "cr10chest_implicit-le_1.2.840.10008.1.2.dcm",
            "cr10chest_j2k-lossless_1.2.840.10008.1.2.4.90.dcm",
            "cr10chest_jpeg-lossless-p14_1.2.840.10008.1.2.4.57.dcm",
            "cr10chest_jpeg-lossless-sv1_1.2.840.10008.1.2.4.70.dcm",
            "cr10chest_jpegls-lossless_1.2.840.10008.1.2.4.80.dcm",
            "cr10chest_rle_1.2.840.10008.1.2.5.dcm"};
        for (const QString& f : lossless) QTest::newRow(qPrintable(f)) << f << 0;
        QTest::newRow("jpegls-nearlossless") << "cr10chest_jpegls-nearlossless_1.2.840.10008.1.2.4.81.dcm" << 2;
        // the no-preamble ACR-NEMA original holds the same pixels
        QTest::newRow("acrnema-original") << "../dicom-chest/gdcm_CR-MONO1-10-chest_acrnema_nopreamble.dcm" << 0;
    }
    void losslessEncodingsDecodeExactly() {
        QFETCH(QString, file);
        QFETCH(int, maxDiff);
        const LoadResult ref = loadImage(data(kOriginal));
        QVERIFY2(ref.ok(), qPrintable(ref.error));
        const LoadResult r = loadImage(data("dicom-derived/" + file));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.image->width, 440);
        QCOMPARE(r.image->height, 440);
        QCOMPARE(r.image->stored.size(), ref.image->stored.size());
        int worst = 0;
        for (size_t i = 0; i < r.image->stored.size(); ++i)
            worst = std::max(worst, std::abs(r.image->stored[i] - ref.image->stored[i]));
        QVERIFY2(worst <= maxDiff, qPrintable(QString("max difference %1").arg(worst)));
        QVERIFY(r.image->monochrome1);
    }

    void lossyJpeg12BitDecodes() {
        const LoadResult r = loadImage(data("dicom-derived/cr10chest_jpeg-extended-12bit-lossy_1.2.840.10008.1.2.4.51.dcm"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.image->width, 440);
        QVERIFY(r.image->storedMax > r.image->storedMin);
    }

    void monochromePairRendersAsExactInverses() {
        const LoadResult m2 = loadImage(data("dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm"));
        const LoadResult m1 = loadImage(data("dicom-chest/txv_Fake_MONOHR1.dcm"));
        QVERIFY2(m2.ok() && m1.ok(), qPrintable(m2.error + m1.error));
        QVERIFY(!m2.image->monochrome1);
        QVERIFY(m1.image->monochrome1);
        Renderer a, b;
        const Rendered r2 = a.render(*m2.image, defaultDisplay(*m2.image));
        const Rendered r1 = b.render(*m1.image, defaultDisplay(*m1.image));
        QCOMPARE(r1.pixels.size(), size_t(1024 * 1024));
        for (size_t i = 0; i < r1.pixels.size(); ++i)
            if (r1.pixels[i] != 255 - r2.pixels[i])
                QFAIL(qPrintable(QString("pixel %1: %2 vs 255-%3").arg(i).arg(r1.pixels[i]).arg(r2.pixels[i])));
    }

    void monochrome1ShowsBoneBright() {
        // MONOCHROME1: the largest stored value is the darkest grey.
        const LoadResult r = loadImage(data("dicom-chest/wg04_RG1_J2KI.dcm"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.image->width, 1841);  // odd width
        QCOMPARE(r.image->height, 1955);
        QVERIFY(r.image->monochrome1);
        Renderer ren;
        ren.buildLut(*r.image, defaultDisplay(*r.image));
        QVERIFY(ren.map(r.image->storedMax) < ren.map(r.image->storedMin));
        // The viewer's Invert on a MONOCHROME1 image gives the raw MONOCHROME2-like mapping.
        DisplaySettings inv = defaultDisplay(*r.image);
        inv.userInvert = true;
        Renderer ren2;
        ren2.buildLut(*r.image, inv);
        QCOMPARE(int(ren2.map(r.image->storedMax)), 255 - int(ren.map(r.image->storedMax)));
    }

    void presentationLutInverse() {
        const LoadResult r = loadImage(data("dicom-chest/highdicom_dx_thorax_veterinary.dcm"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.image->info.presentationLutShape, QString("INVERSE"));
        QVERIFY(r.image->monochrome1);
        QVERIFY(r.image->info.spacing.known());
        QCOMPARE(r.image->info.spacing.source, PixelSpacing::Source::PixelSpacing);
    }

    void pixelSpacing() {
        const HeaderResult a = readHeader(data("dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm"));
        QVERIFY(a.ok());
        QVERIFY(a.info.spacing.known());
        QCOMPARE(a.info.spacing.row, 0.168);
        const HeaderResult b = readHeader(data("dicom-chest/wg04_RG1_J2KI.dcm"));  // "0\0"
        QVERIFY(b.ok());
        QVERIFY(!b.info.spacing.known());
        const HeaderResult c = readHeader(data("dicom-chest/gdcm_DX_J2K_0Padding.dcm"));
        QVERIFY(c.ok());
        QVERIFY(c.info.spacing.known());
        QCOMPARE(c.info.spacing.source, PixelSpacing::Source::ImagerPixelSpacing);
    }

    void windowThatMissesDataIsNotTrusted() {
        const LoadResult r = loadImage(data("dicom-chest/gdcm_DX_J2K_0Padding.dcm"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(!r.warnings.isEmpty());
        const DisplaySettings d = defaultDisplay(*r.image);
        QCOMPARE(d.window.explanation, QString("robust"));
        Renderer ren;
        const Rendered out = ren.render(*r.image, d);
        // The image is not uniform: the automatic window shows structure.
        int lo = 255, hi = 0;
        for (uint8_t v : out.pixels) { lo = std::min<int>(lo, v); hi = std::max<int>(hi, v); }
        QVERIFY(hi - lo > 200);
    }

    void fileWindowIsDefault() {
        const LoadResult r = loadImage(data("dicom-chest/gdcm_CR-MONO1-10-chest_part10.dcm"));
        QVERIFY(r.ok());
        if (r.image->info.windows.empty()) QSKIP("file has no window");
        const DisplaySettings d = defaultDisplay(*r.image);
        QCOMPARE(d.window.center, r.image->info.windows.front().center);
    }

    void voiLinearFunctionFollowsTheStandard() {
        Image img;
        img.stored = {0};
        DisplaySettings s;
        s.window = {2048, 4096, {}};
        // PS3.3 C.11.2.1.2.1: x <= c-0.5-(w-1)/2 -> 0; x > c-0.5+(w-1)/2 -> max.
        QCOMPARE(voiOutput(img, s, 2048 - 0.5 - 4095 / 2.0), 0.0);
        QCOMPARE(voiOutput(img, s, 2048 - 0.5 + 4095 / 2.0 + 0.01), 255.0);
        QVERIFY(std::abs(voiOutput(img, s, 2047.5) - 127.5) < 1e-9);
        // Width 1 is a threshold.
        s.window = {100, 1, {}};
        QCOMPARE(voiOutput(img, s, 99.4), 0.0);
        QCOMPARE(voiOutput(img, s, 100.0), 255.0);
    }

    void modalityLutSequence() {
        const LoadResult r = loadImage(data("dicom-lut/ihe_mesa_mlut_18.dcm"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.image->modalityLut.has_value());
        QVERIFY(r.image->info.hasModalityLutSequence);
        const Lut& l = *r.image->modalityLut;
        // The table is applied: values below/above its input range clamp to its ends.
        QCOMPARE(r.image->modalityValue(l.firstMapped - 10), double(l.data.front()));
        QCOMPARE(r.image->modalityValue(l.firstMapped + int(l.data.size()) + 10), double(l.data.back()));
        const LoadResult d = loadImage(data("dicom-lut/fodicom_CR_dental_ModalityLUTSequence_jpegll.dcm"));
        QVERIFY2(d.ok(), qPrintable(d.error));
        QVERIFY(d.image->modalityLut.has_value());
        QVERIFY(d.image->monochrome1);
    }

    void voiLutSequence() {
        const LoadResult r = loadImage(data("dicom-lut/ihe_mesa_vlut_04.dcm"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.image->voiLut.has_value());
        const DisplaySettings d = defaultDisplay(*r.image);
        if (r.image->info.windows.empty()) QCOMPARE(d.voi, DisplaySettings::Voi::VoiLut);
        DisplaySettings lutOnly = d;
        lutOnly.voi = DisplaySettings::Voi::VoiLut;
        Renderer ren;
        ren.buildLut(*r.image, lutOnly);
        const Lut& l = *r.image->voiLut;
        // Output = LUT entry scaled to 8 bits.
        const int32_t s = r.image->storedMin;
        const double expect = std::clamp(double(l.lookup(int64_t(r.image->modalityValue(s)))) / l.outputMax, 0.0, 1.0) * 255;
        QCOMPARE(int(ren.map(s)), int(std::lround(expect)));
    }

    void pngIsShownAsStored() {
        const QString p = data("png-chest/nih_cxr14_00000001_000.png");
        const LoadResult r = loadImage(p);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.image->info.format, QString("PNG"));
        const cv::Mat m = cv::imread(p.toStdString(), cv::IMREAD_GRAYSCALE);
        Renderer ren;
        const Rendered out = ren.render(*r.image, defaultDisplay(*r.image));
        QCOMPARE(out.width, m.cols);
        for (int y = 0; y < m.rows; y += 7)
            for (int x = 0; x < m.cols; x += 5)
                QCOMPARE(int(out.pixels[size_t(y) * m.cols + x]), int(m.at<uint8_t>(y, x)));
    }

    void png16AndRgbJpeg() {
        QTemporaryDir tmp;
        cv::Mat g16(64, 80, CV_16UC1);
        for (int y = 0; y < 64; ++y) for (int x = 0; x < 80; ++x) g16.at<uint16_t>(y, x) = uint16_t(x * 800 + y);
        const QString p16 = tmp.filePath("g16.png");
        QVERIFY(cv::imwrite(p16.toStdString(), g16));
        LoadResult r = loadImage(p16);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.image->info.bitsStored, 16);
        QCOMPARE(r.image->storedAt(79, 63), 79 * 800 + 63);
        cv::Mat rgb(32, 32, CV_8UC3, cv::Scalar(10, 20, 200));  // BGR
        const QString pj = tmp.filePath("c.jpg");
        QVERIFY(cv::imwrite(pj.toStdString(), rgb));
        r = loadImage(pj);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.image->channels, 3);
        QVERIFY(std::abs(r.image->storedAt(16, 16, 0) - 200) <= 3);  // red first
        QVERIFY(std::abs(r.image->storedAt(16, 16, 2) - 10) <= 3);
    }

    void malformedFilesGiveClearMessages_data() {
        QTest::addColumn<QString>("file");
        for (const QString& f : QDir(data("dicom-malformed")).entryList(QDir::Files))
            QTest::newRow(qPrintable(f)) << "dicom-malformed/" + f;
        QTest::newRow("truncated") << "dicom-derived/cr10chest_TRUNCATED-pixeldata.dcm";
    }
    void malformedFilesGiveClearMessages() {
        QFETCH(QString, file);
        const LoadResult r = loadImage(data(file));
        if (r.ok()) {
            // A damaged file that still decodes must at least have sane pixels.
            QVERIFY(r.image->width > 0 && r.image->stored.size() == size_t(r.image->width) * r.image->height * r.image->channels);
            return;
        }
        QVERIFY2(r.error.contains(QFileInfo(file).fileName()), qPrintable(r.error));
        QVERIFY(r.error.size() > QFileInfo(file).fileName().size() + 10);
    }

    void truncatedIsRefused() {
        const LoadResult r = loadImage(data("dicom-derived/cr10chest_TRUNCATED-pixeldata.dcm"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains("truncated"), qPrintable(r.error));
    }

    void impossibleSizesAreRefusedBeforeAllocation() {
        QTemporaryDir tmp;
        const QString p = tmp.filePath("huge.dcm");
        QVERIFY(writeDicom(p, 65535, 65535, 1, std::vector<Uint16>(450, 7)));
        const LoadResult r = loadImage(p);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains("huge.dcm") && r.error.contains("65535"), qPrintable(r.error));
        // Plausible size but too little data: truncated, not a crash.
        const QString q = tmp.filePath("short.dcm");
        QVERIFY(writeDicom(q, 1000, 1000, 1, std::vector<Uint16>(450, 7)));
        const LoadResult s = loadImage(q);
        QVERIFY(!s.ok());
        QVERIFY2(s.error.contains("truncated"), qPrintable(s.error));
    }

    void missingRowsIsReported() {
        QTemporaryDir tmp;
        const QString p = tmp.filePath("norows.dcm");
        QVERIFY(writeDicom(p, 4, 4, 1, std::vector<Uint16>(16, 1), "A^B", false));
        const LoadResult r = loadImage(p);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains("Rows"), qPrintable(r.error));
    }

    void nonImageFile() {
        QTemporaryDir tmp;
        const QString p = tmp.filePath("notes.txt");
        QFile f(p);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("This is not an image at all, just some text.\n");
        f.close();
        const LoadResult r = loadImage(p);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains("notes.txt"), qPrintable(r.error));
        QVERIFY(!loadImage(tmp.filePath("missing.dcm")).ok());
    }

    void multiFrame() {
        QTemporaryDir tmp;
        const QString p = tmp.filePath("mf.dcm");
        std::vector<Uint16> px(3 * 8 * 8);
        for (int f = 0; f < 3; ++f) for (int i = 0; i < 64; ++i) px[f * 64 + i] = Uint16(100 * (f + 1) + i);
        QVERIFY(writeDicom(p, 8, 8, 3, px));
        QCOMPARE(readHeader(p).info.frames, 3);
        for (int f = 0; f < 3; ++f) {
            const LoadResult r = loadImage(p, f);
            QVERIFY2(r.ok(), qPrintable(r.error));
            QCOMPARE(r.image->storedAt(5, 2), 100 * (f + 1) + 21);
        }
        const LoadResult bad = loadImage(p, 3);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error.contains("frame 4"), qPrintable(bad.error));
    }

    void tagDumpKeepsMarkupLiteral() {
        QTemporaryDir tmp;
        const QString p = tmp.filePath("markup.dcm");
        QVERIFY(writeDicom(p, 4, 4, 1, std::vector<Uint16>(16, 1), "<script>alert(1)</script>^<b>x</b>"));
        QString err;
        const auto rows = dumpTags(p, &err);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        bool found = false;
        for (const TagRow& r : rows)
            if (r.tag == "(0010,0010)") {
                QCOMPARE(r.value, QString("<script>alert(1)</script>^<b>x</b>"));
                QCOMPARE(r.name, QString("PatientName"));
                found = true;
            }
        QVERIFY(found);
    }

    void eightBitNamesWithoutCharacterSetStayReadable() {
        QTemporaryDir tmp;
        const QString p = tmp.filePath("latin1.dcm");
        QVERIFY(writeDicom(p, 4, 4, 1, std::vector<Uint16>(16, 1), "M\xFCller^Hans"));
        const HeaderResult h = readHeader(p);
        QVERIFY(h.ok());
        QCOMPARE(h.info.patientName, QString::fromUtf8("M\u00fcller^Hans"));
        QVERIFY(!h.info.patientName.contains(QChar::ReplacementCharacter));
    }

    void infoJsonHasTheFacts() {
        const HeaderResult h = readHeader(data("dicom-chest/wg04_RG1_J2KI.dcm"));
        QVERIFY(h.ok());
        const QJsonObject o = QJsonDocument::fromJson(infoJson(h.info)).object();
        QCOMPARE(o["modality"].toString(), QString("CR"));
        QCOMPARE(o["photometric_interpretation"].toString(), QString("MONOCHROME1"));
        QCOMPARE(o["transfer_syntax"].toString(), QString("1.2.840.10008.1.2.4.91"));
        QCOMPARE(o["rows"].toInt(), 1955);
        QCOMPARE(o["columns"].toInt(), 1841);
        QCOMPARE(o["bits_stored"].toInt(), 15);
        QCOMPARE(o["frames"].toInt(), 1);
        QVERIFY(o["spacing"].isNull());
        QVERIFY(!o["windows"].toArray().isEmpty());
    }

    void folderScanGroupsAndSkips() {
        std::atomic_bool cancel{false};
        int progressCalls = 0;
        const ScanResult r = scanFolder(data(""), [&](int, const QString&) { ++progressCalls; }, &cancel);
        QVERIFY(!r.cancelled);
        QVERIFY(progressCalls > 20);
        QVERIFY(r.imageCount() >= 20);
        QVERIFY(r.patients.size() >= 3);
        // Malformed files are listed with a reason, not silently dropped.
        bool sawTruncatedPlan = false;
        for (const SkippedFile& s : r.skipped) {
            QVERIFY(!s.reason.isEmpty());
            if (s.path.endsWith("pydicom_rtplan_truncated.dcm")) sawTruncatedPlan = true;
        }
        QVERIFY(sawTruncatedPlan);
        // Every derived file of the CR chest lands in the same series.
        bool sameSeries = false;
        for (const auto& p : r.patients)
            for (const auto& st : p.studies)
                for (const auto& se : st.series)
                    if (se.files.size() >= 10) sameSeries = true;
        QVERIFY(sameSeries);
        cancel = true;
        QVERIFY(scanFolder(data(""), {}, &cancel).cancelled);
    }

    void dicomDirIsFollowed() {
        QTemporaryDir tmp;
        QDir(tmp.path()).mkpath("IMAGES");
        // The general-purpose profile takes uncompressed files only.
        QVERIFY(writeDicom(tmp.filePath("IMAGES/IM1"), 8, 8, 1, std::vector<Uint16>(64, 5)));
        QVERIFY(QFile::copy(data(kOriginal), tmp.filePath("IMAGES/IM2")));
        QFile::setPermissions(tmp.filePath("IMAGES/IM1"), QFile::ReadOwner | QFile::WriteOwner);
        QFile::setPermissions(tmp.filePath("IMAGES/IM2"), QFile::ReadOwner | QFile::WriteOwner);
        // A stray file the DICOMDIR does not reference must not appear.
        QVERIFY(QFile::copy(data("dicom-chest/txv_Fake_MONOHR1.dcm"), tmp.filePath("IMAGES/STRAY")));
        const QByteArray old = QDir::currentPath().toLocal8Bit();
        QDir::setCurrent(tmp.path());
        DicomDirInterface ddi;
        ddi.disableConsistencyCheck(OFTrue);
        ddi.enableInventMode(OFTrue);
        QVERIFY(ddi.createNewDicomDir(DicomDirInterface::AP_GeneralPurpose, "DICOMDIR").good());
        QVERIFY(ddi.addDicomFile("IMAGES/IM1").good());
        QVERIFY(ddi.addDicomFile("IMAGES/IM2").good());
        QVERIFY(ddi.writeDicomDir().good());
        QDir::setCurrent(QString::fromLocal8Bit(old));
        const ScanResult r = scanFolder(tmp.path());
        QVERIFY(r.usedDicomDir);
        QCOMPARE(r.imageCount(), 2);
    }

    void geometryRoundTripsAndAnchors() {
        ImageGeometry g(300, 200);
        g.setZoom(1.7);
        g.setOffset({13, -4});
        for (int rot = 0; rot < 4; ++rot) {
            for (int flip = 0; flip < 4; ++flip) {
                ImageGeometry h = g;
                for (int k = 0; k < rot; ++k) h.rotateClockwise();
                if (flip & 1) h.flipHorizontal();
                if (flip & 2) h.flipVertical();
                const PointF p{37.25, 151.5};
                const PointF back = h.screenToImage(h.imageToScreen(p));
                QVERIFY(std::abs(back.x - p.x) < 1e-9 && std::abs(back.y - p.y) < 1e-9);
                const auto m = h.imageToScreenMatrix();
                const PointF s = h.imageToScreen(p);
                QVERIFY(std::abs(m[0] * p.x + m[2] * p.y + m[4] - s.x) < 1e-9);
                QVERIFY(std::abs(m[1] * p.x + m[3] * p.y + m[5] - s.y) < 1e-9);
            }
        }
        // 90 degrees clockwise: the top-left corner goes to the top-right.
        ImageGeometry r(300, 200);
        r.rotateClockwise();
        QCOMPARE(r.orientedWidth(), 200);
        const PointF tl = r.imageToOriented({0, 0});
        QCOMPARE(tl.x, 200.0);
        QCOMPARE(tl.y, 0.0);
        // Zoom about a point keeps that image point under the cursor.
        ImageGeometry z(300, 200);
        z.fitTo(800, 600);
        const PointF anchor{412, 233};
        const PointF before = z.screenToImage(anchor);
        z.zoomAbout(2.5, anchor);
        const PointF after = z.screenToImage(anchor);
        QVERIFY(std::abs(before.x - after.x) < 1e-9 && std::abs(before.y - after.y) < 1e-9);
        // Fit shows the whole image, centred.
        ImageGeometry f(1000, 500);
        f.fitTo(400, 400);
        QCOMPARE(f.zoom(), 0.4);
        QCOMPARE(f.imageToScreen({0, 0}).y, 100.0);
    }

    // Orientation markers: from Patient Orientation (or a frontal View Position), turned with the view.
    void orientationMarkersFollowTheView() {
        const HeaderResult wg = readHeader(data("dicom-chest/wg04_RG1_J2KI.dcm"));  // L\F, PA
        QVERIFY(wg.ok());
        QCOMPARE(wg.info.patientOrientation, QString("L\\F"));
        QCOMPARE(wg.info.patientSex, QString("F"));
        QCOMPARE(wg.info.patientBirthDate, QString("19400305"));
        QCOMPARE(wg.info.accessionNumber, QString("exam Number"));
        const PatientDirections d = patientDirections(wg.info.patientOrientation, wg.info.viewPosition);
        QCOMPARE(d.row, QString("L"));
        QCOMPARE(d.column, QString("F"));
        QVERIFY(!d.fromViewPosition);
        ImageGeometry g(1841, 1955);
        auto markers = [&] {
            const EdgeMarkers m = edgeMarkers(d, g);
            return QStringList{m.left, m.right, m.top, m.bottom}.join(',');
        };
        QCOMPARE(markers(), QString("R,L,H,F"));  // the patient's right on the viewer's left
        g.rotateClockwise();
        QCOMPARE(markers(), QString("F,H,R,L"));
        g.flipHorizontal();
        QCOMPARE(markers(), QString("H,F,R,L"));
        g.flipVertical();
        QCOMPARE(markers(), QString("H,F,L,R"));
        g.resetOrientation();
        g.flipHorizontal();
        QCOMPARE(markers(), QString("L,R,H,F"));
        g.resetOrientation();
        g.rotateClockwise();
        g.rotateClockwise();
        QCOMPARE(markers(), QString("L,R,F,H"));
        // Oblique letters turn letter by letter; a frontal view without the tag is assumed L\F.
        QCOMPARE(oppositeDirection("LP"), QString("RA"));
        const PatientDirections pa = patientDirections(QString(), "PA");
        QVERIFY(pa.fromViewPosition);
        QCOMPARE(pa.row + pa.column, QString("LF"));
        const PatientDirections lat = patientDirections(QString(), "LL");
        QVERIFY(lat.row.isEmpty());
        QCOMPARE(lat.column, QString("F"));
        QVERIFY(!patientDirections(QString(), QString()).known());
    }

    // Measurements in mm on a file with a known Pixel Spacing (0.168 mm), region statistics against
    // the pixels themselves, and the cardiothoracic ratio.
    void measurementsInMillimetres() {
        const LoadResult r = loadImage(data("dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const Image& img = *r.image;
        Measurement m{MeasureKind::Distance, {{100, 200}, {400, 600}}, {}};
        MeasureValues v = measure(m, img);
        QVERIFY(v.spacingKnown && v.calibrated);
        QCOMPARE(v.length, 500 * 0.168);
        m = {MeasureKind::Angle, {{100, 100}, {200, 100}, {200, 300}}, {}};
        QCOMPARE(measure(m, img).angle, 90.0);
        m.points[2] = {300, 200};
        QVERIFY(std::abs(measure(m, img).angle - 135.0) < 1e-9);
        // Rectangle: exactly the 20 x 10 pixels inside, mean and SD of their values.
        m = {MeasureKind::Rectangle, {{320, 410}, {300, 400}}, {}};
        v = measure(m, img);
        QCOMPARE(v.pixels, 200);
        QVERIFY(std::abs(v.area - 20 * 10 * 0.168 * 0.168) < 1e-9);
        double sum = 0, sum2 = 0, lo = 1e9, hi = -1e9;
        for (int y = 400; y < 410; ++y)
            for (int x = 300; x < 320; ++x) {
                const double g = img.modalityValue(img.storedAt(x, y));
                sum += g;
                sum2 += g * g;
                lo = std::min(lo, g);
                hi = std::max(hi, g);
            }
        QVERIFY(std::abs(v.mean - sum / 200) < 1e-9);
        QVERIFY(std::abs(v.sd - std::sqrt(sum2 / 200 - (sum / 200) * (sum / 200))) < 1e-6);
        QCOMPARE(v.min, lo);
        QCOMPARE(v.max, hi);
        QVERIFY(v.sd > 0);
        // Ellipse: area pi a b; the pixels whose centres are inside (a circle of radius 50 px).
        m = {MeasureKind::Ellipse, {{400, 400}, {500, 500}}, {}};
        v = measure(m, img);
        QVERIFY(std::abs(v.area - M_PI * 50 * 50 * 0.168 * 0.168) < 1e-6);
        QVERIFY(std::abs(v.pixels - M_PI * 50 * 50) < 60);
        // Cardiothoracic ratio: 300 px heart over 600 px thorax.
        m = {MeasureKind::CardiothoracicRatio, {{350, 500}, {650, 500}, {200, 700}, {800, 700}}, {}};
        v = measure(m, img);
        QCOMPARE(v.cardiac, 300 * 0.168);
        QCOMPARE(v.thoracic, 600 * 0.168);
        QCOMPARE(v.ratio, 0.5);
        // Imager Pixel Spacing: mm at the detector, "not calibrated"; no spacing: pixels.
        const LoadResult dx = loadImage(data("dicom-chest/gdcm_DX_J2K_0Padding.dcm"));
        QVERIFY(dx.ok());
        v = measure({MeasureKind::Distance, {{0, 0}, {30, 40}}, {}}, *dx.image);
        QVERIFY(v.spacingKnown && !v.calibrated);
        QCOMPARE(v.length, 50 * 0.4);
        const LoadResult wg = loadImage(data("dicom-chest/wg04_RG1_J2KI.dcm"));
        QVERIFY(wg.ok());
        v = measure({MeasureKind::Distance, {{0, 0}, {30, 40}}, {}}, *wg.image);
        QVERIFY(!v.spacingKnown);
        QCOMPARE(v.length, 50.0);
    }

    // Chest presets: CT values for Hounsfield units; for radiographs windows from the histogram in
    // display order (MONOCHROME1 counted from the other end), lung darker than mediastinum.
    void chestWindowPresets() {
        for (const char* f : {"dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm", "dicom-chest/wg04_RG1_J2KI.dcm"}) {
            const LoadResult r = loadImage(data(f));
            QVERIFY(r.ok());
            const Image& img = *r.image;
            const std::vector<Window> p = chestPresets(img);
            QCOMPARE(int(p.size()), 3);
            QCOMPARE(p[0].explanation, QString("lung"));
            QCOMPARE(p[1].explanation, QString("mediastinum"));
            QCOMPARE(p[2].explanation, QString("bone"));
            for (const Window& w : p) QVERIFY(w.width >= 1);
            // On screen the lung window centre is darker than the mediastinum's: lower values for
            // MONOCHROME2, higher for MONOCHROME1.
            if (img.monochrome1) QVERIFY2(p[0].center > p[1].center, f);
            else QVERIFY2(p[0].center < p[1].center, f);
            const std::vector<double> q = img.modalityQuantiles({0.01, 0.6});
            if (!img.monochrome1) {
                QVERIFY(std::abs(p[0].center - p[0].width / 2 - q[0]) < 1e-6);
                QVERIFY(std::abs(p[0].center + p[0].width / 2 - q[1]) < 1e-6);
            }
        }
        Image ct;
        ct.info.modality = "CT";
        const std::vector<Window> p = chestPresets(ct);
        QCOMPARE(p[0].center, -600.0);
        QCOMPARE(p[0].width, 1500.0);
        QCOMPARE(p[1].center, 40.0);
        QCOMPARE(p[2].width, 2500.0);
    }

    void modelSpaceFollowsTheSpec() {
        // Shorter edge -> 512, long edge int(512*long/short), crop start floor((D-512)/2).
        ImageGeometry g(1955, 1841);
        const int longEdge = int(512.0 * 1955 / 1841);
        QCOMPARE(g.modelCropOrigin().x, std::floor((longEdge - 512) / 2.0));
        QCOMPARE(g.modelCropOrigin().y, 0.0);
    }

    void cliRenderAndInfo() {
        const QString exe = QStringLiteral(CXRG_BINARY_DIR "/app/cxr-ground");
        if (!QFileInfo::exists(exe)) QSKIP("cxr-ground not built");
        QTemporaryDir tmp;
        const QString out = tmp.filePath("r.png");
        QProcess p;
        p.start(exe, {"render", data("dicom-chest/txv_Fake_MONOHR1.dcm"), out});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const cv::Mat m = cv::imread(out.toStdString(), cv::IMREAD_UNCHANGED);
        QCOMPARE(m.cols, 1024);
        QCOMPARE(m.channels(), 1);
        const LoadResult r = loadImage(data("dicom-chest/txv_Fake_MONOHR1.dcm"));
        Renderer ren;
        const Rendered want = ren.render(*r.image, defaultDisplay(*r.image));
        QCOMPARE(int(m.at<uint8_t>(500, 300)), int(want.pixels[500 * 1024 + 300]));
        // --window overrides; --frame 2 of a single-frame file is an error naming the file.
        p.start(exe, {"render", data(kOriginal), out, "--window", "512:64"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        p.start(exe, {"render", data(kOriginal), out, "--frame", "2"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardError().contains("frame 2"));
        p.start(exe, {"info", data("dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(o["spacing"].toObject()["row_mm"].toDouble(), 0.168);
        QCOMPARE(o["transfer_syntax"].toString(), QString("1.2.840.10008.1.2.4.50"));
        p.start(exe, {"render", data("dicom-malformed/pydicom_badVR.dcm"), out});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardError().contains("pydicom_badVR.dcm"));
    }
};

QTEST_GUILESS_MAIN(TestImaging)
#include "test_imaging.moc"
