// The model download dialog: a dead server and a folder in use give a clear message and touch
// nothing (the downloader itself: tests/core test_download).
#include "ui_test_support.h"

#include "download_dialog.h"

#include <QFile>
#include <QTemporaryDir>

using namespace cxr;
using namespace cxr::ui;
using namespace uitest;

class TestDownloadDialog : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w;

private Q_SLOTS:
    void initTestCase() {
        initApplication("test_download_dialog");
        w = makeWindow(QSize(1300, 900));
        QVERIFY(w);
    }

    void downloadDialogRefusesAFullFolder() {
        // The downloader itself is tested against a local HTTP server (test_download); here the
        // dialog shows its message and never touches an existing model folder.
        QTemporaryDir tmp;
        QFile marker(tmp.filePath("keep.txt"));
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.write("user data");
        marker.close();
        DownloadDialog d(w.get());
        download::Sources local;
        local.bundleBaseUrl = local.textBaseUrl = "http://127.0.0.1:9/none";
        d.setSources(local);
        d.setTarget(tmp.path());
        d.start();
        QTRY_VERIFY_WITH_TIMEOUT(!d.running(), 30000);
        QVERIFY(!d.succeeded());
        QVERIFY2(d.message().contains(QDir::cleanPath(tmp.path())), qPrintable(d.message()));
        d.show();
        QVERIFY(screenshot(&d, "download.png"));
        d.hide();
        QVERIFY(QFile::exists(tmp.filePath("keep.txt")));
        QVERIFY(!QFile::exists(download::stagingFolder(tmp.path())));
    }

    void cleanupTestCase() {
        w.reset();
        QSettings().clear();
    }
};

QTEST_MAIN(TestDownloadDialog)
#include "test_download_dialog.moc"
