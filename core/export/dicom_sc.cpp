#include "dicom_sc.h"

#include "dicom_common.h"

#include <QCoreApplication>
#include <QImage>
#include <QStringList>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <cstring>
#include <vector>

namespace cxr::exporting {

using namespace dicom;

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
    Source source;
    DcmDataset* src = nullptr;
    if (!options.sourceDicom.isEmpty()) {
        if (!loadSource(options.sourceDicom, options.sourceFrame, path, &source, message)) return false;
        src = source.ds;
    }

    // ---- the new data set ---------------------------------------------------------------------
    DcmFileFormat file;
    DcmDataset* ds = file.getDataset();
    const QByteArray sopUid = newUid(SITE_INSTANCE_UID_ROOT), seriesUid = newUid(SITE_SERIES_UID_ROOT);
    const Stamp stamp = dicom::now();
    const QByteArray &date = stamp.date, &time = stamp.time;
    const QByteArray version = QByteArrayLiteral(CXRG_VERSION);

    bool ok = putSopCommon(ds, UID_SecondaryCaptureImageStorage, sopUid, stamp);
    // Patient and General Study (copied from the source unless anonymised)
    ok &= putPatientAndStudy(src, ds, options.anonymise);

    // General Series, General and SC Equipment
    ok &= put(ds, DCM_Modality, "OT");
    ok &= put(ds, DCM_SeriesInstanceUID, seriesUid);
    ok &= put(ds, DCM_SeriesNumber, QByteArray::number(options.seriesNumber));
    ok &= put(ds, DCM_SeriesDate, date);
    ok &= put(ds, DCM_SeriesTime, time);
    // General Series: Laterality is type 2C (required for paired body parts, absent for unpaired
    // ones): copied from the source, else absent for an unpaired Body Part Examined and empty
    // (unknown) otherwise.
    static const QStringList unpaired{QStringLiteral("CHEST"), QStringLiteral("ABDOMEN"), QStringLiteral("PELVIS"),
                                      QStringLiteral("CHESTABDOMEN"), QStringLiteral("ABDOMENPELVIS"), QStringLiteral("HEAD"),
                                      QStringLiteral("NECK"), QStringLiteral("SKULL"), QStringLiteral("HEART"),
                                      QStringLiteral("SPINE"), QStringLiteral("CSPINE"), QStringLiteral("TSPINE"),
                                      QStringLiteral("LSPINE"), QStringLiteral("WHOLEBODY")};
    if ((!src || !copyElement(src, ds, DCM_Laterality)) &&
        !unpaired.contains(stringOf(ds, DCM_BodyPartExamined).toUpper()))
        ok &= ds->insertEmptyElement(DCM_Laterality).good();
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
        copyLossyMarks(src, ds);
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

    if (!saveAtomically(file, path, mode, message)) return false;
    if (sopInstanceUid) *sopInstanceUid = QString::fromLatin1(sopUid);
    return true;
}

}  // namespace cxr::exporting
