// The main window (offscreen): status read-out, toolbar, bad files, shortcuts, multi-frame files,
// recent files.
#include "ui_test_support.h"

#include "dialogs.h"
#include "theme.h"
#include "viewport.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLibraryInfo>
#include <QLocale>
#include <QPushButton>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTranslator>
#include <QToolBar>
#include <QWidgetAction>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

using namespace cxr;
using namespace cxr::ui;
using namespace uitest;

class TestMainWindow : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w;

private Q_SLOTS:
    void initTestCase() {
        initApplication("test_main_window");
        applyTheme(Theme::Dark);
        w = makeWindow(QSize(1200, 900));
        QVERIFY(w);
    }

    void statusShowsOriginalPixelAndValues() {
        QVERIFY(waitShown(*w, data("dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm")));
        Viewport* v = w->viewport();
        v->fit();
        const PointF s = v->geometry().imageToScreen({100.5, 200.5});
        sendMouse(v, QEvent::MouseMove, QPointF(s.x, s.y), Qt::NoButton, Qt::NoButton);
        QVERIFY2(w->statusText().contains("x 100  y 200"), qPrintable(w->statusText()));
        const int32_t stored = v->image()->storedAt(100, 200);
        QVERIFY2(w->statusText().contains(QStringLiteral("stored %1").arg(stored)), qPrintable(w->statusText()));
        QVERIFY(w->statusText().contains("mm/px"));  // Pixel Spacing 0.168
    }

    void toolbarActionsHaveIcons() {
        auto* tb = w->findChild<QToolBar*>("mainToolbar");
        QVERIFY(tb);
        int buttons = 0;
        for (QAction* a : tb->actions()) {
            if (a->isSeparator() || qobject_cast<QWidgetAction*>(a)) continue;
            ++buttons;
            QVERIFY2(!a->icon().pixmap(24, 24).isNull(), qPrintable(a->text()));
        }
        QVERIFY(buttons >= 8);
    }

    // Every file of the folder of nasty files, each with what it must do: most are refused with a
    // message naming them (the image shown stays); a few are damaged in ways a reader tolerates and
    // must show their pixels. A file that changes sides fails this test.
    void badFilesShowAClearMessageAndKeepTheImage_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("decodes");
        const QStringList tolerated{"pydicom_J2K_pixelrep_mismatch.dcm"};  // decodes: a tolerable mismatch (test_imaging checks its pixels)
        for (const QString& f : QDir(data("dicom-malformed")).entryList(QDir::Files))
            QTest::newRow(qPrintable(f)) << "dicom-malformed/" + f << tolerated.contains(f);
        QTest::newRow("truncated") << "dicom-derived/cr10chest_TRUNCATED-pixeldata.dcm" << false;
    }

    void badFilesShowAClearMessageAndKeepTheImage() {
        QFETCH(QString, file);
        QFETCH(bool, decodes);
        QVERIFY(waitShown(*w, data("png-chest/nih_cxr14_00027426_000.png")));
        const bool shown = waitShown(*w, data(file));
        QCOMPARE(shown, decodes);
        if (decodes) {
            QCOMPARE(w->currentFile(), data(file));
            const auto img = w->viewport()->image();
            QVERIFY(img && img->width > 0 && img->stored.size() == size_t(img->width) * img->height * img->channels);
            return;
        }
        QVERIFY2(w->lastError().contains(QFileInfo(file).fileName()), qPrintable(w->lastError()));
        QVERIFY(w->viewport()->hasImage());
        QVERIFY(w->currentFile().endsWith("nih_cxr14_00027426_000.png"));
    }

    void shortcutsDialogListsEveryShortcut() {
        const auto rows = ShortcutsDialog::rows(w->shortcutActions());
        for (QAction* a : w->shortcutActions()) QVERIFY2(!a->shortcuts().isEmpty(), qPrintable(a->text()));
        QCOMPARE(rows.size(), w->shortcutActions().size());
        bool invert = false;
        for (const auto& [name, keys] : rows)
            if (keys == "I") invert = true;
        QVERIFY(invert);
    }

    void multiFrameFilesShowAFrameSelector() {
        QTemporaryDir tmp;
        const QString p = tmp.filePath("mf.dcm");
        {
            DcmFileFormat ff;
            DcmDataset* ds = ff.getDataset();
            char uid[100];
            ds->putAndInsertString(DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
            ds->putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid));
            ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
            ds->putAndInsertString(DCM_NumberOfFrames, "3");
            ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
            ds->putAndInsertUint16(DCM_Rows, 8);
            ds->putAndInsertUint16(DCM_Columns, 8);
            ds->putAndInsertUint16(DCM_BitsAllocated, 8);
            ds->putAndInsertUint16(DCM_BitsStored, 8);
            ds->putAndInsertUint16(DCM_HighBit, 7);
            ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
            Uint8 px[3 * 64];
            for (int i = 0; i < 3 * 64; ++i) px[i] = Uint8((i / 64) * 100 + (i % 64));
            ds->putAndInsertUint8Array(DCM_PixelData, px, 3 * 64);
            QVERIFY(ff.saveFile(QFile::encodeName(p).constData(), EXS_LittleEndianExplicit).good());
        }
        QVERIFY(waitShown(*w, p));
        QCOMPARE(w->viewport()->image()->storedAt(1, 0), 1);
        QSignalSpy shown(w.get(), &MainWindow::imageShown);
        w->showFile(p, 2);
        QVERIFY(shown.wait(20000));
        QCOMPARE(w->viewport()->image()->storedAt(1, 0), 201);
    }

    void recentFilesKeepTheNewestFirst() {
        RecentFiles::clear();
        for (int i = 0; i < 12; ++i) RecentFiles::add(QStringLiteral("/tmp/file%1.dcm").arg(i));
        const QStringList l = RecentFiles::list();
        QCOMPARE(l.size(), RecentFiles::kMax);
        QCOMPARE(l.first(), QString("/tmp/file11.dcm"));
        RecentFiles::remove("/tmp/file11.dcm");
        QCOMPARE(RecentFiles::list().first(), QString("/tmp/file10.dcm"));
    }

    // Several files opened together: every failure once, in one list; the first good file shown.
    void failedOpensAreListedOnce() {
        QTemporaryDir tmp;
        QFile txt(tmp.filePath("notes.dcm"));
        QVERIFY(txt.open(QIODevice::WriteOnly));
        txt.write("not a DICOM file at all");
        txt.close();
        const QString bad1 = data("dicom-malformed/pydicom_rtplan_truncated.dcm"), bad2 = txt.fileName();
        const QString good = data("png-chest/nih_cxr14_00027426_000.png");
        QSignalSpy scanned(w.get(), &MainWindow::scanFinished);
        w->openFiles({bad1, good, bad2});
        QVERIFY(scanned.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(w->currentFile(), good, 30000);
        const QString err = w->lastError();
        QVERIFY2(err.startsWith("2 file(s) could not be opened."), qPrintable(err));
        QCOMPARE(err.count("pydicom_rtplan_truncated.dcm"), 1);
        QCOMPARE(err.count("notes.dcm"), 1);
    }

    // Never an image that is not the selected one: opening another patient whose files all fail
    // takes the previous image off the screen, and nothing can be grounded on it.
    void previousPatientsImageGoesWhenTheBrowserEmpties() {
        QVERIFY(waitShown(*w, data("png-chest/nih_cxr14_00027426_000.png")));
        QSignalSpy scanned(w.get(), &MainWindow::scanFinished);
        w->openFiles({data("dicom-malformed/pydicom_rtplan_truncated.dcm")});
        QVERIFY(scanned.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(!w->loading(), 30000);
        QCOMPARE(w->browser()->topLevelItemCount(), 0);
        QVERIFY(!w->viewport()->hasImage());
        QVERIFY(w->currentFile().isEmpty());
        QCOMPARE(w->windowTitle(), QString("CXR Ground"));
        QVERIFY(!w->groundingPanel()->groundButton()->isEnabled());
        w->groundingPanel()->ground({"effusion"});
        QVERIFY(!w->groundingPanel()->busy());
        QVERIFY(w->groundingPanel()->lastError().contains("No image"));
        // A file selected in the browser that fails to load: the selection goes back to the shown one.
        QSignalSpy again(w.get(), &MainWindow::scanFinished);
        w->openFolder(data("dicom-chest"));
        QVERIFY(again.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!w->currentFile().isEmpty() && !w->loading(), 30000);
        QCOMPARE(w->browser()->currentItem()->data(0, StudiesBrowser::kPathRole).toString(), w->currentFile());
    }

    // PACS exports have no extension: "All files" is the default filter of File > Open.
    void openDialogShowsAllFilesFirst() {
        QVERIFY(MainWindow::openFilters().first().contains("(*)"));
    }

    // After a right-drag the Window list says "Custom" with the values; a preset brings it back.
    void windowListShowsCustomAfterADrag() {
        QVERIFY(waitShown(*w, data("dicom-chest/siim_nih_CR_chest_jpegbaseline.dcm")));
        auto* presets = w->findChild<QToolBar*>("mainToolbar")->findChild<QComboBox*>();
        QVERIFY(presets);
        QCOMPARE(presets->currentIndex(), 0);
        Viewport* v = w->viewport();
        const QPointF p0(v->width() / 2.0, v->height() / 2.0);
        sendMouse(v, QEvent::MouseButtonPress, p0, Qt::RightButton, Qt::RightButton);
        sendMouse(v, QEvent::MouseMove, p0 + QPointF(-120, 30), Qt::NoButton, Qt::RightButton);
        sendMouse(v, QEvent::MouseButtonRelease, p0 + QPointF(-120, 30), Qt::RightButton, Qt::NoButton);
        QVERIFY2(presets->currentText().startsWith("Custom (C "), qPrintable(presets->currentText()));
        QVERIFY(presets->currentText().contains(QString::number(v->display().window.width, 'f', 0)));
        v->resetDisplay();
        QCOMPARE(presets->currentIndex(), 0);
    }

    // Export proposes study date, study, series and the prompt, in the last export folder.
    void exportNameFromStudySeriesAndDate() {
        QVERIFY(waitShown(*w, data("dicom-chest/highdicom_dx_thorax_veterinary.dcm")));  // study 2020-01-25, series 1001 CHEST
        QTemporaryDir tmp;
        QSettings().setValue("export/lastDir", tmp.path());
        const QString path = w->suggestedExportPath("png");
        QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(tmp.path()).absoluteFilePath());
        QVERIFY2(QFileInfo(path).fileName().startsWith("20200125_"), qPrintable(path));
        QVERIFY2(path.contains("_S1001_CHEST_") && path.endsWith("_cxr-ground.png"), qPrintable(path));
        QSettings().remove("export/lastDir");  // without one: the image's folder
        QCOMPARE(QFileInfo(w->suggestedExportPath("jpg")).absolutePath(), QFileInfo(data("dicom-chest")).absoluteFilePath());
    }

    // German: Qt's own buttons are German, shortcuts use the German key names, and the toolbar
    // fits a 1280-pixel window.
    void germanFitsAndNamesKeys() {
        QTranslator ours, qt;
        QVERIFY(ours.load(":/i18n/cxr_de.qm"));
        QVERIFY2(qt.load(QLocale(QLocale::German), "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
                 "qtbase_de.qm is missing: install qt6-translations-l10n (installer/setup.sh lists it)");
        QCoreApplication::installTranslator(&ours);
        QCoreApplication::installTranslator(&qt);
        {
            QDialogButtonBox box(QDialogButtonBox::Cancel);
            QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QString("Abbrechen"));
            MainWindow de;
            de.setShowErrorDialogs(false);
            de.resize(1280, 800);
            de.show();
            QVERIFY(QTest::qWaitForWindowExposed(&de));
            QVERIFY(waitShown(de, data("png-chest/nih_cxr14_00027426_000.png")));
            auto* tb = de.findChild<QToolBar*>("mainToolbar");
            QVERIFY(tb->sizeHint().width() <= de.width());
            auto* extension = tb->findChild<QToolButton*>("qt_toolbar_ext_button");
            QVERIFY(!extension || !extension->isVisible());  // nothing pushed into the overflow menu
            bool strg = false;
            for (const auto& [name, keys] : ShortcutsDialog::rows(de.shortcutActions())) strg = strg || keys.startsWith("Strg+");
            QVERIFY(strg);
        }
        QCoreApplication::removeTranslator(&qt);
        QCoreApplication::removeTranslator(&ours);
    }

    void cleanupTestCase() {
        w.reset();
        QSettings().clear();
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
