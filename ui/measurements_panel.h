// The Measurements dock: the tools (distance, angle, rectangle, ellipse, cardiothoracic ratio),
// the list of the shown image's measurements with their values (double-click or F2 names one,
// Delete removes it), and what the lengths mean for this image (calibrated, not calibrated,
// pixels). It presents the main viewport's measurements and edits them through it.
#pragma once

#include <QDockWidget>
#include <QList>

class QAction;
class QLabel;
class QTreeWidget;
class QPushButton;

namespace cxr::ui {

class Viewport;

class MeasurementsPanel : public QDockWidget {
    Q_OBJECT
public:
    MeasurementsPanel(Viewport* view, const QList<QAction*>& tools, QWidget* parent = nullptr);
    void refresh();  // after the view's image or measurements changed
    QTreeWidget* list() const { return list_; }  // name (editable), values
    QString note() const;
    int currentRow() const;

protected:
    bool eventFilter(QObject* o, QEvent* e) override;

private:
    Viewport* view_;
    QTreeWidget* list_;
    QLabel* note_;
    QPushButton* remove_;
    QPushButton* removeAll_;
    bool filling_ = false;
};

}  // namespace cxr::ui
