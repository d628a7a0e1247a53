// The DICOM tag browser: search by name and tag, values shown as literal text.
#include "ui_test_support.h"

#include "dialogs.h"
#include "theme.h"

#include <QLineEdit>
#include <QTemporaryDir>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

using namespace cxr;
using namespace cxr::ui;
using namespace uitest;

class TestTagDialog : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w;

private Q_SLOTS:
    void initTestCase() {
        initApplication("test_tag_dialog");
        applyTheme(Theme::Dark);
        w = makeWindow(QSize(1200, 900));
        QVERIFY(w);
    }

    void tagBrowserSearchesAndKeepsMarkupLiteral() {
        QTemporaryDir tmp;
        const QString p = tmp.filePath("markup.dcm");
        {
            DcmFileFormat ff;
            DcmDataset* ds = ff.getDataset();
            char uid[100];
            ds->putAndInsertString(DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
            ds->putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid));
            ds->putAndInsertString(DCM_PatientName, "<script>alert(1)</script>^<b>bold</b>");
            ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
            ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
            ds->putAndInsertUint16(DCM_Rows, 4);
            ds->putAndInsertUint16(DCM_Columns, 4);
            ds->putAndInsertUint16(DCM_BitsAllocated, 8);
            ds->putAndInsertUint16(DCM_BitsStored, 8);
            ds->putAndInsertUint16(DCM_HighBit, 7);
            ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
            const Uint8 px[16] = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150};
            ds->putAndInsertUint8Array(DCM_PixelData, px, 16);
            QVERIFY(ff.saveFile(QFile::encodeName(p).constData(), EXS_LittleEndianExplicit).good());
        }
        QVERIFY(waitShown(*w, p));
        TagDialog* d = w->tagDialog();
        d->showFile(p);
        const int all = d->visibleRows();
        QVERIFY(all > 10);
        d->searchField()->setText("PatientName");
        QCOMPARE(d->visibleRows(), 1);
        QCOMPARE(d->valueAt(0), QString("<script>alert(1)</script>^<b>bold</b>"));
        d->searchField()->setText("0028,0010");  // by tag
        QCOMPARE(d->visibleRows(), 1);
        d->searchField()->clear();
        QCOMPARE(d->visibleRows(), all);
        if (!qEnvironmentVariableIsEmpty("CXRG_SCREENSHOT_DIR")) {
            d->showFile(data("dicom-chest/wg04_RG1_J2KI.dcm"));
            d->resize(900, 600);
            d->show();
            QVERIFY(QTest::qWaitForWindowExposed(d));
            QVERIFY(screenshot(d, "tag-browser.png"));
            d->hide();
        }
    }

    void cleanupTestCase() {
        w.reset();
        QSettings().clear();
    }
};

QTEST_MAIN(TestTagDialog)
#include "test_tag_dialog.moc"
