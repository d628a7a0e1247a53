#include "dicom_result.h"

#include "annotate/overlay.h"
#include "dicom_common.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmfg/fgderimg.h>
#include <dcmtk/dcmfg/fgfracon.h>
#include <dcmtk/dcmfg/fgframeanatomy.h>
#include <dcmtk/dcmfg/fgparametricmapframetype.h>
#include <dcmtk/dcmfg/fgpixeltransform.h>
#include <dcmtk/dcmfg/fgpixmsr.h>
#include <dcmtk/dcmfg/fgplanor.h>
#include <dcmtk/dcmfg/fgplanpo.h>
#include <dcmtk/dcmfg/fgrealworldvaluemapping.h>
#include <dcmtk/dcmiod/iodcontentitemmacro.h>
#include <dcmtk/dcmiod/iodutil.h>
#include <dcmtk/dcmiod/modfloatingpointimagepixel.h>
#include <dcmtk/dcmpmap/dpmparametricmapiod.h>
#include <dcmtk/dcmseg/segdoc.h>
#include <dcmtk/dcmseg/segment.h>

#include <cmath>
#include <functional>
#include <limits>
#include <memory>

namespace cxr::exporting {

using namespace dicom;

namespace {

constexpr float kPadding = -1.0f;

// The item `index` of `seq` in `item` (nullptr when absent).
DcmItem* firstItem(DcmItem* item, const DcmTagKey& seq, int index = 0) {
    DcmItem* out = nullptr;
    if (item && item->findAndGetSequenceItem(seq, out, index).good()) return out;
    return nullptr;
}  // Float Pixel Padding Value of our maps: "no value here"


// The sentence shortened at a word (with "…") so that its UTF-8 form fits `maxBytes`.
QString fitted(const QString& sentence, int maxBytes) {
    for (int n = maxBytes; n > 8; --n) {
        const QString s = annotate::shortened(sentence, n);
        if (s.toUtf8().size() <= maxBytes) return s;
    }
    return QString::fromUtf8(dicomText(sentence, maxBytes, true));
}

OFString of(const QByteArray& utf8) { return OFString(utf8.constData(), size_t(utf8.size())); }

// The plane a result is drawn in: the source's own geometry when it has one (Frame of Reference,
// Image Position and Orientation (Patient)), otherwise a nominal plane: position 0\0\0, the
// orientation the source's Patient Orientation states (rows to the patient's left and columns
// to the feet when it states none, the usual PA chest).
struct Plane {
    QByteArray frameOfReference;  // "" when the source has none
    bool sourceGeometry = false;  // position / orientation taken from the source
    OFString position[3] = {"0", "0", "0"};
    OFString orientation[6] = {"1", "0", "0", "0", "0", "-1"};
    OFString pixelSpacing;        // "" when unknown
};

// Direction of one Patient Orientation value ("L", "PF", ...) as a unit vector; false if invalid.
bool direction(const QString& letters, double v[3]) {
    v[0] = v[1] = v[2] = 0;
    if (letters.isEmpty()) return false;
    for (const QChar c : letters) {
        switch (c.toLatin1()) {
        case 'L': v[0] += 1; break;
        case 'R': v[0] -= 1; break;
        case 'P': v[1] += 1; break;
        case 'A': v[1] -= 1; break;
        case 'H': v[2] += 1; break;
        case 'F': v[2] -= 1; break;
        default: return false;
        }
    }
    const double n = std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    if (n == 0) return false;
    for (int i = 0; i < 3; ++i) v[i] /= n;
    return true;
}

OFString number(double v) {
    if (std::abs(v) < 1e-9) v = 0;
    return of(QByteArray::number(v, 'g', 8));
}

Plane planeOf(DcmItem* src) {
    Plane p;
    p.frameOfReference = stringOf(src, DCM_FrameOfReferenceUID).toLatin1();
    OFString a, b;
    bool geometry = !p.frameOfReference.isEmpty();
    for (int i = 0; geometry && i < 3; ++i) geometry = src->findAndGetOFString(DCM_ImagePositionPatient, p.position[i], i).good();
    for (int i = 0; geometry && i < 6; ++i) geometry = src->findAndGetOFString(DCM_ImageOrientationPatient, p.orientation[i], i).good();
    p.sourceGeometry = geometry;
    if (!geometry) {
        for (int i = 0; i < 3; ++i) p.position[i] = "0";
        const QStringList po = stringOf(src, DCM_PatientOrientation).split(QLatin1Char('\\'));
        double row[3], col[3];
        if (po.size() == 2 && direction(po[0], row) && direction(po[1], col)) {
            for (int i = 0; i < 3; ++i) {
                p.orientation[i] = number(row[i]);
                p.orientation[3 + i] = number(col[i]);
            }
        }
    }
    Float64 sy = 0, sx = 0;
    if (src->findAndGetFloat64(DCM_PixelSpacing, sy, 0).good() && src->findAndGetFloat64(DCM_PixelSpacing, sx, 1).good() &&
        sy > 0 && sx > 0)
        p.pixelSpacing = number(sy) + "\\" + number(sx);
    return p;
}

// Functional groups describing `plane` for every frame (the position goes per frame).
OFCondition addPlaneGroups(const Plane& plane, const std::function<OFCondition(const FGBase&)>& addForAll) {
    FGPixelMeasures measures;
    if (!plane.pixelSpacing.empty()) measures.setPixelSpacing(plane.pixelSpacing, OFFalse);
    FGPlaneOrientationPatient orientation;
    orientation.setImageOrientationPatient(plane.orientation[0], plane.orientation[1], plane.orientation[2],
                                           plane.orientation[3], plane.orientation[4], plane.orientation[5], OFFalse);
    OFCondition c = addForAll(measures);
    if (c.good()) c = addForAll(orientation);
    return c;
}

OFCondition setPosition(FGPlanePosPatient& position, const Plane& plane) {
    return position.setImagePositionPatient(plane.position[0], plane.position[1], plane.position[2], OFFalse);
}

// The source image and frame as a Derivation Image functional group.
FGDerivationImage* derivationOf(const Source& source, int frame, const QString& description,
                                const CodeSequenceMacro& derivationCode) {
    auto group = std::make_unique<FGDerivationImage>();
    DerivationImageItem* item = nullptr;
    if (group->addDerivationImageItem(derivationCode, of(dicomText(description, 1024, false)), item).bad() || !item)
        return nullptr;
    auto* sourceItem = new SourceImageItem();
    item->getSourceImageItems().push_back(sourceItem);
    ImageSOPInstanceReferenceMacro& ref = sourceItem->getImageSOPInstanceReference();
    ref.setReferencedSOPClassUID(of(stringOf(source.ds, DCM_SOPClassUID).toLatin1()));
    ref.setReferencedSOPInstanceUID(of(stringOf(source.ds, DCM_SOPInstanceUID).toLatin1()));
    if (source.frames > 1) ref.addReferencedFrameNumber(Uint16(frame + 1));
    sourceItem->getPurposeOfReferenceCode().set("121322", "DCM", "Source image for image processing operation");
    return group.release();
}

// What both writers do before building: checks, the source, the target.
bool prepare(const QString& path, const std::vector<float>& map, int width, int height, const ResultOptions& options,
             Overwrite mode, Source* source, QString* message) {
    if (options.sourceDicom.isEmpty())
        return fail(message, ExportText::tr("Cannot write %1: a Segmentation or Parametric Map needs a DICOM source image "
                                "(it references it); for a PNG or JPEG source export PNG, JPEG or Secondary Capture.")
                                 .arg(native(path)));
    if (width <= 0 || height <= 0 || width > 65535 || height > 65535 || map.size() != size_t(width) * size_t(height))
        return fail(message, ExportText::tr("Cannot write %1: the map (%2 x %3, %4 values) does not fit DICOM or itself.")
                                 .arg(native(path)).arg(width).arg(height).arg(map.size()));
    if (!detail::checkTarget(path, mode, message)) return false;
    if (!loadSource(options.sourceDicom, options.sourceFrame, path, source, message)) return false;
    Uint16 rows = 0, columns = 0;
    source->ds->findAndGetUint16(DCM_Rows, rows);
    source->ds->findAndGetUint16(DCM_Columns, columns);
    if (rows != height || columns != width)
        return fail(message, ExportText::tr("Cannot write %1: the map is %2 x %3 but the source image %4 is %5 x %6.")
                                 .arg(native(path)).arg(width).arg(height)
                                 .arg(native(options.sourceDicom)).arg(columns).arg(rows));
    const QString sopClass = stringOf(source->ds, DCM_SOPClassUID), sop = stringOf(source->ds, DCM_SOPInstanceUID),
                  series = stringOf(source->ds, DCM_SeriesInstanceUID);
    if (sopClass.isEmpty() || sop.isEmpty() || series.isEmpty())
        return fail(message, ExportText::tr("Cannot write %1: the source %2 lacks its SOP Class, SOP Instance or Series UID.")
                                 .arg(native(path), native(options.sourceDicom)));
    return true;
}

// What both writers do after DCMTK has written its modules: our character set, times and UIDs,
// the patient and study of the source, the references, then the atomic save.
bool finish(DcmFileFormat& file, const char* sopClass, const Source& source, const ResultOptions& options,
            const QString& seriesDescription, const QString& path, Overwrite mode, QString* message,
            QString* sopInstanceUid) {
    DcmDataset* ds = file.getDataset();
    const Stamp stamp = dicom::now();
    const QByteArray sop = newUid(SITE_INSTANCE_UID_ROOT);
    bool ok = putSopCommon(ds, sopClass, sop, stamp);
    ok &= putPatientAndStudy(source.ds, ds, options.anonymise);
    ok &= put(ds, DCM_SeriesInstanceUID, newUid(SITE_SERIES_UID_ROOT));
    ok &= put(ds, DCM_SeriesDate, stamp.date);
    ok &= put(ds, DCM_SeriesTime, stamp.time);
    ok &= put(ds, DCM_ContentDate, stamp.date);
    ok &= put(ds, DCM_ContentTime, stamp.time);
    ok &= put(ds, DCM_SeriesDescription, dicomText(seriesDescription, 64, true));
    ok &= putCommonInstanceReference(source.ds, ds);
    copyLossyMarks(source.ds, ds);
    if (!ok)
        return fail(message, ExportText::tr("Cannot write %1: the DICOM data set could not be built (out of memory?).").arg(native(path)));
    if (!saveAtomically(file, path, mode, message)) return false;
    if (sopInstanceUid) *sopInstanceUid = QString::fromLatin1(sop);
    return true;
}

QString buildError(const QString& path, const OFCondition& c) {
    return ExportText::tr("Cannot write %1: DCMTK refused the object: %2.").arg(native(path), conditionText(c));
}

QString sentenceOf(const ResultOptions& o) {
    const QString s = o.sentence.simplified();
    return s.isEmpty() ? QStringLiteral("(no sentence)") : s;
}

}  // namespace

QString algorithmName() { return QStringLiteral("CXR Ground zero-shot phrase grounding"); }
QString algorithmVersion() { return QStringLiteral(CXRG_VERSION); }

bool writeSegmentation(const QString& path, const std::vector<float>& map, int width, int height,
                       const ResultOptions& options, Overwrite mode, QString* message, QString* sopInstanceUid) {
    Source source;
    if (!prepare(path, map, width, height, options, mode, &source, message)) return false;
    const QString sentence = sentenceOf(options);
    const Plane plane = planeOf(source.ds);

    DcmSegmentation* created = nullptr;
    const IODGeneralEquipmentModule::EquipmentInfo equipment("CXR Ground", "CXR Ground", "none", of(algorithmVersion().toUtf8()));
    // DCMTK checks texts against the default repertoire while it writes (the items it builds do
    // not see our ISO_IR 192): it gets ASCII placeholders, the UTF-8 texts go in afterwards.
    const ContentIdentificationMacro content(QByteArray::number(options.instanceNumber).constData(), "GROUNDING",
                                             "CXR Ground grounding", "");
    OFCondition c = DcmSegmentation::createBinarySegmentation(created, Uint16(height), Uint16(width), equipment, content);
    if (c.bad() || !created) return fail(message, buildError(path, c));
    std::unique_ptr<DcmSegmentation> seg(created);
    seg->getSOPCommon().setSpecificCharacterSet("ISO_IR 192");
    seg->getSeries().setSeriesNumber(QByteArray::number(options.seriesNumber > 0 ? options.seriesNumber : 998).constData());
    if (!plane.frameOfReference.isEmpty()) {
        seg->getFrameOfReference().setFrameOfReferenceUID(of(plane.frameOfReference));
        c = addPlaneGroups(plane, [&](const FGBase& g) { return seg->addForAllFrames(g); });
    } else if (IODRule* rule = seg->getFrameOfReference().getRules()->getByTag(DCM_FrameOfReferenceUID)) {
        // A projection radiograph has no Frame of Reference; its segmentation then has none either
        // (PS3.3 A.51: the Frame of Reference module is conditional on the source having one).
        rule->setType("3");
    }

    DcmSegment* created2 = nullptr;
    c = DcmSegment::create(created2, "GROUNDING",
                           CodeSequenceMacro("49755003", "SCT", "Morphologically Abnormal Structure"),
                           CodeSequenceMacro("404684003", "SCT", "Clinical finding"), DcmSegTypes::SAT_AUTOMATIC,
                           of(dicomText(algorithmName(), 64, true)));
    if (c.bad() || !created2) return fail(message, buildError(path, c));
    std::unique_ptr<DcmSegment> segment(created2);
    AlgorithmIdentificationMacro& algorithm = segment->getSegmentationAlgorithmIdentification();
    algorithm.getAlgorithmFamilyCode().set("123110", "DCM", "Artificial Intelligence");
    algorithm.setAlgorithmName(of(dicomText(algorithmName(), 64, true)), OFFalse);
    algorithm.setAlgorithmVersion(of(dicomText(algorithmVersion(), 64, true)), OFFalse);
    Uint16 segmentNumber = 0;
    c = seg->addSegment(segment.get(), segmentNumber);
    if (c.bad()) return fail(message, buildError(path, c));
    segment.release();  // owned by the segmentation now

    c = seg->getDimensions().addDimensionIndex(DCM_ReferencedSegmentNumber, DcmIODUtil::createUID(0),
                                               DCM_SegmentIdentificationSequence, "ReferencedSegmentNumber");
    if (c.bad()) return fail(message, buildError(path, c));
    std::vector<Uint8> mask(map.size());
    for (size_t i = 0; i < map.size(); ++i) mask[i] = map[i] > 0.0f ? 1 : 0;  // NaN > 0 is false
    FGFrameContent frameContent;
    frameContent.setDimensionIndexValues(segmentNumber, 0);
    std::unique_ptr<FGDerivationImage> derivation(
        derivationOf(source, options.sourceFrame, QStringLiteral("Otsu mask of the zero-shot grounding heat map of the sentence"),
                     CodeSequenceMacro("113076", "DCM", "Segmentation")));
    FGPlanePosPatient position;
    OFVector<FGBase*> perFrame;
    perFrame.push_back(&frameContent);
    if (derivation) perFrame.push_back(derivation.get());
    if (!plane.frameOfReference.isEmpty()) {
        setPosition(position, plane);
        perFrame.push_back(&position);
    }
    c = seg->addFrame(mask.data(), segmentNumber, perFrame);
    if (c.bad()) return fail(message, buildError(path, c));

    DcmFileFormat file;
    c = seg->writeDataset(*file.getDataset());
    if (c.bad()) return fail(message, buildError(path, c));
    DcmDataset* ds = file.getDataset();
    if (plane.frameOfReference.isEmpty()) delete ds->remove(DCM_PositionReferenceIndicator);
    putPatientOrientation(source.ds, ds);
    bool ok = put(ds, DCM_ContentDescription, dicomText(fitted(sentence, 64), 64, true));
    DcmItem* item = firstItem(ds, DCM_SegmentSequence);
    ok &= item && put(item, DCM_SegmentLabel, dicomText(fitted(sentence, 64), 64, true)) &&
          put(item, DCM_SegmentDescription, dicomText(fitted(sentence, 1024), 1024, false));
    DcmItem* algorithmItem = firstItem(item, DCM_SegmentationAlgorithmIdentificationSequence);
    if (algorithmItem && !options.algorithmParameters.isEmpty())
        ok &= put(algorithmItem, DCM_AlgorithmParameters, dicomText(options.algorithmParameters, 10240, false));
    if (!ok) return fail(message, ExportText::tr("Cannot write %1: the DICOM data set could not be built (out of memory?).").arg(native(path)));
    return finish(file, UID_SegmentationStorage, source, options,
                  fitted(QStringLiteral("CXR Ground mask: %1").arg(sentence), 64), path, mode, message, sopInstanceUid);
}

bool writeParametricMap(const QString& path, const std::vector<float>& map, int width, int height,
                        const ResultOptions& options, Overwrite mode, QString* message, QString* sopInstanceUid) {
    Source source;
    if (!prepare(path, map, width, height, options, mode, &source, message)) return false;
    const QString sentence = sentenceOf(options);
    Plane plane = planeOf(source.ds);
    // A Parametric Map always lies in a Frame of Reference: the source's, or a new one of its own.
    if (plane.frameOfReference.isEmpty()) plane.frameOfReference = newUid(SITE_INSTANCE_UID_ROOT);

    const QByteArray modality = stringOf(source.ds, DCM_Modality).toLatin1();
    auto created = DPMParametricMapIOD::create<IODFloatingPointImagePixelModule>(
        modality.isEmpty() ? OFString("OT") : of(dicomText(QString::fromLatin1(modality), 16, true)),
        of(QByteArray::number(options.seriesNumber > 0 ? options.seriesNumber : 997)),
        of(QByteArray::number(options.instanceNumber)), Uint16(height), Uint16(width),
        IODEnhGeneralEquipmentModule::EquipmentInfo("CXR Ground", "CXR Ground", "none", of(algorithmVersion().toUtf8())),
        ContentIdentificationMacro(of(QByteArray::number(options.instanceNumber)), "GROUNDING", "CXR Ground grounding", ""),
        "STATIC", "MASKED", DPMTypes::CQ_RESEARCH);
    DPMParametricMapIOD* pmap = OFget<DPMParametricMapIOD>(&created);
    if (!pmap) return fail(message, buildError(path, *OFget<OFCondition>(&created)));
    pmap->getSOPCommon().setSpecificCharacterSet("ISO_IR 192");
    pmap->getFrameOfReference().setFrameOfReferenceUID(of(plane.frameOfReference));
    auto addForAll = [&](const FGBase& g) { return pmap->addForAllFrames(g); };
    OFCondition c = addPlaneGroups(plane, addForAll);

    FGFrameAnatomy anatomy;
    anatomy.setLaterality(FGFrameAnatomy::LATERALITY_UNPAIRED);
    anatomy.getAnatomy().getAnatomicRegion().set("43799004", "SCT", "Chest");
    if (c.good()) c = addForAll(anatomy);
    FGPixelValueTransformation identity;
    identity.setUseAsIdentityPixelValueTransformation();
    if (c.good()) c = addForAll(identity);
    FGParametricMapFrameType frameType;
    frameType.setFrameType("DERIVED\\PRIMARY\\STATIC\\MASKED");
    if (c.good()) c = addForAll(frameType);

    // Real-world values 0-1 without units; the quantity is the finding the sentence states.
    FGRealWorldValueMapping mapping;
    auto* item = new FGRealWorldValueMapping::RWVMItem();
    mapping.getRealWorldValueMapping().push_back(item);
    item->setRealWorldValueSlope(1);
    item->setRealWorldValueIntercept(0);
    item->setDoubleFloatRealWorldValueFirstValueMapped(0);
    item->setDoubleFloatRealWorldValueLastValueMapped(1);
    item->getMeasurementUnitsCode().set("1", "UCUM", "no units");
    item->setLUTExplanation("Grounding heat map");
    item->setLUTLabel("GROUNDING");
    auto* quantity = new ContentItemMacro();
    item->getEntireQuantityDefinitionSequence().push_back(quantity);
    quantity->setValueType(ContentItemMacro::VT_TEXT);
    quantity->getEntireConceptNameCodeSequence().push_back(new CodeSequenceMacro("121071", "DCM", "Finding"));
    quantity->setTextValue("(the sentence)");
    if (c.good()) c = addForAll(mapping);

    std::unique_ptr<FGDerivationImage> derivation(
        derivationOf(source, options.sourceFrame, QStringLiteral("Zero-shot grounding heat map of the sentence"),
                     CodeSequenceMacro("113076", "DCM", "Segmentation")));
    if (c.good() && derivation) c = addForAll(*derivation);
    if (c.good())
        c = pmap->getIODMultiframeDimensionModule().addDimensionIndex(DCM_ImagePositionPatient, DcmIODUtil::createUID(0),
                                                                      DCM_PlanePositionSequence, "Frame position");
    if (c.bad()) return fail(message, buildError(path, c));

    std::vector<Float32> values(map.size());
    for (size_t i = 0; i < map.size(); ++i)
        values[i] = std::isnan(map[i]) ? kPadding : std::min(1.0f, std::max(0.0f, map[i]));
    FGFrameContent frameContent;
    frameContent.setDimensionIndexValues(1, 0);
    FGPlanePosPatient position;
    setPosition(position, plane);
    OFVector<FGBase*> perFrame;
    perFrame.push_back(&frameContent);
    perFrame.push_back(&position);
    DPMParametricMapIOD::FramesType frames = pmap->getFrames();
    auto* typed = OFget<DPMParametricMapIOD::Frames<Float32>>(&frames);
    c = typed ? typed->addFrame(values.data(), values.size(), perFrame) : EC_IllegalCall;
    if (c.bad()) return fail(message, buildError(path, c));

    DcmFileFormat file;
    c = pmap->write(*file.getDataset());
    if (c.bad()) return fail(message, buildError(path, c));
    DcmDataset* ds = file.getDataset();
    // "No value" outside the analysed crop: padding value and range limit both -1 (a one-value
    // range; dciodvfy asks for the limit whenever the value is there).
    bool ok = ds->putAndInsertFloat32(DCM_FloatPixelPaddingValue, kPadding).good();
    ok &= ds->putAndInsertFloat32(DCM_FloatPixelPaddingRangeLimit, kPadding).good();
    ok &= put(ds, DCM_ContentDescription, dicomText(fitted(sentence, 64), 64, true));
    DcmItem* rwvm = firstItem(firstItem(ds, DCM_SharedFunctionalGroupsSequence), DCM_RealWorldValueMappingSequence);
    DcmItem* text = firstItem(rwvm, DCM_QuantityDefinitionSequence);
    ok &= rwvm && text && put(rwvm, DCM_LUTExplanation, dicomText(fitted(sentence, 64), 64, true)) &&
          put(text, DCM_TextValue, dicomText(sentence, 1 << 20, false));
    DcmItem* derivationItem = firstItem(firstItem(ds, DCM_SharedFunctionalGroupsSequence), DCM_DerivationImageSequence);
    if (derivationItem && !options.algorithmParameters.isEmpty())
        ok &= put(derivationItem, DCM_DerivationDescription,
                  dicomText(QStringLiteral("Zero-shot grounding heat map of the sentence; ") + options.algorithmParameters,
                            1024, false));
    if (!ok) return fail(message, ExportText::tr("Cannot write %1: the DICOM data set could not be built (out of memory?).").arg(native(path)));
    return finish(file, UID_ParametricMapStorage, source, options,
                  fitted(QStringLiteral("CXR Ground heat map: %1").arg(sentence), 64), path, mode, message, sopInstanceUid);
}

// ---- reading back --------------------------------------------------------------------------------

namespace {

// A functional group of frame `frame`: per-frame first, then shared.
DcmItem* functionalGroup(DcmItem* ds, int frame, const DcmTagKey& group) {
    if (DcmItem* g = firstItem(firstItem(ds, DCM_PerFrameFunctionalGroupsSequence, frame), group)) return g;
    return firstItem(firstItem(ds, DCM_SharedFunctionalGroupsSequence), group);
}

void readSourceReference(DcmItem* ds, int frame, ResultObject* out) {
    if (DcmItem* derivation = functionalGroup(ds, frame, DCM_DerivationImageSequence)) {
        if (DcmItem* src = firstItem(derivation, DCM_SourceImageSequence)) {
            out->sourceSopInstanceUid = stringOf(src, DCM_ReferencedSOPInstanceUID);
            out->sourceSopClassUid = stringOf(src, DCM_ReferencedSOPClassUID);
            Sint32 f = 0;
            if (src->findAndGetSint32(DCM_ReferencedFrameNumber, f).good() && f > 0) out->sourceFrame = int(f) - 1;
        }
    }
    if (out->sourceSopInstanceUid.isEmpty()) {
        DcmItem* ref = firstItem(firstItem(ds, DCM_ReferencedSeriesSequence), DCM_ReferencedInstanceSequence);
        if (!ref) ref = firstItem(ds, DCM_SourceImageSequence);
        if (ref) {
            out->sourceSopInstanceUid = stringOf(ref, DCM_ReferencedSOPInstanceUID);
            out->sourceSopClassUid = stringOf(ref, DCM_ReferencedSOPClassUID);
        }
    }
}

}  // namespace

bool isResultObject(const QString& path) {
    DcmFileFormat file;
    if (file.loadFileUntilTag(OFFilename(QFile::encodeName(path).constData()), EXS_Unknown, EGL_noChange,
                              DCM_MaxReadLength, ERM_autoDetect, DCM_SOPInstanceUID)
            .bad())
        return false;
    const QString cls = stringOf(file.getDataset(), DCM_SOPClassUID);
    return cls == QLatin1String(UID_SegmentationStorage) || cls == QLatin1String(UID_ParametricMapStorage);
}

bool readResultObject(const QString& path, ResultObject* out, QString* message) {
    DcmFileFormat file;
    OFCondition c = file.loadFile(OFFilename(QFile::encodeName(path).constData()));
    if (c.bad()) return fail(message, ExportText::tr("Cannot read %1: %2.").arg(native(path), conditionText(c)));
    DcmDataset* ds = file.getDataset();
    const QString cls = stringOf(ds, DCM_SOPClassUID);
    *out = ResultObject();
    if (cls == QLatin1String(UID_SegmentationStorage)) out->kind = ResultObject::Kind::Segmentation;
    else if (cls == QLatin1String(UID_ParametricMapStorage)) out->kind = ResultObject::Kind::ParametricMap;
    else return fail(message, ExportText::tr("%1 is neither a DICOM Segmentation nor a Parametric Map.").arg(native(path)));
    if (ds->getOriginalXfer() != EXS_LittleEndianExplicit && ds->getOriginalXfer() != EXS_LittleEndianImplicit &&
        ds->getOriginalXfer() != EXS_BigEndianExplicit) {
        DcmRLEDecoderRegistration::registerCodecs();
        if (ds->chooseRepresentation(EXS_LittleEndianExplicit, nullptr).bad())
            return fail(message, ExportText::tr("Cannot read %1: its pixel data are compressed in a form this viewer cannot decode.")
                                     .arg(native(path)));
    }
    Uint16 rows = 0, columns = 0;
    ds->findAndGetUint16(DCM_Rows, rows);
    ds->findAndGetUint16(DCM_Columns, columns);
    Sint32 frames = 1;
    if (ds->findAndGetSint32(DCM_NumberOfFrames, frames).bad() || frames < 1) frames = 1;
    if (rows == 0 || columns == 0)
        return fail(message, ExportText::tr("Cannot read %1: it declares no image size.").arg(native(path)));
    out->width = columns;
    out->height = rows;
    out->sopInstanceUid = stringOf(ds, DCM_SOPInstanceUID);
    out->studyUid = stringOf(ds, DCM_StudyInstanceUID);
    out->seriesUid = stringOf(ds, DCM_SeriesInstanceUID);
    const size_t pixels = size_t(rows) * columns;

    if (out->kind == ResultObject::Kind::Segmentation) {
        // The first segment (lowest number) and the first frame that shows it.
        DcmItem* segment = firstItem(ds, DCM_SegmentSequence);
        if (!segment) return fail(message, ExportText::tr("Cannot read %1: the Segmentation has no segment.").arg(native(path)));
        Uint16 number = 1;
        segment->findAndGetUint16(DCM_SegmentNumber, number);
        out->sentence = stringOf(segment, DCM_SegmentDescription);
        if (out->sentence.isEmpty()) out->sentence = stringOf(segment, DCM_SegmentLabel);
        int frame = -1;
        for (int f = 0; f < frames && frame < 0; ++f) {
            Uint16 n = 0;
            DcmItem* id = functionalGroup(ds, f, DCM_SegmentIdentificationSequence);
            if (!id || (id->findAndGetUint16(DCM_ReferencedSegmentNumber, n).good() && n == number)) frame = f;
        }
        if (frame < 0) return fail(message, ExportText::tr("Cannot read %1: no frame shows segment %2.").arg(native(path)).arg(number));
        readSourceReference(ds, frame, out);
        Uint16 bits = 1;
        ds->findAndGetUint16(DCM_BitsAllocated, bits);
        const Uint8* data = nullptr;
        unsigned long length = 0;
        if (ds->findAndGetUint8Array(DCM_PixelData, data, &length).bad() || !data)
            return fail(message, ExportText::tr("Cannot read %1: it has no pixel data.").arg(native(path)));
        out->values.assign(pixels, 0.0f);
        if (bits == 1) {
            const size_t first = size_t(frame) * pixels;  // binary frames are packed without padding
            if ((first + pixels + 7) / 8 > length)
                return fail(message, ExportText::tr("Cannot read %1: its pixel data are shorter than declared.").arg(native(path)));
            for (size_t i = 0; i < pixels; ++i) {
                const size_t bit = first + i;
                out->values[i] = (data[bit / 8] >> (bit % 8)) & 1 ? 1.0f : 0.0f;
            }
        } else if (bits == 8) {
            Uint16 maxFraction = 255;
            ds->findAndGetUint16(DCM_MaximumFractionalValue, maxFraction);
            if (size_t(frame + 1) * pixels > length)
                return fail(message, ExportText::tr("Cannot read %1: its pixel data are shorter than declared.").arg(native(path)));
            for (size_t i = 0; i < pixels; ++i)
                out->values[i] = data[size_t(frame) * pixels + i] * 2 >= std::max<int>(1, maxFraction) ? 1.0f : 0.0f;
        } else {
            return fail(message, ExportText::tr("Cannot read %1: %2 bits per segmentation pixel are not supported.").arg(native(path)).arg(bits));
        }
        return true;
    }

    // Parametric Map: float, double or integer pixels with a Real World Value Mapping.
    readSourceReference(ds, 0, out);
    double slope = 1, intercept = 0;
    if (DcmItem* rwvm = functionalGroup(ds, 0, DCM_RealWorldValueMappingSequence)) {
        Float64 v = 0;
        if (rwvm->findAndGetFloat64(DCM_RealWorldValueSlope, v).good()) slope = v;
        if (rwvm->findAndGetFloat64(DCM_RealWorldValueIntercept, v).good()) intercept = v;
        for (int i = 0; out->sentence.isEmpty(); ++i) {
            DcmItem* q = firstItem(rwvm, DCM_QuantityDefinitionSequence, i);
            if (!q) break;
            out->sentence = stringOf(q, DCM_TextValue);
        }
        if (out->sentence.isEmpty()) out->sentence = stringOf(rwvm, DCM_LUTExplanation);
    }
    if (out->sentence.isEmpty()) out->sentence = stringOf(ds, DCM_ContentDescription);
    out->values.assign(pixels, std::numeric_limits<float>::quiet_NaN());
    const Float32* f32 = nullptr;
    const Float64* f64 = nullptr;
    const Uint16* u16 = nullptr;
    unsigned long count = 0;
    if (ds->findAndGetFloat32Array(DCM_FloatPixelData, f32, &count).good() && f32) {
        if (count < pixels) return fail(message, ExportText::tr("Cannot read %1: its pixel data are shorter than declared.").arg(native(path)));
        Float32 pad = 0;
        const bool padded = ds->findAndGetFloat32(DCM_FloatPixelPaddingValue, pad).good();
        for (size_t i = 0; i < pixels; ++i)
            if (!(padded && f32[i] == pad) && !std::isnan(f32[i])) out->values[i] = float(f32[i] * slope + intercept);
    } else if (ds->findAndGetFloat64Array(DCM_DoubleFloatPixelData, f64, &count).good() && f64) {
        if (count < pixels) return fail(message, ExportText::tr("Cannot read %1: its pixel data are shorter than declared.").arg(native(path)));
        Float64 pad = 0;
        const bool padded = ds->findAndGetFloat64(DCM_DoubleFloatPixelPaddingValue, pad).good();
        for (size_t i = 0; i < pixels; ++i)
            if (!(padded && f64[i] == pad) && !std::isnan(f64[i])) out->values[i] = float(f64[i] * slope + intercept);
    } else if (ds->findAndGetUint16Array(DCM_PixelData, u16, &count).good() && u16) {
        if (count < pixels) return fail(message, ExportText::tr("Cannot read %1: its pixel data are shorter than declared.").arg(native(path)));
        Uint16 representation = 0;
        ds->findAndGetUint16(DCM_PixelRepresentation, representation);
        Uint16 padU = 0;
        const bool padded = ds->findAndGetUint16(DCM_PixelPaddingValue, padU).good();
        for (size_t i = 0; i < pixels; ++i) {
            if (padded && u16[i] == padU) continue;
            const double raw = representation ? double(Sint16(u16[i])) : double(u16[i]);
            out->values[i] = float(raw * slope + intercept);
        }
    } else {
        return fail(message, ExportText::tr("Cannot read %1: it has no pixel data.").arg(native(path)));
    }
    return true;
}

}  // namespace cxr::exporting
