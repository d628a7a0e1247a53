// Method settings of a grounding run: the dialog and the short texts and keys that name them.
#pragma once

#include "grounding/engine.h"

#include <QDialog>
#include <QString>

class QCheckBox;
class QLabel;
class QRadioButton;
class QLineEdit;
class QSpinBox;

namespace cxr::ui {

// Key of the results cache: image, prompt and every setting that changes the map.
// The results cache's key of a method setting run at a precision.
QString settingsKey(const grounding::Settings& s, const QString& precision);
QString settingsSummary(const grounding::Settings& s);  // short, for list entries ("50 steps, layers 3,4")
bool isPaperSettings(const grounding::Settings& s);
// " (Fast: the paper's ablation setting)", " (not the paper's settings)", or "" for the paper's.
QString methodNote(const grounding::Settings& s);

// Method settings (steps, window, layers, Otsu) for a new run.
class MethodDialog : public QDialog {
    Q_OBJECT
public:
    MethodDialog(const grounding::Settings& s, int crossAttentionLayers, QWidget* parent = nullptr);
    grounding::Settings settings() const;
    // The presets, with the paper's 8-class averages beside them: the main setting (Table I) and
    // the fast ablation setting (Table II, last row). Choosing one fills the fields; editing a
    // field makes the choice "Custom".
    enum class Preset { Paper, Fast, Custom };
    Preset preset() const;
    void choosePreset(Preset p);
    QRadioButton* presetButton(Preset p) const;
    QString problem() const;  // empty when the settings are valid
    void accept() override;

private:
    void fill(const grounding::Settings& s);
    void updatePreset();
    grounding::Settings base_;
    QRadioButton* paper_;
    QRadioButton* fast_;
    QRadioButton* custom_;
    bool filling_ = false;
    int layersAvailable_;
    QSpinBox* steps_;
    QCheckBox* autoWindow_;
    QSpinBox* start_;
    QSpinBox* end_;
    QLineEdit* layers_;
    QCheckBox* otsu_;
    QLabel* problem_;
};

}  // namespace cxr::ui
