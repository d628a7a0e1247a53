#include "dicom_sc.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include <sys/statvfs.h>

namespace cxr::exporting {

namespace {

QString native(const QString& path) { return QDir::toNativeSeparators(path); }

bool fail(QString* message, const QString& text) {
    if (message) *message = text;
    return false;
}

QString conditionText(const OFCondition& c) { return QString::fromLocal8Bit(c.text()); }

// Free bytes for an unprivileged user in `folder` (-1 when unknown).
qint64 freeBytes(const QString& folder) {
    struct statvfs st;
    if (::statvfs(QFile::encodeName(folder).constData(), &st) != 0) return -1;
    return qint64(st.f_bavail) * qint64(st.f_frsize);
}

// Value for a DICOM text element: at most `maxChars` characters; for single-line VRs (LO)
// no backslash (the value separator) and no control characters.
QByteArray dicomText(const QString& text, int maxChars, bool singleLine) {
    QString out;
    int count = 0;
    for (const char32_t c : text.toUcs4()) {
        if (count >= maxChars) break;
        char32_t v = c;
        if (singleLine) {
            if (v == U'\\') v = U'/';
            else if (v < 0x20 || v == 0x7F) v = U' ';
        } else if ((v < 0x20 && v != U'\r' && v != U'\n' && v != U'\t') || v == 0x7F) {
            v = U' ';
        }
        out += QString::fromUcs4(&v, 1);
        ++count;
    }
    if (singleLine) out = out.trimmed();
    return out.toUtf8();
}

bool put(DcmItem* ds, const DcmTagKey& tag, const QByteArray& value) {
    return ds->putAndInsertString(tag, value.constData()).good();
}

// Copies `tag` (any VR, sequences included) from `from` to `to` when present.
void copyElement(DcmItem* from, DcmItem* to, const DcmTagKey& tag) {
    DcmElement* element = nullptr;
    if (from->findAndGetElement(tag, element).good() && element) {
        auto* copy = OFstatic_cast(DcmElement*, element->clone());
        if (copy && to->insert(copy, OFTrue).bad()) delete copy;
    }
}

QString stringOf(DcmItem* ds, const DcmTagKey& tag) {
    OFString value;
    if (ds->findAndGetOFStringArray(tag, value).good()) return QString::fromUtf8(value.c_str()).trimmed();
    return QString();
}

// Patient and study attributes that identify the patient: copied only when not anonymising.
const DcmTagKey kIdentifying[] = {
    DCM_PatientName, DCM_PatientID, DCM_IssuerOfPatientID, DCM_TypeOfPatientID,
    DCM_IssuerOfPatientIDQualifiersSequence, DCM_PatientBirthDate, DCM_PatientBirthTime,
    DCM_PatientSex, DCM_OtherPatientIDsSequence, DCM_OtherPatientNames, DCM_PatientSexNeutered,
    DCM_ResponsiblePerson, DCM_ResponsiblePersonRole, DCM_ResponsibleOrganization,
    DCM_BreedRegistrationSequence, DCM_PatientAge, DCM_PatientSize, DCM_PatientWeight,
    DCM_StudyDate, DCM_StudyTime, DCM_ReferringPhysicianName, DCM_StudyID, DCM_AccessionNumber,
    DCM_IssuerOfAccessionNumberSequence, DCM_StudyDescription};
// Type 2 attributes of the Patient and General Study modules: present (empty) when not copied.
const DcmTagKey kTypeTwo[] = {DCM_PatientName, DCM_PatientID,      DCM_PatientBirthDate,
                              DCM_PatientSex,  DCM_StudyDate,      DCM_StudyTime,
                              DCM_ReferringPhysicianName, DCM_StudyID, DCM_AccessionNumber};
// Not identifying: kept in both modes (needed for veterinary images).
const DcmTagKey kKept[] = {DCM_PatientSpeciesDescription, DCM_PatientSpeciesCodeSequence,
                           DCM_PatientBreedDescription, DCM_PatientBreedCodeSequence,
                           DCM_BodyPartExamined};

}  // namespace

bool writeSecondaryCapture(const QString& path, const QImage& rgb, const SecondaryCaptureOptions& options,
                           Overwrite mode, QString* message, QString* sopInstanceUid) {
    if (rgb.isNull())
        return fail(message, QCoreApplication::translate("cxr::exporting",
                                                         "Cannot write %1: the image is empty.")
                                 .arg(native(path)));
    if (rgb.width() > 65535 || rgb.height() > 65535)
        return fail(message, QCoreApplication::translate("cxr::exporting",
                                                         "Cannot write %1: the image (%2 x %3) is too "
                                                         "large for DICOM (at most 65535 x 65535).")
                                 .arg(native(path)).arg(rgb.width()).arg(rgb.height()));
    if (!detail::checkTarget(path, mode, message)) return false;

    // ---- the source (header only) -----------------------------------------------------------
    DcmFileFormat source;
    DcmDataset* src = nullptr;
    if (!options.sourceDicom.isEmpty()) {
        const OFCondition c = source.loadFileUntilTag(
            OFFilename(QFile::encodeName(options.sourceDicom).constData()), EXS_Unknown, EGL_noChange,
            DCM_MaxReadLength, ERM_autoDetect, DCM_PixelData);
        if (c.bad())
            return fail(message, QCoreApplication::translate("cxr::exporting",
                                                             "Cannot read the source DICOM file %1: %2.")
                                     .arg(native(options.sourceDicom), conditionText(c)));
        src = source.getDataset();
        const QString charset = stringOf(src, DCM_SpecificCharacterSet);
        if (!charset.isEmpty() && charset != QLatin1String("ISO_IR 192") &&
            charset != QLatin1String("ISO_IR 6")) {
            const OFCondition cc = src->convertToUTF8();
            if (cc.bad())
                return fail(message, QCoreApplication::translate("cxr::exporting",
                                                                 "Cannot convert the texts of %1 (character "
                                                                 "set %2) to UTF-8: %3.")
                                         .arg(native(options.sourceDicom), charset, conditionText(cc)));
        }
        long frames = 1;
        Sint32 n = 0;
        if (src->findAndGetSint32(DCM_NumberOfFrames, n).good() && n > 0) frames = n;
        if (options.sourceFrame < 0 || options.sourceFrame >= frames)
            return fail(message, QCoreApplication::translate("cxr::exporting",
                                                             "Cannot write %1: the source %2 has no frame %3.")
                                     .arg(native(path), native(options.sourceDicom))
                                     .arg(options.sourceFrame + 1));
    }

    // ---- the new data set ---------------------------------------------------------------------
    DcmFileFormat file;
    DcmDataset* ds = file.getDataset();
    char sopUid[100], seriesUid[100], studyUid[100];
    dcmGenerateUniqueIdentifier(sopUid, SITE_INSTANCE_UID_ROOT);
    dcmGenerateUniqueIdentifier(seriesUid, SITE_SERIES_UID_ROOT);
    QByteArray study;
    if (src) study = stringOf(src, DCM_StudyInstanceUID).toLatin1();
    if (study.isEmpty()) study = dcmGenerateUniqueIdentifier(studyUid, SITE_STUDY_UID_ROOT);

    const QDateTime now = QDateTime::currentDateTime();
    const QByteArray date = now.toString(QStringLiteral("yyyyMMdd")).toLatin1();
    const QByteArray time = now.toString(QStringLiteral("HHmmss.zzz")).toLatin1();
    const int offset = now.offsetFromUtc() / 60;
    const QByteArray zone = QStringLiteral("%1%2%3")
                                .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                                .arg(qAbs(offset) / 60, 2, 10, QLatin1Char('0'))
                                .arg(qAbs(offset) % 60, 2, 10, QLatin1Char('0'))
                                .toLatin1();
    const QByteArray version = QByteArrayLiteral(CXRG_VERSION);

    bool ok = true;
    // SOP Common
    ok &= put(ds, DCM_SpecificCharacterSet, "ISO_IR 192");
    ok &= put(ds, DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
    ok &= put(ds, DCM_SOPInstanceUID, sopUid);
    ok &= put(ds, DCM_InstanceCreationDate, date);
    ok &= put(ds, DCM_InstanceCreationTime, time);
    ok &= put(ds, DCM_TimezoneOffsetFromUTC, zone);

    // Patient and General Study (copied from the source unless anonymised)
    if (src) {
        if (!options.anonymise)
            for (const DcmTagKey& tag : kIdentifying) copyElement(src, ds, tag);
        for (const DcmTagKey& tag : kKept) copyElement(src, ds, tag);
    }
    for (const DcmTagKey& tag : kTypeTwo)
        if (!ds->tagExists(tag)) ds->insertEmptyElement(tag);
    ok &= put(ds, DCM_StudyInstanceUID, study);
    if (options.anonymise) {
        ok &= put(ds, DCM_PatientIdentityRemoved, "YES");
        ok &= put(ds, DCM_DeidentificationMethod, "CXR Ground: PS3.15 basic profile subset, UIDs kept");
    }

    // General Series, General and SC Equipment
    ok &= put(ds, DCM_Modality, "OT");
    ok &= put(ds, DCM_SeriesInstanceUID, seriesUid);
    ok &= put(ds, DCM_SeriesNumber, QByteArray::number(options.seriesNumber));
    ok &= put(ds, DCM_SeriesDate, date);
    ok &= put(ds, DCM_SeriesTime, time);
    if (!options.seriesDescription.isEmpty())
        ok &= put(ds, DCM_SeriesDescription, dicomText(options.seriesDescription, 64, true));
    ok &= put(ds, DCM_Manufacturer, "CXR Ground");
    ok &= put(ds, DCM_SoftwareVersions, version);
    ok &= put(ds, DCM_ConversionType, "WSD");
    ok &= put(ds, DCM_SecondaryCaptureDeviceManufacturer, "CXR Ground");
    ok &= put(ds, DCM_SecondaryCaptureDeviceSoftwareVersions, version);

    // General Image
    ok &= put(ds, DCM_InstanceNumber, QByteArray::number(options.instanceNumber));
    ok &= ds->insertEmptyElement(DCM_PatientOrientation).good();
    ok &= put(ds, DCM_ContentDate, date);
    ok &= put(ds, DCM_ContentTime, time);
    ok &= put(ds, DCM_ImageType, "DERIVED\\SECONDARY");
    if (!options.derivationDescription.isEmpty())
        ok &= put(ds, DCM_DerivationDescription, dicomText(options.derivationDescription, 1024, false));
    ok &= put(ds, DCM_BurnedInAnnotation, "YES");
    if (src) {
        const QByteArray classUid = stringOf(src, DCM_SOPClassUID).toLatin1();
        const QByteArray instanceUid = stringOf(src, DCM_SOPInstanceUID).toLatin1();
        if (!classUid.isEmpty() && !instanceUid.isEmpty()) {
            DcmItem* item = nullptr;
            ok &= ds->findOrCreateSequenceItem(DCM_SourceImageSequence, item, -2).good() && item;
            if (item) {
                ok &= put(item, DCM_ReferencedSOPClassUID, classUid);
                ok &= put(item, DCM_ReferencedSOPInstanceUID, instanceUid);
                Sint32 n = 0;
                if (src->findAndGetSint32(DCM_NumberOfFrames, n).good() && n > 1)
                    ok &= put(item, DCM_ReferencedFrameNumber, QByteArray::number(options.sourceFrame + 1));
            }
        }
        // A lossy source stays marked lossy in everything derived from it.
        if (stringOf(src, DCM_LossyImageCompression) == QLatin1String("01")) {
            copyElement(src, ds, DCM_LossyImageCompression);
            copyElement(src, ds, DCM_LossyImageCompressionRatio);
            copyElement(src, ds, DCM_LossyImageCompressionMethod);
        }
    }

    // Image Pixel: 8-bit RGB, interleaved
    const QImage image = rgb.convertToFormat(QImage::Format_RGB888);
    const int w = image.width(), h = image.height();
    const size_t row = static_cast<size_t>(w) * 3;
    std::vector<Uint8> pixels(row * static_cast<size_t>(h));
    for (int y = 0; y < h; ++y) std::memcpy(pixels.data() + row * y, image.constScanLine(y), row);
    ok &= ds->putAndInsertUint16(DCM_SamplesPerPixel, 3).good();
    ok &= put(ds, DCM_PhotometricInterpretation, "RGB");
    ok &= ds->putAndInsertUint16(DCM_PlanarConfiguration, 0).good();
    ok &= ds->putAndInsertUint16(DCM_Rows, static_cast<Uint16>(h)).good();
    ok &= ds->putAndInsertUint16(DCM_Columns, static_cast<Uint16>(w)).good();
    ok &= ds->putAndInsertUint16(DCM_BitsAllocated, 8).good();
    ok &= ds->putAndInsertUint16(DCM_BitsStored, 8).good();
    ok &= ds->putAndInsertUint16(DCM_HighBit, 7).good();
    ok &= ds->putAndInsertUint16(DCM_PixelRepresentation, 0).good();
    ok &= ds->putAndInsertUint8Array(DCM_PixelData, pixels.data(), static_cast<unsigned long>(pixels.size()))
              .good();
    if (!ok)
        return fail(message, QCoreApplication::translate("cxr::exporting",
                                                         "Cannot write %1: the DICOM data set could not "
                                                         "be built (out of memory?).")
                                 .arg(native(path)));

    // ---- write to a temporary file next to the target, then rename --------------------------------
    const QString target = QFileInfo(path).absoluteFilePath();
    // DCMTK's write errors do not say "disk full": check the space before and after.
    const qint64 needed = qint64(file.calcElementLength(EXS_LittleEndianExplicit, EET_ExplicitLength)) + 4096;
    const qint64 available = freeBytes(QFileInfo(target).absolutePath());
    if (available >= 0 && available < needed) return fail(message, detail::describeError(path, ENOSPC));
    const QString temporary = detail::createTemporaryNextTo(target, message);
    if (temporary.isEmpty()) return false;
    errno = 0;
    const OFCondition c = file.saveFile(OFFilename(QFile::encodeName(temporary).constData()),
                                        EXS_LittleEndianExplicit, EET_ExplicitLength, EGL_recalcGL,
                                        EPD_withoutPadding, 0, 0, EWM_createNewMeta);
    if (c.bad()) {
        const int error = errno;
        QFile::remove(temporary);
        const qint64 left = freeBytes(QFileInfo(target).absolutePath());
        if (error == ENOSPC || error == EDQUOT || (left >= 0 && left < needed))
            return fail(message, detail::describeError(path, ENOSPC));
        return fail(message, QCoreApplication::translate("cxr::exporting", "Cannot write %1: %2.")
                                 .arg(native(path), conditionText(c)));
    }
    if (!detail::commitTemporary(temporary, path, mode, message)) return false;
    if (sopInstanceUid) *sopInstanceUid = QString::fromLatin1(sopUid);
    return true;
}

}  // namespace cxr::exporting
