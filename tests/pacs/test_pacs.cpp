// core/pacs against a real Orthanc (DICOMweb and DIMSE) started by the test: search, retrieve
// (pixels identical to the seeded files), send, SEG and Parametric Map found again in the source's
// study; wrong password, refused association, unknown study, server stopped mid-retrieve, cancel,
// timeouts, a bad HTTPS certificate, and malformed / endless search answers from a small server of
// the test's own.
#include "export/dicom_result.h"
#include "imaging/image.h"
#include "imaging/loader.h"
#include "pacs/pacs.h"

#include "orthanc.h"
#include "stub_server.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <cmath>
#include <limits>

using namespace cxr;
using cxr::testing::Orthanc;
using cxr::testing::StubServer;

Q_DECLARE_METATYPE(cxr::pacs::Server)

namespace {

QString data(const QString& rel) { return QStringLiteral(CXRG_TEST_DATA "/") + rel; }

const QString kDx = QStringLiteral("dicom-chest/nih_google_DX_chest_implicitLE.dcm");
const QString kJpeg = QStringLiteral("dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm");
const QString kJ2k = QStringLiteral("dicom-chest/wg04_RG1_J2KI.dcm");

QString tag(const QString& file, const DcmTagKey& key) {
    DcmFileFormat ff;
    OFString v;
    if (ff.loadFile(QFile::encodeName(file).constData()).bad()) return QString();
    ff.getDataset()->findAndGetOFStringArray(key, v);
    return QString::fromUtf8(v.c_str());
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The decoded stored pixel values of a file (our own loader).
std::vector<int32_t> pixels(const QString& path) {
    const LoadResult r = loadImage(path);
    return r.ok() ? r.image->stored : std::vector<int32_t>();
}

// A grounding map at the source's size (NaN outside a crop, a ramp, zeros below 0.35).
std::vector<float> groundingMap(int w, int h) {
    std::vector<float> map(size_t(w) * size_t(h), std::numeric_limits<float>::quiet_NaN());
    for (int y = h / 8; y < h - h / 8; ++y)
        for (int x = 0; x < w; ++x) {
            const float v = float(x + y) / float(w + h);
            map[size_t(y) * w + x] = v > 0.35f ? v : 0.0f;
        }
    return map;
}

}  // namespace

class TestPacs : public QObject {
    Q_OBJECT

    QTemporaryDir made;          // the multi-instance studies, made once
    QStringList multi;           // a small study of three instances
    QString multiStudy, multiSeries;
    QStringList big;             // a larger study (8 instances of 8 MB) for interrupted retrieves
    QString bigStudy;
    std::unique_ptr<Orthanc> orthanc;

