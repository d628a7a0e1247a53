#include "method_dialog.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cxr::ui {

QString settingsKey(const grounding::Settings& s, const QString& precision) {
    QStringList layers;
    for (int l : s.layers) layers << QString::number(l);
    return QStringLiteral("steps=%1;window=%2-%3;layers=%4;otsu=%5;attribution=%6;precision=%7")
        .arg(s.steps)
        .arg(s.resolvedStart())
        .arg(s.resolvedEnd())
        .arg(layers.join(QLatin1Char(',')))
        .arg(s.otsu ? 1 : 0)
        .arg(QString::fromStdString(s.attribution), precision);
}

bool isPaperSettings(const grounding::Settings& s) {
    const grounding::Settings paper;
    return s == paper;
}

QString methodNote(const grounding::Settings& s) {
    if (isPaperSettings(s)) return QString();
    if (s == grounding::fastPreset())
        return QCoreApplication::translate("cxr::ui::GroundingPanel", " (Fast: the paper's ablation setting)");
    return QCoreApplication::translate("cxr::ui::GroundingPanel", " (not the paper's settings)");
}

QString settingsSummary(const grounding::Settings& s) {
    QStringList layers;
    for (int l : s.layers) layers << QString::number(l);
    QString t = QCoreApplication::translate("cxr::ui::GroundingPanel", "%1 steps, calls %2-%3, layers %4")
                    .arg(s.steps)
                    .arg(s.resolvedStart())
                    .arg(s.resolvedEnd() - 1)
                    .arg(layers.join(QLatin1Char(',')));
    if (!s.otsu) t += QCoreApplication::translate("cxr::ui::GroundingPanel", ", no Otsu");
    return t;
}

MethodDialog::MethodDialog(const grounding::Settings& s, int crossAttentionLayers, QWidget* parent)
    : QDialog(parent), base_(s), layersAvailable_(crossAttentionLayers) {
    setWindowTitle(tr("Method settings"));
    auto* lay = new QVBoxLayout(this);
    // The presets with what the paper reports for them (8-class averages on MS-CXR), so that the
    // faster one is chosen knowingly.
    auto* presets = new QGroupBox(tr("Preset"), this);
    auto* play = new QVBoxLayout(presets);
    auto addPreset = [&](const QString& title, const QString& details) {
        auto* b = new QRadioButton(title, presets);
        play->addWidget(b);
        auto* l = new QLabel(details, presets);
        l->setWordWrap(true);
        l->setTextFormat(Qt::PlainText);
        l->setIndent(24);
        play->addWidget(l);
        return b;
    };
    paper_ = addPreset(tr("Paper (main setting)"),
                       tr("300 steps, calls 120-179, layers 3, 4, 6, 7, Otsu mask. The paper reports mIoU 22.8 % and "
                          "|CNR| 0.92 (Table I, average of 8 classes). UNet calls: 180 for the first sentence on an "
                          "image, 60 for each further one."));
    fast_ = addPreset(tr("Fast (the paper's ablation setting)"),
                      tr("100 steps, calls 40-59, layers 3-8, Otsu mask. The paper reports mIoU 20.4 % and CNR 0.75 "
                         "(Table II, last row, average of 8 classes). UNet calls: 60 for the first sentence, 20 for "
                         "each further one: about three times faster."));
    custom_ = addPreset(tr("Custom"), tr("The settings below."));
    lay->addWidget(presets);
    auto* form = new QFormLayout;
    steps_ = new QSpinBox(this);
    steps_->setRange(10, 1000);
    form->addRow(tr("Inversion steps:"), steps_);
    autoWindow_ = new QCheckBox(tr("Window from the steps (middle fifth)"), this);
    form->addRow(autoWindow_);
    start_ = new QSpinBox(this);
    end_ = new QSpinBox(this);
    start_->setRange(0, 2000);
    end_->setRange(1, 2000);
    form->addRow(tr("First call of the window:"), start_);
    form->addRow(tr("Last call of the window:"), end_);
    layers_ = new QLineEdit(this);
    layers_->setToolTip(tr("Cross-attention layers in execution order, counted from 0 (this model has %1).").arg(crossAttentionLayers));
    form->addRow(tr("Layers:"), layers_);
    otsu_ = new QCheckBox(tr("Mask the map with its Otsu threshold"), this);
    form->addRow(otsu_);
    lay->addLayout(form);
    problem_ = new QLabel(this);
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #ff6b6b;"));
    lay->addWidget(problem_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    lay->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] { choosePreset(Preset::Paper); });
    connect(paper_, &QRadioButton::clicked, this, [this] { choosePreset(Preset::Paper); });
    connect(fast_, &QRadioButton::clicked, this, [this] { choosePreset(Preset::Fast); });
    auto sync = [this] {
        start_->setEnabled(!autoWindow_->isChecked());
        end_->setEnabled(!autoWindow_->isChecked());
        if (autoWindow_->isChecked()) {
            grounding::Settings t;
            t.steps = steps_->value();
            start_->setValue(t.resolvedStart());
            end_->setValue(t.resolvedEnd() - 1);
        }
        problem_->setText(problem());
        updatePreset();
    };
    auto check = [this] {
        problem_->setText(problem());
        updatePreset();
    };
    connect(autoWindow_, &QCheckBox::toggled, this, sync);
    connect(steps_, QOverload<int>::of(&QSpinBox::valueChanged), this, sync);
    connect(start_, QOverload<int>::of(&QSpinBox::valueChanged), this, check);
    connect(end_, QOverload<int>::of(&QSpinBox::valueChanged), this, check);
    connect(layers_, &QLineEdit::textChanged, this, check);
    connect(otsu_, &QCheckBox::toggled, this, check);
    fill(s);
    sync();
}

