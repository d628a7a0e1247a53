#include "view_sync.h"

#include "viewport.h"

namespace cxr::ui {

ViewSync::ViewSync(Aspects aspects, QObject* parent) : QObject(parent), aspects_(aspects) {}

int ViewSync::indexOf(const Viewport* view) const {
    for (int i = 0; i < members_.size(); ++i)
        if (members_[i].view == view) return i;
    return -1;
}

QVector<Viewport*> ViewSync::views() const {
    QVector<Viewport*> out;
    for (const Member& m : members_) out << m.view;
    return out;
}

void ViewSync::add(Viewport* view, bool linked) {
    if (!view || indexOf(view) >= 0) return;
    members_.push_back({view, linked});
    connect(view, &Viewport::viewChanged, this, [this, view] { viewChanged(view); });
    connect(view, &Viewport::displayChanged, this, [this, view] { windowChanged(view); });
    connect(view, &Viewport::cursorOverPixel, this, [this, view](int x, int y) {
        cursorIn(view, x, y);
        Q_EMIT cursorMoved(view, x, y);
    });
    connect(view, &QObject::destroyed, this, [this, view] {
        const int i = indexOf(view);
        if (i >= 0) members_.remove(i);
    });
    if (linked) follow(view);
}

void ViewSync::remove(Viewport* view) {
    const int i = indexOf(view);
    if (i < 0) return;
    disconnect(view, nullptr, this, nullptr);
    view->setCrosshair(QPointF(-1, -1));
    members_.remove(i);
}

void ViewSync::clear() {
    while (!members_.isEmpty()) remove(members_.last().view);
}

bool ViewSync::linked(const Viewport* view) const {
    const int i = indexOf(view);
    return i >= 0 && members_[i].linked;
}

void ViewSync::setLinked(Viewport* view, bool on) {
    const int i = indexOf(view);
    if (i < 0 || members_[i].linked == on) return;
    members_[i].linked = on;
    if (on) follow(view);
    else view->setCrosshair(QPointF(-1, -1));
}

void ViewSync::follow(Viewport* view) {
    for (const Member& m : members_)
        if (m.view != view && m.linked) {
            syncing_ = true;
            if (aspects_ & (Zoom | Pan)) view->syncViewFrom(*m.view, aspects_ & Zoom, aspects_ & Pan);
            if (aspects_ & Window) view->syncWindowFrom(*m.view);
            syncing_ = false;
            return;
        }
}

void ViewSync::viewChanged(Viewport* from) {
    if (syncing_ || !(aspects_ & (Zoom | Pan)) || !linked(from)) return;
    syncing_ = true;
    for (const Member& m : members_)
        if (m.view != from && m.linked) m.view->syncViewFrom(*from, aspects_ & Zoom, aspects_ & Pan);
    syncing_ = false;
}

void ViewSync::windowChanged(Viewport* from) {
    if (syncing_ || !(aspects_ & Window) || !linked(from)) return;
    syncing_ = true;
    for (const Member& m : members_)
        if (m.view != from && m.linked) m.view->syncWindowFrom(*from);
    syncing_ = false;
}

void ViewSync::cursorIn(Viewport* from, int x, int y) {
    if (!(aspects_ & Crosshair)) return;
    const auto img = from->image();
    const bool show = img && x >= 0;  // in every other view, linked or not: where is this point there?
    for (const Member& m : members_) {
        if (m.view == from || !show) m.view->setCrosshair(QPointF(-1, -1));
        else m.view->setCrosshair(QPointF((x + 0.5) / img->width, (y + 0.5) / img->height));
    }
}

}  // namespace cxr::ui