    void transports() {
        QTest::addColumn<int>("transport");
        QTest::newRow("dicomweb") << 0;
        QTest::newRow("dimse-cget") << 1;
        QTest::newRow("dimse-cmove") << 2;
    }
    pacs::Server serverFor(int transport) const {
        if (transport == 0) return orthanc->dicomweb();
        return orthanc->dimse(transport == 1 ? pacs::RetrieveMode::Get : pacs::RetrieveMode::Move);
    }
    std::unique_ptr<pacs::Client> client(int transport) const {
        return pacs::Client::create(serverFor(transport), transport == 0 ? orthanc->password : QString());
    }

private Q_SLOTS:
    void initTestCase() {
        registerCodecs();
        QString why;
        if (!Orthanc::available(&why)) QFAIL(qPrintable(why + QStringLiteral(": the PACS tests need a real Orthanc")));
        // A study of three instances (one series), from the 440 x 440 CR sample with new UIDs.
        char uid[100];
        multiStudy = QString::fromLatin1(dcmGenerateUniqueIdentifier(uid, SITE_STUDY_UID_ROOT));
        multiSeries = QString::fromLatin1(dcmGenerateUniqueIdentifier(uid, SITE_SERIES_UID_ROOT));
        for (int i = 0; i < 3; ++i) {
            DcmFileFormat ff;
            QVERIFY(ff.loadFile(QFile::encodeName(data(QStringLiteral("dicom-chest/gdcm_CR-MONO1-10-chest_part10.dcm"))).constData()).good());
            DcmDataset* ds = ff.getDataset();
            ds->putAndInsertString(DCM_StudyInstanceUID, multiStudy.toLatin1().constData());
            ds->putAndInsertString(DCM_SeriesInstanceUID, multiSeries.toLatin1().constData());
            ds->putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT));
            ds->putAndInsertString(DCM_PatientName, "Multi^Three");
            ds->putAndInsertString(DCM_PatientID, "MULTI3");
            ds->putAndInsertString(DCM_StudyDate, "20200102");
            ds->putAndInsertString(DCM_AccessionNumber, "ACC-3");
            ds->putAndInsertString(DCM_InstanceNumber, QByteArray::number(i + 1).constData());
            // Different pixels per instance (a stripe at a different place).
            const Uint16* px = nullptr;
            unsigned long n = 0;
            QVERIFY(ds->findAndGetUint16Array(DCM_PixelData, px, &n).good());
            std::vector<Uint16> copy(px, px + n);
            for (int x = 0; x < 440; ++x) copy[size_t(100 + 50 * i) * 440 + x] = 1000;
            ds->putAndInsertUint16Array(DCM_PixelData, copy.data(), n);
            const QString path = made.filePath(QStringLiteral("multi%1.dcm").arg(i));
            QVERIFY(ff.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).good());
            multi << path;
        }
        // Eight 2048 x 2048 16-bit instances: a transfer long enough to be interrupted in the middle.
        bigStudy = QString::fromLatin1(dcmGenerateUniqueIdentifier(uid, SITE_STUDY_UID_ROOT));
        const QString bigSeries = QString::fromLatin1(dcmGenerateUniqueIdentifier(uid, SITE_SERIES_UID_ROOT));
        std::vector<Uint16> px(size_t(2048) * 2048);
        for (int i = 0; i < 8; ++i) {
            DcmFileFormat ff;
            DcmDataset* ds = ff.getDataset();
            ds->putAndInsertString(DCM_SOPClassUID, UID_DigitalXRayImageStorageForPresentation);
            ds->putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT));
            ds->putAndInsertString(DCM_StudyInstanceUID, bigStudy.toLatin1().constData());
            ds->putAndInsertString(DCM_SeriesInstanceUID, bigSeries.toLatin1().constData());
            ds->putAndInsertString(DCM_Modality, "DX");
            ds->putAndInsertString(DCM_PatientName, "Big^Eight");
            ds->putAndInsertString(DCM_PatientID, "BIG8");
            ds->putAndInsertString(DCM_InstanceNumber, QByteArray::number(i + 1).constData());
            ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
            ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
            ds->putAndInsertUint16(DCM_Rows, 2048);
            ds->putAndInsertUint16(DCM_Columns, 2048);
            ds->putAndInsertUint16(DCM_BitsAllocated, 16);
            ds->putAndInsertUint16(DCM_BitsStored, 12);
            ds->putAndInsertUint16(DCM_HighBit, 11);
            ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
            for (size_t k = 0; k < px.size(); ++k) px[k] = Uint16((k * 7 + size_t(i) * 131) & 0xFFF);
            ds->putAndInsertUint16Array(DCM_PixelData, px.data(), static_cast<unsigned long>(px.size()));
            const QString path = made.filePath(QStringLiteral("big%1.dcm").arg(i));
            QVERIFY(ff.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).good());
            big << path;
        }
    }

    // A fresh server for every test function, seeded through its REST API.
    void init() {
        // The tests against the test's own small server need no Orthanc.
        static const QSet<QByteArray> standalone{"timeout", "malformedSearchAnswer", "endlessSearchAnswer",
                                                 "untrustedCertificate", "serverSpecs"};
        if (standalone.contains(QTest::currentTestFunction())) return;
        orthanc = std::make_unique<Orthanc>();
        QString error;
        QVERIFY2(orthanc->start(&error), qPrintable(error));
        for (const QString& f : QStringList{data(kDx), data(kJpeg), data(kJ2k)} + multi)
            QVERIFY2(orthanc->upload(f, &error), qPrintable(error));
    }
    void cleanup() { orthanc.reset(); }  // stopped whatever happened in the test

    void echo_data() { transports(); }
    void echo() {
        QFETCH(int, transport);
        QString error;
        QVERIFY2(client(transport)->echo(&error), qPrintable(error));
    }

    void findStudies_data() { transports(); }
    void findStudies() {
        QFETCH(int, transport);
        auto c = client(transport);
        QString error;
        pacs::FindResult r;
        pacs::Query q;
        QVERIFY2(c->find(q, &r, &error), qPrintable(error));
        QCOMPARE(r.matches.size(), 4);

        q.patientId = QStringLiteral("MULTI3");
        QVERIFY2(c->find(q, &r, &error), qPrintable(error));
        QCOMPARE(r.matches.size(), 1);
        const pacs::Match& m = r.matches[0];
        QCOMPARE(m.studyUid, multiStudy);
        QCOMPARE(m.patientName, QStringLiteral("Multi^Three"));
        QCOMPARE(m.patientId, QStringLiteral("MULTI3"));
        QCOMPARE(m.studyDate, QStringLiteral("20200102"));
        QCOMPARE(m.accession, QStringLiteral("ACC-3"));
        QCOMPARE(m.modalities, QStringList{QStringLiteral("CR")});
        QCOMPARE(m.instances, 3);
        const QJsonObject json = m.toJson();
        for (const char* key : {"study_uid", "patient_name", "patient_id", "date", "modalities", "instances"})
            QVERIFY2(json.contains(QLatin1String(key)), key);

        q = pacs::Query();
        q.patientName = QStringLiteral("Multi*");
        QVERIFY2(c->find(q, &r, &error), qPrintable(error));
        QCOMPARE(r.matches.size(), 1);

        q = pacs::Query();
        q.dateFrom = QStringLiteral("20040101");
        q.dateTo = QStringLiteral("20201231");
        QVERIFY2(c->find(q, &r, &error), qPrintable(error));
        QSet<QString> studies;
        for (const pacs::Match& x : r.matches) studies.insert(x.studyUid);
        QCOMPARE(studies, (QSet<QString>{multiStudy, tag(data(kJ2k), DCM_StudyInstanceUID)}));

        q = pacs::Query();
        q.modality = QStringLiteral("DX");
        QVERIFY2(c->find(q, &r, &error), qPrintable(error));
        QCOMPARE(r.matches.size(), 1);
        QCOMPARE(r.matches[0].studyUid, tag(data(kDx), DCM_StudyInstanceUID));

        q = pacs::Query();
        q.accession = QStringLiteral("ACC-3");
        QVERIFY2(c->find(q, &r, &error), qPrintable(error));
        QCOMPARE(r.matches.size(), 1);

        // Series of a study, and of all matching studies.
        q = pacs::Query();
        q.level = pacs::Level::Series;
        q.studyUid = multiStudy;
        QVERIFY2(c->find(q, &r, &error), qPrintable(error));
        QCOMPARE(r.matches.size(), 1);
        QCOMPARE(r.matches[0].seriesUid, multiSeries);
        QCOMPARE(r.matches[0].instances, 3);
        QCOMPARE(r.matches[0].patientId, QStringLiteral("MULTI3"));
        q = pacs::Query();
        q.level = pacs::Level::Series;
        QVERIFY2(c->find(q, &r, &error), qPrintable(error));
        QCOMPARE(r.matches.size(), 4);

        // The limit: the first matches and the word that there are more.
        q = pacs::Query();
        q.limit = 2;
        QVERIFY2(c->find(q, &r, &error), qPrintable(error));
        QCOMPARE(r.matches.size(), 2);
        QVERIFY(r.truncated);

        // Nothing matches: no error, no match.
        q = pacs::Query();
        q.patientId = QStringLiteral("NOBODY");
        QVERIFY2(c->find(q, &r, &error), qPrintable(error));
        QVERIFY(r.matches.isEmpty());
    }

    void retrieveRoundTrip_data() { transports(); }
    void retrieveRoundTrip() {
        QFETCH(int, transport);
        auto c = client(transport);
        QTemporaryDir out;
        pacs::RetrieveResult result;
        QString error;
        QVector<pacs::Progress> seen;
        QVERIFY2(c->retrieve(multiStudy, QString(), out.path(), &result, &error,
                             [&](const pacs::Progress& p) { seen << p; }),
                 qPrintable(error));
        QCOMPARE(result.files.size(), 3);
        QVERIFY(result.missing.isEmpty());
        QVERIFY(!seen.isEmpty());
        QCOMPARE(seen.last().done, 3);
        QCOMPARE(seen.last().total, 3);
        // One file per instance, named by its SOP Instance UID, pixels as seeded.
        QStringList names = QDir(out.path()).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(names.size(), 3);
        for (const QString& seeded : multi) {
            const QString uid = tag(seeded, DCM_SOPInstanceUID);
            const QString got = QDir(out.path()).filePath(uid + QStringLiteral(".dcm"));
            QVERIFY2(QFileInfo::exists(got), qPrintable(got));
            QCOMPARE(tag(got, DCM_SOPInstanceUID), uid);
            const std::vector<int32_t> a = pixels(seeded), b = pixels(got);
            QVERIFY(!a.empty());
            QVERIFY(a == b);
        }
        // A lossy JPEG and a JPEG 2000 instance come back as stored: same bytes.
        for (const QString& rel : {kJpeg, kJ2k}) {
            QTemporaryDir one;
            QVERIFY2(c->retrieve(tag(data(rel), DCM_StudyInstanceUID), QString(), one.path(), &result, &error), qPrintable(error));
            QCOMPARE(result.files.size(), 1);
            QVERIFY(pixels(result.files[0]) == pixels(data(rel)));
            QCOMPARE(tag(result.files[0], DCM_SOPInstanceUID), tag(data(rel), DCM_SOPInstanceUID));
            if (transport == 0) QCOMPARE(readAll(result.files[0]), readAll(data(rel)));
        }
        // One series only.
        QTemporaryDir series;
        QVERIFY2(c->retrieve(multiStudy, multiSeries, series.path(), &result, &error), qPrintable(error));
        QCOMPARE(result.files.size(), 3);
        // Retrieving again transfers nothing: the files are there.
        seen.clear();
        QHash<QString, QDateTime> before;
        for (const QString& f : result.files) before.insert(f, QFileInfo(f).lastModified());
        QVERIFY2(c->retrieve(multiStudy, multiSeries, series.path(), &result, &error,
                             [&](const pacs::Progress& p) { seen << p; }),
                 qPrintable(error));
        QCOMPARE(result.files.size(), 3);
        QVERIFY(seen.isEmpty());
        for (const QString& f : result.files) QCOMPARE(QFileInfo(f).lastModified(), before.value(f));
    }

    void unknownStudy_data() { transports(); }
    void unknownStudy() {
        QFETCH(int, transport);
        QTemporaryDir out;
        pacs::RetrieveResult result;
        QString error;
        QVERIFY(!client(transport)->retrieve(QStringLiteral("1.2.3.4.5.6.7.8"), QString(), out.path(), &result, &error));
        QVERIFY2(error.contains(QLatin1String("no study 1.2.3.4.5.6.7.8")), qPrintable(error));
        QVERIFY(QDir(out.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
        QVERIFY(!client(transport)->retrieve(QStringLiteral("not-a-uid"), QString(), out.path(), &result, &error));
        QVERIFY2(error.contains(QLatin1String("not-a-uid")), qPrintable(error));
    }

    // The server dies after the first instance: the call fails, names what is missing, keeps
    // what arrived.
    void serverStoppedMidRetrieve_data() { transports(); }
    void serverStoppedMidRetrieve() {
        QFETCH(int, transport);
        QString error;
        for (const QString& f : big) QVERIFY2(orthanc->upload(f, &error), qPrintable(error));
        auto c = client(transport);
        QTemporaryDir out;
        pacs::RetrieveResult result;
        QElapsedTimer t;
        t.start();
        const bool ok = c->retrieve(bigStudy, QString(), out.path(), &result, &error, [&](const pacs::Progress& p) {
            if (p.done >= 1 && orthanc->running()) orthanc->kill();
        });
        QVERIFY(!ok);
        QVERIFY(!orthanc->running());
        QVERIFY2(t.elapsed() < 60000, "a dead server must not hang the retrieve");
        QVERIFY2(!result.missing.isEmpty() && result.files.size() + result.missing.size() == 8, qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("%1 of 8 instances are missing").arg(result.missing.size())), qPrintable(error));
        for (const QString& uid : result.missing.mid(0, 5)) QVERIFY2(error.contains(uid), qPrintable(error));
        for (const QString& f : result.files) QVERIFY(QFileInfo(f).size() > 0);
        // No temporary leftovers.
        for (const QString& name : QDir(out.path()).entryList(QDir::Files | QDir::Hidden))
            QVERIFY2(!name.endsWith(QLatin1String(".part")), qPrintable(name));
    }

    void cancel_data() { transports(); }
    void cancel() {
        QFETCH(int, transport);
        QString error;
        for (const QString& f : big) QVERIFY2(orthanc->upload(f, &error), qPrintable(error));
        auto c = client(transport);
        QTemporaryDir out;
        pacs::RetrieveResult result;
        std::atomic_bool cancelled{false};
        QVERIFY(!c->retrieve(bigStudy, QString(), out.path(), &result, &error,
                             [&](const pacs::Progress& p) {
                                 if (p.done >= 1) cancelled = true;
                             },
                             &cancelled));
        QCOMPARE(error, pacs::cancelledMessage());
        QVERIFY2(result.files.size() < 8, qPrintable(QString::number(result.files.size())));
        // The server is fine afterwards and a new retrieve completes the folder.
        QVERIFY2(c->retrieve(bigStudy, QString(), out.path(), &result, &error), qPrintable(error));
        QCOMPARE(result.files.size(), 8);
    }

    // Send: a SEG and a Parametric Map of a seeded image go to the server and are found again
    // in the source's study; a non-DICOM file gets its own status.
    void sendResults_data() { transports(); }
    void sendResults() {
        QFETCH(int, transport);
        auto c = client(transport);
        QTemporaryDir dir;
        const QString source = data(kDx);
        exporting::ResultOptions o;
        o.sourceDicom = source;
        o.sentence = QStringLiteral("Small left pleural effusion");
        o.algorithmParameters = QStringLiteral("steps=300");
        const std::vector<float> map = groundingMap(1024, 1024);
        QString error;
        const QString seg = dir.filePath(QStringLiteral("seg.dcm")), pmap = dir.filePath(QStringLiteral("pmap.dcm")),
                      junk = dir.filePath(QStringLiteral("notes.txt"));
        QVERIFY2(exporting::writeSegmentation(seg, map, 1024, 1024, o, exporting::Overwrite::Refuse, &error), qPrintable(error));
        QVERIFY2(exporting::writeParametricMap(pmap, map, 1024, 1024, o, exporting::Overwrite::Refuse, &error), qPrintable(error));
        QFile j(junk);
        QVERIFY(j.open(QIODevice::WriteOnly) && j.write("not DICOM") > 0);
        j.close();
        QVector<pacs::StoreResult> results;
        QVERIFY2(c->store({seg, pmap, junk}, &results, &error), qPrintable(error));
        QCOMPARE(results.size(), 3);
        QVERIFY2(results[0].ok, qPrintable(results[0].status));
        QVERIFY2(results[1].ok, qPrintable(results[1].status));
        QVERIFY(!results[2].ok);
        QVERIFY2(results[2].status.contains(QLatin1String("not a readable DICOM")), qPrintable(results[2].status));
        QCOMPARE(results[0].sopInstanceUid, tag(seg, DCM_SOPInstanceUID));

        // Found again as new series of the source's study.
        pacs::Query q;
        q.level = pacs::Level::Series;
        q.studyUid = tag(source, DCM_StudyInstanceUID);
        pacs::FindResult r;
        QVERIFY2(c->find(q, &r, &error), qPrintable(error));
        QCOMPARE(r.matches.size(), 3);
        QSet<QString> series;
        for (const pacs::Match& m : r.matches) series.insert(m.seriesUid);
        QVERIFY(series.contains(tag(seg, DCM_SeriesInstanceUID)));
        QVERIFY(series.contains(tag(pmap, DCM_SeriesInstanceUID)));
        q.modality = QStringLiteral("SEG");
        QVERIFY2(c->find(q, &r, &error), qPrintable(error));
        QCOMPARE(r.matches.size(), 1);

        // Retrieved back, they show the same result again.
        QTemporaryDir back;
        pacs::RetrieveResult got;
        QVERIFY2(c->retrieve(q.studyUid, tag(seg, DCM_SeriesInstanceUID), back.path(), &got, &error), qPrintable(error));
        QCOMPARE(got.files.size(), 1);
        exporting::ResultObject object;
        QVERIFY2(exporting::readResultObject(got.files[0], &object, &error), qPrintable(error));
        QCOMPARE(object.sentence, o.sentence);
        QCOMPARE(object.sourceSopInstanceUid, tag(source, DCM_SOPInstanceUID));
        size_t wrong = 0;
        for (size_t i = 0; i < map.size(); ++i) wrong += object.values[i] != (map[i] > 0 ? 1.0f : 0.0f);
        QCOMPARE(wrong, size_t(0));
        QVERIFY2(c->retrieve(q.studyUid, tag(pmap, DCM_SeriesInstanceUID), back.path(), &got, &error), qPrintable(error));
        QVERIFY2(exporting::readResultObject(back.filePath(tag(pmap, DCM_SOPInstanceUID) + QStringLiteral(".dcm")), &object, &error),
                 qPrintable(error));
        QVERIFY(object.kind == exporting::ResultObject::Kind::ParametricMap);
        QCOMPARE(object.sentence, o.sentence);
        wrong = 0;
        for (size_t i = 0; i < map.size(); ++i)
            wrong += std::isnan(map[i]) ? !std::isnan(object.values[i]) : std::abs(object.values[i] - map[i]) > 1e-7f;
        QCOMPARE(wrong, size_t(0));
    }

    void wrongPassword() {
        pacs::Server s = orthanc->dicomweb();
        QString error;
        pacs::FindResult r;
        QVERIFY(!pacs::Client::create(s, QStringLiteral("wrong"))->find(pacs::Query(), &r, &error));
        QVERIFY2(error.contains(QLatin1String("401")) && error.contains(s.user), qPrintable(error));
        s.user.clear();
        QVERIFY(!pacs::Client::create(s)->find(pacs::Query(), &r, &error));
        QVERIFY2(error.contains(QLatin1String("401")), qPrintable(error));
        pacs::RetrieveResult got;
        QTemporaryDir out;
        QVERIFY(!pacs::Client::create(orthanc->dicomweb(), QStringLiteral("wrong"))->retrieve(multiStudy, QString(), out.path(), &got, &error));
        QVERIFY2(error.contains(QLatin1String("401")), qPrintable(error));
        QVector<pacs::StoreResult> stored;
        QVERIFY(!pacs::Client::create(orthanc->dicomweb(), QStringLiteral("wrong"))->store({data(kDx)}, &stored, &error));
        QVERIFY2(error.contains(QLatin1String("401")), qPrintable(error));
    }

    void refusedAssociation() {
        pacs::Server s = orthanc->dimse();
        s.calledAet = QStringLiteral("NOTORTHANC");
        QString error;
        QVERIFY(!pacs::Client::create(s)->echo(&error));
        QVERIFY2(error.contains(QLatin1String("refused the association")), qPrintable(error));
        // Our AE title unknown to the server: C-MOVE has nowhere to send.
        s = orthanc->dimse(pacs::RetrieveMode::Move);
        s.callingAet = QStringLiteral("STRANGER");
        pacs::RetrieveResult got;
        QTemporaryDir out;
        QVERIFY(!pacs::Client::create(s)->retrieve(multiStudy, QString(), out.path(), &got, &error));
        QVERIFY2(error.contains(QLatin1String("STRANGER")), qPrintable(error));
    }

    void serverDown() {
        const pacs::Server web = orthanc->dicomweb(), dimse = orthanc->dimse();
        orthanc->stop();
        QString error;
        QVERIFY(!pacs::Client::create(web, orthanc->password)->echo(&error));
        QVERIFY2(error.contains(QLatin1String("refused the connection")), qPrintable(error));
        QVERIFY(!pacs::Client::create(dimse)->echo(&error));
        QVERIFY2(error.contains(QLatin1String("connection refused")), qPrintable(error));
    }

    // A server that accepts the connection and never answers: a timeout, not a hang.
    void timeout() {
        StubServer silent(StubServer::Mode::Silent);
        const quint16 port = silent.listen();
        QVERIFY(port);
        pacs::Server web;
        QVERIFY(pacs::parseServer(QStringLiteral("dicomweb:http://127.0.0.1:%1/dicom-web").arg(port), &web, nullptr));
        web.timeoutSeconds = 2;
        pacs::Server dimse;
        QVERIFY(pacs::parseServer(QStringLiteral("dimse:SILENT@127.0.0.1:%1").arg(port), &dimse, nullptr));
        dimse.timeoutSeconds = 2;
        for (const pacs::Server& s : {web, dimse}) {
            QElapsedTimer t;
            t.start();
            QString error;
            pacs::FindResult r;
            QVERIFY(!pacs::Client::create(s)->find(pacs::Query(), &r, &error));
            QVERIFY2(error.contains(QLatin1String("within 2 s")) || error.contains(QLatin1String("timeout"), Qt::CaseInsensitive),
                     qPrintable(error));
            QVERIFY2(t.elapsed() < 20000, qPrintable(QString::number(t.elapsed())));
        }
    }

    // What Orthanc will not send: malformed and endless search answers.
    void malformedSearchAnswer_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not-json") << QByteArray("<html>Gateway error</html>") << QStringLiteral("not valid JSON");
        QTest::newRow("truncated-json") << QByteArray(R"([{"0020000D":{"vr":"UI","Value":["1.2.3"]})") << QStringLiteral("not valid JSON");
        QTest::newRow("object-not-list") << QByteArray(R"({"0020000D":{"vr":"UI"}})") << QStringLiteral("not a DICOM JSON list");
        QTest::newRow("list-of-numbers") << QByteArray("[1,2,3]") << QStringLiteral("not a DICOM JSON list");
        QTest::newRow("match-without-uid") << QByteArray(R"([{"00100010":{"vr":"PN","Value":[{"Alphabetic":"No^Uid"}]}}])")
                                           << QStringLiteral("without a valid UID");
        QTest::newRow("uid-with-path") << QByteArray(R"([{"0020000D":{"vr":"UI","Value":["../../etc"]}}])")
                                       << QStringLiteral("without a valid UID");
    }
    void malformedSearchAnswer() {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        StubServer stub(StubServer::Mode::Answer, body);
        const quint16 port = stub.listen();
        pacs::Server s;
        QVERIFY(pacs::parseServer(QStringLiteral("dicomweb:http://127.0.0.1:%1/dicom-web").arg(port), &s, nullptr));
        QString error;
        pacs::FindResult r;
        QVERIFY(!pacs::Client::create(s)->find(pacs::Query(), &r, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(r.matches.isEmpty());
    }

    void endlessSearchAnswer() {
        StubServer stub(StubServer::Mode::Endless);
        const quint16 port = stub.listen();
        pacs::Server s;
        QVERIFY(pacs::parseServer(QStringLiteral("dicomweb:http://127.0.0.1:%1/dicom-web").arg(port), &s, nullptr));
        QString error;
        pacs::FindResult r;
        QElapsedTimer t;
        t.start();
        QVERIFY(!pacs::Client::create(s)->find(pacs::Query(), &r, &error));
        QVERIFY2(error.contains(QLatin1String("larger than 32 MiB")), qPrintable(error));
        QVERIFY(stub.bytesSent() < (200ll << 20));  // we stopped reading, it did not fill our memory
        QVERIFY2(t.elapsed() < 60000, qPrintable(QString::number(t.elapsed())));
    }

    // HTTPS verifies certificates: a self-signed one is a clear message, not a silent bypass.
    void untrustedCertificate() {
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem")), key = dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                                                  "-days", "2", "-subj", "/CN=127.0.0.1"});
        if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0)
            QFAIL("openssl (apt package openssl) is needed to make the test certificate");
        StubServer tls(StubServer::Mode::Tls, QByteArray("[]"));
        tls.setCertificate(cert, key);
        const quint16 port = tls.listen();
        pacs::Server s;
        QVERIFY(pacs::parseServer(QStringLiteral("dicomweb:https://127.0.0.1:%1/dicom-web").arg(port), &s, nullptr));
        s.timeoutSeconds = 10;
        QString error;
        pacs::FindResult r;
        QVERIFY(!pacs::Client::create(s)->find(pacs::Query(), &r, &error));
        QVERIFY2(error.contains(QLatin1String("certificate")) && error.contains(QLatin1String("not trusted")), qPrintable(error));
    }

    void serverSpecs() {
        pacs::Server s;
        QString error;
        QVERIFY(pacs::parseServer(QStringLiteral("dimse:ORTHANC@pacs.example.org:4242"), &s, &error));
        QVERIFY(s.kind == pacs::Kind::Dimse);
        QCOMPARE(s.calledAet, QStringLiteral("ORTHANC"));
        QCOMPARE(s.host, QStringLiteral("pacs.example.org"));
        QCOMPARE(int(s.port), 4242);
        QCOMPARE(s.spec(), QStringLiteral("dimse:ORTHANC@pacs.example.org:4242"));
        QVERIFY(pacs::parseServer(QStringLiteral("dicomweb:https://pacs.example.org/dicom-web/"), &s, &error));
        QCOMPARE(s.url.toString(), QStringLiteral("https://pacs.example.org/dicom-web"));
        for (const char* bad : {"dimse:ORTHANC@host", "dimse:@host:104", "dimse:TOO_LONG_AE_TITLE_X@h:1", "dimse:A@h:70000",
                                "dicomweb:ftp://host/x", "dicomweb:http://user:pw@host/dicom-web", "http://host/dicom-web", ""}) {
            QVERIFY2(!pacs::parseServer(QString::fromLatin1(bad), &s, &error), bad);
            QVERIFY(!error.isEmpty());
        }
        pacs::Query q;
        q.dateFrom = QStringLiteral("20201340");
        QVERIFY(!pacs::validateQuery(q, &error));
        q = pacs::Query();
        q.patientName = QStringLiteral("a\\b");
        QVERIFY(!pacs::validateQuery(q, &error));
        q = pacs::Query();
        q.dateFrom = QStringLiteral("20210101");
        q.dateTo = QStringLiteral("20200101");
        QVERIFY(!pacs::validateQuery(q, &error));
    }
};

QTEST_GUILESS_MAIN(TestPacs)
#include "test_pacs.moc"
