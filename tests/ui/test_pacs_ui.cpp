// The viewer's PACS parts against a real Orthanc started by the test: the PACS panel (search,
// series on expanding, retrieve into the cache with progress, a cached study opens without a
// transfer even with the server gone, cancel, a refused password), Settings > PACS (no password
// in the settings file), SEG / Parametric Map export and opening them over their source image,
// and File > Send to PACS.
#include "dialogs.h"
#include "export/dicom_result.h"
#include "pacs_panel.h"
#include "pacs_send.h"
#include "pacs_servers.h"
#include "ui_test_support.h"

#include "../pacs/orthanc.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <cmath>

using namespace cxr;
using namespace cxr::ui;
using namespace uitest;
using cxr::testing::Orthanc;

namespace {

const QString kDx = QStringLiteral("dicom-chest/nih_google_DX_chest_implicitLE.dcm");
const QString kJpeg = QStringLiteral("dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm");

QString tag(const QString& file, const DcmTagKey& key) {
    DcmFileFormat ff;
    OFString v;
    if (ff.loadFile(QFile::encodeName(file).constData()).bad()) return QString();
    ff.getDataset()->findAndGetOFStringArray(key, v);
    return QString::fromUtf8(v.c_str());
}

template <typename Pred>
bool waitFor(Pred p, int ms = 60000) {
    for (int i = 0; i < ms / 50 && !p(); ++i) QTest::qWait(50);
    return p();
}

}  // namespace

class TestPacsUi : public QObject {
    Q_OBJECT
    std::unique_ptr<Orthanc> orthanc;
    QTemporaryDir cache;

    // Two servers in the settings: the Orthanc over DICOMweb (with its user) and over DIMSE.
    void configure(const QString& password) {
        PacsServerEntry web;
        web.name = QStringLiteral("Orthanc web");
        web.kind = pacs::Kind::DicomWeb;
        web.address = QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(orthanc->httpPort);
        web.user = orthanc->user;
        web.ourAet = orthanc->ourAet;
        PacsServerEntry dimse;
        dimse.name = QStringLiteral("Orthanc DIMSE");
        dimse.kind = pacs::Kind::Dimse;
        dimse.address = QStringLiteral("%1@127.0.0.1:%2").arg(orthanc->aet).arg(orthanc->dicomPort);
        dimse.ourAet = orthanc->ourAet;
        dimse.retrieve = pacs::RetrieveMode::Move;
        dimse.movePort = orthanc->movePort;
        savePacsServers({web, dimse});
        // This session's password (the test machine has no keychain: kept in memory only).
        bool written = false;
        writePacsPassword(web, password, this, [&](const QString&) { written = true; });
        QVERIFY(waitFor([&] { return written; }));
    }

private Q_SLOTS:
    void initTestCase() {
        initApplication("test_pacs_ui");
        registerCodecs();
        QString why;
        if (!Orthanc::available(&why)) QFAIL(qPrintable(why + QStringLiteral(": the PACS tests need a real Orthanc")));
    }
    void init() {
        orthanc = std::make_unique<Orthanc>();
        QString error;
        QVERIFY2(orthanc->start(&error), qPrintable(error));
        for (const QString& f : {data(kDx), data(kJpeg)}) QVERIFY2(orthanc->upload(f, &error), qPrintable(error));
    }
    void cleanup() { orthanc.reset(); }

