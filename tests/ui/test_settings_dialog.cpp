// Settings > Model: a folder is checked and every problem named; runtime choices offered.
#include "ui_test_support.h"

#include "dialogs.h"

#include <QFile>
#include <QLineEdit>
#include <QTabWidget>
#include <QTemporaryDir>

using namespace cxr;
using namespace cxr::ui;
using namespace uitest;

class TestSettingsDialog : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w;

private Q_SLOTS:
    void initTestCase() {
        initApplication("test_settings_dialog");
        w = makeWindow(QSize(1300, 900));
        QVERIFY(w);
    }

    void settingsModelPageExplainsTheFolder() {
        SettingsDialog d(w.get());
        d.showModelPage();
        QCOMPARE(d.tabs()->currentIndex(), 1);
        QSignalSpy checked(&d, &SettingsDialog::modelChecked);
        QTemporaryDir empty;
        d.modelFolderEdit()->setText(empty.path());
        QTRY_VERIFY_WITH_TIMEOUT(!d.checking(), 30000);
        QVERIFY(!d.modelFolderUsable());
        QVERIFY2(d.modelReport().contains("cannot be used") && d.modelReport().contains("configs/inference.json") &&
                     d.modelReport().contains("missing"),
                 qPrintable(d.modelReport()));
        d.modelFolderEdit()->setText(data("model-small"));
        QTRY_VERIFY_WITH_TIMEOUT(!d.checking(), 30000);
        QVERIFY2(d.modelFolderUsable(), qPrintable(d.modelReport()));
        QVERIFY(d.modelReport().startsWith("Usable"));
        d.show();
        QVERIFY(screenshot(&d, "settings-model.png"));
        d.hide();
        // A wrong tensor shape is named.
        QTemporaryDir broken;
        QVERIFY(QDir().mkpath(broken.filePath("configs")));
        QVERIFY(QFile::copy(data("model-small/configs/inference.json"), broken.filePath("configs/inference.json")));
        d.modelFolderEdit()->setText(broken.path());
        QTRY_VERIFY_WITH_TIMEOUT(!d.checking(), 30000);
        QVERIFY(!d.modelFolderUsable());
        QVERIFY2(d.modelReport().contains("models/diffusion_model.pth"), qPrintable(d.modelReport()));
        // CPU is always offered; the reduced precisions need CUDA.
        QCOMPARE(d.device(), QString("cpu"));
        QCOMPARE(d.precision(), QString("fp32"));
        QCOMPARE(d.threads(), 0);
    }

    void cleanupTestCase() {
        w.reset();
        QSettings().clear();
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "test_settings_dialog.moc"
