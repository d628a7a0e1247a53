// Method settings of a grounding run: the dialog and the short texts and keys that name them.
#pragma once

#include "grounding/engine.h"

#include <QDialog>
#include <QString>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace cxr::ui {

// Key of the results cache: image, prompt and every setting that changes the map.
QString settingsKey(const grounding::Settings& s);
QString settingsSummary(const grounding::Settings& s);  // short, for list entries ("50 steps, layers 3,4")
bool isPaperSettings(const grounding::Settings& s);

// Method settings (steps, window, layers, Otsu) for a new run.
class MethodDialog : public QDialog {
    Q_OBJECT
public:
    MethodDialog(const grounding::Settings& s, int crossAttentionLayers, QWidget* parent = nullptr);
    grounding::Settings settings() const;
    QString problem() const;  // empty when the settings are valid
    void accept() override;

private:
    grounding::Settings base_;
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
