// core/export: atomic writes (success, refusal, replacement, failures leave nothing behind),
// metadata-free PNG/JPEG, DICOM Secondary Capture round trips (DCMTK, dcmdump, the project's loader).
#include "annotate/overlay.h"
#include "export/atomic_write.h"
#include "export/dicom_result.h"
#include "export/dicom_sc.h"
#include "imaging/loader.h"

#include <QColorSpace>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <cmath>
#include <cstring>
#include <limits>

#include <sys/stat.h>
#include <unistd.h>

using namespace cxr::exporting;

namespace {

QString data(const QString& rel) { return QStringLiteral(CXRG_TEST_DATA "/") + rel; }

const QString kSource = QStringLiteral("dicom-chest/nih_google_DX_chest_implicitLE.dcm");

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every entry of a folder, hidden ones included.
QStringList entries(const QString& folder) {
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                                  QDir::Name);
}

// A deterministic colour test pattern (odd width: rows are not 4-byte aligned).
QImage pattern(int w = 301, int h = 207) {
    QImage img(w, h, QImage::Format_RGB888);
    for (int y = 0; y < h; ++y) {
        uchar* line = img.scanLine(y);
        for (int x = 0; x < w; ++x) {
            line[3 * x + 0] = static_cast<uchar>((x * 7 + y) & 0xFF);
            line[3 * x + 1] = static_cast<uchar>((y * 5 + x * 3) & 0xFF);
            line[3 * x + 2] = static_cast<uchar>((x ^ y) & 0xFF);
        }
    }
    return img;
}

// Contiguous RGB bytes of an image.
QByteArray rgbBytes(const QImage& image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    QByteArray out;
    for (int y = 0; y < rgb.height(); ++y)
        out.append(reinterpret_cast<const char*>(rgb.constScanLine(y)), rgb.width() * 3);
    return out;
}

// PNG chunk types in file order.
QStringList pngChunks(const QByteArray& png) {
    QStringList types;
    if (!png.startsWith("\x89PNG\r\n\x1a\n")) return types;
    qsizetype pos = 8;
    while (pos + 8 <= png.size()) {
        const auto* p = reinterpret_cast<const uchar*>(png.constData() + pos);
        const quint32 length = (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | p[3];
        types << QString::fromLatin1(png.mid(pos + 4, 4));
        pos += 12 + qsizetype(length);
    }
    return types;
}

// JPEG marker bytes (0xE0 = APP0, 0xE1 = APP1, 0xFE = COM, ...) up to the start of scan.
QList<int> jpegMarkers(const QByteArray& jpg) {
    QList<int> markers;
    const auto* p = reinterpret_cast<const uchar*>(jpg.constData());
    if (jpg.size() < 4 || p[0] != 0xFF || p[1] != 0xD8) return markers;
    qsizetype pos = 2;
    while (pos + 4 <= jpg.size() && p[pos] == 0xFF) {
        const int marker = p[pos + 1];
        markers << marker;
        if (marker == 0xDA) break;  // start of scan: entropy-coded data follows
        const int length = (p[pos + 2] << 8) | p[pos + 3];
        pos += 2 + length;
    }
    return markers;
}

bool validUid(const QString& uid) {
    static const QRegularExpression re(QStringLiteral("^(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*$"));
    return uid.size() <= 64 && re.match(uid).hasMatch();
}

QString str(DcmItem* item, const DcmTagKey& tag) {
    OFString v;
    if (item->findAndGetOFStringArray(tag, v).bad()) return QString();
    return QString::fromUtf8(v.c_str());
}

struct Header {
    QString sopClass, sopInstance, study, series, patientName, patientId;
};

Header header(const QString& path) {
    DcmFileFormat ff;
    Header h;
    if (ff.loadFile(QFile::encodeName(path).constData()).bad()) return h;
    DcmDataset* ds = ff.getDataset();
    h.sopClass = str(ds, DCM_SOPClassUID);
    h.sopInstance = str(ds, DCM_SOPInstanceUID);
    h.study = str(ds, DCM_StudyInstanceUID);
    h.series = str(ds, DCM_SeriesInstanceUID);
    h.patientName = str(ds, DCM_PatientName);
    h.patientId = str(ds, DCM_PatientID);
    return h;
}


// A grounding map at w x h as the engine returns it: NaN outside the analysed crop (bands at the
// top and bottom), a ramp inside, 0 where the Otsu mask removed it.
std::vector<float> groundingMap(int w, int h) {
    std::vector<float> map(size_t(w) * size_t(h), std::numeric_limits<float>::quiet_NaN());
    const int top = h / 8, bottom = h - h / 8;
    for (int y = top; y < bottom; ++y)
        for (int x = 0; x < w; ++x) {
            const float v = float(x + y) / float(w + h);
            map[size_t(y) * w + x] = v > 0.35f ? v : 0.0f;
        }
    return map;
}

struct SourceSize {
    int width = 0, height = 0;
};

SourceSize sourceSize(const QString& path) {
    DcmFileFormat ff;
    SourceSize s;
    if (ff.loadFile(QFile::encodeName(path).constData()).bad()) return s;
    Uint16 r = 0, c = 0;
    ff.getDataset()->findAndGetUint16(DCM_Rows, r);
    ff.getDataset()->findAndGetUint16(DCM_Columns, c);
    s.width = c;
    s.height = r;
    return s;
}

// dciodvfy's warnings we accept, each with its reason (also listed in README.md).
const char* const kAcceptedWarnings[] = {
    // Type 2 study / patient attributes that the source itself leaves empty (or that anonymising
    // empties) are empty in what we write; DICOMDIR builders would like values there.
    "Missing attribute or value that would be needed to build DICOMDIR",
    // Names are copied from the source unchanged; a name without ^ components is the "retired"
    // Person Name form in dciodvfy's eyes (e.g. "Covid0000", a referring physician "ward").
    "Retired Person Name form",
    // Body Part Examined is copied from the source unchanged (the veterinary sample says THORAX).
    "Unrecognized defined term <THORAX> for value 1 of attribute <Body Part Examined>",
    // Secondary Capture: Laterality is left empty (unknown) when the source states neither a
    // laterality nor an unpaired body part (CHEST); dciodvfy reminds that empty means unknown.
    "is only permitted to be empty when actually unknown",
};

// Runs dciodvfy on `path`; returns its output lines that are errors or unaccepted warnings.
QStringList dciodvfyProblems(const QString& path, QString* all) {
    QProcess p;
    p.start(QStringLiteral("dciodvfy"), {path});
    if (!p.waitForFinished(120000)) return {QStringLiteral("dciodvfy did not finish")};
    const QString out = QString::fromLocal8Bit(p.readAllStandardOutput() + p.readAllStandardError());
    *all = out;
    QStringList problems;
    for (const QString& line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1String("Error")) || line.contains(QLatin1String("Error -"))) {
            problems << line;
        } else if (line.startsWith(QLatin1String("Warning"))) {
            bool accepted = false;
            for (const char* w : kAcceptedWarnings) accepted = accepted || line.contains(QLatin1String(w));
            if (!accepted) problems << line;
        }
    }
    return problems;
}

}  // namespace

class TestExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { cxr::registerCodecs(); }

    // ---- atomic writes ------------------------------------------------------------------------
    // Original-resolution exports are turned as the viewer shows the image: picture, map and boxes
    // together, for every rotation and flip.
    void orientTurnsPictureMapAndBoxesTogether() {
        // 90 degrees clockwise of  a b c  is  d a
        //                          d e f      e b
        //                                     f c
        QImage base(3, 2, QImage::Format_RGB32);
        const QRgb a = qRgb(1, 0, 0), b = qRgb(2, 0, 0), c = qRgb(3, 0, 0), d = qRgb(4, 0, 0), e = qRgb(5, 0, 0),
                   f = qRgb(6, 0, 0);
        base.setPixel(0, 0, a); base.setPixel(1, 0, b); base.setPixel(2, 0, c);
        base.setPixel(0, 1, d); base.setPixel(1, 1, e); base.setPixel(2, 1, f);
        const std::vector<float> map{0.1f, 0.2f, 0.3f, 0.4f, 0.5f, std::nanf("")};
        const QVector<cxr::annotate::LabelledBox> boxes{{QRect(0, 0, 2, 1), "ab"}};
        cxr::ImageGeometry g(3, 2);
        g.rotateClockwise();
        cxr::annotate::Oriented o = cxr::annotate::orient(base, map, 3, 2, boxes, g);
        QCOMPARE(o.base.size(), QSize(2, 3));
        QCOMPARE(o.base.pixel(0, 0), d); QCOMPARE(o.base.pixel(1, 0), a);
        QCOMPARE(o.base.pixel(0, 1), e); QCOMPARE(o.base.pixel(1, 1), b);
        QCOMPARE(o.base.pixel(0, 2), f); QCOMPARE(o.base.pixel(1, 2), c);
        QCOMPARE(o.width, 2);
        QCOMPARE(o.height, 3);
        QCOMPARE(o.map[1], 0.1f);
        QVERIFY(std::isnan(o.map[4]));
        QCOMPARE(o.boxes.size(), 1);
        QCOMPARE(o.boxes[0].rect, QRect(1, 0, 1, 2));
        QCOMPARE(o.boxes[0].label, QString("ab"));

        // Every orientation agrees with the viewer's geometry, pixel by pixel and box by box.
        QImage big(7, 4, QImage::Format_RGB32);
        std::vector<float> bigMap(28);
        for (int i = 0; i < 28; ++i) {
            big.setPixel(i % 7, i / 7, qRgb(i, 255 - i, 7));
            bigMap[size_t(i)] = float(i);
        }
        const QRect box(1, 1, 3, 2);
        for (int turns = 0; turns < 4; ++turns)
            for (int flips = 0; flips < 4; ++flips) {
                cxr::ImageGeometry h(7, 4);
                for (int t = 0; t < turns; ++t) h.rotateClockwise();
                if (flips & 1) h.flipHorizontal();
                if (flips & 2) h.flipVertical();
                const auto out = cxr::annotate::orient(big, bigMap, 7, 4, {{box, QString()}}, h);
                QCOMPARE(out.base.size(), QSize(h.orientedWidth(), h.orientedHeight()));
                QRect expected;
                for (int y = 0; y < 4; ++y)
                    for (int x = 0; x < 7; ++x) {
                        const cxr::PointF q = h.imageToOriented({x + 0.5, y + 0.5});
                        const int ox = int(q.x), oy = int(q.y);
                        QCOMPARE(out.base.pixel(ox, oy), big.pixel(x, y));
                        QCOMPARE(out.map[size_t(oy * out.width + ox)], bigMap[size_t(y * 7 + x)]);
                        if (box.contains(x, y)) expected |= QRect(ox, oy, 1, 1);
                    }
                QCOMPARE(out.boxes[0].rect, expected);
            }
    }

    // A pasted essay as the prompt: the caption is cut, the footer stays a footer.
    // One colour source: matplotlib's published inferno and viridis values (lib/matplotlib/
    // _cm_listed.py) at a few entries, each as round(255 v); jet as documented.
    void colourMapsAreMatplotlibs() {
        using cxr::annotate::ColourMap;
        struct Ref { ColourMap map; int index; double r, g, b; };
        const Ref refs[] = {
            {ColourMap::Inferno, 0, 0.001462, 0.000466, 0.013866},  {ColourMap::Inferno, 79, 0.434987, 0.097069, 0.432039},
            {ColourMap::Inferno, 128, 0.735683, 0.215906, 0.330245}, {ColourMap::Inferno, 255, 0.988362, 0.998364, 0.644924},
            {ColourMap::Viridis, 0, 0.267004, 0.004874, 0.329415},  {ColourMap::Viridis, 128, 0.127568, 0.566949, 0.550556},
            {ColourMap::Viridis, 255, 0.993248, 0.906157, 0.143936},
        };
        for (const Ref& r : refs) {
            const uint8_t* c = cxr::annotate::colourTable(r.map)[r.index];
            QCOMPARE(int(c[0]), int(std::lround(r.r * 255)));
            QCOMPARE(int(c[1]), int(std::lround(r.g * 255)));
            QCOMPARE(int(c[2]), int(std::lround(r.b * 255)));
            QCOMPARE(cxr::annotate::colourAt(r.map, r.index / 255.0), qRgb(c[0], c[1], c[2]));
        }
        // Jet: dark blue, blue, cyan, yellow, red, dark red along the range.
        const uint8_t(*jet)[3] = cxr::annotate::colourTable(ColourMap::Jet);
        QCOMPARE(QColor(qRgb(jet[0][0], jet[0][1], jet[0][2])), QColor(0, 0, 128));
        QCOMPARE(QColor(qRgb(jet[255][0], jet[255][1], jet[255][2])), QColor(128, 0, 0));
        QCOMPARE(int(jet[64][2]), 255);  // blue full at t = 1/4
        QCOMPARE(int(jet[128][1]), 255);  // green full in the middle
        // The heat map layer takes its colours from the same table.
        const QImage heat = cxr::annotate::heatmapImage({0.5f}, 1, 1, ColourMap::Viridis, 1.0, 0.0);
        const uint8_t* mid = cxr::annotate::colourTable(ColourMap::Viridis)[128];
        QCOMPARE(heat.pixel(0, 0), qRgba(mid[0], mid[1], mid[2], 255));
    }

    void longPromptCaptionIsCut() {
        QImage picture(512, 512, QImage::Format_RGB32);
        picture.fill(Qt::black);
        cxr::annotate::Caption cap;
        cap.prompt = QString("small left pleural effusion ").repeated(4000);
        const QImage out = cxr::annotate::withFooter(picture, cxr::annotate::Layers(), cap);
        QCOMPARE(out.width(), 512);
        QVERIFY2(out.height() < 512 + 400, qPrintable(QString::number(out.height())));
        cap.prompt = "Small left pleural effusion";
        QVERIFY(cxr::annotate::withFooter(picture, cxr::annotate::Layers(), cap).height() < out.height());
    }

    void writeRefuseReplace() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("out.bin"));
        QString message;
        QVERIFY2(writeFileAtomically(path, "first", Overwrite::Refuse, &message), qPrintable(message));
        QCOMPARE(readAll(path), QByteArray("first"));

        message.clear();
        QVERIFY(!writeFileAtomically(path, "second", Overwrite::Refuse, &message));
        QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("exists")), qPrintable(message));
        QCOMPARE(readAll(path), QByteArray("first"));

        QVERIFY2(writeFileAtomically(path, "third", Overwrite::Replace, &message), qPrintable(message));
        QCOMPARE(readAll(path), QByteArray("third"));
        QVERIFY2(writeFileAtomically(path, QByteArray(), Overwrite::Replace, &message), qPrintable(message));
        QCOMPARE(QFileInfo(path).size(), 0);
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("out.bin")});
    }

    void replaceKeepsPermissions() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("perm.txt"));
        QString message;
        QVERIFY(writeFileAtomically(path, "a", Overwrite::Refuse, &message));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
        QVERIFY(writeFileAtomically(path, "b", Overwrite::Replace, &message));
        struct stat st;
        QVERIFY(::stat(QFile::encodeName(path).constData(), &st) == 0);
        QCOMPARE(int(st.st_mode & 0777), 0640);
    }

    void missingFolder() {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("missing/deeper"));
        const QString path = folder + QStringLiteral("/out.bin");
        QString message;
        QVERIFY(!writeFileAtomically(path, "x", Overwrite::Replace, &message));
        QVERIFY2(message.contains(QDir::toNativeSeparators(folder)), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("does not exist")), qPrintable(message));
        QVERIFY(entries(dir.path()).isEmpty());
    }

    void parentIsAFile() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("plain.txt"));
        QString message;
        QVERIFY(writeFileAtomically(file, "keep", Overwrite::Refuse, &message));
        for (const QString& path : {file + QStringLiteral("/out.bin"), file + QStringLiteral("/sub/out.bin")}) {
            message.clear();
            QVERIFY(!writeFileAtomically(path, "x", Overwrite::Replace, &message));
            QVERIFY2(message.contains(QDir::toNativeSeparators(file)), qPrintable(message));
            QVERIFY2(message.contains(QLatin1String("not a folder")), qPrintable(message));
        }
        QCOMPARE(readAll(file), QByteArray("keep"));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("plain.txt")});
    }

    void targetIsAFolder() {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
        QString message;
        QVERIFY(!writeFileAtomically(dir.filePath(QStringLiteral("sub")), "x", Overwrite::Replace, &message));
        QVERIFY2(message.contains(QLatin1String("folder")), qPrintable(message));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("sub")});
        QVERIFY(entries(dir.filePath(QStringLiteral("sub"))).isEmpty());
    }

    void readOnlyFolder() {
        if (::geteuid() == 0) QSKIP("running as root: permissions are not enforced");
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("ro"));
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("ro")));
        const QString existing = folder + QStringLiteral("/old.bin");
        QString message;
        QVERIFY(writeFileAtomically(existing, "old", Overwrite::Refuse, &message));
        QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0555) == 0);
        const bool newOk = writeFileAtomically(folder + QStringLiteral("/new.bin"), "x", Overwrite::Refuse, &message);
        const QString newMessage = message;
        const bool replaceOk = writeFileAtomically(existing, "new", Overwrite::Replace, &message);
        const QString replaceMessage = message;
        const bool scOk = writeSecondaryCapture(folder + QStringLiteral("/sc.dcm"), pattern(8, 8), {},
                                                Overwrite::Refuse, &message);
        const QString scMessage = message;
        const QStringList left = entries(folder);
        ::chmod(QFile::encodeName(folder).constData(), 0755);
        QVERIFY(!newOk);
        QVERIFY(!replaceOk);
        QVERIFY(!scOk);
        for (const QString& m : {newMessage, replaceMessage, scMessage}) {
            QVERIFY2(m.contains(QDir::toNativeSeparators(folder)), qPrintable(m));
            QVERIFY2(m.contains(QLatin1String("not writable")), qPrintable(m));
        }
        QCOMPARE(left, QStringList{QStringLiteral("old.bin")});
        QCOMPARE(readAll(existing), QByteArray("old"));
    }

    // ---- PNG / JPEG ---------------------------------------------------------------------------
    void pngWithoutMetadata() {
        QTemporaryDir dir;
        QImage img = pattern();
        img.setText(QStringLiteral("Author"), QStringLiteral("Secret Patient Name"));
        img.setText(QStringLiteral("Description"), QStringLiteral("Covid0000"));
        img.setColorSpace(QColorSpace::SRgb);
        const QString path = dir.filePath(QStringLiteral("heat.png"));
        QString message;
        QVERIFY2(writeImageAtomically(path, img, "png", Overwrite::Refuse, &message), qPrintable(message));
        const QByteArray bytes = readAll(path);
        const QStringList chunks = pngChunks(bytes);
        QVERIFY2(chunks.startsWith(QStringLiteral("IHDR")) && chunks.endsWith(QStringLiteral("IEND")),
                 qPrintable(chunks.join(QLatin1Char(' '))));
        for (const char* forbidden : {"tEXt", "iTXt", "zTXt", "eXIf", "iCCP", "tIME"})
            QVERIFY2(!chunks.contains(QLatin1String(forbidden)), qPrintable(chunks.join(QLatin1Char(' '))));
        QVERIFY(!bytes.contains("Secret"));
        const QImage back(path);
        QCOMPARE(back.size(), img.size());
        QVERIFY(back.text().isEmpty());
        QCOMPARE(rgbBytes(back), rgbBytes(img));

        // Refused over an existing file, replaced when asked.
        QVERIFY(!writeImageAtomically(path, pattern(10, 10), "png", Overwrite::Refuse, &message));
        QCOMPARE(readAll(path), bytes);
        QVERIFY2(writeImageAtomically(path, pattern(10, 10), "PNG", Overwrite::Replace, &message), qPrintable(message));
        QCOMPARE(QImage(path).size(), QSize(10, 10));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("heat.png")});
    }

    void pngKeepsAlpha() {
        QTemporaryDir dir;
        QImage img(16, 9, QImage::Format_ARGB32);
        img.fill(QColor(10, 200, 30, 77));
        const QString path = dir.filePath(QStringLiteral("alpha.png"));
        QString message;
        QVERIFY2(writeImageAtomically(path, img, "png", Overwrite::Refuse, &message), qPrintable(message));
        const QImage back = QImage(path).convertToFormat(QImage::Format_ARGB32);
        QCOMPARE(back.pixel(3, 4), img.pixel(3, 4));
    }

    void jpegWithoutMetadata() {
        QTemporaryDir dir;
        QImage img = pattern();
        img.setText(QStringLiteral("Comment"), QStringLiteral("Secret Patient Name"));
        img.setColorSpace(QColorSpace::SRgb);
        const QString path = dir.filePath(QStringLiteral("heat.jpg"));
        QString message;
        QVERIFY2(writeImageAtomically(path, img, "jpg", Overwrite::Refuse, &message), qPrintable(message));
        const QByteArray bytes = readAll(path);
        const QList<int> markers = jpegMarkers(bytes);
        QVERIFY(markers.contains(0xDA));
        QVERIFY(!markers.contains(0xE1));  // APP1: EXIF / XMP
        QVERIFY(!markers.contains(0xE2));  // APP2: ICC profile
        QVERIFY(!markers.contains(0xFE));  // COM: text
        QVERIFY(!bytes.contains("Secret"));
        const QImage back(path);
        QCOMPARE(back.size(), img.size());
        // Quality 95: close to the original on average.
        const QByteArray a = rgbBytes(back), b = rgbBytes(img);
        double sum = 0;
        for (qsizetype i = 0; i < a.size(); ++i) sum += qAbs(int(uchar(a[i])) - int(uchar(b[i])));
        QVERIFY2(sum / a.size() < 8.0, qPrintable(QString::number(sum / a.size())));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("heat.jpg")});
    }

    void imageErrors() {
        QTemporaryDir dir;
        QString message;
        QVERIFY(!writeImageAtomically(dir.filePath(QStringLiteral("a.gif")), pattern(4, 4), "gif",
                                      Overwrite::Refuse, &message));
        QVERIFY(!message.isEmpty());
        QVERIFY(!writeImageAtomically(dir.filePath(QStringLiteral("b.png")), QImage(), "png",
                                      Overwrite::Refuse, &message));
        QVERIFY(!message.isEmpty());
        QVERIFY(!writeImageAtomically(dir.filePath(QStringLiteral("no/c.png")), pattern(4, 4), "png",
                                      Overwrite::Refuse, &message));
        QVERIFY2(message.contains(QDir::toNativeSeparators(dir.filePath(QStringLiteral("no")))),
                 qPrintable(message));
        QVERIFY(entries(dir.path()).isEmpty());
    }

    // ---- DICOM Secondary Capture --------------------------------------------------------------
    void secondaryCapture_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("anonymise");
        QTest::newRow("nih") << kSource << false;
        QTest::newRow("nih-anonymised") << kSource << true;
        QTest::newRow("veterinary") << QStringLiteral("dicom-chest/highdicom_dx_thorax_veterinary.dcm") << false;
        QTest::newRow("latin1-jpeg") << QStringLiteral("dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm") << false;
        QTest::newRow("latin1-jpeg-anonymised") << QStringLiteral("dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm") << true;
    }

    void secondaryCapture() {
        QFETCH(QString, source);
        QFETCH(bool, anonymise);
        const QString src = data(source);
        const Header original = header(src);
        QVERIFY(!original.sopInstance.isEmpty());
        QVERIFY(!original.patientId.isEmpty());

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sc.dcm"));
        const QImage img = pattern();
        SecondaryCaptureOptions options;
        options.sourceDicom = src;
        options.seriesDescription = QStringLiteral("CXR Ground heat map: Pleuraerguss – links");
        options.derivationDescription = QStringLiteral("BioViL similarity map; threshold 0.3; model biovil-t\\v1");
        options.anonymise = anonymise;
        options.seriesNumber = 901;
        options.instanceNumber = 3;
        QString message, uid;
        QVERIFY2(writeSecondaryCapture(path, img, options, Overwrite::Refuse, &message, &uid), qPrintable(message));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("sc.dcm")});

        DcmFileFormat ff;
        QVERIFY(ff.loadFile(QFile::encodeName(path).constData()).good());
        QCOMPARE(str(ff.getMetaInfo(), DCM_TransferSyntaxUID), QStringLiteral(UID_LittleEndianExplicitTransferSyntax));
        QCOMPARE(str(ff.getMetaInfo(), DCM_MediaStorageSOPInstanceUID), uid);
        DcmDataset* ds = ff.getDataset();
        QCOMPARE(str(ds, DCM_SOPClassUID), QStringLiteral("1.2.840.10008.5.1.4.1.1.7"));
        const QString sop = str(ds, DCM_SOPInstanceUID);
        QCOMPARE(sop, uid);
        QVERIFY2(validUid(sop), qPrintable(sop));
        QVERIFY(sop != original.sopInstance);
        const QString series = str(ds, DCM_SeriesInstanceUID);
        QVERIFY2(validUid(series), qPrintable(series));
        QVERIFY(series != original.series);
        QVERIFY(series != sop);
        QCOMPARE(str(ds, DCM_StudyInstanceUID), original.study);

        if (anonymise) {
            QVERIFY(str(ds, DCM_PatientName).isEmpty());
            QVERIFY(str(ds, DCM_PatientID).isEmpty());
            QVERIFY(str(ds, DCM_PatientSex).isEmpty());
            QVERIFY(str(ds, DCM_PatientBirthDate).isEmpty());
            QVERIFY(!ds->tagExists(DCM_PatientAge));
            QVERIFY(str(ds, DCM_AccessionNumber).isEmpty());
            QVERIFY(str(ds, DCM_ReferringPhysicianName).isEmpty());
            QVERIFY(!ds->tagExists(DCM_InstitutionName));
            QCOMPARE(str(ds, DCM_PatientIdentityRemoved), QStringLiteral("YES"));
            QVERIFY(!str(ds, DCM_DeidentificationMethod).isEmpty());
            // No trace of the identifiers anywhere in the file.
            const QByteArray bytes = readAll(path);
            QVERIFY(!bytes.contains(original.patientId.toUtf8()));
            QVERIFY(!bytes.contains(original.patientName.toUtf8()));
        } else {
            QCOMPARE(str(ds, DCM_PatientName), original.patientName);
            QCOMPARE(str(ds, DCM_PatientID), original.patientId);
            QVERIFY(!ds->tagExists(DCM_PatientIdentityRemoved));
        }

        QCOMPARE(str(ds, DCM_SpecificCharacterSet), QStringLiteral("ISO_IR 192"));
        QCOMPARE(str(ds, DCM_Modality), QStringLiteral("OT"));
        QCOMPARE(str(ds, DCM_ConversionType), QStringLiteral("WSD"));
        QCOMPARE(str(ds, DCM_ImageType), QStringLiteral("DERIVED\\SECONDARY"));
        QCOMPARE(str(ds, DCM_BurnedInAnnotation), QStringLiteral("YES"));
        QCOMPARE(str(ds, DCM_SeriesDescription), options.seriesDescription);
        QCOMPARE(str(ds, DCM_DerivationDescription), options.derivationDescription);
        QCOMPARE(str(ds, DCM_Manufacturer), QStringLiteral("CXR Ground"));
        QVERIFY(!str(ds, DCM_SoftwareVersions).isEmpty());
        QCOMPARE(str(ds, DCM_SeriesNumber), QStringLiteral("901"));
        QCOMPARE(str(ds, DCM_InstanceNumber), QStringLiteral("3"));
        QCOMPARE(str(ds, DCM_ContentDate), QDate::currentDate().toString(QStringLiteral("yyyyMMdd")));
        QVERIFY(!str(ds, DCM_ContentTime).isEmpty());

        DcmItem* ref = nullptr;
        QVERIFY(ds->findAndGetSequenceItem(DCM_SourceImageSequence, ref, 0).good() && ref);
        QCOMPARE(str(ref, DCM_ReferencedSOPClassUID), original.sopClass);
        QCOMPARE(str(ref, DCM_ReferencedSOPInstanceUID), original.sopInstance);

        Uint16 v = 0;
        QVERIFY(ds->findAndGetUint16(DCM_Rows, v).good());
        QCOMPARE(int(v), img.height());
        QVERIFY(ds->findAndGetUint16(DCM_Columns, v).good());
        QCOMPARE(int(v), img.width());
        QVERIFY(ds->findAndGetUint16(DCM_SamplesPerPixel, v).good());
        QCOMPARE(int(v), 3);
        QVERIFY(ds->findAndGetUint16(DCM_PlanarConfiguration, v).good());
        QCOMPARE(int(v), 0);
        QVERIFY(ds->findAndGetUint16(DCM_BitsAllocated, v).good());
        QCOMPARE(int(v), 8);
        QCOMPARE(str(ds, DCM_PhotometricInterpretation), QStringLiteral("RGB"));
        const Uint8* pixels = nullptr;
        unsigned long count = 0;
        QVERIFY(ds->findAndGetUint8Array(DCM_PixelData, pixels, &count).good() && pixels);
        const QByteArray expected = rgbBytes(img);
        QVERIFY(count >= static_cast<unsigned long>(expected.size()));
        QVERIFY(std::memcmp(pixels, expected.constData(), static_cast<size_t>(expected.size())) == 0);

        // The project's own loader reads it back as the same RGB image.
        const cxr::LoadResult loaded = cxr::loadImage(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        QCOMPARE(loaded.image->channels, 3);
        QCOMPARE(loaded.image->width, img.width());
        QCOMPARE(loaded.image->height, img.height());
        QCOMPARE(loaded.image->stored.size(), size_t(expected.size()));
        bool same = true;
        for (size_t i = 0; i < loaded.image->stored.size(); ++i)
            same = same && loaded.image->stored[i] == int32_t(uchar(expected[qsizetype(i)]));
        QVERIFY(same);

        // dcmdump parses it without errors.
        if (!QFileInfo::exists(QStringLiteral("/usr/bin/dcmdump"))) QSKIP("dcmdump (apt package dcmtk) is not installed");
        QProcess dump;
        dump.start(QStringLiteral("/usr/bin/dcmdump"), {path});
        QVERIFY(dump.waitForFinished(60000));
        const QString err = QString::fromLocal8Bit(dump.readAllStandardError());
        QCOMPARE(dump.exitStatus(), QProcess::NormalExit);
        QVERIFY2(dump.exitCode() == 0, qPrintable(err));
        QVERIFY2(!err.contains(QLatin1String("E: ")), qPrintable(err));
    }

    void latin1SourceBecomesUtf8() {
        QTemporaryDir dir;
        const QString src = dir.filePath(QStringLiteral("latin1.dcm"));
        {
            DcmFileFormat ff;
            DcmDataset* ds = ff.getDataset();
            char uid[100];
            ds->putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 100");
            ds->putAndInsertString(DCM_SOPClassUID, UID_DigitalXRayImageStorageForPresentation);
            ds->putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid));
            ds->putAndInsertString(DCM_StudyInstanceUID, "1.2.826.0.1.3680043.9.7777.2");
            ds->putAndInsertString(DCM_PatientName, "M\xfcller^J\xfcrgen");  // Latin-1
            ds->putAndInsertString(DCM_PatientID, "LAT-1");
            QVERIFY(ff.saveFile(QFile::encodeName(src).constData(), EXS_LittleEndianExplicit).good());
        }
        SecondaryCaptureOptions options;
        options.sourceDicom = src;
        const QString path = dir.filePath(QStringLiteral("sc.dcm"));
        QString message;
        QVERIFY2(writeSecondaryCapture(path, pattern(5, 3), options, Overwrite::Refuse, &message), qPrintable(message));
        QCOMPARE(header(path).patientName, QStringLiteral("Müller^Jürgen"));
    }

    void secondaryCaptureWithoutSourceDicom() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("png-sourced.dcm"));
        SecondaryCaptureOptions options;
        options.seriesDescription = QStringLiteral("CXR Ground heat map: cardiomegaly");
        QString message, uid;
        QVERIFY2(writeSecondaryCapture(path, pattern().convertToFormat(QImage::Format_ARGB32), options,
                                       Overwrite::Refuse, &message, &uid),
                 qPrintable(message));
        DcmFileFormat ff;
        QVERIFY(ff.loadFile(QFile::encodeName(path).constData()).good());
        DcmDataset* ds = ff.getDataset();
        const QString study = str(ds, DCM_StudyInstanceUID);
        QVERIFY2(validUid(study), qPrintable(study));
        QVERIFY(study != header(data(kSource)).study);
        QVERIFY(study != str(ds, DCM_SeriesInstanceUID));
        QVERIFY(study != uid);
        QVERIFY(str(ds, DCM_PatientName).isEmpty());
        QVERIFY(str(ds, DCM_PatientID).isEmpty());
        QVERIFY(str(ds, DCM_PatientBirthDate).isEmpty());
        QVERIFY(!ds->tagExists(DCM_SourceImageSequence));
        const Uint8* pixels = nullptr;
        unsigned long count = 0;
        QVERIFY(ds->findAndGetUint8Array(DCM_PixelData, pixels, &count).good() && pixels);
        const QByteArray expected = rgbBytes(pattern());
        QVERIFY(std::memcmp(pixels, expected.constData(), static_cast<size_t>(expected.size())) == 0);

        // A second export without source makes another new study.
        const QString second = dir.filePath(QStringLiteral("png-sourced-2.dcm"));
        QVERIFY(writeSecondaryCapture(second, pattern(4, 4), options, Overwrite::Refuse, &message));
        QVERIFY(header(second).study != study);
    }

    void twoExportsDiffer() {
        QTemporaryDir dir;
        SecondaryCaptureOptions options;
        options.sourceDicom = data(kSource);
        QString message, uid1, uid2;
        const QString a = dir.filePath(QStringLiteral("a.dcm")), b = dir.filePath(QStringLiteral("b.dcm"));
        QVERIFY2(writeSecondaryCapture(a, pattern(), options, Overwrite::Refuse, &message, &uid1), qPrintable(message));
        QVERIFY2(writeSecondaryCapture(b, pattern(), options, Overwrite::Refuse, &message, &uid2), qPrintable(message));
        const Header ha = header(a), hb = header(b);
        QVERIFY(uid1 != uid2);
        QCOMPARE(ha.sopInstance, uid1);
        QCOMPARE(hb.sopInstance, uid2);
        QVERIFY(ha.series != hb.series);
        QCOMPARE(ha.study, hb.study);
    }

    void secondaryCaptureAtomic() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sc.dcm"));
        SecondaryCaptureOptions options;
        options.sourceDicom = data(kSource);
        QString message, uid1, uid2;
        QVERIFY2(writeSecondaryCapture(path, pattern(), options, Overwrite::Refuse, &message, &uid1), qPrintable(message));
        const QByteArray before = readAll(path);

        // Refused over an existing file; the file is unchanged and nothing is left behind.
        message.clear();
        QVERIFY(!writeSecondaryCapture(path, pattern(), options, Overwrite::Refuse, &message, &uid2));
        QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
        QCOMPARE(readAll(path), before);
        QVERIFY(uid2.isEmpty());

        // Replaced when asked.
        QVERIFY2(writeSecondaryCapture(path, pattern(), options, Overwrite::Replace, &message, &uid2), qPrintable(message));
        QCOMPARE(header(path).sopInstance, uid2);
        QVERIFY(uid1 != uid2);

        // A source that cannot be read: the message names it.
        SecondaryCaptureOptions bad;
        bad.sourceDicom = dir.filePath(QStringLiteral("no-such-source.dcm"));
        QVERIFY(!writeSecondaryCapture(dir.filePath(QStringLiteral("x.dcm")), pattern(), bad, Overwrite::Refuse, &message));
        QVERIFY2(message.contains(QDir::toNativeSeparators(bad.sourceDicom)), qPrintable(message));

        // A frame the source does not have.
        SecondaryCaptureOptions frame = options;
        frame.sourceFrame = 5;
        QVERIFY(!writeSecondaryCapture(dir.filePath(QStringLiteral("y.dcm")), pattern(), frame, Overwrite::Refuse, &message));
        QVERIFY(!message.isEmpty());

        // Missing folder, parent is a file, empty image.
        QVERIFY(!writeSecondaryCapture(dir.filePath(QStringLiteral("missing/z.dcm")), pattern(), options,
                                       Overwrite::Refuse, &message));
        QVERIFY2(message.contains(QDir::toNativeSeparators(dir.filePath(QStringLiteral("missing")))), qPrintable(message));
        QVERIFY(!writeSecondaryCapture(path + QStringLiteral("/z.dcm"), pattern(), options, Overwrite::Refuse, &message));
        QVERIFY2(message.contains(QLatin1String("not a folder")), qPrintable(message));
        QVERIFY(!writeSecondaryCapture(dir.filePath(QStringLiteral("e.dcm")), QImage(), options, Overwrite::Refuse, &message));
        QVERIFY(!message.isEmpty());

        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("sc.dcm")});
    }

    // ---- DICOM Segmentation and Parametric Map ----------------------------------------------
    void resultObjects_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("anonymise");
        QTest::newRow("nih-dx") << kSource << false;
        QTest::newRow("nih-dx-anonymised") << kSource << true;
        QTest::newRow("veterinary-L-F") << QStringLiteral("dicom-chest/highdicom_dx_thorax_veterinary.dcm") << false;
        QTest::newRow("latin1-jpeg-cr") << QStringLiteral("dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm") << false;
        QTest::newRow("j2k-lossy-odd-width") << QStringLiteral("dicom-chest/wg04_RG1_J2KI.dcm") << true;
    }

    void resultObjects() {
        QFETCH(QString, source);
        QFETCH(bool, anonymise);
        const QString src = data(source);
        const Header original = header(src);
        const SourceSize size = sourceSize(src);
        QVERIFY(size.width > 0 && size.height > 0);
        const std::vector<float> map = groundingMap(size.width, size.height);
        const QString sentence = QStringLiteral("Small left pleural effusion with adjacent atelectasis at the "
                                                "costophrenic angle, unchanged – compared with the prior study");
        QTemporaryDir dir;
        ResultOptions options;
        options.sourceDicom = src;
        options.sentence = sentence;
        options.algorithmParameters = QStringLiteral("steps=300; window=120:180; layers=3,4,6,7; otsu=on; model=demo");
        options.anonymise = anonymise;
        const QString segPath = dir.filePath(QStringLiteral("mask.seg.dcm")), mapPath = dir.filePath(QStringLiteral("map.pmap.dcm"));
        QString message, segUid, mapUid;
        QVERIFY2(writeSegmentation(segPath, map, size.width, size.height, options, Overwrite::Refuse, &message, &segUid),
                 qPrintable(message));
        QVERIFY2(writeParametricMap(mapPath, map, size.width, size.height, options, Overwrite::Refuse, &message, &mapUid),
                 qPrintable(message));
        QCOMPARE(entries(dir.path()), (QStringList{QStringLiteral("map.pmap.dcm"), QStringLiteral("mask.seg.dcm")}));

        for (const QString& path : {segPath, mapPath}) {
            DcmFileFormat ff;
            QVERIFY(ff.loadFile(QFile::encodeName(path).constData()).good());
            DcmDataset* ds = ff.getDataset();
            // Same study, a new series, a new instance, UTF-8.
            QCOMPARE(str(ds, DCM_StudyInstanceUID), original.study);
            QVERIFY(validUid(str(ds, DCM_SeriesInstanceUID)));
            QVERIFY(str(ds, DCM_SeriesInstanceUID) != original.series);
            QVERIFY(str(ds, DCM_SOPInstanceUID) != original.sopInstance);
            QCOMPARE(str(ds, DCM_SpecificCharacterSet), QStringLiteral("ISO_IR 192"));
            Uint16 v = 0;
            QVERIFY(ds->findAndGetUint16(DCM_Rows, v).good());
            QCOMPARE(int(v), size.height);
            QVERIFY(ds->findAndGetUint16(DCM_Columns, v).good());
            QCOMPARE(int(v), size.width);
            if (anonymise) {
                QVERIFY(str(ds, DCM_PatientName).isEmpty());
                QVERIFY(str(ds, DCM_PatientID).isEmpty());
                QCOMPARE(str(ds, DCM_PatientIdentityRemoved), QStringLiteral("YES"));
                const QByteArray bytes = readAll(path);
                QVERIFY(!bytes.contains(original.patientId.toUtf8()));
                QVERIFY(!bytes.contains(original.patientName.toUtf8()));
            } else {
                QCOMPARE(str(ds, DCM_PatientName), original.patientName);
                QCOMPARE(str(ds, DCM_PatientID), original.patientId);
            }
            // The source image is referenced (Common Instance Reference).
            DcmItem* series = nullptr;
            DcmItem* instance = nullptr;
            QVERIFY(ds->findAndGetSequenceItem(DCM_ReferencedSeriesSequence, series, 0).good() && series);
            QCOMPARE(str(series, DCM_SeriesInstanceUID), original.series);
            QVERIFY(series->findAndGetSequenceItem(DCM_ReferencedInstanceSequence, instance, 0).good() && instance);
            QCOMPARE(str(instance, DCM_ReferencedSOPInstanceUID), original.sopInstance);
        }
        QCOMPARE(header(segPath).sopInstance, segUid);
        QCOMPARE(header(mapPath).sopInstance, mapUid);
        QVERIFY(header(segPath).series != header(mapPath).series);

        // Segmentation: one binary segment, label = shortened sentence, description = sentence,
        // AUTOMATIC with our algorithm's name, version and settings.
        DcmFileFormat seg;
        QVERIFY(seg.loadFile(QFile::encodeName(segPath).constData()).good());
        DcmDataset* sds = seg.getDataset();
        QCOMPARE(str(sds, DCM_SOPClassUID), QStringLiteral(UID_SegmentationStorage));
        QCOMPARE(str(sds, DCM_Modality), QStringLiteral("SEG"));
        QCOMPARE(str(sds, DCM_SegmentationType), QStringLiteral("BINARY"));
        DcmItem* segment = nullptr;
        QVERIFY(sds->findAndGetSequenceItem(DCM_SegmentSequence, segment, 0).good() && segment);
        DcmItem* second = nullptr;
        QVERIFY(sds->findAndGetSequenceItem(DCM_SegmentSequence, second, 1).bad());
        const QString label = str(segment, DCM_SegmentLabel);
        QVERIFY2(label.size() <= 64 && label.endsWith(QChar(0x2026)) && sentence.startsWith(label.chopped(1)), qPrintable(label));
        QCOMPARE(str(segment, DCM_SegmentDescription), sentence);
        QCOMPARE(str(segment, DCM_SegmentAlgorithmType), QStringLiteral("AUTOMATIC"));
        QCOMPARE(str(segment, DCM_SegmentAlgorithmName), algorithmName());
        DcmItem* algorithm = nullptr;
        QVERIFY(segment->findAndGetSequenceItem(DCM_SegmentationAlgorithmIdentificationSequence, algorithm, 0).good() && algorithm);
        QCOMPARE(str(algorithm, DCM_AlgorithmName), algorithmName());
        QCOMPARE(str(algorithm, DCM_AlgorithmVersion), algorithmVersion());
        QCOMPARE(str(algorithm, DCM_AlgorithmParameters), options.algorithmParameters);

        // Read back: the mask is exactly map > 0 and references the source.
        ResultObject back;
        QVERIFY2(readResultObject(segPath, &back, &message), qPrintable(message));
        QVERIFY(back.kind == ResultObject::Kind::Segmentation);
        QCOMPARE(back.sentence, sentence);
        QCOMPARE(back.sourceSopInstanceUid, original.sopInstance);
        QCOMPARE(back.width, size.width);
        QCOMPARE(back.height, size.height);
        size_t inside = 0, mismatches = 0;
        for (size_t i = 0; i < map.size(); ++i) {
            const float want = map[i] > 0 ? 1.0f : 0.0f;
            inside += want > 0;
            mismatches += back.values[i] != want;
        }
        QCOMPARE(mismatches, size_t(0));
        QVERIFY(inside > map.size() / 10);

        // Parametric Map: 32-bit floats 0-1, no value outside the crop, the sentence kept.
        QVERIFY2(readResultObject(mapPath, &back, &message), qPrintable(message));
        QVERIFY(back.kind == ResultObject::Kind::ParametricMap);
        QCOMPARE(back.sentence, sentence);
        QCOMPARE(back.sourceSopInstanceUid, original.sopInstance);
        mismatches = 0;
        for (size_t i = 0; i < map.size(); ++i) {
            if (std::isnan(map[i])) mismatches += !std::isnan(back.values[i]);
            else mismatches += std::abs(back.values[i] - map[i]) > 1e-7f;
        }
        QCOMPARE(mismatches, size_t(0));
        DcmFileFormat pm;
        QVERIFY(pm.loadFile(QFile::encodeName(mapPath).constData()).good());
        DcmDataset* pds = pm.getDataset();
        QCOMPARE(str(pds, DCM_SOPClassUID), QStringLiteral(UID_ParametricMapStorage));
        const Float32* floats = nullptr;
        unsigned long count = 0;
        QVERIFY(pds->findAndGetFloat32Array(DCM_FloatPixelData, floats, &count).good() && floats);
        QCOMPARE(size_t(count), map.size());
        Float32 padding = 0;
        QVERIFY(pds->findAndGetFloat32(DCM_FloatPixelPaddingValue, padding).good());
        for (size_t i = 0; i < map.size(); ++i)
            QVERIFY(std::isnan(map[i]) ? floats[i] == padding : (floats[i] >= 0 && floats[i] <= 1));
    }

    // Every DICOM object we write passes dciodvfy (dicom3tools) without errors, and its only
    // warnings are the accepted ones.
    void dciodvfyPassesEveryObject_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("anonymise");
        for (const QString& s : {kSource, QStringLiteral("dicom-chest/highdicom_dx_thorax_veterinary.dcm"),
                                 QStringLiteral("dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm"),
                                 QStringLiteral("dicom-chest/wg04_RG1_J2KI.dcm"),
                                 QStringLiteral("dicom-chest/gdcm_DX_J2K_0Padding.dcm")})
            for (bool anonymise : {false, true})
                QTest::newRow(qPrintable(QFileInfo(s).baseName() + (anonymise ? QStringLiteral("-anonymised") : QString())))
                    << s << anonymise;
    }

    void dciodvfyPassesEveryObject() {
        QFETCH(QString, source);
        QFETCH(bool, anonymise);
        if (QStandardPaths::findExecutable(QStringLiteral("dciodvfy")).isEmpty())
            QFAIL("dciodvfy (apt package dicom3tools) is not installed: every DICOM object we write must be checked");
        const QString src = data(source);
        const SourceSize size = sourceSize(src);
        QTemporaryDir dir;
        QString message;
        SecondaryCaptureOptions sc;
        sc.sourceDicom = src;
        sc.seriesDescription = QStringLiteral("CXR Ground heat map: Pleuraerguss – links");
        sc.derivationDescription = QStringLiteral("heat map burned in");
        sc.anonymise = anonymise;
        QVERIFY2(writeSecondaryCapture(dir.filePath(QStringLiteral("sc.dcm")), pattern(), sc, Overwrite::Refuse, &message),
                 qPrintable(message));
        ResultOptions options;
        options.sourceDicom = src;
        options.sentence = QStringLiteral("Kleiner Pleuraerguss links – small left effusion");
        options.algorithmParameters = QStringLiteral("steps=300; window=120:180; layers=3,4,6,7; otsu=on");
        options.anonymise = anonymise;
        const std::vector<float> map = groundingMap(size.width, size.height);
        QVERIFY2(writeSegmentation(dir.filePath(QStringLiteral("seg.dcm")), map, size.width, size.height, options,
                                   Overwrite::Refuse, &message),
                 qPrintable(message));
        QVERIFY2(writeParametricMap(dir.filePath(QStringLiteral("pmap.dcm")), map, size.width, size.height, options,
                                    Overwrite::Refuse, &message),
                 qPrintable(message));
        for (const QString& name : {QStringLiteral("sc.dcm"), QStringLiteral("seg.dcm"), QStringLiteral("pmap.dcm")}) {
            QString all;
            const QStringList problems = dciodvfyProblems(dir.filePath(name), &all);
            QVERIFY2(problems.isEmpty(), qPrintable(name + QStringLiteral(":\n") + all));
        }
    }

    void resultObjectErrors() {
        QTemporaryDir dir;
        const SourceSize size = sourceSize(data(kSource));
        const std::vector<float> map = groundingMap(size.width, size.height);
        ResultOptions options;
        options.sourceDicom = data(kSource);
        options.sentence = QStringLiteral("cardiomegaly");
        QString message;
        // A PNG / JPEG source has nothing to reference.
        ResultOptions png = options;
        png.sourceDicom.clear();
        QVERIFY(!writeSegmentation(dir.filePath(QStringLiteral("a.dcm")), map, size.width, size.height, png, Overwrite::Refuse, &message));
        QVERIFY2(message.contains(QLatin1String("DICOM source")), qPrintable(message));
        // A map of another size than the source.
        QVERIFY(!writeParametricMap(dir.filePath(QStringLiteral("b.dcm")), groundingMap(100, 80), 100, 80, options,
                                    Overwrite::Refuse, &message));
        QVERIFY2(message.contains(QLatin1String("100 x 80")), qPrintable(message));
        // Values that do not fit the stated size.
        QVERIFY(!writeParametricMap(dir.filePath(QStringLiteral("c.dcm")), map, size.width + 1, size.height, options,
                                    Overwrite::Refuse, &message));
        // Never overwritten without asking.
        const QString path = dir.filePath(QStringLiteral("seg.dcm"));
        QVERIFY2(writeSegmentation(path, map, size.width, size.height, options, Overwrite::Refuse, &message), qPrintable(message));
        const QByteArray before = readAll(path);
        QVERIFY(!writeSegmentation(path, map, size.width, size.height, options, Overwrite::Refuse, &message));
        QVERIFY2(message.contains(QLatin1String("exists")), qPrintable(message));
        QCOMPARE(readAll(path), before);
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("seg.dcm")});
        // Not a result object.
        ResultObject back;
        QVERIFY(!readResultObject(data(kSource), &back, &message));
        QVERIFY(!message.isEmpty());
        QVERIFY(!isResultObject(data(kSource)));
        QVERIFY(isResultObject(path));
    }

    void longTextsAreClipped() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("long.dcm"));
        SecondaryCaptureOptions options;
        options.seriesDescription = QStringLiteral("CXR Ground heat map: ") + QString(100, QLatin1Char('x'));
        options.derivationDescription = QString(3000, QLatin1Char('d'));
        QString message;
        QVERIFY2(writeSecondaryCapture(path, pattern(4, 4), options, Overwrite::Refuse, &message), qPrintable(message));
        DcmFileFormat ff;
        QVERIFY(ff.loadFile(QFile::encodeName(path).constData()).good());
        QCOMPARE(str(ff.getDataset(), DCM_SeriesDescription).size(), 64);
        QCOMPARE(str(ff.getDataset(), DCM_DerivationDescription).size(), 1024);
    }
};

QTEST_MAIN(TestExport)  // QGuiApplication: captions are drawn with fonts
#include "test_export.moc"
