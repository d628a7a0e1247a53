// cxr-ground pacs echo|find|get|send run as a user runs it, against a real Orthanc started by the
// test: JSON lines from find, files named by SOP Instance UID from get (pixels as seeded), status
// lines from send, SEG / Parametric Map exports sent and found in the source's study; exit 1 with
// a message on every failure, exit 2 on bad arguments, and never a password on the command line.
#include "imaging/image.h"
#include "imaging/loader.h"

#include "../engine/cli_run.h"
#include "orthanc.h"
#include "stub_server.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

using namespace cxr;
using cxr::testing::Orthanc;
using cxr::testing::Run;

namespace {

const QString kData = QStringLiteral(CXRG_TEST_DATA);
const QString kExe = QStringLiteral(CXRG_BINARY_DIR "/app/cxr-ground");
const QString kDx = kData + QStringLiteral("/dicom-chest/nih_google_DX_chest_implicitLE.dcm");
const QString kJpeg = kData + QStringLiteral("/dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm");
const QString kDxStudy = QStringLiteral("1.3.6.1.4.1.11129.5.5.112507010803284478207522016832191866964708");
const QString kJpegStudy = QStringLiteral("1.2.276.0.7230010.3.1.2.8323329.6904.1517875201.850818");
const QString kJpegInstance = QStringLiteral("1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819");

// Runs cxr-ground with CXRG_PACS_PASSWORD set to `password` (unset when null).
Run run(const QStringList& args, const QString& password = QString()) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("CXRG_PACS_PASSWORD"));
    if (!password.isNull()) env.insert(QStringLiteral("CXRG_PACS_PASSWORD"), password);
    p.setProcessEnvironment(env);
    p.start(kExe, args);
    Run r;
    if (!p.waitForFinished(600000)) {
        p.kill();
        p.waitForFinished();
        r.err = "timeout";
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QList<QJsonObject> jsonLines(const QByteArray& out) {
    QList<QJsonObject> lines;
    for (const QByteArray& line : out.split('\n')) {
        if (line.trimmed().isEmpty()) continue;
        const QJsonDocument d = QJsonDocument::fromJson(line);
        if (!d.isObject()) return {};
        lines << d.object();
    }
    return lines;
}

}  // namespace

class TestCliPacs : public QObject {
    Q_OBJECT
    std::unique_ptr<Orthanc> orthanc;

    QStringList web() const { return {"--server", orthanc->dicomwebSpec(), "--user", orthanc->user}; }
    QStringList dimse() const { return {"--server", orthanc->dimseSpec(), "--aet", orthanc->ourAet}; }

private Q_SLOTS:
    void initTestCase() {
        registerCodecs();
        QString why;
        if (!Orthanc::available(&why)) QFAIL(qPrintable(why + QStringLiteral(": the PACS tests need a real Orthanc")));
    }
    void init() {
        orthanc = std::make_unique<Orthanc>();
        QString error;
        QVERIFY2(orthanc->start(&error), qPrintable(error));
        for (const QString& f : {kDx, kJpeg}) QVERIFY2(orthanc->upload(f, &error), qPrintable(error));
    }
    void cleanup() { orthanc.reset(); }

