// The studies browser: a folder scan on a worker thread fills it, unreadable files are listed,
// selecting a file shows it.
#include "ui_test_support.h"

#include "theme.h"

#include <QTimer>

using namespace cxr;
using namespace cxr::ui;
using namespace uitest;

class TestStudiesBrowser : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w;

private Q_SLOTS:
    void initTestCase() {
        initApplication("test_studies_browser");
        applyTheme(Theme::Dark);
        w = makeWindow(QSize(1200, 900));
        QVERIFY(w);
    }

    void folderScanDoesNotBlockAndListsSkippedFiles() {
        QSignalSpy done(w.get(), &MainWindow::scanFinished);
        bool eventBeforeDone = false;
        QTimer::singleShot(0, this, [&] { eventBeforeDone = done.isEmpty(); });
        w->openFolder(data(""));
        QVERIFY(w->scanning());  // openFolder returned while the scan runs on a worker thread
        for (int i = 0; i < 600 && done.isEmpty(); ++i) done.wait(100);
        QVERIFY(!done.isEmpty());
        QVERIFY(eventBeforeDone);  // the event loop ran while the scan was still going
        QVERIFY(w->browser()->topLevelItemCount() >= 3);
        QVERIFY(!w->lastScan().skipped.empty());
        QVERIFY(w->lastError().contains("pydicom_rtplan_truncated.dcm"));
        // Selecting a file in the browser shows it.
        QTreeWidgetItem* fileItem = nullptr;
        for (QTreeWidgetItemIterator it(w->browser()); *it; ++it)
            if ((*it)->data(0, StudiesBrowser::kPathRole).toString().endsWith("txv_Fake_MONOHR1.dcm")) fileItem = *it;
        QVERIFY(fileItem);
        QSignalSpy shown(w.get(), &MainWindow::imageShown);
        w->browser()->setCurrentItem(fileItem);
        QVERIFY(shown.wait(20000));
        QVERIFY(w->currentFile().endsWith("txv_Fake_MONOHR1.dcm"));
    }

    // Entries tell files apart: the instance number first, long names elided in the middle; the
    // first image shown is the first by study, series and instance; a DICOM without an image says
    // what it lacks.
    void entriesAndOrder() {
        QVERIFY(w->browser()->textElideMode() == Qt::ElideMiddle);
        ScannedFile f;
        f.path = "/data/export/1.2.840.113619.2.55.3.604688119.969.1268071029.320.1.dcm";
        f.info.format = "DICOM";
        f.info.modality = "CR";
        f.info.instanceNumber = 7;
        QVERIFY2(StudiesBrowser::describeFile(f).startsWith("#7  1.2.840"), qPrintable(StudiesBrowser::describeFile(f)));
        // Opening a folder shows the first file in tree order.
        w->clearImage();
        QSignalSpy done(w.get(), &MainWindow::scanFinished);
        w->openFolder(data("dicom-chest"));
        QVERIFY(done.wait(60000));
        const QStringList order = w->browser()->paths();
        QVERIFY(order.size() > 3);
        QTRY_COMPARE_WITH_TIMEOUT(w->currentFile(), order.first(), 30000);
        for (const SkippedFile& s : w->lastScan().skipped) QVERIFY2(!s.reason.contains("()"), qPrintable(s.reason));
    }

    void cleanupTestCase() {
        w.reset();
        QSettings().clear();
    }
};

QTEST_MAIN(TestStudiesBrowser)
#include "test_studies_browser.moc"
