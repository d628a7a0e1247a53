// The method dialog's presets: the paper's main setting (the default) and the fast ablation
// setting, each with the paper's 8-class averages shown; editing a field makes it "Custom".
#include "ui_test_support.h"

#include "method_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>

using namespace cxr;
using namespace cxr::ui;
using namespace uitest;
using Preset = MethodDialog::Preset;

class TestMethodDialog : public QObject {
    Q_OBJECT

    static QString allText(const QWidget& d) {
        QStringList t;
        for (const QLabel* l : d.findChildren<QLabel*>()) t << l->text();
        return t.join('\n');
    }

private Q_SLOTS:
    void initTestCase() { initApplication("test_method_dialog"); }

    void presetsShowThePapersNumbers() {
        MethodDialog d(grounding::Settings(), 11);
        QCOMPARE(d.preset(), Preset::Paper);  // the default is the paper's main setting
        QVERIFY(d.presetButton(Preset::Paper)->isChecked());
        const QString text = allText(d);
        // Table I (main setting) and Table II's last row (fast), so the user chooses knowingly.
        QVERIFY2(text.contains("mIoU 22.8 %") && text.contains("|CNR| 0.92") && text.contains("Table I"), qPrintable(text));
        QVERIFY2(text.contains("mIoU 20.4 %") && text.contains("CNR 0.75") && text.contains("Table II, last row"), qPrintable(text));
        QCOMPARE(d.presetButton(Preset::Fast)->text(), QString("Fast (the paper's ablation setting)"));
        QCOMPARE(d.presetButton(Preset::Paper)->text(), QString("Paper (main setting)"));
    }

    void choosingAPresetFillsTheFields() {
        MethodDialog d(grounding::Settings(), 11);
        d.show();
        QTest::mouseClick(d.presetButton(Preset::Fast), Qt::LeftButton);
        QCOMPARE(d.preset(), Preset::Fast);
        QCOMPARE(d.settings(), grounding::fastPreset());
        QCOMPARE(d.settings().steps, 100);
        QCOMPARE(d.settings().resolvedStart(), 40);
        QCOMPARE(d.settings().resolvedEnd(), 60);
        QCOMPARE(d.settings().layers, (std::vector<int>{3, 4, 5, 6, 7, 8}));
        QVERIFY(d.settings().otsu);
        QVERIFY(d.problem().isEmpty());

        // Editing a field: "Custom".
        auto* steps = d.findChild<QSpinBox*>();
        QVERIFY(steps);
        steps->setValue(120);
        QCOMPARE(d.preset(), Preset::Custom);
        steps->setValue(100);
        QCOMPARE(d.preset(), Preset::Fast);  // back to the preset's values: the preset again

        // Restore Defaults: the paper's main setting.
        auto* box = d.findChild<QDialogButtonBox*>();
        QTest::mouseClick(box->button(QDialogButtonBox::RestoreDefaults), Qt::LeftButton);
        QCOMPARE(d.preset(), Preset::Paper);
        QCOMPARE(d.settings(), grounding::Settings());
        screenshot(&d, "method-presets.png");
    }

    void openedOnTheFastSettingShowsIt() {
        MethodDialog d(grounding::fastPreset(), 11);
        QCOMPARE(d.preset(), Preset::Fast);
        grounding::Settings odd;
        odd.layers = {3, 4};
        MethodDialog custom(odd, 11);
        QCOMPARE(custom.preset(), Preset::Custom);
        // A re-run keeps an attribution category whatever the preset.
        grounding::Settings attributed;
        attributed.attribution = "Pleural Effusion";
        MethodDialog a(attributed, 11);
        QCOMPARE(a.preset(), Preset::Paper);
        QTest::mouseClick(a.presetButton(Preset::Fast), Qt::LeftButton);
        QCOMPARE(a.settings().attribution, std::string("Pleural Effusion"));
        QCOMPARE(a.settings().steps, 100);
    }

    // The panel names the preset in use; a preset for this session only is not remembered.
    void thePanelSaysWhichSetting() {
        GroundingPanel panel;
        panel.setMethodSettings(grounding::fastPreset(), /*remember=*/false);
        const QStringList labels = [&] {
            QStringList t;
            for (const QLabel* l : panel.findChildren<QLabel*>()) t << l->text();
            return t;
        }();
        QVERIFY2(labels.join('\n').contains("Method: 100 steps, calls 40-59, layers 3,4,5,6,7,8 (Fast: the paper's ablation setting)"),
                 qPrintable(labels.join('\n')));
        QVERIFY(!QSettings().contains("grounding/steps"));
        panel.setMethodSettings(grounding::fastPreset());
        QCOMPARE(QSettings().value("grounding/steps").toInt(), 100);
    }
};

QTEST_MAIN(TestMethodDialog)
#include "test_method_dialog.moc"
