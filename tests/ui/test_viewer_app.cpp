// cxr-viewer from the command line: --screenshot writes the window, a bad file exits non-zero.
#include "ui_test_support.h"

#include "theme.h"

#include <QProcess>
#include <QImage>
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

    // Out of the box (no model ever chosen): the bundled demo model is used, a sentence is grounded
    // and the screenshot waits for it however long it takes; --timeout gives up when asked to.
    // --steps 30: a tenth of the paper's calls (what is tested is the start-up, not the method),
    // and not remembered as the user's method setting.
    void groundsOutOfTheBoxWithTheDemoModel() {
        const QString exe = QStringLiteral(CXRG_BINARY_DIR "/app/cxr-viewer");
        QTemporaryDir tmp;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("XDG_CONFIG_HOME", tmp.path());  // a new user: no model folder set
        p.setProcessEnvironment(env);
        const QString out = tmp.filePath("grounded.png");
        p.start(exe, {data("fixture-cases/nih01_landscape_up/input.png"), "--prompt", "Small left pleural effusion", "--steps", "30",
                      "--screenshot", out, "--size", "1280x800"});
        QVERIFY(p.waitForFinished(1800000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QCOMPARE(QImage(out).size(), QSize(1280, 800));
        QVERIFY(QFile::exists(tmp.filePath("CXR Ground/cxr-viewer.conf")));
        QSettings conf(tmp.filePath("CXR Ground/cxr-viewer.conf"), QSettings::IniFormat);
        QVERIFY2(conf.value("grounding/modelDir").toString().endsWith("model-small"), qPrintable(conf.value("grounding/modelDir").toString()));
        QVERIFY(!conf.contains("grounding/steps"));  // --steps is for this run only
        // A bad --steps is refused with a message.
        p.start(exe, {data("fixture-cases/nih01_landscape_up/input.png"), "--prompt", "x", "--steps", "one", "--screenshot", tmp.filePath("no.png")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("--steps"));
        // An explicit limit is kept.
        p.start(exe, {data("fixture-cases/nih01_landscape_up/input.png"), "--prompt", "cardiomegaly", "--screenshot",
                      tmp.filePath("late.png"), "--timeout", "1"});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardError().contains("--timeout"));
        QVERIFY(!QFile::exists(tmp.filePath("late.png")));
    }

    void cleanupTestCase() {
        w.reset();
        QSettings().clear();
    }
};

QTEST_MAIN(TestViewerApp)
#include "test_viewer_app.moc"
