// cxr-viewer from the command line: --screenshot writes the window, a bad file exits non-zero.
#include "ui_test_support.h"

#include "theme.h"

#include <QProcess>
#include <QTemporaryDir>

using namespace cxr;
using namespace cxr::ui;
using namespace uitest;

class TestViewerApp : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w;

private Q_SLOTS:
    void initTestCase() { initApplication("test_viewer_app"); }

    void scriptedScreenshot() {
        const QString exe = QStringLiteral(CXRG_BINARY_DIR "/app/cxr-viewer");
        QTemporaryDir tmp;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("XDG_CONFIG_HOME", tmp.path());
        p.setProcessEnvironment(env);
        const QString out = tmp.filePath("shot.png");
        p.start(exe, {data("dicom-chest/wg04_RG1_J2KI.dcm"), "--screenshot", out, "--size", "1000x700"});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QImage img(out);
        QCOMPARE(img.size(), QSize(1000, 700));
        // A bad file: exit code 1 and a message naming it.
        p.start(exe, {data("dicom-malformed/pydicom_badVR.dcm"), "--screenshot", tmp.filePath("bad.png")});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardError().contains("pydicom_badVR.dcm"));
        QVERIFY(!QFile::exists(tmp.filePath("bad.png")));
    }

    void cleanupTestCase() {
        w.reset();
        QSettings().clear();
    }
};

QTEST_MAIN(TestViewerApp)
#include "test_viewer_app.moc"
