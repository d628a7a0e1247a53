#include "compare.h"

#include "eval/metrics.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace cxr::ui {

void showResult(Viewport* view, const grounding::PromptResult& r, const annotate::Layers& style, bool otsu, bool demoModel,
                const QString& legendTitle) {
    const auto img = view->image();
    const QString mark = demoModel ? QCoreApplication::translate("cxr::ui::MainWindow", "demo model - random weights") : QString();
    if (!img || r.originalWidth != img->width || r.originalHeight != img->height) {
        view->clearOverlay();
        return;
    }
    const QImage heat = style.heat ? annotate::heatmapImage(r.original, r.originalWidth, r.originalHeight, style.colourMap,
                                                            style.opacity, style.lower)
                                   : QImage();
    QImage mask;
    QVector<Outline> outlines;  // vector contours: continuous at any zoom
    if (style.mask == MaskMode::Outline)
        outlines << Outline{annotate::maskContours(r.original, r.originalWidth, r.originalHeight), style.maskColour, QString()};
    if (style.mask == MaskMode::Fill) {
        QColor c = style.maskColour;
        c.setAlpha(90);
        mask = annotate::maskFill(r.original, r.originalWidth, r.originalHeight, c);
    }
    view->setOverlay(heat, mask, mark);
    view->setOutlines(outlines);
    Legend legend;
    if (!heat.isNull()) {
        for (int i = 0; i < 256; ++i) legend.colours << annotate::colourAt(style.colourMap, i / 255.0);
        float lo = 1, hi = 0;
        for (float v : r.heatmap)
            if (v > 0) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        legend.minValue = hi >= lo ? lo : 0;
        legend.maxValue = hi >= lo ? hi : 0;
        legend.otsu = otsu ? r.threshold : -1;
        legend.lower = style.lower;
        legend.title = legendTitle;
    }
    view->setLegend(legend);
}

namespace {
// A one-line label that elides its text to its width (the full text is the tool tip): captions of
// different lengths keep the cells of a row the same height, and never widen the grid.
class ElidedLabel : public QLabel {
public:
    using QLabel::QLabel;
    QSize minimumSizeHint() const override { return QSize(20, fontMetrics().height()); }
    QSize sizeHint() const override { return QSize(100, fontMetrics().height()); }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setPen(palette().color(QPalette::WindowText));
        p.setFont(font());
        p.drawText(rect(), Qt::AlignLeft | Qt::AlignVCenter, fontMetrics().elidedText(text(), Qt::ElideRight, width()));
    }
};
}  // namespace

const grounding::PromptResult* CompareView::resultOf(const Viewport* v) const {
    const int i = indexOf(v);
    return i < 0 ? nullptr : cells_[i].item.entry.result.get();
}

CompareView::CompareView(QWidget* parent)
    : QWidget(parent), sync_(new ViewSync(ViewSync::Zoom | ViewSync::Pan | ViewSync::Window | ViewSync::Crosshair, this)) {
    connect(sync_, &ViewSync::cursorMoved, this, &CompareView::cellCursor);
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Layout:"), this));
    shape_ = new QComboBox(this);
    shape_->addItem(QStringLiteral("1 × 2"), QPoint(1, 2));
    shape_->addItem(QStringLiteral("2 × 2"), QPoint(2, 2));
    shape_->addItem(QStringLiteral("2 × 3"), QPoint(2, 3));
    bar->addWidget(shape_);
    prompts_ = new QLineEdit(this);
    prompts_->setPlaceholderText(tr("Ground more sentences into the grid (separate them with ';'), Enter"));
    bar->addWidget(prompts_, 1);
    lay->addLayout(bar);
    hint_ = new QLabel(tr("Add grounded prompts with the Grounding panel's \"Compare\" (right-click a prompt), or type sentences above."), this);
    hint_->setWordWrap(true);
    hint_->setAlignment(Qt::AlignCenter);
    lay->addWidget(hint_);
    gridHost_ = new QWidget(this);
    grid_ = new QGridLayout(gridHost_);
    grid_->setContentsMargins(0, 0, 0, 0);
    grid_->setSpacing(4);
    lay->addWidget(gridHost_, 1);
    connect(shape_, QOverload<int>::of(&QComboBox::currentIndexChanged), this, [this] {
        const QPoint rc = shape_->currentData().toPoint();
        setShape(rc.x(), rc.y());
    });
    connect(prompts_, &QLineEdit::returnPressed, this, [this] {
        QStringList list;
        for (const QString& p : prompts_->text().split(QLatin1Char(';'), Qt::SkipEmptyParts))
            if (!p.simplified().isEmpty()) list << p.simplified();
        if (list.isEmpty()) return;
        prompts_->clear();
        Q_EMIT groundInGrid(list);
    });
    relayout();
}

