// DICOM loading with DCMTK: header facts, pixel data of one frame as stored values, the LUTs
// of the rendering pipeline. JPEG 2000 frames go through OpenJPEG.
#include "loader.h"

#include "j2k.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdict.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcvrsl.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/oflog/oflog.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <mutex>

namespace cxr {

class Loader {
    Q_DECLARE_TR_FUNCTIONS(Loader)
};

namespace {

// Limits that reject lying headers before anything is allocated.
constexpr int64_t kMaxPixelsPerFrame = int64_t(1) << 28;   // 268 megapixels
constexpr int64_t kMaxDecodedBytes = int64_t(2) << 30;     // 2 GiB for all frames

// Text values are UTF-8 after convertToUTF8(); files without a Specific Character Set may still
// hold 8-bit bytes: those that are not valid UTF-8 are read as Latin-1 rather than shown as "???".
QString decodeText(const OFString& v) {
    const QByteArray bytes(v.c_str(), static_cast<qsizetype>(v.length()));
    QString s = QString::fromUtf8(bytes);
    if (s.contains(QChar::ReplacementCharacter) && !bytes.contains("\xEF\xBF\xBD")) s = QString::fromLatin1(bytes);
    return s;
}

QString str(DcmItem* item, const DcmTagKey& key, long pos = 0) {
    OFString v;
    if (item && item->findAndGetOFString(key, v, pos).good()) return decodeText(v).trimmed();
    return {};
}

bool num(DcmItem* item, const DcmTagKey& key, double* out, long pos = 0) {
    Float64 v = 0;
    if (item && item->findAndGetFloat64(key, v, pos).good() && std::isfinite(v)) {
        *out = v;
        return true;
    }
    return false;
}

int intValue(DcmItem* item, const DcmTagKey& key, int fallback) {
    Uint16 u = 0;
    if (item && item->findAndGetUint16(key, u).good()) return u;
    Sint32 s = 0;
    if (item && item->findAndGetSint32(key, s).good()) return s;
    OFString v;
    if (item && item->findAndGetOFString(key, v).good()) {
        bool ok = false;
        const int i = QString::fromLatin1(v.c_str()).trimmed().toInt(&ok);
        if (ok) return i;
    }
    return fallback;
}

QString fileLabel(const QString& path) { return QFileInfo(path).fileName(); }

// Reads a LUT from a Modality LUT Sequence or VOI LUT Sequence item.
bool readLut(DcmItem* item, bool signedInput, Lut* lut, QString* problem) {
    DcmElement* desc = nullptr;
    if (item->findAndGetElement(DCM_LUTDescriptor, desc).bad() || !desc || desc->getVM() < 3) {
        *problem = Loader::tr("the LUT has no valid LUT Descriptor");
        return false;
    }
    Uint16 d[3] = {0, 0, 0};
    for (unsigned long i = 0; i < 3; ++i) {
        Uint16 u = 0;
        if (desc->getUint16(u, i).bad()) {
            Sint16 s = 0;
            if (desc->getSint16(s, i).bad()) {
                *problem = Loader::tr("the LUT Descriptor cannot be read");
                return false;
            }
            u = static_cast<Uint16>(s);
        }
        d[i] = u;
    }
    const long entries = d[0] == 0 ? 65536 : d[0];
    lut->firstMapped = signedInput ? static_cast<int16_t>(d[1]) : d[1];
    lut->bitsPerEntry = d[2];
    if (lut->bitsPerEntry < 1 || lut->bitsPerEntry > 16) {
        *problem = Loader::tr("the LUT declares %1 bits per entry (1 to 16 allowed)").arg(d[2]);
        return false;
    }
    const Uint16* words = nullptr;
    unsigned long count = 0;
    if (item->findAndGetUint16Array(DCM_LUTData, words, &count).bad() || !words || count == 0) {
        *problem = Loader::tr("the LUT has no LUT Data");
        return false;
    }
    lut->data.clear();
    if (static_cast<long>(count) >= entries) {
        lut->data.assign(words, words + entries);
    } else if (lut->bitsPerEntry <= 8 && static_cast<long>(count) * 2 >= entries) {
        // 8-bit entries packed two per word (little endian).
        for (long i = 0; i < entries; ++i) {
            const Uint16 w = words[i / 2];
            lut->data.push_back((i % 2) ? (w >> 8) : (w & 0xFF));
        }
    } else {
        *problem = Loader::tr("the LUT Data holds %1 entries but the descriptor declares %2")
                       .arg(count)
                       .arg(entries);
        return false;
    }
    int32_t maxEntry = 0;
    for (int32_t v : lut->data) maxEntry = std::max(maxEntry, v);
    int bits = lut->bitsPerEntry;
    // Some files declare 16 bits but hold 12-bit data, or declare 8 and hold 16: trust the data.
    while (bits < 16 && maxEntry > (1 << bits) - 1) ++bits;
    lut->outputMax = (1 << bits) - 1;
    lut->explanation = str(item, DCM_LUTExplanation);
    return true;
}

QString transferSyntaxOf(DcmFileFormat& ff) {
    E_TransferSyntax xfer = ff.getDataset()->getOriginalXfer();
    DcmXfer x(xfer);
    QString uid = QString::fromLatin1(x.getXferID());
    const QString meta = str(ff.getMetaInfo(), DCM_TransferSyntaxUID);
    if (!meta.isEmpty()) uid = meta;
    return uid;
}

void fillInfo(DcmFileFormat& ff, const QString& path, ImageInfo* info) {
    DcmDataset* ds = ff.getDataset();
    ds->convertToUTF8();  // best effort; names keep their bytes if conversion is unavailable
    info->path = path;
    info->format = QStringLiteral("DICOM");
    info->modality = str(ds, DCM_Modality);
    info->photometric = str(ds, DCM_PhotometricInterpretation).toUpper();
    info->transferSyntaxUid = transferSyntaxOf(ff);
    info->transferSyntaxName = transferSyntaxName(info->transferSyntaxUid);
    info->sopClassUid = str(ds, DCM_SOPClassUID);
    info->sopInstanceUid = str(ds, DCM_SOPInstanceUID);
    info->studyInstanceUid = str(ds, DCM_StudyInstanceUID);
    info->seriesInstanceUid = str(ds, DCM_SeriesInstanceUID);
    info->patientName = str(ds, DCM_PatientName);
    info->patientId = str(ds, DCM_PatientID);
    info->studyDate = str(ds, DCM_StudyDate);
    info->studyDescription = str(ds, DCM_StudyDescription);
    info->seriesDescription = str(ds, DCM_SeriesDescription);
    info->bodyPart = str(ds, DCM_BodyPartExamined);
    info->viewPosition = str(ds, DCM_ViewPosition);
    info->patientBirthDate = str(ds, DCM_PatientBirthDate);
    info->patientSex = str(ds, DCM_PatientSex);
    info->accessionNumber = str(ds, DCM_AccessionNumber);
    info->patientOrientation = str(ds, DCM_PatientOrientation, 0);
    if (!info->patientOrientation.isEmpty())
        info->patientOrientation += QLatin1Char('\\') + str(ds, DCM_PatientOrientation, 1);
    info->seriesNumber = intValue(ds, DCM_SeriesNumber, 0);
    info->instanceNumber = intValue(ds, DCM_InstanceNumber, 0);
    info->rows = intValue(ds, DCM_Rows, 0);
    info->columns = intValue(ds, DCM_Columns, 0);
    info->bitsAllocated = intValue(ds, DCM_BitsAllocated, 0);
    info->bitsStored = intValue(ds, DCM_BitsStored, info->bitsAllocated);
    info->highBit = intValue(ds, DCM_HighBit, info->bitsStored - 1);
    info->pixelRepresentation = intValue(ds, DCM_PixelRepresentation, 0);
    info->samplesPerPixel = intValue(ds, DCM_SamplesPerPixel, 1);
    info->frames = 1;
    {
        OFString nf;
        if (ds->findAndGetOFString(DCM_NumberOfFrames, nf).good()) {
            bool ok = false;
            const int n = QString::fromLatin1(nf.c_str()).trimmed().toInt(&ok);
            info->frames = ok ? n : -1;  // -1: present but not a number (reported on load)
        }
    }
    // Spacing: Pixel Spacing, else Imager Pixel Spacing; "0\0" means unknown.
    double r = 0, c = 0;
    if (num(ds, DCM_PixelSpacing, &r, 0) && num(ds, DCM_PixelSpacing, &c, 1) && r > 0 && c > 0) {
        info->spacing = {r, c, PixelSpacing::Source::PixelSpacing};
    } else if (num(ds, DCM_ImagerPixelSpacing, &r, 0) && num(ds, DCM_ImagerPixelSpacing, &c, 1) &&
               r > 0 && c > 0) {
        info->spacing = {r, c, PixelSpacing::Source::ImagerPixelSpacing};
    }
    info->windows.clear();
    DcmElement* wc = nullptr;
    DcmElement* ww = nullptr;
    if (ds->findAndGetElement(DCM_WindowCenter, wc).good() &&
        ds->findAndGetElement(DCM_WindowWidth, ww).good() && wc && ww) {
        const unsigned long n = std::min(wc->getVM(), ww->getVM());
        for (unsigned long i = 0; i < n; ++i) {
            Window w;
            if (!num(ds, DCM_WindowCenter, &w.center, static_cast<long>(i)) ||
                !num(ds, DCM_WindowWidth, &w.width, static_cast<long>(i)))
                continue;
            w.explanation = str(ds, DCM_WindowCenterWidthExplanation, static_cast<long>(i));
            info->windows.push_back(w);
        }
    }
    info->rescaleSlope = 1.0;
    info->rescaleIntercept = 0.0;
    num(ds, DCM_RescaleSlope, &info->rescaleSlope);
    num(ds, DCM_RescaleIntercept, &info->rescaleIntercept);
    if (info->rescaleSlope == 0.0) info->rescaleSlope = 1.0;
    info->rescaleType = str(ds, DCM_RescaleType);
    DcmItem* it = nullptr;
    info->hasModalityLutSequence = ds->findAndGetSequenceItem(DCM_ModalityLUTSequence, it, 0).good();
    info->hasVoiLutSequence = ds->findAndGetSequenceItem(DCM_VOILUTSequence, it, 0).good();
    info->presentationLutShape = str(ds, DCM_PresentationLUTShape).toUpper();
}

bool isJ2k(const QString& uid) {
    return uid == QLatin1String(UID_JPEG2000LosslessOnlyTransferSyntax) ||
           uid == QLatin1String(UID_JPEG2000TransferSyntax) ||
           uid == QLatin1String("1.2.840.10008.1.2.4.92") ||
           uid == QLatin1String("1.2.840.10008.1.2.4.93") ||
           uid == QLatin1String("1.2.840.10008.1.2.4.201") ||
           uid == QLatin1String("1.2.840.10008.1.2.4.202") ||
           uid == QLatin1String("1.2.840.10008.1.2.4.203");
}

// The compressed bytes of one frame from an encapsulated pixel data element.
bool frameFragments(DcmPixelSequence* seq, int frames, int frame, std::vector<uint8_t>* out,
                    QString* problem) {
    const unsigned long n = seq->card();
    if (n < 2) {
        *problem = Loader::tr("the encapsulated pixel data has no fragments");
        return false;
    }
    std::vector<std::pair<const uint8_t*, size_t>> frags;
    for (unsigned long i = 1; i < n; ++i) {
        DcmPixelItem* item = nullptr;
        if (seq->getItem(item, i).bad() || !item) continue;
        Uint8* p = nullptr;
        if (item->getUint8Array(p).bad() && item->getLength() > 0) {
            *problem = Loader::tr("fragment %1 of the pixel data cannot be read").arg(i);
            return false;
        }
        frags.emplace_back(p, item->getLength());
    }
    // Basic Offset Table (item 0) when present.
    std::vector<uint32_t> bot;
    {
        DcmPixelItem* item0 = nullptr;
        Uint8* p = nullptr;
        if (seq->getItem(item0, 0).good() && item0 && item0->getLength() >= 4 &&
            item0->getUint8Array(p).good() && p) {
            for (Uint32 k = 0; k + 4 <= item0->getLength(); k += 4) {
                uint32_t v;
                std::memcpy(&v, p + k, 4);
                bot.push_back(v);  // host is little endian (x86_64/arm64)
            }
        }
    }
    std::vector<size_t> first;  // first fragment index of each frame
    if (frames <= 1) {
        first = {0};
    } else if (static_cast<int>(bot.size()) == frames) {
        size_t pos = 0, f = 0;
        for (size_t i = 0; i < frags.size(); ++i) {
            while (f < bot.size() && bot[f] == pos) {
                first.push_back(i);
                ++f;
            }
            pos += frags[i].second + 8;  // item header
        }
    } else if (static_cast<int>(frags.size()) == frames) {
        for (size_t i = 0; i < frags.size(); ++i) first.push_back(i);
    } else {
        // Frames start with a JPEG 2000 SOC+SIZ marker (FF4F FF51) or JPEG SOI (FFD8).
        for (size_t i = 0; i < frags.size(); ++i) {
            const uint8_t* p = frags[i].first;
            if (p && frags[i].second >= 4 &&
                ((p[0] == 0xFF && p[1] == 0x4F && p[2] == 0xFF && p[3] == 0x51) ||
                 (p[0] == 0xFF && p[1] == 0xD8)))
                first.push_back(i);
        }
    }
    if (frame >= static_cast<int>(first.size())) {
        *problem = Loader::tr("frame %1 is not in the pixel data (found %2 of %3 frames)")
                       .arg(frame + 1)
                       .arg(first.size())
                       .arg(frames);
        return false;
    }
    const size_t a = first[frame];
    const size_t b = frame + 1 < static_cast<int>(first.size()) ? first[frame + 1] : frags.size();
    out->clear();
    for (size_t i = a; i < b; ++i)
        if (frags[i].first) out->insert(out->end(), frags[i].first, frags[i].first + frags[i].second);
    return true;
}

int32_t extract(uint32_t raw, int bitsStored, int highBit, bool isSigned) {
    const int shift = highBit + 1 - bitsStored;
    uint32_t v = shift > 0 ? raw >> shift : raw;
    const uint32_t mask = bitsStored >= 32 ? 0xFFFFFFFFu : ((1u << bitsStored) - 1u);
    v &= mask;
    if (isSigned && bitsStored < 32 && (v & (1u << (bitsStored - 1)))) v |= ~mask;
    return static_cast<int32_t>(v);
}

void ybrFullToRgb(std::vector<int32_t>& s, int maxValue) {
    for (size_t i = 0; i + 2 < s.size(); i += 3) {
        const double y = s[i], cb = s[i + 1] - (maxValue + 1) / 2.0, cr = s[i + 2] - (maxValue + 1) / 2.0;
        auto clampv = [&](double v) {
            return static_cast<int32_t>(std::lround(std::clamp(v, 0.0, double(maxValue))));
        };
        s[i] = clampv(y + 1.402 * cr);
        s[i + 1] = clampv(y - 0.344136 * cb - 0.714136 * cr);
        s[i + 2] = clampv(y + 1.772 * cb);
    }
}

OFCondition openOnce(DcmFileFormat& ff, const QByteArray& p, bool untilPixelData,
                     E_TransferSyntax xfer) {
    if (untilPixelData)
        return ff.loadFileUntilTag(p.constData(), xfer, EGL_noChange, 4096, ERM_autoDetect,
                                   DCM_PixelData);
    return ff.loadFile(p.constData(), xfer, EGL_noChange, 4096, ERM_autoDetect);
}

OFCondition openFile(DcmFileFormat& ff, const QString& path, bool untilPixelData) {
    const QByteArray p = QFile::encodeName(path);
    OFCondition c = openOnce(ff, p, untilPixelData, EXS_Unknown);
    if (c.good()) return c;
    // Files without a meta header: DCMTK guesses the transfer syntax from the first bytes and
    // can guess wrong; try the three uncompressed ones before giving up.
    QFile f(path);
    if (f.open(QIODevice::ReadOnly) && f.read(132).mid(128, 4) != "DICM") {
        for (E_TransferSyntax x : {EXS_LittleEndianExplicit, EXS_LittleEndianImplicit,
                                   EXS_BigEndianExplicit}) {
            DcmFileFormat retry;
            if (openOnce(retry, p, untilPixelData, x).good() &&
                retry.getDataset()->tagExists(DCM_SOPClassUID)) {
                ff = retry;
                return EC_Normal;
            }
        }
    }
    return c;
}

QString describeCondition(const OFCondition& c) {
    if (c == EC_StreamNotifyClient)
        return Loader::tr("the file ends before its data does: truncated or damaged");
    if (c == EC_SequEnd || c == EC_InvalidStream)
        return Loader::tr("the data set structure is damaged: %1").arg(QString::fromLatin1(c.text()));
    return QString::fromLatin1(c.text());
}

}  // namespace

void registerCodecs() {
    static std::once_flag once;
    std::call_once(once, [] {
        OFLog::configure(OFLogger::FATAL_LOG_LEVEL);  // problems are reported through our messages
        DJDecoderRegistration::registerCodecs(EDC_photometricInterpretation, EUC_never,
                                              EPC_colorByPixel);
        DJLSDecoderRegistration::registerCodecs(EJLSUC_never, EJLSPC_colorByPixel);
        DcmRLEDecoderRegistration::registerCodecs(OFFalse, OFFalse);
    });
}

QString transferSyntaxName(const QString& uid) {
    if (uid.isEmpty()) return {};
    DcmXfer x(uid.toLatin1().constData());
    if (x.getXfer() != EXS_Unknown) return QString::fromLatin1(x.getXferName());
    const char* name = dcmFindNameOfUID(uid.toLatin1().constData(), nullptr);
    return name ? QString::fromLatin1(name) : uid;
}

bool looksLikeDicom(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return false;
    const QByteArray head = f.read(132);
    if (head.size() >= 132 && head.mid(128, 4) == "DICM") return true;
    // ACR-NEMA / raw data set: starts with a group 0002 or 0008 (or other low group) element,
    // little or big endian.
    if (head.size() < 8) return false;
    const auto u = reinterpret_cast<const unsigned char*>(head.constData());
    const int groupLE = u[0] | (u[1] << 8);
    const int groupBE = (u[0] << 8) | u[1];
    auto plausible = [](int g) { return g == 0x0002 || g == 0x0008 || g == 0x0010 || g == 0x0018 || g == 0x0020 || g == 0x0028; };
    return plausible(groupLE) || plausible(groupBE);
}

HeaderResult readHeader(const QString& path) {
    registerCodecs();
    HeaderResult r;
    DcmFileFormat ff;
    const OFCondition c = openFile(ff, path, true);
    if (c.bad()) {
        r.error = Loader::tr("%1: not a readable DICOM file (%2)").arg(fileLabel(path), describeCondition(c));
        return r;
    }
    fillInfo(ff, path, &r.info);
    return r;
}

LoadResult loadDicom(const QString& path, int frame) {
    registerCodecs();
    LoadResult result;
    const QString name = fileLabel(path);
    auto fail = [&](const QString& what) {
        result.image.reset();
        result.error = Loader::tr("%1: %2").arg(name, what);
        return result;
    };
    if (!QFileInfo(path).isFile()) return fail(Loader::tr("the file does not exist"));
    if (!QFileInfo(path).isReadable()) return fail(Loader::tr("the file cannot be read (permission denied)"));

    DcmFileFormat ff;
    const OFCondition c = openFile(ff, path, false);
    if (c.bad()) return fail(Loader::tr("not a readable DICOM file (%1)").arg(describeCondition(c)));
    DcmDataset* ds = ff.getDataset();

    auto img = std::make_shared<Image>();
    ImageInfo& info = img->info;
    fillInfo(ff, path, &info);

    // ---- sanity of the declared geometry, before any allocation --------------------------
    if (!ds->tagExists(DCM_PixelData))
        return fail(Loader::tr("the file has no pixel data (it is not an image: %1)")
                        .arg(info.sopClassUid.isEmpty() ? Loader::tr("unknown object")
                                                        : transferSyntaxName(info.sopClassUid)));
    if (info.rows <= 0 || info.columns <= 0)
        return fail(Loader::tr("the Rows or Columns attribute is missing or zero"));
    if (info.frames < 1)
        return fail(Loader::tr("Number of Frames is not a positive number"));
    if (info.bitsAllocated != 8 && info.bitsAllocated != 16 && info.bitsAllocated != 32)
        return fail(Loader::tr("Bits Allocated is %1; only 8, 16 and 32 are supported").arg(info.bitsAllocated));
    if (info.bitsStored < 1 || info.bitsStored > info.bitsAllocated || info.highBit < info.bitsStored - 1 ||
        info.highBit >= info.bitsAllocated)
        return fail(Loader::tr("Bits Stored (%1) / High Bit (%2) do not fit Bits Allocated (%3)")
                        .arg(info.bitsStored).arg(info.highBit).arg(info.bitsAllocated));
    if (info.bitsStored > 24)
        return fail(Loader::tr("%1 bits stored per sample are not supported (at most 24)").arg(info.bitsStored));
    if (info.samplesPerPixel != 1 && info.samplesPerPixel != 3)
        return fail(Loader::tr("Samples per Pixel is %1; only 1 (grey) and 3 (colour) are supported").arg(info.samplesPerPixel));
    const QString pi = info.photometric;
    const bool grey = pi == QLatin1String("MONOCHROME1") || pi == QLatin1String("MONOCHROME2");
    if (info.samplesPerPixel == 1 && !grey && !pi.isEmpty())
        return fail(Loader::tr("the photometric interpretation %1 is not supported").arg(pi));
    if (frame < 0 || frame >= info.frames)
        return fail(Loader::tr("frame %1 does not exist (the file has %2 frames)").arg(frame + 1).arg(info.frames));
    const int64_t pixels = int64_t(info.rows) * info.columns;
    const int64_t frameBytes = pixels * info.samplesPerPixel * (info.bitsAllocated / 8);
    if (pixels > kMaxPixelsPerFrame || frameBytes * info.frames > kMaxDecodedBytes)
        return fail(Loader::tr("the header declares %1 x %2 pixels x %3 frames, more than this "
                               "viewer accepts; the file is refused")
                        .arg(info.columns).arg(info.rows).arg(info.frames));

    DcmElement* pixElem = nullptr;
    ds->findAndGetElement(DCM_PixelData, pixElem);
    auto* pixData = dynamic_cast<DcmPixelData*>(pixElem);
    if (!pixData) return fail(Loader::tr("the pixel data element cannot be read"));

    const E_TransferSyntax xfer = ds->getOriginalXfer();
    const DcmXfer dx(xfer);
    const bool encapsulated = dx.isEncapsulated();
    const bool signedPix = info.pixelRepresentation == 1;
    img->width = info.columns;
    img->height = info.rows;
    img->channels = info.samplesPerPixel;
    img->frameIndex = frame;

    if (encapsulated) {
        const DcmRepresentationParameter* rp = nullptr;
        DcmPixelSequence* seq = nullptr;
        if (pixData->getEncapsulatedRepresentation(xfer, rp, seq).bad() || !seq)
            return fail(Loader::tr("the compressed pixel data cannot be read (file damaged?)"));
        // Compressed size must be plausible for the declared size (JPEG-LS of flat images
        // compresses extremely well, hence the generous ratio).
        uint64_t compressed = 0;
        for (unsigned long i = 1; i < seq->card(); ++i) {
            DcmPixelItem* item = nullptr;
            if (seq->getItem(item, i).good() && item) compressed += item->getLength();
        }
        if (compressed == 0) return fail(Loader::tr("the compressed pixel data is empty"));
        const uint64_t declared = uint64_t(frameBytes) * info.frames;
        if (declared > (uint64_t(64) << 20) && compressed * 4000 < declared)
            return fail(Loader::tr("the header declares %1 x %2 pixels but there are only %3 bytes "
                                   "of compressed data; the file is refused")
                            .arg(info.columns).arg(info.rows).arg(compressed));

        if (isJ2k(info.transferSyntaxUid)) {
            std::vector<uint8_t> bytes;
            QString problem;
            if (!frameFragments(seq, info.frames, frame, &bytes, &problem)) return fail(problem);
            J2kImage j;
            if (!decodeJ2k(bytes.data(), bytes.size(), &j, &problem, kMaxPixelsPerFrame))
                return fail(Loader::tr("JPEG 2000 frame %1: %2").arg(frame + 1).arg(problem));
            if (j.width != info.columns || j.height != info.rows || j.components != info.samplesPerPixel)
                return fail(Loader::tr("the JPEG 2000 image is %1 x %2 with %3 components but the "
                                       "header says %4 x %5 with %6")
                                .arg(j.width).arg(j.height).arg(j.components)
                                .arg(info.columns).arg(info.rows).arg(info.samplesPerPixel));
            img->stored = std::move(j.samples);
            // The DICOM header decides signedness: reinterpret the codestream's values.
            const uint32_t mask = info.bitsStored >= 32 ? 0xFFFFFFFFu : ((1u << info.bitsStored) - 1u);
            if (j.isSigned != signedPix) {
                result.warnings << Loader::tr("the JPEG 2000 codestream and the header disagree on "
                                              "signedness; the header (Pixel Representation) is used");
                for (int32_t& v : img->stored) v = extract(static_cast<uint32_t>(v) & mask, info.bitsStored, info.bitsStored - 1, signedPix);
            }
            // YBR_ICT / YBR_RCT are converted to RGB by OpenJPEG's MCT.
        } else {
            // JPEG, JPEG-LS, RLE, ...: DCMTK's decoders (all frames).
            const OFCondition dc = ds->chooseRepresentation(EXS_LittleEndianExplicit, nullptr);
            if (dc.bad() || !ds->canWriteXfer(EXS_LittleEndianExplicit))
                return fail(Loader::tr("the pixel data (%1) cannot be decoded: %2")
                                .arg(info.transferSyntaxName, describeCondition(dc)));
            // Decoders may change the photometric interpretation (YBR -> RGB) and planar layout.
            info.photometric = str(ds, DCM_PhotometricInterpretation).toUpper();
        }
    }

    if (img->stored.empty()) {
        // Native (uncompressed or just decoded) pixel data in little endian.
        Uint8* bytes = nullptr;
        Uint16* words = nullptr;
        unsigned long byteCount = 0;
        DcmElement* pe = nullptr;
        ds->findAndGetElement(DCM_PixelData, pe);
        if (!pe) return fail(Loader::tr("the pixel data element cannot be read"));
        const Uint32 length = pe->getLength();
        const uint64_t needed = uint64_t(frameBytes) * info.frames;
        if (length < needed && !(length >= uint64_t(frameBytes) * (frame + 1) && info.frames > 1))
            return fail(Loader::tr("the pixel data is truncated: %1 bytes present, %2 x %3 x %4 "
                                   "frame(s) at %5 bits need %6")
                            .arg(length).arg(info.columns).arg(info.rows).arg(info.frames)
                            .arg(info.bitsAllocated).arg(needed));
        if (pe->getUint16Array(words).good() && words) {
            bytes = reinterpret_cast<Uint8*>(words);
            byteCount = length;
        } else if (pe->getUint8Array(bytes).good() && bytes) {
            byteCount = length;
        } else {
            return fail(Loader::tr("the pixel data cannot be read (file damaged or truncated)"));
        }
        if (byteCount < uint64_t(frameBytes) * (frame + 1))
            return fail(Loader::tr("the pixel data is truncated"));
        const Uint8* src = bytes + uint64_t(frameBytes) * frame;
        const size_t samples = static_cast<size_t>(pixels * info.samplesPerPixel);
        img->stored.resize(samples);
        for (size_t i = 0; i < samples; ++i) {
            uint32_t raw;
            if (info.bitsAllocated == 8) raw = src[i];
            else if (info.bitsAllocated == 16) raw = uint32_t(src[2 * i]) | (uint32_t(src[2 * i + 1]) << 8);
            else { std::memcpy(&raw, src + 4 * i, 4); }
            img->stored[i] = extract(raw, info.bitsStored, info.highBit, signedPix);
        }
        if (info.samplesPerPixel == 3) {
            const int planar = intValue(ds, DCM_PlanarConfiguration, 0);
            if (planar == 1) {  // RRR..GGG..BBB -> RGBRGB
                std::vector<int32_t> inter(samples);
                for (int64_t p = 0; p < pixels; ++p)
                    for (int c = 0; c < 3; ++c) inter[size_t(p * 3 + c)] = img->stored[size_t(c * pixels + p)];
                img->stored.swap(inter);
            }
            if (info.photometric == QLatin1String("YBR_FULL"))
                ybrFullToRgb(img->stored, (1 << info.bitsStored) - 1);
            else if (info.photometric != QLatin1String("RGB") && !info.photometric.isEmpty())
                return fail(Loader::tr("the colour model %1 is not supported").arg(info.photometric));
        }
    }

    // ---- the rendering pipeline's parameters ---------------------------------------------
    img->slope = info.rescaleSlope;
    img->intercept = info.rescaleIntercept;
    DcmItem* item = nullptr;
    if (ds->findAndGetSequenceItem(DCM_ModalityLUTSequence, item, 0).good() && item) {
        Lut lut;
        QString problem;
        if (readLut(item, signedPix, &lut, &problem)) {
            img->modalityLut = std::move(lut);
        } else {
            result.warnings << Loader::tr("Modality LUT ignored: %1").arg(problem);
        }
    }
    if (ds->findAndGetSequenceItem(DCM_VOILUTSequence, item, 0).good() && item) {
        Lut lut;
        QString problem;
        // VOI LUT input is the modality output; signed when the modality values can be negative.
        const bool signedIn = signedPix || img->intercept < 0 || img->modalityLut.has_value();
        if (readLut(item, signedIn && !img->modalityLut, &lut, &problem)) img->voiLut = std::move(lut);
        else result.warnings << Loader::tr("VOI LUT ignored: %1").arg(problem);
    }
    const QString fn = str(ds, DCM_VOILUTFunction).toUpper();
    img->voiFunction = fn == QLatin1String("LINEAR_EXACT") ? VoiFunction::LinearExact
                       : fn == QLatin1String("SIGMOID")    ? VoiFunction::Sigmoid
                                                           : VoiFunction::Linear;
    img->monochrome1 = (img->channels == 1) &&
                       (info.photometric == QLatin1String("MONOCHROME1") ||
                        info.presentationLutShape == QLatin1String("INVERSE"));
    img->updateStoredRange();

    // A file window that misses all the data is reported (the robust window is used instead).
    double lo = 0, hi = 0;
    img->modalityRange(&lo, &hi);
    if (!info.windows.empty()) {
        const Window& w = info.windows.front();
        if (w.center + w.width / 2 < lo || w.center - w.width / 2 > hi)
            result.warnings << Loader::tr("the window in the header (C %1 / W %2) misses the pixel "
                                          "values (%3 to %4); an automatic window is used")
                                   .arg(w.center).arg(w.width).arg(lo).arg(hi);
    }
    result.image = std::move(img);
    return result;
}

std::vector<TagRow> dumpTags(const QString& path, QString* error) {
    registerCodecs();
    std::vector<TagRow> rows;
    DcmFileFormat ff;
    const OFCondition c = openFile(ff, path, false);
    if (c.bad()) {
        if (error) *error = Loader::tr("%1: not a readable DICOM file (%2)").arg(fileLabel(path), describeCondition(c));
        return rows;
    }
    ff.getDataset()->convertToUTF8();
    std::function<void(DcmItem*, int)> walk = [&](DcmItem* it, int depth) {
        for (unsigned long i = 0; i < it->card(); ++i) {
            DcmElement* e = it->getElement(i);
            if (!e) continue;
            TagRow r;
            r.depth = depth;
            DcmTag tag = e->getTag();
            r.tag = QString::asprintf("(%04X,%04X)", tag.getGTag(), tag.getETag());
            r.vr = QString::fromLatin1(DcmVR(e->ident()).getVRName());
            r.name = QString::fromLatin1(tag.getTagName());
            if (e->ident() == EVR_SQ) {
                auto* sq = static_cast<DcmSequenceOfItems*>(e);
                r.value = Loader::tr("%n item(s)", nullptr, static_cast<int>(sq->card()));
                rows.push_back(r);
                for (unsigned long k = 0; k < sq->card(); ++k) {
                    TagRow ir;
                    ir.depth = depth + 1;
                    ir.tag = QStringLiteral("(FFFE,E000)");
                    ir.name = Loader::tr("Item %1").arg(k + 1);
                    rows.push_back(ir);
                    walk(sq->getItem(k), depth + 2);
                }
                continue;
            }
            if (tag == DCM_PixelData || e->getLength() > 4096) {
                r.value = Loader::tr("(%1 bytes)").arg(e->getLength());
            } else if (e->ident() == EVR_OB || e->ident() == EVR_OW || e->ident() == EVR_UN ||
                       e->ident() == EVR_OF || e->ident() == EVR_OD || e->ident() == EVR_OL) {
                r.value = Loader::tr("(%1 bytes of binary data)").arg(e->getLength());
            } else {
                OFString v;
                if (e->getOFStringArray(v).good()) r.value = decodeText(v);
            }
            rows.push_back(r);
        }
    };
    walk(ff.getMetaInfo(), 0);
    walk(ff.getDataset(), 0);
    return rows;
}

QByteArray infoJson(const ImageInfo& info) {
    QJsonObject o;
    o["file"] = info.path;
    o["format"] = info.format;
    o["modality"] = info.modality;
    o["photometric_interpretation"] = info.photometric;
    o["transfer_syntax"] = info.transferSyntaxUid;
    o["transfer_syntax_name"] = info.transferSyntaxName;
    o["rows"] = info.rows;
    o["columns"] = info.columns;
    o["bits_allocated"] = info.bitsAllocated;
    o["bits_stored"] = info.bitsStored;
    o["high_bit"] = info.highBit;
    o["pixel_representation"] = info.pixelRepresentation;
    o["samples_per_pixel"] = info.samplesPerPixel;
    o["frames"] = info.frames;
    QJsonObject sp;
    if (info.spacing.known()) {
        sp["row_mm"] = info.spacing.row;
        sp["column_mm"] = info.spacing.col;
        sp["source"] = info.spacing.source == PixelSpacing::Source::PixelSpacing
                           ? QStringLiteral("PixelSpacing")
                           : QStringLiteral("ImagerPixelSpacing");
        o["spacing"] = sp;
    } else {
        o["spacing"] = QJsonValue::Null;
    }
    QJsonArray wins;
    for (const Window& w : info.windows) {
        QJsonObject wo;
        wo["center"] = w.center;
        wo["width"] = w.width;
        if (!w.explanation.isEmpty()) wo["explanation"] = w.explanation;
        wins.append(wo);
    }
    o["windows"] = wins;
    o["rescale_slope"] = info.rescaleSlope;
    o["rescale_intercept"] = info.rescaleIntercept;
    o["modality_lut_sequence"] = info.hasModalityLutSequence;
    o["voi_lut_sequence"] = info.hasVoiLutSequence;
    if (!info.presentationLutShape.isEmpty()) o["presentation_lut_shape"] = info.presentationLutShape;
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

}  // namespace cxr