void MethodDialog::fill(const grounding::Settings& s) {
    filling_ = true;
    steps_->setValue(s.steps);
    const grounding::Settings byDefault = [&] {
        grounding::Settings t;
        t.steps = s.steps;
        return t;
    }();
    // The window "from the steps" when it is the default one for these steps.
    autoWindow_->setChecked(s.resolvedStart() == byDefault.resolvedStart() && s.resolvedEnd() == byDefault.resolvedEnd());
    start_->setValue(s.resolvedStart());
    end_->setValue(s.resolvedEnd() - 1);
    QStringList l;
    for (int v : s.layers) l << QString::number(v);
    layers_->setText(l.join(QStringLiteral(", ")));
    otsu_->setChecked(s.otsu);
    filling_ = false;
    updatePreset();
}

void MethodDialog::choosePreset(Preset p) {
    if (p == Preset::Custom) {
        custom_->setChecked(true);
        return;
    }
    grounding::Settings s = p == Preset::Fast ? grounding::fastPreset() : grounding::Settings();
    s.attribution = base_.attribution;
    fill(s);
}

MethodDialog::Preset MethodDialog::preset() const {
    if (paper_->isChecked()) return Preset::Paper;
    if (fast_->isChecked()) return Preset::Fast;
    return Preset::Custom;
}

QRadioButton* MethodDialog::presetButton(Preset p) const {
    return p == Preset::Paper ? paper_ : p == Preset::Fast ? fast_ : custom_;
}

void MethodDialog::updatePreset() {
    if (filling_) return;
    grounding::Settings s = settings();
    s.attribution.clear();
    if (isPaperSettings(s)) paper_->setChecked(true);
    else if (s == grounding::fastPreset()) fast_->setChecked(true);
    else custom_->setChecked(true);
}

grounding::Settings MethodDialog::settings() const {
    grounding::Settings s = base_;
    s.steps = steps_->value();
    if (autoWindow_->isChecked()) {
        s.windowStart = s.windowEnd = -1;
    } else {
        s.windowStart = start_->value();
        s.windowEnd = end_->value() + 1;
    }
    s.layers.clear();
    for (const QString& part : layers_->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int v = part.toInt(&ok);
        s.layers.push_back(ok ? v : -1);
    }
    s.otsu = otsu_->isChecked();
    return s;
}

QString MethodDialog::problem() const {
    const QStringList parts = layers_->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        bool ok = false;
        part.toInt(&ok);
        if (!ok) return tr("\"%1\" is not a layer number.").arg(part);
    }
    if (parts.isEmpty()) return tr("Name at least one layer.");
    const std::string err = settings().validate(layersAvailable_ > 0 ? layersAvailable_ : 1000);
    return QString::fromStdString(err);
}

void MethodDialog::accept() {
    const QString p = problem();
    if (!p.isEmpty()) {
        problem_->setText(p);
        return;
    }
    QDialog::accept();
}

}  // namespace cxr::ui
