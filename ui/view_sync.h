// A small reusable synchronizer for linked views: what one linked viewport does to its zoom, pan
// or window, the other linked viewports follow; the cursor in one marks the same relative image
// point in every other one (crosshair). Used by the compare grid and the side-by-side layouts.
#pragma once

#include <QFlags>
#include <QObject>
#include <QVector>

namespace cxr::ui {

class Viewport;

class ViewSync : public QObject {
    Q_OBJECT
public:
    enum Aspect { Zoom = 0x1, Pan = 0x2, Window = 0x4, Crosshair = 0x8 };
    Q_DECLARE_FLAGS(Aspects, Aspect)

    explicit ViewSync(Aspects aspects, QObject* parent = nullptr);
    Aspects aspects() const { return aspects_; }

    // A view joins linked: it takes the first other linked view's zoom, pan and window.
    void add(Viewport* view, bool linked = true);
    void remove(Viewport* view);
    void clear();
    QVector<Viewport*> views() const;
    void setLinked(Viewport* view, bool linked);  // a view that joins again takes the others' state
    bool linked(const Viewport* view) const;

Q_SIGNALS:
    // The image pixel under the cursor in a view (-1, -1: it left the image).
    void cursorMoved(cxr::ui::Viewport* view, int x, int y);

private:
    void viewChanged(Viewport* from);
    void windowChanged(Viewport* from);
    void cursorIn(Viewport* from, int x, int y);
    void follow(Viewport* view);  // takes the state of the first other linked view
    int indexOf(const Viewport* view) const;

    struct Member {
        Viewport* view = nullptr;
        bool linked = true;
    };
    Aspects aspects_;
    QVector<Member> members_;
    bool syncing_ = false;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(ViewSync::Aspects)

}  // namespace cxr::ui
