#include "method_dialog.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cxr::ui {

QString settingsKey(const grounding::Settings& s) {
    QStringList layers;
    for (int l : s.layers) layers << QString::number(l);
    return QStringLiteral("steps=%1;window=%2-%3;layers=%4;otsu=%5;sigma=%6;precision=%7")
        .arg(s.steps)
        .arg(s.resolvedStart())
        .arg(s.resolvedEnd())
        .arg(layers.join(QLatin1Char(',')))
        .arg(s.otsu ? 1 : 0)
        .arg(s.blurSigma)
        .arg(QString::fromStdString(s.precision));
}

bool isPaperSettings(const grounding::Settings& s) {
    const grounding::Settings paper;
    return s.steps == paper.steps && s.resolvedStart() == paper.resolvedStart() && s.resolvedEnd() == paper.resolvedEnd() &&
           s.layers == paper.layers && s.otsu == paper.otsu && s.blurSigma == paper.blurSigma;
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
    auto* intro = new QLabel(tr("The paper's settings are 300 inversion steps, the attention window of calls 120-179 and "
                                "cross-attention layers 3, 4, 6, 7 with the Otsu mask."),
                             this);
    intro->setWordWrap(true);
    lay->addWidget(intro);
    auto* form = new QFormLayout;
    steps_ = new QSpinBox(this);
    steps_->setRange(10, 1000);
    steps_->setValue(s.steps);
    form->addRow(tr("Inversion steps:"), steps_);
    autoWindow_ = new QCheckBox(tr("Window from the steps (middle fifth)"), this);
    autoWindow_->setChecked(s.windowStart < 0 && s.windowEnd < 0);
    form->addRow(autoWindow_);
    start_ = new QSpinBox(this);
    end_ = new QSpinBox(this);
    start_->setRange(0, 2000);
    end_->setRange(1, 2000);
    start_->setValue(s.resolvedStart());
    end_->setValue(s.resolvedEnd() - 1);
    form->addRow(tr("First call of the window:"), start_);
    form->addRow(tr("Last call of the window:"), end_);
    layers_ = new QLineEdit(this);
    QStringList l;
    for (int v : s.layers) l << QString::number(v);
    layers_->setText(l.join(QStringLiteral(", ")));
    layers_->setToolTip(tr("Cross-attention layers in execution order, counted from 0 (this model has %1).").arg(crossAttentionLayers));
    form->addRow(tr("Layers:"), layers_);
    otsu_ = new QCheckBox(tr("Mask the map with its Otsu threshold"), this);
    otsu_->setChecked(s.otsu);
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
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        const grounding::Settings paper;
        steps_->setValue(paper.steps);
        autoWindow_->setChecked(true);
        layers_->setText(QStringLiteral("3, 4, 6, 7"));
        otsu_->setChecked(true);
    });
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
    };
    connect(autoWindow_, &QCheckBox::toggled, this, sync);
    connect(steps_, QOverload<int>::of(&QSpinBox::valueChanged), this, sync);
    connect(start_, QOverload<int>::of(&QSpinBox::valueChanged), this, [this] { problem_->setText(problem()); });
    connect(end_, QOverload<int>::of(&QSpinBox::valueChanged), this, [this] { problem_->setText(problem()); });
    connect(layers_, &QLineEdit::textChanged, this, [this] { problem_->setText(problem()); });
    sync();
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