void CompareView::setShape(int rows, int cols) {
    rows_ = std::clamp(rows, 1, 2);
    cols_ = std::clamp(cols, 2, 3);
    for (int i = 0; i < shape_->count(); ++i)
        if (shape_->itemData(i).toPoint() == QPoint(rows_, cols_) && shape_->currentIndex() != i) {
            const QSignalBlocker b(shape_);
            shape_->setCurrentIndex(i);
        }
    while (count() > rows_ * cols_) removeItem(count() - 1);
    relayout();
}

void CompareView::relayout() {
    for (auto& c : cells_) grid_->removeWidget(c.frame);
    for (int i = 0; i < count(); ++i) grid_->addWidget(cells_[i].frame, i / cols_, i % cols_);
    for (int r = 0; r < 2; ++r) grid_->setRowStretch(r, r < rows_ ? 1 : 0);
    for (int c = 0; c < 3; ++c) grid_->setColumnStretch(c, c < cols_ ? 1 : 0);
    hint_->setVisible(cells_.isEmpty());
}

bool CompareView::addItem(const CompareItem& item) {
    if (count() >= rows_ * cols_) {
        // Grow the layout before refusing: 1x2 -> 2x2 -> 2x3.
        if (rows_ * cols_ == 2) setShape(2, 2);
        else if (rows_ * cols_ == 4) setShape(2, 3);
        else return false;
    }
    Cell c;
    c.item = item;
    c.frame = new QWidget(gridHost_);
    auto* v = new QVBoxLayout(c.frame);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    auto* top = new QHBoxLayout;
    c.caption = new ElidedLabel(c.frame);
    c.caption->setTextFormat(Qt::PlainText);
    QFont f = c.caption->font();
    f.setBold(true);
    c.caption->setFont(f);
    c.link = new QCheckBox(tr("linked"), c.frame);
    c.link->setChecked(true);
    c.link->setToolTip(tr("Zoom, pan and window follow the other linked cells"));
    c.close = new QToolButton(c.frame);
    c.close->setText(QStringLiteral("×"));
    c.close->setToolTip(tr("Remove from the grid"));
    top->addWidget(c.caption, 1);
    top->addWidget(c.link);
    top->addWidget(c.close);
    v->addLayout(top);
    c.view = new Viewport(c.frame);
    c.view->setMinimumSize(100, 100);  // six cells fit beside the panels at 1280 x 800
    v->addWidget(c.view, 1);
    c.metrics = new ElidedLabel(c.frame);
    c.metrics->setTextFormat(Qt::PlainText);
    v->addWidget(c.metrics);
    Viewport* view = c.view;
    connect(c.close, &QToolButton::clicked, this, [this, view] { removeItem(indexOf(view)); });
    connect(c.link, &QCheckBox::toggled, this, [this, view](bool on) { sync_->setLinked(view, on); });
    cells_.push_back(c);
    const int index = count() - 1;
    view->setImage(item.image);
    refreshCell(index);
    relayout();
    sync_->add(view);  // joins the linked cells: takes their zoom, pan and window
    Q_EMIT countChanged();
    return true;
}

void CompareView::removeItem(int index) {
    if (index < 0 || index >= count()) return;
    Cell c = cells_.takeAt(index);
    sync_->remove(c.view);
    grid_->removeWidget(c.frame);
    c.frame->deleteLater();
    relayout();
    Q_EMIT countChanged();
}

void CompareView::clear() {
    while (count() > 0) removeItem(count() - 1);
}

int CompareView::indexOf(const Viewport* v) const {
    for (int i = 0; i < count(); ++i)
        if (cells_[i].view == v) return i;
    return -1;
}