    void echoFindGet_data() {
        QTest::addColumn<bool>("useDimse");
        QTest::addColumn<bool>("move");
        QTest::newRow("dicomweb") << false << false;
        QTest::newRow("dimse-cget") << true << false;
        QTest::newRow("dimse-cmove") << true << true;
    }
    void echoFindGet() {
        QFETCH(bool, useDimse);
        QFETCH(bool, move);
        const QStringList server = useDimse ? dimse() : web();
        const QString password = useDimse ? QString() : orthanc->password;
        Run r = run(QStringList{"pacs", "echo"} + server, password);
        QVERIFY2(r.code == 0, r.err.constData());

        r = run(QStringList{"pacs", "find"} + server, password);
        QVERIFY2(r.code == 0, r.err.constData());
        QList<QJsonObject> lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 2);
        r = run(QStringList{"pacs", "find", "--patient-id", "Covid0000", "--modality", "DX"} + server, password);
        QVERIFY2(r.code == 0, r.err.constData());
        lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 1);
        const QJsonObject m = lines[0];
        QCOMPARE(m.value("study_uid").toString(), kDxStudy);
        QCOMPARE(m.value("patient_id").toString(), QStringLiteral("Covid0000"));
        QCOMPARE(m.value("patient_name").toString(), QStringLiteral("Covid0000"));
        QCOMPARE(m.value("modalities").toArray().first().toString(), QStringLiteral("DX"));
        QCOMPARE(m.value("instances").toInt(), 1);
        QVERIFY(m.contains("date"));
        r = run(QStringList{"pacs", "find", "--date", "19010101-19011231", "--level", "series"} + server, password);
        QVERIFY2(r.code == 0, r.err.constData());
        lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0].value("level").toString(), QStringLiteral("series"));
        QCOMPARE(lines[0].value("study_uid").toString(), kJpegStudy);
        QVERIFY(!lines[0].value("series_uid").toString().isEmpty());

        QTemporaryDir out;
        QStringList get{"pacs", "get", "--study", kJpegStudy, "--out", out.path()};
        if (move) get << "--move-port" << QString::number(orthanc->movePort);
        r = run(get + server, password);
        QVERIFY2(r.code == 0, r.err.constData());
        const QString file = QDir(out.path()).filePath(kJpegInstance + QStringLiteral(".dcm"));
        QCOMPARE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QFileInfo(file).fileName()});
        const LoadResult a = loadImage(file), b = loadImage(kJpeg);
        QVERIFY2(a.ok() && b.ok(), qPrintable(a.error + b.error));
        QVERIFY(a.image->stored == b.image->stored);
    }

    // export --format seg / pmap, then send them: found again in the source's study.
    void exportAndSend() {
        QTemporaryDir dir;
        const QString seg = dir.filePath("mask.dcm"), pmap = dir.filePath("map.dcm");
        for (const auto& [format, path] : {std::pair{QStringLiteral("seg"), seg}, std::pair{QStringLiteral("pmap"), pmap}}) {
            const Run e = run({"export", "--model", kData + "/model-small", "--image", kDx, "--prompt",
                               "Small left pleural effusion", "--steps", "10", "--format", format, "--out", path});
            QVERIFY2(e.code == 0, e.err.constData());
        }
        Run r = run(QStringList{"pacs", "send", seg, pmap} + web(), orthanc->password);
        QVERIFY2(r.code == 0, r.err.constData());
        const QList<QByteArray> status = r.out.trimmed().split('\n');
        QCOMPARE(status.size(), 2);
        for (const QByteArray& line : status) QVERIFY2(line.contains(": stored"), line.constData());
        r = run(QStringList{"pacs", "find", "--level", "series", "--study", kDxStudy} + dimse());
        QVERIFY2(r.code == 0, r.err.constData());
        QStringList modalities;
        for (const QJsonObject& o : jsonLines(r.out)) modalities << o.value("modalities").toArray().first().toString();
        modalities.sort();
        QCOMPARE(modalities, (QStringList{"DX", "DX", "SEG"}));  // the Parametric Map keeps the source's modality

        // Sending again over DIMSE: a file that is not DICOM gets its own status, exit 1.
        const QString junk = dir.filePath("junk.dcm");
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("junk") == 4);
        f.close();
        r = run(QStringList{"pacs", "send", seg, junk} + dimse());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains("mask.dcm: stored"), r.out.constData());
        QVERIFY2(r.out.contains("junk.dcm: not sent"), r.out.constData());
        QVERIFY2(r.err.contains("1 of 2 files were not stored"), r.err.constData());
    }

    void failuresExitOne() {
        // Wrong password, no password, unknown study, refused association, server down.
        Run r = run(QStringList{"pacs", "find"} + web(), QStringLiteral("wrong"));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("401"), r.err.constData());
        r = run({"pacs", "find", "--server", orthanc->dicomwebSpec()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("401"), r.err.constData());
        QTemporaryDir out;
        r = run(QStringList{"pacs", "get", "--study", "1.2.3.999", "--out", out.path()} + web(), orthanc->password);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("no study 1.2.3.999"), r.err.constData());
        r = run({"pacs", "echo", "--server", QStringLiteral("dimse:WRONGAET@127.0.0.1:%1").arg(orthanc->dicomPort)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("refused the association"), r.err.constData());
        const QStringList server = web();
        orthanc->stop();
        r = run(QStringList{"pacs", "echo"} + server, QStringLiteral("x"));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("refused the connection"), r.err.constData());
        // A malformed search answer from a server of our own.
        cxr::testing::StubServer stub(cxr::testing::StubServer::Mode::Answer, "{not json");
        const quint16 port = stub.listen();
        r = run({"pacs", "find", "--server", QStringLiteral("dicomweb:http://127.0.0.1:%1/dicom-web").arg(port)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("not valid JSON"), r.err.constData());
    }

    void badArgumentsExitTwo() {
        // The password is never an argument; a user needs the environment variable.
        Run r = run(QStringList{"pacs", "find", "--password", "s3cret"} + web(), orthanc->password);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("CXRG_PACS_PASSWORD"), r.err.constData());
        r = run(QStringList{"pacs", "find"} + web());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("CXRG_PACS_PASSWORD"), r.err.constData());
        for (const QStringList& args : QList<QStringList>{
                 {"pacs"},
                 {"pacs", "fetch", "--server", orthanc->dimseSpec()},
                 {"pacs", "find"},
                 {"pacs", "find", "--server", "pacs.example.org"},
                 {"pacs", "find", "--server", orthanc->dimseSpec(), "--date", "2020-01-01"},
                 {"pacs", "find", "--server", orthanc->dimseSpec(), "--level", "image"},
                 {"pacs", "get", "--server", orthanc->dimseSpec(), "--study", kDxStudy},
                 {"pacs", "get", "--server", orthanc->dicomwebSpec(), "--study", kDxStudy, "--out", "x", "--move-port", "5000"},
                 {"pacs", "send", "--server", orthanc->dimseSpec()},
                 {"pacs", "send", "--server", orthanc->dimseSpec(), "/no/such/file.dcm"},
                 {"pacs", "echo", "--server", orthanc->dimseSpec(), "--aet", "MUCH_TOO_LONG_AE_TITLE"},
             }) {
            r = run(args);
            QVERIFY2(r.code == 2, qPrintable(args.join(' ') + QStringLiteral(" -> ") + QString::number(r.code) + r.err));
            QVERIFY2(r.err.startsWith("cxr-ground: "), r.err.constData());
        }
        // export --format seg needs a DICOM source and one sentence.
        QTemporaryDir dir;
        r = run({"export", "--model", kData + "/model-small", "--image", kData + "/png-chest/nih_cxr14_00000001_000.png",
                 "--prompt", "effusion", "--format", "seg", "--out", dir.filePath("x.dcm")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("DICOM"), r.err.constData());
        r = run({"export", "--model", kData + "/model-small", "--image", kDx, "--prompt", "a", "--prompt", "b", "--format",
                 "pmap", "--out", dir.filePath("y.dcm")});
        QCOMPARE(r.code, 2);
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliPacs)
#include "test_cli_pacs.moc"
