#include "side_by_side.h"

#include "annotate/overlay.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace cxr::ui {

SideBySideView::SideBySideView(QWidget* parent) : QWidget(parent) {
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    title_ = new QLabel(this);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    title_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);  // never widens the window
    link_ = new QCheckBox(tr("linked"), this);
    link_->setChecked(true);
    bar->addWidget(title_, 1);
    bar->addWidget(link_);
    lay->addLayout(bar);
    auto* grid = new QGridLayout;
    grid->setSpacing(4);
    for (int i = 0; i < 2; ++i) {
        captions_[i] = new QLabel(this);
        captions_[i]->setTextFormat(Qt::PlainText);
        captions_[i]->setMinimumWidth(50);
        captions_[i]->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);  // long names never widen the view
        views_[i] = new Viewport(this);
        views_[i]->setMinimumSize(100, 100);  // as small as a compare cell: the layout fits beside the panels
        grid->addWidget(captions_[i], 0, i);
        grid->addWidget(views_[i], 1, i);
        grid->setColumnStretch(i, 1);
    }
    grid->setRowStretch(1, 1);
    lay->addLayout(grid, 1);
    setMode(Mode::PriorCurrent);
    connect(link_, &QCheckBox::toggled, this, [this](bool on) {
        for (Viewport* v : views_) sync_->setLinked(v, on);
    });
}

void SideBySideView::setMode(Mode mode) {
    mode_ = mode;
    // Prior and current come from different acquisitions: their grey values are not comparable, so
    // each keeps its window. The PA and lateral of one study share the exposure.
    const ViewSync::Aspects aspects = mode == Mode::PriorCurrent ? ViewSync::Zoom | ViewSync::Pan | ViewSync::Crosshair
                                                                 : ViewSync::Zoom | ViewSync::Pan | ViewSync::Window;
    if (!sync_ || sync_->aspects() != aspects) {
        delete sync_;
        sync_ = new ViewSync(aspects, this);
        connect(sync_, &ViewSync::cursorMoved, this, &SideBySideView::cursorMoved);
        for (Viewport* v : views_) {
            v->setCrosshair(QPointF(-1, -1));
            sync_->add(v, link_->isChecked());
        }
    }
    title_->setText(mode == Mode::PriorCurrent ? tr("Current study and prior (same patient)") : tr("PA and lateral (same study)"));
    link_->setToolTip(mode == Mode::PriorCurrent ? tr("Zoom and pan follow each other; the cursor is marked on the other side")
                                                 : tr("Zoom, pan and window follow each other"));
}

void SideBySideView::setSide(int side, std::shared_ptr<const Image> image, const QString& caption, const QString& path) {
    if (side < 0 || side > 1) return;
    const bool same = paths_[side] == path && views_[side]->image() == image;
    paths_[side] = path;
    captions_[side]->setText(caption);
    captions_[side]->setToolTip(path);
    if (same) return;
    if (image) views_[side]->setImage(std::move(image));
    else views_[side]->clear();
    // The new image takes the other side's zoom and pan when linked.
    if (linked() && views_[1 - side]->hasImage() && views_[side]->hasImage()) {
        sync_->setLinked(views_[side], false);
        sync_->setLinked(views_[side], true);
    }
}

void SideBySideView::clear() {
    for (int i = 0; i < 2; ++i) setSide(i, nullptr, QString(), QString());
}

QString SideBySideView::caption(int side) const { return captions_[side]->text(); }
bool SideBySideView::linked() const { return link_->isChecked(); }
void SideBySideView::setLinked(bool on) { link_->setChecked(on); }

void SideBySideView::setInfoVisible(bool on) {
    for (Viewport* v : views_) v->setInfoVisible(on);
}

void SideBySideView::setCornerFields(CornerFields fields) {
    for (Viewport* v : views_) v->setCornerFields(fields);
}

QImage SideBySideView::picture() const {
    QVector<QImage> cells;
    static const std::vector<float> none;
    for (const Viewport* v : views_)
        if (v->hasImage()) cells << annotate::burnIn(v->rendered(), none, 0, 0, annotate::Layers(), annotate::Caption(), v->geometry());
    return annotate::grid(cells, 1, std::max<int>(1, int(cells.size())));
}

}  // namespace cxr::ui
