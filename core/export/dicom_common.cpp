#include "dicom_common.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <cerrno>

#include <sys/statvfs.h>

namespace cxr::exporting::dicom {

namespace {

// Free bytes for an unprivileged user in `folder` (-1 when unknown).
qint64 freeBytes(const QString& folder) {
    struct statvfs st;
    if (::statvfs(QFile::encodeName(folder).constData(), &st) != 0) return -1;
    return qint64(st.f_bavail) * qint64(st.f_frsize);
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

QString native(const QString& path) { return QDir::toNativeSeparators(path); }

bool fail(QString* message, const QString& text) {
    if (message) *message = text;
    return false;
}

QString conditionText(const OFCondition& c) { return QString::fromLocal8Bit(c.text()); }

QByteArray dicomText(const QString& text, int maxBytes, bool singleLine) {
    QString out;
    qsizetype bytes = 0;
    for (const char32_t c : text.toUcs4()) {
        char32_t v = c;
        if (singleLine) {
            if (v == U'\\') v = U'/';
            else if (v < 0x20 || v == 0x7F) v = U' ';
        } else if ((v < 0x20 && v != U'\r' && v != U'\n' && v != U'\t') || v == 0x7F) {
            v = U' ';
        }
        const QString ch = QString::fromUcs4(&v, 1);
        const qsizetype size = ch.toUtf8().size();
        if (bytes + size > maxBytes) break;
        out += ch;
        bytes += size;
    }
    if (singleLine) out = out.trimmed();
    return out.toUtf8();
}

bool put(DcmItem* ds, const DcmTagKey& tag, const QByteArray& value) {
    return ds->putAndInsertString(tag, value.constData()).good();
}

QString stringOf(DcmItem* ds, const DcmTagKey& tag) {
    OFString value;
    if (ds->findAndGetOFStringArray(tag, value).good()) return QString::fromUtf8(value.c_str()).trimmed();
    return QString();
}

bool copyElement(DcmItem* from, DcmItem* to, const DcmTagKey& tag) {
    DcmElement* element = nullptr;
    if (from->findAndGetElement(tag, element).bad() || !element) return false;
    if (element->getLength() > 0 && element->isaString() && element->checkValue().bad()) return false;
    auto* copy = OFstatic_cast(DcmElement*, element->clone());
    if (!copy) return false;
    if (to->insert(copy, OFTrue).bad()) {
        delete copy;
        return false;
    }
    return true;
}

bool loadSource(const QString& sourcePath, int frame, const QString& target, Source* out, QString* message) {
    const OFCondition c = out->file.loadFileUntilTag(OFFilename(QFile::encodeName(sourcePath).constData()), EXS_Unknown,
                                                     EGL_noChange, DCM_MaxReadLength, ERM_autoDetect, DCM_PixelData);
    if (c.bad())
        return fail(message, QCoreApplication::translate("cxr::exporting", "Cannot read the source DICOM file %1: %2.")
                                 .arg(native(sourcePath), conditionText(c)));
    out->ds = out->file.getDataset();
    const QString charset = stringOf(out->ds, DCM_SpecificCharacterSet);
    if (!charset.isEmpty() && charset != QLatin1String("ISO_IR 192") && charset != QLatin1String("ISO_IR 6")) {
        const OFCondition cc = out->ds->convertToUTF8();
        if (cc.bad())
            return fail(message, QCoreApplication::translate("cxr::exporting",
                                                             "Cannot convert the texts of %1 (character "
                                                             "set %2) to UTF-8: %3.")
                                     .arg(native(sourcePath), charset, conditionText(cc)));
    }
    Sint32 n = 0;
    out->frames = out->ds->findAndGetSint32(DCM_NumberOfFrames, n).good() && n > 0 ? int(n) : 1;
    if (frame < 0 || frame >= out->frames)
        return fail(message, QCoreApplication::translate("cxr::exporting", "Cannot write %1: the source %2 has no frame %3.")
                                 .arg(native(target), native(sourcePath))
                                 .arg(frame + 1));
    return true;
}

QByteArray newUid(const char* root) {
    char uid[100];
    return QByteArray(dcmGenerateUniqueIdentifier(uid, root));
}

Stamp now() {
    const QDateTime t = QDateTime::currentDateTime();
    const int offset = t.offsetFromUtc() / 60;
    Stamp s;
    s.date = t.toString(QStringLiteral("yyyyMMdd")).toLatin1();
    s.time = t.toString(QStringLiteral("HHmmss.zzz")).toLatin1();
    s.zone = QStringLiteral("%1%2%3")
                 .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                 .arg(qAbs(offset) / 60, 2, 10, QLatin1Char('0'))
                 .arg(qAbs(offset) % 60, 2, 10, QLatin1Char('0'))
                 .toLatin1();
    return s;
}

bool putSopCommon(DcmItem* ds, const char* sopClassUid, const QByteArray& sopInstanceUid, const Stamp& stamp) {
    bool ok = true;
    ok &= put(ds, DCM_SpecificCharacterSet, "ISO_IR 192");
    ok &= put(ds, DCM_SOPClassUID, sopClassUid);
    ok &= put(ds, DCM_SOPInstanceUID, sopInstanceUid);
    ok &= put(ds, DCM_InstanceCreationDate, stamp.date);
    ok &= put(ds, DCM_InstanceCreationTime, stamp.time);
    ok &= put(ds, DCM_TimezoneOffsetFromUTC, stamp.zone);
    return ok;
}

bool putPatientAndStudy(DcmItem* src, DcmItem* ds, bool anonymise) {
    bool ok = true;
    for (const DcmTagKey& tag : kIdentifying) delete ds->remove(tag);
    for (const DcmTagKey& tag : kKept) delete ds->remove(tag);
    if (src) {
        if (!anonymise)
            for (const DcmTagKey& tag : kIdentifying) copyElement(src, ds, tag);
        for (const DcmTagKey& tag : kKept) copyElement(src, ds, tag);
    }
    for (const DcmTagKey& tag : kTypeTwo)
        if (!ds->tagExists(tag)) ok &= ds->insertEmptyElement(tag).good();
    QByteArray study;
    if (src) study = stringOf(src, DCM_StudyInstanceUID).toLatin1();
    if (study.isEmpty()) study = newUid(SITE_STUDY_UID_ROOT);
    ok &= put(ds, DCM_StudyInstanceUID, study);
    delete ds->remove(DCM_PatientIdentityRemoved);
    delete ds->remove(DCM_DeidentificationMethod);
    if (anonymise) {
        ok &= put(ds, DCM_PatientIdentityRemoved, "YES");
        ok &= put(ds, DCM_DeidentificationMethod, "CXR Ground: PS3.15 basic profile subset, UIDs kept");
    }
    return ok;
}

void copyLossyMarks(DcmItem* src, DcmItem* ds) {
    if (stringOf(src, DCM_LossyImageCompression) == QLatin1String("01")) {
        copyElement(src, ds, DCM_LossyImageCompression);
        copyElement(src, ds, DCM_LossyImageCompressionRatio);
        copyElement(src, ds, DCM_LossyImageCompressionMethod);
    }
}

bool putCommonInstanceReference(DcmItem* src, DcmItem* ds) {
    const QByteArray series = stringOf(src, DCM_SeriesInstanceUID).toLatin1();
    const QByteArray classUid = stringOf(src, DCM_SOPClassUID).toLatin1();
    const QByteArray instanceUid = stringOf(src, DCM_SOPInstanceUID).toLatin1();
    if (series.isEmpty() || classUid.isEmpty() || instanceUid.isEmpty()) return false;
    delete ds->remove(DCM_ReferencedSeriesSequence);
    DcmItem* item = nullptr;
    if (ds->findOrCreateSequenceItem(DCM_ReferencedSeriesSequence, item, -2).bad() || !item) return false;
    bool ok = put(item, DCM_SeriesInstanceUID, series);
    DcmItem* instance = nullptr;
    ok &= item->findOrCreateSequenceItem(DCM_ReferencedInstanceSequence, instance, -2).good() && instance;
    if (instance) {
        ok &= put(instance, DCM_ReferencedSOPClassUID, classUid);
        ok &= put(instance, DCM_ReferencedSOPInstanceUID, instanceUid);
    }
    return ok;
}

bool putPatientOrientation(DcmItem* src, DcmItem* ds) {
    delete ds->remove(DCM_PatientOrientation);
    if (src && copyElement(src, ds, DCM_PatientOrientation)) return true;
    return ds->insertEmptyElement(DCM_PatientOrientation).good();
}

bool saveAtomically(DcmFileFormat& file, const QString& path, Overwrite mode, QString* message) {
    const QString target = QFileInfo(path).absoluteFilePath();
    // DCMTK's write errors do not say "disk full": check the space before and after.
    const qint64 needed = qint64(file.calcElementLength(EXS_LittleEndianExplicit, EET_ExplicitLength)) + 4096;
    const qint64 available = freeBytes(QFileInfo(target).absolutePath());
    if (available >= 0 && available < needed) return fail(message, detail::describeError(path, ENOSPC));
    const QString temporary = detail::createTemporaryNextTo(target, message);
    if (temporary.isEmpty()) return false;
    errno = 0;
    const OFCondition c = file.saveFile(OFFilename(QFile::encodeName(temporary).constData()), EXS_LittleEndianExplicit,
                                        EET_ExplicitLength, EGL_recalcGL, EPD_withoutPadding, 0, 0, EWM_createNewMeta);
    if (c.bad()) {
        const int error = errno;
        QFile::remove(temporary);
        const qint64 left = freeBytes(QFileInfo(target).absolutePath());
        if (error == ENOSPC || error == EDQUOT || (left >= 0 && left < needed))
            return fail(message, detail::describeError(path, ENOSPC));
        return fail(message, QCoreApplication::translate("cxr::exporting", "Cannot write %1: %2.")
                                 .arg(native(path), conditionText(c)));
    }
    return detail::commitTemporary(temporary, path, mode, message);
}

}  // namespace cxr::exporting::dicom
