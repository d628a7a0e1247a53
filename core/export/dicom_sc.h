// DICOM Secondary Capture export of a rendered image (e.g. a heat map over the radiograph).
#pragma once

#include "atomic_write.h"

#include <QImage>
#include <QString>

namespace cxr::exporting {

struct SecondaryCaptureOptions {
    QString sourceDicom;            // the original image's file ("" when the source is a PNG/JPEG:
                                    // new study, no patient data)
    int sourceFrame = 0;            // 0-based frame of the source shown in the image
    QString seriesDescription;      // e.g. "CXR Ground heat map: Small left pleural effusion"
    QString derivationDescription;  // what was done (method, settings, model)
    bool anonymise = false;         // remove patient identifiers (PS3.15 basic profile subset),
                                    // set PatientIdentityRemoved=YES and DeidentificationMethod
    int seriesNumber = 999, instanceNumber = 1;
};

// Writes `rgb` (any format; converted to RGB888) as a DICOM Secondary Capture Image
// (1.2.840.10008.5.1.4.1.1.7, explicit VR little endian, UTF-8 texts): new SOP Instance and
// Series Instance UIDs, the source's Study Instance UID (a new one without a source DICOM),
// patient and study modules copied from the source unless anonymised, a Source Image Sequence
// referencing the source image. Atomic like writeFileAtomically(). Returns false with a message
// naming the problem; on success `sopInstanceUid` (if given) receives the new instance's UID.
bool writeSecondaryCapture(const QString& path, const QImage& rgb, const SecondaryCaptureOptions& options,
                           Overwrite mode, QString* message, QString* sopInstanceUid = nullptr);

}  // namespace cxr::exporting
