// GroundingPanel, continued: the notes and numbers shown beside the grounded sentence (the
// cardiothoracic ratio for sentences about the heart's size, metrics against ground-truth boxes).
#include "grounding.h"

#include "eval/metrics.h"
#include "text/report.h"

#include <QFutureWatcher>
#include <QLabel>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace cxr::ui {

// ---- the cardiothoracic ratio beside sentences about the heart's size ---------------------------

void GroundingPanel::setCardiothoracicRatio(const QString& text) {
    ctrText_ = text;
    updateHeartNote();
}

void GroundingPanel::updateHeartNote() {
    const GroundedPrompt* e = displayedEntry();
    QString note;
    if (e && text::mentionsHeartSize(e->prompt.toStdString()))
        note = ctrText_.isEmpty() ? tr("About the heart's size: measure the cardiothoracic ratio (C: two widths, heart then thorax).")
                                  : tr("Measured on this image: %1").arg(ctrText_);
    heartLabel_->setText(note);
    heartLabel_->setVisible(!note.isEmpty());
}

QString GroundingPanel::heartSizeNote() const { return heartLabel_->isHidden() ? QString() : heartLabel_->text(); }

// ---- metrics against ground-truth boxes ----------------------------------------------------------

void GroundingPanel::setGroundTruth(const QVector<GroundTruthBox>& boxes) {
    truth_ = boxes;
    recomputeMetrics();
}

namespace {
QString normalisedSentence(const QString& s) {
    QString t = s.simplified().toLower();
    while (t.endsWith(QLatin1Char('.'))) t.chop(1);
    return t;
}
}  // namespace

bool metricBoxes(const QString& prompt, const QVector<GroundTruthBox>& truth, std::vector<eval::Box>* boxes, QString* which) {
    boxes->clear();
    if (truth.isEmpty()) return false;
    const QString mine = normalisedSentence(prompt);
    for (const auto& b : truth)
        if (!b.label.isEmpty() && normalisedSentence(b.label) == mine) boxes->push_back({b.rect.x(), b.rect.y(), b.rect.width(), b.rect.height()});
    const bool matched = !boxes->empty();
    if (!matched)
        for (const auto& b : truth) boxes->push_back({b.rect.x(), b.rect.y(), b.rect.width(), b.rect.height()});
    *which = matched ? GroundingPanel::tr("%n box(es) of this sentence", nullptr, int(boxes->size()))
                     : GroundingPanel::tr("all %n box(es)", nullptr, int(boxes->size()));
    return true;
}

void GroundingPanel::recomputeMetrics() {
    const quint64 generation = ++metricsGeneration_;
    haveMetrics_ = false;
    const grounding::PromptResult* r = displayedResult();
    const GroundedPrompt* e = displayedEntry();
    if (!r || !e || truth_.isEmpty()) {
        metricsRunning_ = false;
        metricsText_ = truth_.isEmpty() ? QString() : tr("Metrics: select a grounded prompt.");
        metrics_Label_->setText(metricsText_);
        Q_EMIT metricsChanged();
        return;
    }
    std::vector<eval::Box> boxes;
    QString which;
    metricBoxes(e->prompt, truth_, &boxes, &which);
    metricsRunning_ = true;
    metricsText_ = tr("Metrics against %1: computing…").arg(which);
    metrics_Label_->setText(metricsText_);
    // At original size the exact AUC sorts millions of values: off the event loop.
    auto map = std::make_shared<std::vector<float>>(r->original);
    const int w = r->originalWidth, h = r->originalHeight;
    auto* watcher = new QFutureWatcher<eval::Metrics>(this);
    connect(watcher, &QFutureWatcher<eval::Metrics>::finished, this, [this, watcher, generation, which] {
        watcher->deleteLater();
        if (generation != metricsGeneration_) return;  // the selection moved on
        const eval::Metrics m = watcher->result();
        metricsRunning_ = false;
        haveMetrics_ = true;
        metrics_[0] = m.cnrAbs;
        metrics_[1] = m.cnr;
        metrics_[2] = m.miou;
        metrics_[3] = m.aurocBinned;
        metrics_[4] = m.auroc;
        metricsText_ = tr("Against %1:\n|CNR| %2   CNR %3\nmIoU %4 %   AUC-ROC %5 % (exact %6 %)")
                           .arg(which)
                           .arg(m.cnrAbs, 0, 'f', 3)
                           .arg(m.cnr, 0, 'f', 3)
                           .arg(m.miou * 100, 0, 'f', 1)
                           .arg(m.aurocBinned * 100, 0, 'f', 1)
                           .arg(m.auroc * 100, 0, 'f', 1);
        metrics_Label_->setText(metricsText_);
        Q_EMIT metricsChanged();
    });
    watcher->setFuture(QtConcurrent::run([map, w, h, boxes] { return eval::computeAll(*map, w, h, boxes); }));
}

QString GroundingPanel::metricsText() const { return metricsText_; }

bool GroundingPanel::currentMetrics(double* cnrAbs, double* cnr, double* miou, double* aucBinned, double* auc) const {
    if (!haveMetrics_) return false;
    *cnrAbs = metrics_[0];
    *cnr = metrics_[1];
    *miou = metrics_[2];
    *aucBinned = metrics_[3];
    *auc = metrics_[4];
    return true;
}

}  // namespace cxr::ui