    void panelSearchRetrieveAndCache() {
        configure(orthanc->password);
        QTemporaryDir cacheDir;
        PacsPanel panel;
        panel.setCacheRoot(cacheDir.path());
        panel.show();
        QCOMPARE(panel.serverBox()->count(), 2);
        for (int server : {0, 1}) {
            panel.serverBox()->setCurrentIndex(server);
            QSignalSpy searched(&panel, &PacsPanel::searchFinished);
            panel.modalityBox()->setCurrentText(QStringLiteral("DX"));
            panel.search();
            QVERIFY(waitFor([&] { return !searched.isEmpty(); }));
            QVERIFY2(panel.lastError().isEmpty(), qPrintable(panel.lastError()));
            QCOMPARE(panel.results()->topLevelItemCount(), 1);
            QTreeWidgetItem* study = panel.results()->topLevelItem(0);
            QCOMPARE(study->data(0, PacsPanel::kStudyRole).toString(), tag(data(kDx), DCM_StudyInstanceUID));
            QVERIFY(study->text(0).contains(QLatin1String("Covid0000")));
            // Series on expanding.
            study->setExpanded(true);
            QVERIFY(waitFor([&] { return study->data(0, PacsPanel::kLoadedRole).toBool() && !panel.busy(); }));
            QCOMPARE(study->childCount(), 1);
            QCOMPARE(study->child(0)->data(0, PacsPanel::kSeriesRole).toString(), tag(data(kDx), DCM_SeriesInstanceUID));
            // Double-click: retrieved into the cache, then opened.
            QSignalSpy ready(&panel, &PacsPanel::filesReady);
            QSignalSpy finished(&panel, &PacsPanel::retrieveFinished);
            panel.retrieve(study);
            QVERIFY(waitFor([&] { return !finished.isEmpty(); }));
            QVERIFY2(finished.first().first().toBool(), qPrintable(panel.lastError()));
            QCOMPARE(ready.size(), 1);
            const QStringList files = ready.first().first().toStringList();
            QCOMPARE(files.size(), 1);
            QVERIFY(files.first().startsWith(cacheDir.path()));
            QCOMPARE(tag(files.first(), DCM_SOPInstanceUID), tag(data(kDx), DCM_SOPInstanceUID));
            QVERIFY(!ready.first().at(1).toBool());  // transferred, not from the cache
            panel.modalityBox()->setCurrentIndex(0);
        }
        // The server gone: the retrieved study still opens, from the cache, without a transfer.
        QTreeWidgetItem* study = panel.results()->topLevelItem(0);
        QVERIFY(!study->icon(0).isNull());  // marked as in the cache
        orthanc->stop();
        QSignalSpy ready(&panel, &PacsPanel::filesReady);
        panel.retrieve(study);
        QCOMPARE(ready.size(), 1);  // at once
        QVERIFY(ready.first().at(1).toBool());
        QVERIFY2(panel.statusText().contains(QLatin1String("local cache")), qPrintable(panel.statusText()));
        // A search now fails with a message naming the server.
        QSignalSpy errors(&panel, &PacsPanel::errorOccurred);
        panel.search();
        QVERIFY(waitFor([&] { return !errors.isEmpty(); }));
        QVERIFY2(errors.first().first().toString().contains(QLatin1String("Cannot connect")), qPrintable(errors.first().first().toString()));
    }

    void panelRefusedPassword() {
        configure(QStringLiteral("not the password"));
        PacsPanel panel;
        QSignalSpy errors(&panel, &PacsPanel::errorOccurred);
        panel.search();
        QVERIFY(waitFor([&] { return !errors.isEmpty(); }));
        QVERIFY2(errors.first().first().toString().contains(QLatin1String("HTTP 401")), qPrintable(errors.first().first().toString()));
        QCOMPARE(panel.results()->topLevelItemCount(), 0);
    }

