// Two images side by side with linked views (ViewSync): the current study beside a prior of the
// same patient (zoom, pan and crosshair linked), or the PA beside the lateral of one study (zoom,
// pan and window linked). Each side has a caption and the reading aids of the main view.
#pragma once

#include "view_sync.h"
#include "viewport.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;

namespace cxr::ui {

class SideBySideView : public QWidget {
    Q_OBJECT
public:
    enum class Mode { PriorCurrent, PaLateral };
    explicit SideBySideView(QWidget* parent = nullptr);

    void setMode(Mode mode);
    Mode mode() const { return mode_; }
    // The two sides; a side without an image shows `caption` as its message.
    void setSide(int side, std::shared_ptr<const Image> image, const QString& caption, const QString& path);
    void clear();
    Viewport* view(int side) const { return views_[side]; }
    QString caption(int side) const;
    QString path(int side) const { return paths_[side]; }
    ViewSync* sync() const { return sync_; }
    bool linked() const;
    void setLinked(bool on);
    void setInfoVisible(bool on);
    void setCornerFields(CornerFields fields);
    // Both sides as one picture (each turned as shown), for File > Export.
    QImage picture() const;

Q_SIGNALS:
    void cursorMoved(cxr::ui::Viewport* view, int x, int y);

private:
    Mode mode_ = Mode::PriorCurrent;
    QLabel* title_;
    QCheckBox* link_;
    QLabel* captions_[2];
    Viewport* views_[2];
    QString paths_[2];
    ViewSync* sync_ = nullptr;
};

}  // namespace cxr::ui