bool CompareView::linked(int index) const { return index >= 0 && index < count() && cells_[index].link->isChecked(); }
void CompareView::setLinked(int index, bool on) {
    if (index >= 0 && index < count()) cells_[index].link->setChecked(on);
}
QString CompareView::cellCaption(int index) const { return cells_[index].caption->text(); }
QString CompareView::cellMetrics(int index) const { return cells_[index].metrics->text(); }
bool CompareView::metricsPending() const {
    return std::any_of(cells_.begin(), cells_.end(), [](const Cell& c) { return c.metricsRunning; });
}

void CompareView::setStyle(const annotate::Layers& style) {
    style_ = style;
    for (int i = 0; i < count(); ++i) refreshCell(i);
}

void CompareView::refreshCell(int index) {
    Cell& c = cells_[index];
    const GroundedPrompt& e = c.item.entry;
    c.caption->setText(e.name + (e.negated ? tr("  (negated)") : QString()) +
                       (c.item.imageName.isEmpty() ? QString() : QStringLiteral("  —  %1").arg(c.item.imageName)));
    c.caption->setToolTip(c.caption->text() + QLatin1Char('\n') + shortened(e.prompt, 500) + QLatin1Char('\n') +
                          settingsSummary(e.settings));
    showResult(c.view, *e.result, style_, e.settings.otsu, c.item.demoModel, tr("heat (normalised)"));
    c.view->setBoxes(c.item.boxes);
    c.view->setBoxesVisible(style_.boxes);
    std::vector<eval::Box> boxes;
    QString which;
    if (!metricBoxes(e.prompt, c.item.boxes, &boxes, &which)) {
        c.metrics->setText(QString());
        c.metrics->setVisible(false);
        return;
    }
    c.metrics->setVisible(true);
    c.metrics->setText(tr("Metrics: computing…"));
    c.metricsRunning = true;
    auto result = e.result;
    Viewport* view = c.view;
    auto* watcher = new QFutureWatcher<eval::Metrics>(this);
    connect(watcher, &QFutureWatcher<eval::Metrics>::finished, this, [this, watcher, view, which] {
        watcher->deleteLater();
        const int i = indexOf(view);
        if (i < 0) return;
        const eval::Metrics m = watcher->result();
        cells_[i].metricsRunning = false;
        cells_[i].metrics->setText(tr("|CNR| %1  CNR %2  mIoU %3 %  AUC %4 % (%5)")
                                       .arg(m.cnrAbs, 0, 'f', 3)
                                       .arg(m.cnr, 0, 'f', 3)
                                       .arg(m.miou * 100, 0, 'f', 1)
                                       .arg(m.aurocBinned * 100, 0, 'f', 1)
                                       .arg(which));
    });
    watcher->setFuture(QtConcurrent::run([result, boxes] {
        return eval::computeAll(result->original, result->originalWidth, result->originalHeight, boxes);
    }));
}

QImage CompareView::cellPicture(int index, bool originalResolution) const {
    const Cell& c = cells_[index];
    const GroundedPrompt& e = c.item.entry;
    annotate::Layers layers = style_;
    for (const auto& b : c.item.boxes) layers.boxList.push_back({b.rect, b.label});
    annotate::Caption cap;
    cap.prompt = e.prompt;
    cap.negated = e.negated;
    cap.demoModel = c.item.demoModel;
    cap.otsu = e.settings.otsu ? e.result->threshold : -1;
    cap.details = settingsSummary(e.settings) + (c.metrics->isVisible() ? QStringLiteral(" | ") + c.metrics->text() : QString()) +
                  (c.item.imageName.isEmpty() ? QString() : QStringLiteral(" | ") + c.item.imageName);
    QImage picture;
    if (originalResolution) {
        picture = annotate::burnIn(c.view->rendered(), e.result->original, e.result->originalWidth, e.result->originalHeight,
                                   layers, cap, c.view->geometry());
    } else {
        picture = c.view->grab().toImage();
    }
    return annotate::withFooter(picture, layers, cap);
}

QImage CompareView::exportGrid(bool originalResolution) const {
    QVector<QImage> pictures;
    for (int i = 0; i < count(); ++i) pictures << cellPicture(i, originalResolution);
    return annotate::grid(pictures, rows_, cols_);
}

}  // namespace cxr::ui