    void panelCancel() {
        // Twelve 8 MB instances: time to cancel in the middle.
        QTemporaryDir made;
        char uid[100];
        const QString study = QString::fromLatin1(dcmGenerateUniqueIdentifier(uid, SITE_STUDY_UID_ROOT));
        const QString series = QString::fromLatin1(dcmGenerateUniqueIdentifier(uid, SITE_SERIES_UID_ROOT));
        std::vector<Uint16> px(size_t(2048) * 2048, 100);
        for (int i = 0; i < 12; ++i) {
            DcmFileFormat ff;
            DcmDataset* ds = ff.getDataset();
            ds->putAndInsertString(DCM_SOPClassUID, UID_DigitalXRayImageStorageForPresentation);
            ds->putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT));
            ds->putAndInsertString(DCM_StudyInstanceUID, study.toLatin1().constData());
            ds->putAndInsertString(DCM_SeriesInstanceUID, series.toLatin1().constData());
            ds->putAndInsertString(DCM_Modality, "DX");
            ds->putAndInsertString(DCM_PatientID, "BIG12");
            for (auto [t, v] : {std::pair{DCM_SamplesPerPixel, 1}, {DCM_Rows, 2048}, {DCM_Columns, 2048}, {DCM_BitsAllocated, 16},
                                {DCM_BitsStored, 12}, {DCM_HighBit, 11}, {DCM_PixelRepresentation, 0}})
                ds->putAndInsertUint16(t, Uint16(v));
            ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
            ds->putAndInsertUint16Array(DCM_PixelData, px.data(), static_cast<unsigned long>(px.size()));
            const QString path = made.filePath(QStringLiteral("%1.dcm").arg(i));
            QVERIFY(ff.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).good());
            QString error;
            QVERIFY2(orthanc->upload(path, &error), qPrintable(error));
        }
        configure(orthanc->password);
        QTemporaryDir cacheDir;
        PacsPanel panel;
        panel.setCacheRoot(cacheDir.path());
        QSignalSpy searched(&panel, &PacsPanel::searchFinished);
        panel.patientIdEdit()->setText(QStringLiteral("BIG12"));
        panel.search();
        QVERIFY(waitFor([&] { return !searched.isEmpty(); }));
        QCOMPARE(panel.results()->topLevelItemCount(), 1);
        QSignalSpy finished(&panel, &PacsPanel::retrieveFinished);
        QSignalSpy ready(&panel, &PacsPanel::filesReady);
        panel.retrieve(panel.results()->topLevelItem(0));
        QVERIFY(waitFor([&] { return panel.progressBar()->maximum() == 12 && panel.progressBar()->value() >= 1; }));
        QVERIFY(panel.cancelButton()->isEnabled());
        panel.cancelButton()->click();
        QVERIFY(waitFor([&] { return !finished.isEmpty(); }));
        QVERIFY(!finished.first().first().toBool());
        QVERIFY(ready.isEmpty());
        QVERIFY2(panel.statusText().contains(QLatin1String("cancelled")), qPrintable(panel.statusText()));
        QVERIFY(panel.searchButton()->isEnabled());
    }

    // Settings > PACS: servers in the settings file, the password never.
    void settingsKeepNoPassword() {
        QSettings().remove(QStringLiteral("pacs"));
        SettingsDialog d;
        d.showPacsPage();
        PacsServersEditor* editor = d.pacsEditor();
        QVERIFY(editor);
        editor->addButton()->click();
        editor->nameEdit()->setText(QStringLiteral("Reading room PACS"));
        Q_EMIT editor->nameEdit()->textEdited(editor->nameEdit()->text());
        editor->addressEdit()->setText(QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(orthanc->httpPort));
        Q_EMIT editor->addressEdit()->textEdited(editor->addressEdit()->text());
        editor->userEdit()->setText(orthanc->user);
        Q_EMIT editor->userEdit()->textEdited(editor->userEdit()->text());
        editor->passwordEdit()->setText(QStringLiteral("Very$ecret-77"));
        Q_EMIT editor->passwordEdit()->textEdited(editor->passwordEdit()->text());
        // Test connection: the wrong password is refused, in words.
        editor->testButton()->click();
        QVERIFY(waitFor([&] { return editor->testButton()->isEnabled() && !editor->testResult()->text().startsWith(QLatin1String("Connecting")); }));
        QVERIFY2(editor->testResult()->text().contains(QLatin1String("401")), qPrintable(editor->testResult()->text()));
        d.accept();
        const QVector<PacsServerEntry> saved = loadPacsServers();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved[0].name, QStringLiteral("Reading room PACS"));
        QCOMPARE(saved[0].user, orthanc->user);
        QSettings s;
        s.sync();
        QFile file(s.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(content.contains("Reading room PACS"));
        QVERIFY2(!content.contains("Very$ecret-77") && !content.contains("ecret-77"), content.constData());
    }

    // Export as SEG / Parametric Map, open them over the source again, and send them.
    void resultsOpenExportAndSend() {
        configure(orthanc->password);
        auto w = makeWindow(QSize(1300, 900));
        QVERIFY(w);
        QVERIFY2(loadTestModel(*w), qPrintable(w->groundingPanel()->lastError()));
        QVERIFY(waitShown(*w, data(kDx)));
        grounding::Settings s30;
        s30.steps = 30;
        w->groundingPanel()->setMethodSettings(s30);
        QVERIFY2(groundAndWait(w->groundingPanel(), {"Small left pleural effusion"}), qPrintable(w->groundingPanel()->lastError()));
        const grounding::PromptResult computed = w->groundingPanel()->result(0);

        QTemporaryDir dir;
        QFile::copy(data(kDx), dir.filePath(QStringLiteral("source.dcm")));
        QString message;
        const QString seg = dir.filePath(QStringLiteral("mask.dcm")), pmap = dir.filePath(QStringLiteral("map.dcm"));
        QVERIFY2(w->exportView(seg, QStringLiteral("seg"), true, false, false, &message), qPrintable(message));
        QVERIFY2(w->exportView(pmap, QStringLiteral("pmap"), true, false, false, &message), qPrintable(message));
        exporting::ResultObject object;
        QVERIFY2(exporting::readResultObject(seg, &object, &message), qPrintable(message));
        QCOMPARE(object.sentence, QStringLiteral("Small left pleural effusion"));
        size_t wrong = 0;
        for (size_t i = 0; i < computed.original.size(); ++i) wrong += object.values[i] != (computed.original[i] > 0 ? 1.0f : 0.0f);
        QCOMPARE(wrong, size_t(0));

        // Opened from their folder (beside a copy of the source): the source with the result.
        QVERIFY(waitShown(*w, data(kJpeg)));  // another image first: the result brings its source back
        QSignalSpy shown(w.get(), &MainWindow::resultShown);
        w->showFile(pmap);
        QVERIFY(waitFor([&] { return !shown.isEmpty(); }));
        QCOMPARE(shown.first().first().toString(), QStringLiteral("Small left pleural effusion"));
        QCOMPARE(QFileInfo(w->currentFile()).fileName(), QStringLiteral("source.dcm"));
        const GroundedPrompt* e = w->groundingPanel()->displayedEntry();
        QVERIFY(e);
        QVERIFY2(e->name.contains(QLatin1String("Parametric Map")), qPrintable(e->name));
        QVERIFY(!e->maskOnly);
        wrong = 0;
        for (size_t i = 0; i < computed.original.size(); ++i)
            wrong += std::isnan(computed.original[i]) ? !std::isnan(e->result->original[i])
                                                      : std::abs(e->result->original[i] - computed.original[i]) > 1e-6f;
        QCOMPARE(wrong, size_t(0));
        QVERIFY(w->heatAction()->isChecked());
        w->showFile(seg);
        QVERIFY(waitFor([&] { return shown.size() == 2; }));
        QCOMPARE(w->groundingPanel()->resultCount(), 2);
        QVERIFY(w->groundingPanel()->displayedEntry()->maskOnly);
        // The same object again: selected, not added twice.
        w->showFile(seg);
        QVERIFY(waitFor([&] { return shown.size() == 3; }));
        QCOMPARE(w->groundingPanel()->resultCount(), 2);

        // Without its source nearby: a message that says what to do.
        QTemporaryDir alone;
        QFile::copy(seg, alone.filePath(QStringLiteral("lonely.dcm")));
        QSignalSpy failed(w.get(), &MainWindow::loadFailed);
        w->showFile(alone.filePath(QStringLiteral("lonely.dcm")));
        QVERIFY(waitFor([&] { return !failed.isEmpty(); }));
        QVERIFY2(failed.first().at(1).toString().contains(QLatin1String("not open")), qPrintable(failed.first().at(1).toString()));

        // File > Send to PACS over DIMSE: all three objects stored in the source's study.
        QVERIFY(waitShown(*w, data(kDx)));
        QVERIFY2(groundAndWait(w->groundingPanel(), {"Small left pleural effusion"}), qPrintable(w->groundingPanel()->lastError()));
        SendToPacsDialog send(w.get());
        send.serverBox()->setCurrentIndex(1);
        QVERIFY(send.segmentationBox()->isEnabled() && send.parametricMapBox()->isEnabled());
        QSignalSpy sent(&send, &SendToPacsDialog::finished);
        send.send();
        QVERIFY(waitFor([&] { return !sent.isEmpty(); }));
        QVERIFY2(sent.first().first().toBool(), qPrintable(send.resultText()));
        QVERIFY2(send.resultText().contains(QLatin1String("Segmentation: stored")), qPrintable(send.resultText()));
        pacs::Query q;
        q.level = pacs::Level::Series;
        q.studyUid = tag(data(kDx), DCM_StudyInstanceUID);
        pacs::FindResult found;
        QVERIFY2(pacs::Client::create(orthanc->dimse())->find(q, &found, &message), qPrintable(message));
        QStringList modalities;
        for (const pacs::Match& m : found.matches) modalities << m.modalities.value(0);
        modalities.sort();
        QCOMPARE(modalities, (QStringList{"DX", "DX", "OT", "SEG"}));  // source, Parametric Map, Secondary Capture, SEG
        QVERIFY(w->sendToPacsAction());
        QVERIFY(w->sourcesTabs()->indexOf(w->pacsPanel()) >= 0);
        screenshot(w.get(), QStringLiteral("pacs-results.png"));
    }
};

QTEST_MAIN(TestPacsUi)
#include "test_pacs_ui.moc"
